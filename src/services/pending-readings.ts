// A note's reading waiting for Confirm, Edit or Cancel. The buttons carry only
// its id and the case: the note may be near 2,000 characters (more than a
// button value holds once escaped), and what Confirm writes must be what the
// collector was shown, not what a crafted payload says. Readings live in Redis
// (REDIS_URL, under RELANCE_QUEUE_PREFIX) for a day, and are deleted once
// logged or cancelled; no migration, and nothing kept past its use.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { Env } from '../config/env.ts';
import { CALL_OUTCOMES, DISPUTE_REASONS } from '../domain/call-outcomes.ts';
import type { CallNoteReading } from '../ai/call-note.ts';
import type { Logger } from '../log.ts';
import type { ReadingSource } from './read-call-note.ts';

/** How long a reading waits for a click. */
export const PENDING_READING_TTL_SECONDS = 24 * 60 * 60;

export interface PendingReading {
  workspaceId: string;
  userId: string;
  caseId: number;
  name: string;
  ref: string;
  channelId: string;
  note: string;
  reading: CallNoteReading;
  source: ReadingSource;
  aiSkipped: string | null;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const money = z.object({ cents: z.number().int(), currency: z.string() });
const stored = z.object({
  workspaceId: z.string(), userId: z.string(), caseId: z.number().int().positive(), name: z.string(), ref: z.string(),
  channelId: z.string(), note: z.string(), source: z.enum(['ai', 'rules']), aiSkipped: z.string().nullable(),
  reading: z.object({
    outcome: z.enum(CALL_OUTCOMES).nullable(),
    amount: money.nullable(),
    date: isoDate.nullable(),
    plan: z.object({ count: z.number().int(), every: z.enum(['week', '2 weeks', 'month']) }).nullable(),
    nextStep: z.union([z.literal('none'), z.literal('escalate'), z.object({ callBack: isoDate })]),
    dispute: z.enum(DISPUTE_REASONS).nullable(),
    summary: z.string().nullable(),
    dropped: z.array(z.enum(['amount', 'date', 'plan', 'next_step', 'summary'])),
  }),
});

export interface PendingReadings {
  put(reading: PendingReading): Promise<string>;
  get(id: string): Promise<PendingReading | null>;
  drop(id: string): Promise<void>;
  close(): Promise<void>;
}

/** What a button may name: the ids put() makes. */
export const isReadingId = (id: string) => /^[A-Za-z0-9_-]{16}$/.test(id);

export function redisPendingReadings(env: Pick<Env, 'REDIS_URL' | 'RELANCE_QUEUE_PREFIX'>, logger?: Logger): PendingReadings {
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000 });
  redis.on('error', (error: Error) => logger?.warn({ err: error.message }, 'redis connection problem (pending call-note readings)'));
  const key = (id: string) => `${env.RELANCE_QUEUE_PREFIX}:call-note-reading:${id}`;
  return {
    async put(reading) {
      const id = randomBytes(12).toString('base64url');
      await redis.set(key(id), JSON.stringify(reading), 'EX', PENDING_READING_TTL_SECONDS);
      return id;
    },
    async get(id) {
      if (!isReadingId(id)) return null;
      const raw = await redis.get(key(id));
      if (raw === null) return null;
      try {
        const parsed = stored.safeParse(JSON.parse(raw));
        return parsed.success ? (parsed.data as PendingReading) : null;
      } catch {
        return null;
      }
    },
    async drop(id) {
      if (isReadingId(id)) await redis.del(key(id));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

// One store per running app, found from the request's environment (each app, and
// each test app, has its own Env object); registered with the app's listeners.
const stores = new WeakMap<object, PendingReadings>();

export function registerPendingReadings(env: Env, readings: PendingReadings): void {
  stores.set(env, readings);
}

/** The store of the app this request came to; null outside an app (then the form opens instead). */
export const pendingReadingsFor = (env: Env): PendingReadings | null => stores.get(env) ?? null;

export async function closePendingReadings(env: Env): Promise<void> {
  const store = stores.get(env);
  stores.delete(env);
  await store?.close();
}

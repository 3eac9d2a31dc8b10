// Boots the real app for a test file: its own database, the Slack emulator on
// loopback, Bolt over real HTTP, and a sender that signs requests as Slack does.
import { loadEnv, type Env } from '../../src/config/env.ts';
import type { Database } from '../../src/db/client.ts';
import { createLogger } from '../../src/log.ts';
import { createSlackApp, type RunningSlackApp } from '../../src/slack/app.ts';
import type { AppDeps } from '../../src/slack/deps.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import { SlackSender, type SenderTransport } from '../../src/emulator/sender.ts';
import { DEMO_APP_TOKEN, DEMO_BOT_TOKEN } from '../../src/emulator/seed.ts';
import { openTestDatabase } from './pg.ts';
import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import { callRemindersQueue, channelPostsQueue, digestQueue } from '../../jobs/queues.ts';
import { queueConfig } from '../../jobs/workers.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = DEMO_BOT_TOKEN;

export interface TestApp {
  env: Env;
  database: Database;
  emulator: SlackEmulator;
  sender: SlackSender;
  app: RunningSlackApp;
  clock: { now: Date; set(iso: string): void };
  queue: Queue;
  /** The channel posters' queue (case threads); the app kicks it after each request. */
  postQueue: Queue;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** `socket-mode`: the app connects to the emulator with an app-level token, and the sender speaks over that socket. */
  transport?: SenderTransport;
}

/** Socket Mode reconnects this long after Slack closes the connection (Bolt waits 5 s). */
const SOCKET_MODE_RECONNECT_MS = 1000;

export async function startTestApp(overrides: Partial<Record<string, string>> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const socketMode = options.transport === 'socket-mode';
  const testDb = await openTestDatabase(5);
  const { database } = testDb;
  const clock = {
    now: new Date('2026-11-23T09:30:00Z'),
    set(iso: string) { this.now = new Date(iso); },
  };
  // Slack's clock is ours: message timestamps and the app's "now" agree, as in production.
  const emulator = await startSlackEmulator({ clock: () => clock.now.getTime() });
  const env = loadEnv({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: emulator.apiUrl,
    DATABASE_URL: testDb.url,
    RELANCE_TZ: 'Europe/Paris',
    RELANCE_LOCALE: 'en',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    RELANCE_QUEUE_PREFIX: `relance-test-${randomBytes(4).toString('hex')}`,
    ...(socketMode ? { SLACK_APP_TOKEN: DEMO_APP_TOKEN } : {}),
    ...overrides,
  });
  const queue = digestQueue(queueConfig(env));
  const postQueue = channelPostsQueue(queueConfig(env));
  const reminderQueue = callRemindersQueue(queueConfig(env));
  const deps: AppDeps = {
    digestQueue: queue,
    postQueue,
    reminderQueue,
    database,
    env,
    clock: () => clock.now,
    logger: createLogger(env.LOG_LEVEL),
    readiness: async () => ({ ok: true, checks: { database: { ok: true }, redis: { ok: true } } }),
  };
  const app = await createSlackApp(
    deps,
    { token: BOT_TOKEN, signingSecret: SIGNING_SECRET, ...(socketMode ? { appToken: env.SLACK_APP_TOKEN } : {}) },
    { socketModeClientPingTimeoutMs: SOCKET_MODE_RECONNECT_MS },
  ).start(0);
  const sender = socketMode
    ? new SlackSender({ transport: 'socket-mode', signingSecret: SIGNING_SECRET, emulator })
    : new SlackSender({ appUrl: `http://127.0.0.1:${app.port}/slack/events`, signingSecret: SIGNING_SECRET, emulator });
  return {
    env, database, emulator, sender, app, clock, queue, postQueue,
    async close() {
      await app.stop().catch(() => {});
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      await postQueue.obliterate({ force: true }).catch(() => {});
      await postQueue.close();
      await reminderQueue.obliterate({ force: true }).catch(() => {});
      await reminderQueue.close();
      await emulator.close();
      await testDb.close();
    },
  };
}

// The sandbox: relance's real bot against the local Slack emulator, with the
// demo workspace seeded, and a web page (src/sandbox/page-server.ts) that plays
// the Slack client. Everything the page does reaches the bot as signed HTTP,
// exactly as from Slack. Nothing leaves this machine: the sandbox drops SMTP and
// OpenAI settings, so mails go to the outbox and notes are read by the rules.
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Env } from '../config/env.ts';
import { rows, type Database } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { seedDemoWorkspace } from '../demo/seed.ts';
import { SlackSender } from '../emulator/sender.ts';
import { startSlackEmulator, type SlackEmulator } from '../emulator/server.ts';
import {
  DEMO_ADMIN_ID, DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_OUTSIDER_ID, DEMO_SIGNING_SECRET, DEMO_TEAM_ID,
} from '../emulator/seed.ts';
import type { Logger } from '../log.ts';
import { createSlackApp } from '../slack/app.ts';
import { closeNoteConfirmation } from '../slack/note-confirmation.ts';
import { emlPath } from '../cli/outbox.ts';
import { checkRedis, connectDatabase } from '../cli/preflight.ts';
import { callRemindersQueue, channelPostsQueue, digestQueue } from '../../jobs/queues.ts';
import { queueConfig, startWorkers } from '../../jobs/workers.ts';
import { startSandboxPage, type OutboxMail, type SandboxPeople } from './page-server.ts';

export type { SandboxPeople };

/** The people the page lets you act as, by a short key; the first is who the page opens as. */
export const SANDBOX_PEOPLE: SandboxPeople = {
  collector: { id: DEMO_COLLECTOR_ID, name: 'Chloé Bernard', role: 'collector' },
  manager: { id: DEMO_MANAGER_ID, name: 'Marc Dubois', role: 'manager' },
  admin: { id: DEMO_ADMIN_ID, name: 'Alice Martin', role: 'admin' },
  stranger: { id: DEMO_OUTSIDER_ID, name: 'Oscar Reed', role: 'not on the team' },
};

export interface SandboxOptions {
  port: number;
  /** Loopback unless told otherwise: the emulator and the page have no authentication. */
  host?: string;
  logger: Logger;
  now?: () => Date;
  /** Progress lines for a person (the CLI prints them); silent by default. */
  say?: (s: string) => void;
}

export interface RunningSandbox {
  url: string;
  emulator: SlackEmulator;
  /** The bot's Slack request URL, as Slack would call it. */
  appUrl: string;
  close(): Promise<void>;
}

/** The demo workspace's reminder e-mails kept as .eml files, newest first. */
export function outboxLister(database: Database, dataDir: string): () => Promise<OutboxMail[]> {
  return async () => {
    const found = await rows<{ id: string | number; to_address: string; subject: string; at: string | Date; outbox_path: string }>(database.db, sql`
      select id, to_address, subject, coalesce(sent_at, created_at) as at, outbox_path
      from mails where workspace_id = ${DEMO_TEAM_ID} and outbox_path is not null
      order by created_at desc, id desc limit 100`);
    return found.map((m) => ({
      id: String(m.id), to: m.to_address, subject: m.subject, date: new Date(m.at).toISOString(), file: emlPath(m.outbox_path, dataDir),
    }));
  };
}

export async function startSandbox(env: Env, opts: SandboxOptions): Promise<RunningSandbox> {
  const say = opts.say ?? (() => {});
  const clock = opts.now ?? (() => new Date());
  const host = opts.host ?? '127.0.0.1';
  const { logger } = opts;
  const stops: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => logger.warn({ err: error }, 'sandbox: a part did not stop cleanly'));
  };
  try {
    const database = await connectDatabase(env);
    stops.push(() => database.close());
    await migrateDatabase(database);
    const emulator = await startSlackEmulator({ host: '127.0.0.1' });
    stops.push(() => emulator.close());
    const sandboxEnv: Env = {
      ...env,
      SLACK_API_URL: emulator.apiUrl,
      SLACK_BOT_TOKEN: DEMO_BOT_TOKEN,
      SLACK_SIGNING_SECRET: DEMO_SIGNING_SECRET,
      SLACK_APP_TOKEN: undefined,
      SMTP_URL: undefined,
      SMTP_USER: undefined,
      SMTP_PASSWORD: undefined,
      OPENAI_API_KEY: undefined,
      RELANCE_QUEUE_PREFIX: `${env.RELANCE_QUEUE_PREFIX}-sandbox`,
    };
    say(`  database: ${database.where}`);
    const seeded = await seedDemoWorkspace(database, { timezone: env.RELANCE_TZ, locale: env.RELANCE_LOCALE, now: clock(), say, command: env.RELANCE_COMMAND });
    if (!seeded.seeded) {
      say(`  demo workspace: ${seeded.customers} customers, ${seeded.invoices} invoices, as left last time`
        + `${seeded.customers < 20 ? ' (the small ledger of `relance try`: `relance demo seed --reset` loads the full demo)' : ''}`);
    }

    const redisUp = await checkRedis(env).then(() => true, () => false);
    const config = queueConfig(sandboxEnv);
    const queues = redisUp ? { digest: digestQueue(config), post: channelPostsQueue(config), reminder: callRemindersQueue(config) } : null;
    if (queues) stops.push(() => Promise.all([queues.digest.close(), queues.post.close(), queues.reminder.close()]));
    if (redisUp) {
      const workers = await startWorkers({ env: sandboxEnv, database, logger, clock, pacingMs: 150 });
      stops.push(workers.stop);
    } else {
      say(`  Redis is not reachable at ${env.REDIS_URL}: digests, reminders and e-mails cannot be queued; commands, buttons and modals work.`);
    }

    const slack = createSlackApp({
      database, env: sandboxEnv, clock, logger,
      digestQueue: queues?.digest ?? null, postQueue: queues?.post ?? null, reminderQueue: queues?.reminder ?? null,
      readiness: async () => ({ ok: true, checks: {} }),
    }, { token: DEMO_BOT_TOKEN, signingSecret: DEMO_SIGNING_SECRET });
    // On loopback, like the emulator: only this machine's page and emulator call it.
    const server = (await slack.app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo | string | null };
    stops.push(() => slack.app.stop().then(() => closeNoteConfirmation(sandboxEnv)));
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    const sender = new SlackSender({ appUrl, signingSecret: DEMO_SIGNING_SECRET, emulator, timeoutMs: 10_000 });

    const page = await startSandboxPage({
      emulator, sender, people: SANDBOX_PEOPLE, defaultChannelId: DEMO_COLLECTIONS_CHANNEL_ID,
      port: opts.port, host, command: env.RELANCE_COMMAND, outbox: outboxLister(database, env.RELANCE_DATA_DIR),
    });
    stops.push(() => page.close());
    return { url: page.url, emulator, appUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}

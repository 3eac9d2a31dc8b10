// `relance try`: relance without a Slack workspace. The real bot runs against
// the local Slack emulator, over signed HTTP exactly as from Slack, with a demo
// ledger; you type /collect commands in the terminal as one of the demo users.
import { createInterface } from 'node:readline';
import type { KnownBlock } from '@slack/types';
import type { Env } from '../config/env.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { seedDemoWorkspace } from '../demo/seed.ts';
import { SlackSender } from '../emulator/sender.ts';
import { startSlackEmulator, type SlackEmulator } from '../emulator/server.ts';
import {
  DEMO_ADMIN_ID, DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_OUTSIDER_ID, DEMO_SIGNING_SECRET,
} from '../emulator/seed.ts';
import { createLogger } from '../log.ts';
import { createSlackApp } from '../slack/app.ts';
import { blocksToText, mrkdwnToText } from '../slack/blocks/digest.ts';
import { digestQueue } from '../../jobs/queues.ts';
import { queueConfig, startWorkers } from '../../jobs/workers.ts';
import { checkRedis, connectDatabase } from './preflight.ts';

const PEOPLE: Record<string, { id: string; role: string }> = {
  alice: { id: DEMO_ADMIN_ID, role: 'admin' },
  marc: { id: DEMO_MANAGER_ID, role: 'manager' },
  chloe: { id: DEMO_COLLECTOR_ID, role: 'collector' },
  oscar: { id: DEMO_OUTSIDER_ID, role: 'not on the team' },
};

const GUIDE = `Type a slash command as in Slack, for example:
  /collect help            /collect overdue            /collect case boulangerie
  /collect overdue >60     /collect digest preview     /collect digest now   (then: channel)
Other commands:  as alice|marc|chloe|oscar  (switch user)   channel  (show #collections)   quit`;

export interface TryIo {
  input: NodeJS.ReadableStream;
  output: { write(s: string): unknown };
  interactive: boolean;
}

function render(body: { text?: string; blocks?: KnownBlock[] }): string {
  return body.blocks?.length ? blocksToText(body.blocks) : mrkdwnToText(body.text ?? '');
}

function channelText(emulator: SlackEmulator): string {
  const lines: string[] = [];
  for (const m of emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID).slice(-5)) {
    lines.push(render(m as { text?: string; blocks?: KnownBlock[] }));
    for (const r of emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID, { threadTs: m.ts }).filter((x) => x.ts !== m.ts)) {
      lines.push(`    ↳ ${render(r as { text?: string; blocks?: KnownBlock[] }).split('\n').join('\n      ')}`);
    }
  }
  return lines.length ? lines.join('\n') : '(no messages in #collections yet: a digest takes a few seconds to post, try again)';
}

export async function runTry(env: Env, io: TryIo): Promise<number> {
  const say = (s: string) => io.output.write(`${s}\n`);
  const logger = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  const database = await connectDatabase(env);
  await migrateDatabase(database);
  const emulator = await startSlackEmulator();
  const tryEnv: Env = { ...env, SLACK_API_URL: emulator.apiUrl, SLACK_BOT_TOKEN: DEMO_BOT_TOKEN, RELANCE_QUEUE_PREFIX: `${env.RELANCE_QUEUE_PREFIX}-try` };
  say(`relance try — a local Slack stand-in with a demo workspace; nothing leaves this machine.`);
  say(`  database: ${database.where}`);
  await seedDemoWorkspace(database, { timezone: env.RELANCE_TZ, locale: env.RELANCE_LOCALE, now: new Date(), say, ledger: 'small' });

  const redisUp = await checkRedis(env).then(() => true, () => false);
  const queue = redisUp ? digestQueue(queueConfig(tryEnv)) : null;
  const workers = redisUp ? await startWorkers({ env: tryEnv, database, logger, clock: () => new Date(), pacingMs: 150 }) : null;
  if (!redisUp) say(`  Redis is not reachable at ${env.REDIS_URL}: digests cannot be queued; everything else works.`);

  const app = await createSlackApp(
    { database, env: tryEnv, clock: () => new Date(), logger, digestQueue: queue, readiness: async () => ({ ok: true, checks: {} }) },
    { token: DEMO_BOT_TOKEN, signingSecret: DEMO_SIGNING_SECRET },
  ).start(0);
  const sender = new SlackSender({ appUrl: `http://127.0.0.1:${app.port}/slack/events`, signingSecret: DEMO_SIGNING_SECRET, emulator, timeoutMs: 10_000 });
  let user = 'alice';
  say(`\n${GUIDE}\n`);

  const prompt = () => `${user} (${PEOPLE[user]!.role}) › `;
  const rl = createInterface({ input: io.input, terminal: io.interactive });
  if (io.interactive) io.output.write(prompt());
  for await (const raw of rl) {
    const line = raw.trim();
    if (!io.interactive && line) say(`${prompt()}${line}`);
    if (line === 'quit' || line === 'exit') break;
    if (line.startsWith('as ')) {
      const who = line.slice(3).trim().toLowerCase();
      if (PEOPLE[who]) user = who;
      else say(`No demo user "${who}". Pick one of: ${Object.keys(PEOPLE).join(', ')}.`);
    } else if (line === 'channel') {
      say(channelText(emulator));
    } else if (line.startsWith('/')) {
      const [command, ...rest] = line.split(/\s+/);
      const sent = await sender.slashCommand({ command, text: rest.join(' '), userId: PEOPLE[user]!.id, channelId: DEMO_COLLECTIONS_CHANNEL_ID });
      if (sent.status !== 200) say(`(the bot answered HTTP ${sent.status}${command !== env.RELANCE_COMMAND ? `: the command is ${env.RELANCE_COMMAND}` : ''})`);
      else if (sent.body && typeof sent.body === 'object' && 'text' in sent.body) say(render(sent.body as { text: string; blocks?: KnownBlock[] }));
      else say(render((await emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 15_000 })).body as { text?: string; blocks?: KnownBlock[] }));
    } else if (line) {
      say(GUIDE);
    }
    if (io.interactive) io.output.write(prompt());
  }
  rl.close();
  await app.stop();
  await workers?.stop();
  await queue?.close();
  await emulator.close();
  await database.close();
  return 0;
}

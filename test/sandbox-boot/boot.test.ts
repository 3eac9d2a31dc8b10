// `npm start` on a machine with no Slack configuration opens the sandbox; with
// any SLACK_* variable, or in production, it is the real bot and refuses to
// start without its credentials, as before: a deployment that lost a token
// must never serve a fake Slack.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRemindersQueue, channelPostsQueue, digestQueue, mailQueue, maintenanceQueue } from '../../jobs/queues.ts';
import { loadEnv } from '../../src/config/env.ts';
import { SlackSender } from '../../src/emulator/sender.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID, DEMO_COLLECTOR_ID, DEMO_SIGNING_SECRET } from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { startSandbox } from '../../src/sandbox/start.ts';
import { blocksToText, mrkdwnToText } from '../../src/slack/blocks/digest.ts';
import { createTestDatabase } from '../support/pg.ts';

const cli = new URL('../../src/cli/relance.mjs', import.meta.url).pathname;
const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
let url: string;
let drop: () => Promise<void>;
let dataDir: string;
const prefix = `relance-test-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  ({ url, drop } = await createTestDatabase());
  dataDir = mkdtempSync(join(tmpdir(), 'relance-sandbox-'));
});

afterAll(async () => {
  // The spawned sandbox's workers registered their schedulers and jobs under its own prefix.
  const config = { redisUrl: 'redis://127.0.0.1:6379', prefix: `${prefix}-sandbox` };
  for (const queue of [digestQueue(config), maintenanceQueue(config), channelPostsQueue(config), callRemindersQueue(config), mailQueue(config)]) {
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
  }
  await drop?.();
  rmSync(dataDir, { recursive: true, force: true });
});

const freePort = () => new Promise<number>((resolve, reject) => {
  const server = createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});

const text = (body: unknown) => {
  const b = body as { text?: string; blocks?: KnownBlock[] };
  return b.blocks?.length ? blocksToText(b.blocks) : mrkdwnToText(b.text ?? '');
};

describe('the sandbox', () => {
  it('runs the real bot against the emulator with the demo workspace: a slash command gets its answer', async () => {
    const env = loadEnv({ DATABASE_URL: url, RELANCE_DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:1', RELANCE_QUEUE_PREFIX: prefix });
    const lines: string[] = [];
    const sandbox = await startSandbox(env, { port: 0, logger: createLogger('silent'), say: (s) => lines.push(s) });
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(lines.join('\n')).toContain('Redis is not reachable at redis://127.0.0.1:1');
      const sender = new SlackSender({ appUrl: sandbox.appUrl, signingSecret: DEMO_SIGNING_SECRET, emulator: sandbox.emulator, timeoutMs: 10_000 });
      const sent = await sender.slashCommand({ command: '/collect', text: 'case menuiserie', userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID });
      expect(sent.status).toBe(200);
      const answer = sent.body && typeof sent.body === 'object' && 'text' in sent.body
        ? text(sent.body)
        : text((await sandbox.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 15_000 })).body);
      expect(answer).toContain('MENUISERIE BERNARD (C-1019)');
      expect(answer).toContain('Manager approval requested: formal notice');
      const page = await fetch(sandbox.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
    } finally {
      await sandbox.close();
    }
  }, 30_000);

  it('is what `relance start` opens when no SLACK_* variable is set, on 127.0.0.1, until Ctrl-C', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [cli, 'start'], {
      env: { ...base, DATABASE_URL: url, RELANCE_DATA_DIR: dataDir, PORT: String(port), RELANCE_QUEUE_PREFIX: prefix },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString('utf8'); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the sandbox did not start:\n${out}\n${err}`)), 25_000);
        child.stdout.on('data', () => { if (out.includes('Ctrl-C stops it.')) { clearTimeout(timer); resolve(); } });
        child.once('exit', () => { clearTimeout(timer); reject(new Error(`relance start exited:\n${out}\n${err}`)); });
      });
      expect(out.split('\n')[0]).toBe(`relance sandbox — a local Slack stand-in on http://127.0.0.1:${port} (nothing leaves this machine)`);
      expect(out).toContain('No SLACK_* variable is set, so `relance start` opened the sandbox');
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html|<!doctype html/i);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('relance sandbox stopped.');
  }, 40_000);
});

describe('relance start with Slack settings, or in production', () => {
  const run = (env: Record<string, string>) => new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    execFile(process.execPath, [cli, 'start'], { env: { ...base, ...env }, encoding: 'utf8', timeout: 50_000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err });
    });
  });

  it('is the real bot as soon as one SLACK_* variable is set, even empty, and always in production: it stops as before', async () => {
    // Run side by side: each is a process start.
    const [secretOnly, emptyToken, production] = await Promise.all([
      run({ SLACK_SIGNING_SECRET: 'a-signing-secret' }), run({ SLACK_BOT_TOKEN: '' }), run({ NODE_ENV: 'production' }),
    ]);
    for (const r of [secretOnly, emptyToken, production]) {
      expect(r.code).toBe(1);
      expect(r.err).toContain('relance cannot start');
      expect(r.err).toContain('SLACK_BOT_TOKEN: missing');
      expect(r.out).not.toContain('sandbox');
    }
    expect(secretOnly.err).not.toContain('SLACK_SIGNING_SECRET: missing');
    expect(production.err).toContain('SLACK_SIGNING_SECRET: missing');
  }, 60_000);
});

// `relance start` keeps serving when an error escapes every handler: a real
// `relance start --role web` process (its database, Redis, the Slack emulator),
// since an uncaught exception is a process-level event. The escape is provoked
// from outside by a preloaded test hook (SIGUSR2), because no request can cause
// one on purpose: that is the point of the handlers before it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOT_TOKEN } from '../../src/emulator/seed.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import { createTestDatabase } from '../support/pg.ts';

const cli = new URL('../../src/cli/relance.mjs', import.meta.url).pathname;
// What an escaped error looks like to the process: a throw in a timer, and a rejection nobody awaits.
const hook = `data:text/javascript,${encodeURIComponent(`
process.on('SIGUSR2', () => {
  setTimeout(() => { throw new Error('a bug nobody caught'); }, 0);
  setTimeout(() => { void Promise.reject(new Error('a promise nobody awaited')); }, 10);
});`)}`;

interface LogLine { msg: string; port?: number; err?: { message: string } }

let emulator: SlackEmulator;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let child: ChildProcess | undefined;

beforeAll(async () => {
  emulator = await startSlackEmulator();
  database = await createTestDatabase();
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await emulator?.close();
  await database?.drop();
});

describe('relance start, last resort', () => {
  it('logs an uncaught exception and an unhandled rejection, and keeps serving', async () => {
    const logs: LogLine[] = [];
    let waiting: (() => void) | undefined;
    const started = spawn(process.execPath, ['--import', hook, cli, 'start', '--role', 'web'], {
      env: {
        PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp',
        SLACK_BOT_TOKEN: DEMO_BOT_TOKEN, SLACK_SIGNING_SECRET: 'a-signing-secret', SLACK_API_URL: emulator.apiUrl,
        DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'info', RELANCE_QUEUE_PREFIX: `relance-test-${randomBytes(4).toString('hex')}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let stderr = '';
    let buffered = '';
    started.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    started.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line) as LogLine);
      waiting?.();
    });
    const exited = new Promise<number | null>((resolve) => started.on('exit', (code) => { resolve(code); waiting?.(); }));
    const until = async <T>(probe: () => T | undefined, what: string): Promise<T> => {
      for (const end = Date.now() + 30_000; Date.now() < end;) {
        const found = probe();
        if (found !== undefined) return found;
        if (started.exitCode !== null) throw new Error(`relance exited (${started.exitCode}) while waiting for ${what}: ${stderr}`);
        await new Promise<void>((resolve) => { waiting = resolve; setTimeout(resolve, 200); });
      }
      throw new Error(`timed out waiting for ${what}`);
    };

    const port = await until(() => logs.find((l) => l.msg.startsWith('relance is serving Slack'))?.port, 'the server to start');
    started.kill('SIGUSR2');
    const kept = await until(() => {
      const lines = logs.filter((l) => l.msg.includes('relance keeps running'));
      return lines.length >= 2 ? lines : undefined;
    }, 'the last-resort logs');
    expect(kept.map((l) => l.err?.message)).toEqual(['a bug nobody caught', 'a promise nobody awaited']);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(started.exitCode).toBeNull();

    started.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});

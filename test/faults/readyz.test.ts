// /readyz during real outages: relance's own `start()` against this file's own
// PostgreSQL and Redis, which are stopped and started again under it. relance
// itself is never restarted: the readiness check must notice and recover alone.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../src/cli/start.ts';
import { loadEnv } from '../../src/config/env.ts';
import { createLogger } from '../../src/log.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import { DEMO_BOT_TOKEN } from '../../src/emulator/seed.ts';
import { freePort, startOwnServers, type OwnServers } from './support/own-servers.ts';

interface Readiness { status: number; body: { ok: boolean; checks?: Record<string, { ok: boolean; detail?: string }> } }

let servers: OwnServers | undefined;
let emulator: SlackEmulator | undefined;
let stopRelance: (() => Promise<void>) | undefined;
let port = 0;

async function readyz(): Promise<Readiness> {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(8000) });
  return { status: res.status, body: (await res.json()) as Readiness['body'] };
}

/** Readiness is asked again until it says `ok` (a client reconnects on its own schedule), within `ms`. */
async function readyWithin(ms: number): Promise<Readiness> {
  const deadline = Date.now() + ms;
  for (;;) {
    const answer = await readyz();
    if (answer.status === 200 || Date.now() > deadline) return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  servers = await startOwnServers();
  const admin = postgres(servers.pg.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe('create database relance');
  await admin.end();
  emulator = await startSlackEmulator();
  port = await freePort();
  const env = loadEnv({
    SLACK_BOT_TOKEN: DEMO_BOT_TOKEN,
    SLACK_SIGNING_SECRET: 'faults-signing-secret-0123456789',
    SLACK_API_URL: emulator.apiUrl,
    DATABASE_URL: servers.pg.urlFor('relance'),
    REDIS_URL: servers.redis.url,
    PORT: String(port),
    RELANCE_QUEUE_PREFIX: 'relance-faults',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  stopRelance = await start(env, createLogger(env.LOG_LEVEL), { role: 'web', migrate: true });
});

afterAll(async () => {
  await stopRelance?.().catch(() => {});
  await emulator?.close().catch(() => {});
  await servers?.destroy();
});

describe('/readyz through real outages', () => {
  it('is ready when both servers answer', async () => {
    const answer = await readyz();
    expect(answer.status).toBe(200);
    expect(answer.body.checks).toMatchObject({ database: { ok: true }, redis: { ok: true } });
  });

  it('names the database while PostgreSQL is down, and recovers once it is back', async () => {
    await servers!.pg.stop('fast');
    try {
      const down = await readyz();
      expect(down.status).toBe(503);
      expect(down.body.checks?.database?.ok).toBe(false);
      expect(down.body.checks?.database?.detail).toBeTruthy();
      expect(down.body.checks?.redis).toEqual({ ok: true });
    } finally {
      await servers!.pg.start();
    }
    const back = await readyWithin(5000);
    expect(back.status).toBe(200);
    expect(back.body.checks).toMatchObject({ database: { ok: true }, redis: { ok: true } });
  });

  it('recovers after PostgreSQL crashed (immediate stop) under open connections', async () => {
    await servers!.pg.restart('immediate');
    const back = await readyWithin(5000);
    expect(back.status).toBe(200);
  });

  it('names Redis while Redis is down, and recovers once it is back', async () => {
    await servers!.redis.stop();
    try {
      const down = await readyz();
      expect(down.status).toBe(503);
      expect(down.body.checks?.redis?.ok).toBe(false);
      expect(down.body.checks?.redis?.detail).toBeTruthy();
      expect(down.body.checks?.database).toEqual({ ok: true });
    } finally {
      await servers!.redis.start();
    }
    const back = await readyWithin(5000);
    expect(back.status).toBe(200);
    expect(back.body.checks).toMatchObject({ database: { ok: true }, redis: { ok: true } });
  });

  it('names both when both are down', async () => {
    await Promise.all([servers!.pg.stop('immediate'), servers!.redis.stop()]);
    try {
      const down = await readyz();
      expect(down.status).toBe(503);
      expect(down.body.checks?.database?.ok).toBe(false);
      expect(down.body.checks?.redis?.ok).toBe(false);
    } finally {
      await Promise.all([servers!.pg.start(), servers!.redis.start()]);
    }
    expect((await readyWithin(5000)).status).toBe(200);
  });
});

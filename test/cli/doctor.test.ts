// `relance doctor` against the real things: the Slack emulator (which sends the
// token's scopes in x-oauth-scopes, as Slack does), this file's PostgreSQL
// database, the local Redis, an SMTP server and an OpenAI-compatible loopback.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import { DEMO_ADMIN_ID, DEMO_BOT_TOKEN, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { readManifest } from '../../src/slack/scopes.ts';
import { startLoopback, type Loopback } from '../ai/loopback.ts';
import { createTestDatabase } from '../support/pg.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

const SIGNING_SECRET = 'doctor-signing-secret-0123456789';
const OPENAI_KEY = 'sk-doctor-secret-key-0123456789abcd';
const SMTP_PASSWORD = 'smtp-secret-pw-42';

let emulator: SlackEmulator;
let database: { url: string; drop: () => Promise<void> };
let behind: { url: string; drop: () => Promise<void> };
let smtp: SmtpSink;
let ai: Loopback;

beforeAll(async () => {
  [emulator, database, behind, smtp, ai] = await Promise.all([
    startSlackEmulator(), createTestDatabase(), createTestDatabase(), startSmtpSink(), startLoopback(),
  ]);
  ai.behave({ kind: 'answer', answer: { ok: true } });
});

afterAll(async () => {
  await Promise.all([emulator?.close(), database?.drop(), behind?.drop(), smtp?.close(), ai?.close()]);
});

/** A complete, working configuration; each test breaks one thing. */
const healthy = (): Record<string, string> => ({
  SLACK_BOT_TOKEN: DEMO_BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: emulator.apiUrl,
  DATABASE_URL: database.url,
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: smtp.url,
  OPENAI_API_KEY: OPENAI_KEY,
  OPENAI_BASE_URL: ai.baseUrl,
  OPENAI_MODEL: 'loopback-model',
});

async function doctor(env: Record<string, string | undefined>): Promise<{ code: number; out: string; lines: string[] }> {
  let out = '';
  const code = await runDoctor(env, { stdout: { write: (text: string) => (out += text) } }, { timeoutMs: 3000 });
  return { code, out, lines: out.split('\n').filter((l) => /^[✓✗] /.test(l)) };
}

const line = (lines: string[], label: string) => lines.find((l) => l.slice(2).startsWith(`${label}:`)) ?? `(no ${label} line)`;

describe('relance doctor', () => {
  it('passes every check of a working installation, one ✓ line each, and prints no secret', async () => {
    const r = await doctor(healthy());
    expect(r.lines.filter((l) => l.startsWith('✗')), r.out).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => l.slice(2).split(':')[0])).toEqual([
      'Configuration', 'Slack bot token', 'Slack scopes', 'Bootstrap admins', 'Slack request signing', 'Database', 'Redis', 'E-mail', 'AI assistance',
    ]);
    expect(line(r.lines, 'Slack bot token')).toContain('xoxb-…oken works: workspace Demo (T0DEMO)');
    expect(line(r.lines, 'Slack scopes')).toContain(`all ${readManifest().oauth_config.scopes.bot.length} bot scopes`);
    expect(line(r.lines, 'Database')).toContain('every migration applied');
    expect(line(r.lines, 'AI assistance')).toContain('model loopback-model');
    expect(r.out).toContain('All 9 checks passed');
    for (const secret of [DEMO_BOT_TOKEN, SIGNING_SECRET, OPENAI_KEY]) expect(r.out).not.toContain(secret);
  });

  it('names the scopes a token lacks and says to reinstall the app', async () => {
    const granted = readManifest().oauth_config.scopes.bot.filter((s) => s !== 'reactions:read' && s !== 'files:write');
    const token = 'xoxb-fewer-scopes-0000-9876';
    emulator.state.addToken(token, { teamId: DEMO_TEAM_ID, scopes: granted });
    const r = await doctor({ ...healthy(), SLACK_BOT_TOKEN: token });
    expect(r.code).toBe(1);
    const scopes = line(r.lines, 'Slack scopes');
    expect(scopes).toMatch(/^✗ /);
    expect(scopes).toContain('lacks reactions:read, files:write');
    expect(scopes).toContain('reinstall the app');
    expect(line(r.lines, 'Slack bot token')).toContain('xoxb-…9876 works');
    expect(r.out).not.toContain(token);
  });

  it('looks up the bootstrap admins: a mistyped member id is named', async () => {
    const good = await doctor({ ...healthy(), RELANCE_ADMINS: DEMO_ADMIN_ID });
    expect(line(good.lines, 'Bootstrap admins')).toBe(`✓ Bootstrap admins: alice (${DEMO_ADMIN_ID})`);
    const typo = await doctor({ ...healthy(), RELANCE_ADMINS: `${DEMO_ADMIN_ID},U0ADMNI` });
    expect(typo.code).toBe(1);
    expect(line(typo.lines, 'Bootstrap admins')).toContain('✗ Bootstrap admins: RELANCE_ADMINS names U0ADMNI (user_not_found): not a person of this workspace.');
  });

  it('says when Slack refuses the token', async () => {
    emulator.state.acceptAnyBotToken = false;
    try {
      const r = await doctor({ ...healthy(), SLACK_BOT_TOKEN: 'xoxb-unknown-token-5555' });
      expect(r.code).toBe(1);
      expect(line(r.lines, 'Slack bot token')).toContain('✗ Slack bot token: Slack refused xoxb-…5555 (invalid_auth). Fix: copy the Bot User OAuth Token');
      expect(r.out).not.toContain('xoxb-unknown-token-5555');
    } finally {
      emulator.state.acceptAnyBotToken = true;
    }
  });

  it('names Redis when it is down, and says how to fix it', async () => {
    const r = await doctor({ ...healthy(), REDIS_URL: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(line(r.lines, 'Redis')).toMatch(/^✗ Redis: Cannot reach Redis at redis:\/\/127\.0\.0\.1:1 .* Fix: start Redis/);
    expect(r.lines.filter((l) => l.startsWith('✗'))).toHaveLength(1);
  });

  it('names the migrations not applied yet', async () => {
    const journal = JSON.parse(readFileSync(new URL('../../drizzle/meta/_journal.json', import.meta.url), 'utf8')) as { entries: { tag: string }[] };
    const sql = postgres(behind.url, { max: 1, onnotice: () => {} });
    try {
      await sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`;
    } finally {
      await sql.end();
    }
    const r = await doctor({ ...healthy(), DATABASE_URL: behind.url });
    expect(r.code).toBe(1);
    expect(line(r.lines, 'Database')).toContain(`1 migration(s) are not applied: ${journal.entries.at(-1)!.tag}. Fix: run \`relance migrate\``);
  });

  it('names a PostgreSQL that is not there, with no password shown', async () => {
    const r = await doctor({ ...healthy(), DATABASE_URL: 'postgres://relance:pg-secret-pw@127.0.0.1:1/relance' });
    expect(line(r.lines, 'Database')).toContain('✗ Database: Cannot reach PostgreSQL at postgres://relance:***@127.0.0.1:1/relance');
    expect(r.out).not.toContain('pg-secret-pw');
  });

  it('does not create or open an embedded database', async () => {
    const dataDir = join(tmpdir(), `relance-doctor-${process.pid}-${Date.now()}`);
    const r = await doctor({ ...healthy(), DATABASE_URL: undefined, RELANCE_DATA_DIR: dataDir });
    expect(line(r.lines, 'Database')).toContain(`✗ Database: DATABASE_URL is not set and there is no embedded database at ${join(dataDir, 'pglite')} yet.`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('checks the SMTP server when SMTP_URL is set: a login refused, a server not there', async () => {
    const refused = await doctor({ ...healthy(), SMTP_URL: `smtp://relance:${SMTP_PASSWORD}@127.0.0.1:${smtp.port}` });
    expect(line(refused.lines, 'E-mail')).toMatch(/^✗ E-mail: the SMTP server at smtp:\/\/relance:\*\*\*@127\.0\.0\.1:\d+ refused the login \(EAUTH.*Fix: check the user and password/);
    expect(refused.out).not.toContain(SMTP_PASSWORD);
    const absent = await doctor({ ...healthy(), SMTP_URL: 'smtp://127.0.0.1:1' });
    expect(line(absent.lines, 'E-mail')).toContain('✗ E-mail: the SMTP server at smtp://127.0.0.1:1 did not accept relance (ESOCKET: connect ECONNREFUSED 127.0.0.1:1)');
    const off = await doctor({ ...healthy(), SMTP_URL: undefined });
    expect(line(off.lines, 'E-mail')).toContain('✓ E-mail: SMTP_URL is not set: reminder e-mails are written to');
  });

  it('checks the model when OPENAI_API_KEY is set: a refused key names only its last characters', async () => {
    ai.behave({ kind: 'status', status: 401 });
    try {
      const r = await doctor(healthy());
      expect(r.code).toBe(1);
      expect(line(r.lines, 'AI assistance')).toContain(`✗ AI assistance: ${ai.baseUrl} answered HTTP 401. Fix: check OPENAI_API_KEY (sk-…abcd)`);
      expect(r.out).not.toContain(OPENAI_KEY);
    } finally {
      ai.behave({ kind: 'answer', answer: { ok: true } });
    }
    const off = await doctor({ ...healthy(), OPENAI_API_KEY: undefined });
    expect(line(off.lines, 'AI assistance')).toMatch(/^✓ AI assistance: off/);
  });

  it('checks the app-level token in Socket Mode, and asks for a way to verify requests', async () => {
    emulator.state.addToken('xapp-1-doctor-app-token-7777', { teamId: DEMO_TEAM_ID, scopes: ['connections:write'] });
    const socket = await doctor({ ...healthy(), SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: 'xapp-1-doctor-app-token-7777' });
    expect(line(socket.lines, 'Socket Mode')).toBe('✓ Socket Mode: SLACK_APP_TOKEN xapp-…7777 opens a connection');
    emulator.state.addToken('xapp-1-no-connections-8888', { teamId: DEMO_TEAM_ID, scopes: [] });
    const wrong = await doctor({ ...healthy(), SLACK_APP_TOKEN: 'xapp-1-no-connections-8888' });
    expect(line(wrong.lines, 'Socket Mode')).toContain('(not_allowed_token_type). Fix: SLACK_APP_TOKEN must be an app-level token with the connections:write scope');
    const neither = await doctor({ ...healthy(), SLACK_SIGNING_SECRET: undefined });
    expect(line(neither.lines, 'Slack request signing')).toMatch(/^✗ .*neither SLACK_SIGNING_SECRET nor SLACK_APP_TOKEN is set/);
    for (const r of [socket, wrong]) expect(r.out).not.toMatch(/xapp-1-(doctor|no-conn)/);
  });

  it('runs as `relance doctor`: a bad environment is a ✗ line per problem, the token never echoed', () => {
    const cli = new URL('../../src/cli/relance.mjs', import.meta.url).pathname;
    const result = spawnSync(process.execPath, [cli, 'doctor'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', SLACK_BOT_TOKEN: 'xoxp-user-token-not-bot-123456', RELANCE_LOCALE: 'de' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('✗ Configuration: RELANCE_LOCALE: must be "en" or "fr" (got "de")');
    expect(result.stdout).toContain('✗ Configuration: SLACK_BOT_TOKEN: must start with "xoxb-"');
    expect(result.stdout).not.toContain('xoxp-user-token-not-bot-123456');
  });
});

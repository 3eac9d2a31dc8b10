// `relance start` as a person runs it: a real process, real environment.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const cli = new URL('../../src/cli/relance.mjs', import.meta.url).pathname;

function run(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_SIGNING_SECRET: 'a-signing-secret' };

describe('relance start', () => {
  it('names every configuration problem at once, with how to fix it', () => {
    const r = run(['start'], { PORT: 'eighty', RELANCE_LOCALE: 'de', RELANCE_ADMINS: 'alice' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('PORT: must be a port number such as 3000 (got "eighty")');
    expect(r.err).toContain('RELANCE_LOCALE: must be "en" or "fr" (got "de")');
    expect(r.err).toContain('"alice" is not a Slack user id');
    expect(r.err).not.toContain('    at '); // no stack trace for a configuration problem
  });

  it('says what is missing for Slack', () => {
    // NODE_ENV=production: without it and with no SLACK_* variable, `start` opens the sandbox (test/sandbox-boot).
    const r = run(['start'], { NODE_ENV: 'production' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('SLACK_BOT_TOKEN: missing');
    expect(r.err).toContain('SLACK_SIGNING_SECRET: missing');
  });

  it('says which of PostgreSQL and Redis is down, where it looked and how to fix it', () => {
    const r = run(['start'], { ...slack, DATABASE_URL: 'postgres://relance:secret@127.0.0.1:1/relance', REDIS_URL: 'redis://127.0.0.1:2' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('Cannot reach PostgreSQL at postgres://relance:***@127.0.0.1:1/relance');
    expect(r.err).toContain('Fix: start PostgreSQL');
    expect(r.err).toContain('Cannot reach Redis at redis://127.0.0.1:2');
    expect(r.err).toContain('Fix: start Redis');
    expect(r.err).not.toContain('secret');
  });

  it('names a database that does not exist', () => {
    const r = run(['start'], { ...slack, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/relance_nope_404' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('the database "relance_nope_404" does not exist');
  });

  it('rejects an unknown role', () => {
    const r = run(['start', '--role', 'cook'], slack);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--role must be all, web or worker (got "cook")');
  });
});

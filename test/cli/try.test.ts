// `relance try` as a newcomer uses it: typed commands in, readable replies out.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/pg.ts';

const cli = new URL('../../src/cli/relance.mjs', import.meta.url).pathname;
let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ url, drop } = await createTestDatabase());
});

afterAll(async () => {
  await drop?.();
});

describe('relance try', () => {
  it('runs the bot against the local Slack stand-in with a demo ledger', () => {
    const input = ['/collect overdue', '/collect case boulangerie', '/collect overdue >365', 'as oscar', '/collect overdue', 'as nobody', 'quit', ''].join('\n');
    const r = spawnSync(process.execPath, [cli, 'try'], {
      input,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: url, RELANCE_QUEUE_PREFIX: `relance-test-${randomBytes(4).toString('hex')}` },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('demo invoices: 14 imported');
    expect(r.stdout).toContain('1. Boulangerie Martin SARL (C-1001)');
    expect(r.stdout).toMatch(/Total overdue: €[\d,.]+ · £2,300\.00 · \$10,000\.00 · 9 cases/);
    expect(r.stdout).toContain('DEMO-0001');
    expect(r.stdout).toContain('">365" is not an age filter');
    expect(r.stdout).toContain('only open to the collections team');
    expect(r.stdout).toContain('No demo user "nobody"');
  }, 90_000);
});

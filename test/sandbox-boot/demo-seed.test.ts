// `relance demo seed [--reset]` on the embedded database, as a newcomer has it:
// about 40 customers and 300 invoices in every aging bucket, five weeks of
// history written through the services; a second run changes nothing; --reset
// empties the demo workspace, and no other, and seeds it again.
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoCommand } from '../../src/cli/demo.ts';
import { loadEnv, type Env } from '../../src/config/env.ts';
import { openDatabase, rows, type Database } from '../../src/db/client.ts';
import { activities, customers } from '../../src/db/schema.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';
import { migratedPgliteDir } from '../support/pglite.ts';

let dir: string;
let database: Database;
let env: Env;
const now = new Date('2026-11-30T10:00:00Z');

beforeAll(async () => {
  dir = migratedPgliteDir('relance-demo-seed-');
  env = loadEnv({ RELANCE_DATA_DIR: dir, RELANCE_TZ: 'Europe/Paris' });
  database = await openDatabase({ dataDir: dir });
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function demo(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runDemoCommand(argv, database, env, {
    stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, now: () => now,
  });
  return { code, out, err };
}

async function picture() {
  const [row] = await rows<Record<string, number>>(database.db, sql`
    select
      (select count(*)::int from customers where workspace_id = 'T0DEMO') as customers,
      (select count(*)::int from customers where workspace_id = 'T0DEMO' and locale = 'fr') as french,
      (select count(*)::int from customers where workspace_id = 'T0DEMO' and kind = 'b2c') as consumers,
      (select count(distinct currency)::int from invoices where workspace_id = 'T0DEMO') as currencies,
      (select count(*)::int from invoices where workspace_id = 'T0DEMO') as invoices,
      (select count(*)::int from invoices where workspace_id = 'T0DEMO' and paid_cents > 0 and paid_cents < amount_cents) as part_paid,
      (select count(*)::int from customer_balances where workspace_id = 'T0DEMO' and due_soon_cents > 0) as due_soon,
      (select count(*)::int from customer_balances where workspace_id = 'T0DEMO' and aged_1_30_cents > 0) as aged_1_30,
      (select count(*)::int from customer_balances where workspace_id = 'T0DEMO' and aged_31_60_cents > 0) as aged_31_60,
      (select count(*)::int from customer_balances where workspace_id = 'T0DEMO' and aged_61_90_cents > 0) as aged_61_90,
      (select count(*)::int from customer_balances where workspace_id = 'T0DEMO' and aged_91_plus_cents > 0) as aged_91_plus,
      (select count(*)::int from promises where workspace_id = 'T0DEMO' and status = 'kept' and plan_id is null) as kept,
      (select count(*)::int from promises where workspace_id = 'T0DEMO' and status = 'broken') as broken,
      (select count(*)::int from promises where workspace_id = 'T0DEMO' and status = 'pending' and plan_id is null) as pending,
      (select count(*)::int from payment_plans where workspace_id = 'T0DEMO') as plans,
      (select count(*)::int from escalations where workspace_id = 'T0DEMO' and status = 'pending') as escalations,
      (select count(*)::int from cases where workspace_id = 'T0DEMO' and pause_reason = 'dispute') as disputes,
      (select count(*)::int from activities where workspace_id = 'T0DEMO' and kind = 'call_logged') as calls,
      (select count(*)::int from activities where workspace_id = 'T0DEMO') as entries`);
  return row!;
}

describe('relance demo seed', () => {
  it('seeds a realistic demo workspace once, and resets only that workspace', async () => {
    // Another workspace, with a timeline entry (append-only): the reset must leave it alone.
    await ensureWorkspace(database.db, 'T0OTHER', { timezone: 'Europe/Paris', locale: 'fr' });
    const [other] = await database.db.insert(customers).values({ workspaceId: 'T0OTHER', customerRef: 'X-1', name: 'Autre SARL' }).returning();
    await database.db.insert(activities).values({ workspaceId: 'T0OTHER', customerId: other!.id, kind: 'note_added', actorId: 'U0X', occurredAt: now, data: {} });

    const first = await demo(['seed']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('demo workspace seeded: 40 customers');
    const seeded = await picture();
    expect(seeded.customers).toBe(40);
    expect(seeded.invoices).toBeGreaterThanOrEqual(280);
    expect(seeded.invoices).toBeLessThanOrEqual(330);
    expect(seeded).toMatchObject({ currencies: 3, kept: 1, broken: 1, pending: 1, plans: 1, escalations: 1, disputes: 1 });
    expect(seeded.french).toBeGreaterThan(10);
    expect(seeded.customers! - seeded.french!).toBeGreaterThan(10);
    expect(seeded.consumers).toBeGreaterThan(2);
    expect(seeded.part_paid).toBeGreaterThan(2);
    expect(seeded.calls).toBeGreaterThan(15);
    for (const bucket of ['due_soon', 'aged_1_30', 'aged_31_60', 'aged_61_90', 'aged_91_plus']) expect(seeded[bucket], bucket).toBeGreaterThan(0);

    const again = await demo(['seed']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('nothing was changed');
    expect(await picture()).toEqual(seeded);

    const reset = await demo(['seed', '--reset']);
    expect(reset.err).toBe('');
    expect(reset.code).toBe(0);
    expect(await picture()).toEqual(seeded);
    const [kept] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from activities where workspace_id = 'T0OTHER'`);
    expect(kept!.n).toBe(1);
  }, 60_000);

  it('says what it takes when the command is wrong, and changes nothing', async () => {
    const wrong = await demo(['sow']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('unknown subcommand "sow"');
    expect(wrong.err).toContain('relance demo seed');
    const flag = await demo(['seed', '--wipe']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("Unknown option '--wipe'");
  });
});

// Ten thousand drafts approved at once: one read, batched inserts, each mail
// built once in JS, in one transaction, in seconds rather than minutes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';
import { DEMO_ADMIN_ID, DEMO_TEAM_ID as TEAM } from '../../src/emulator/seed.ts';
import { approveDrafts } from '../../src/services/mail/approve.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const N = 10_000;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T09:30:00Z');
  await ensureWorkspace(t.database.db, TEAM, { timezone: 'Europe/Paris', locale: 'en' });
  await writeSetting(t.database.db, { workspaceId: TEAM, name: 'mailFrom', value: 'Acme <ar@acme.example>', by: DEMO_ADMIN_ID, now: t.clock.now });
  await t.database.db.execute(sql`
    insert into customers (workspace_id, customer_ref, name, email)
    select ${TEAM}, 'C' || g, 'Customer ' || g, 'c' || g || '@debtor.example' from generate_series(1, ${N}) g`);
  await t.database.db.execute(sql`
    insert into drafts (workspace_id, customer_id, stage, due_date, locale, subject, body, data)
    select ${TEAM}, c.id, 'pre_due', '2026-12-01', 'en', 'Invoice ' || c.customer_ref || ' falls due soon',
      'Dear ' || c.name || E',\n\nA courtesy reminder: invoice F-' || c.customer_ref || E' falls due on 1 December.\n\nKind regards',
      jsonb_build_object('invoices', jsonb_build_array(jsonb_build_object('number', 'F-' || c.customer_ref, 'currency', 'EUR', 'open_cents', 10000)))
    from customers c where c.workspace_id = ${TEAM}`);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

it(`approves ${N} drafts in one go`, async () => {
  const ids = (await rows<{ id: number }>(t.database.db, sql`select id::int as id from drafts order by id`)).map((r) => Number(r.id));
  const started = performance.now();
  const result = await t.database.db.transaction((tx) => approveDrafts(tx, { workspaceId: TEAM, draftIds: ids, by: { kind: 'policy' }, now: t.clock.now }));
  const ms = performance.now() - started;
  console.info(`approved ${N} drafts in ${Math.round(ms)} ms`);
  expect(result.queued).toHaveLength(N);
  const [counts] = await rows<{ mails: number; keys: number; approved: number; activities: number }>(t.database.db, sql`select
    (select count(*)::int from mails) as mails, (select count(distinct mail_key)::int from mails) as keys,
    (select count(*)::int from drafts where status = 'approved') as approved,
    (select count(*)::int from activities where kind = 'reminder_approved') as activities`);
  expect(counts).toEqual({ mails: N, keys: N, approved: N, activities: N });
  expect(ms).toBeLessThan(60_000);
}, 180_000);

// The ledger bench/digest reads: customers and invoices generated in SQL
// (generate_series, not through the importer), realistic payments, one
// workspace-wide refreshBalances, then what gives every digest section data —
// promises due today and broken since the last digest, open call tasks of a
// few collectors, pending escalations, a previous digest of the channel.
// Deterministic: setseed() fixes every random() of the session. Written after
// bench/overdue-data.ts (same shapes), kept separate so each bench owns its data.
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';
import { refreshBalances, updatePriorities } from '../../src/db/balances.ts';
import type { Database } from '../../src/db/client.ts';
import { members } from '../../src/db/schema.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';
import { addDays, zonedTimeToUtc, type IsoDate } from '../../src/domain/dates.ts';

export const DIGEST_WORKSPACE = 'TBENCHDIGEST';
export const DIGEST_CHANNEL = 'C0BENCHDIGEST';
export const MANAGER = 'U0BENCHMGR';
export const COLLECTORS = ['U0BENCH01', 'U0BENCH02', 'U0BENCH03', 'U0BENCH04', 'U0BENCH05', 'U0BENCH06', 'U0BENCH07', 'U0BENCH08'];
export const TIMEZONE = 'Europe/Paris';

export interface DigestLedger {
  steps: { step: string; ms: number }[];
  /** When the previous digest of the channel was posted: "broken since the last digest" counts from it. */
  previousPostedAt: Date;
  shape: Record<string, number | string>;
}

const arr = (xs: readonly string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
const LAST = arr(['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
  'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont',
  'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Perrin',
  'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Nguyen', 'Boyer', 'Denis',
  'Lemaire', 'Duval', 'Joly', 'Roche', 'Meyer', 'Lucas', 'Perez', 'Marchand', 'Dufour', 'Barbier', 'Brun', 'Schmitt', 'Colin', "O'Brien",
  'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson']);
const FIRST = arr(['Camille', 'Louise', 'Léa', 'Emma', 'Chloé', 'Manon', 'Inès', 'Jade', 'Sarah', 'Lucie', 'Hugo', 'Lucas', 'Louis', 'Nathan',
  'Gabriel', 'Jules', 'Arthur', 'Paul', 'Antoine', 'Éric', 'Olivier', 'Sophie', 'Isabelle', 'Nathalie', 'Philippe', 'Alain']);
const TRADE = arr(['Atelier', 'Boulangerie', 'Transports', 'Garage', 'Cabinet', 'Pharmacie', 'Imprimerie', 'Menuiserie', 'Plomberie',
  'Électricité', 'Librairie', 'Restaurant', 'Hôtel', 'Fromagerie', 'Traiteur', 'Carrosserie', 'Serrurerie', 'Optique', 'Logistique',
  'Conseil', 'Informatique', 'Bâtiment', 'Négoce', 'Distribution', 'Chauffage', 'Paysages', 'Nettoyage', 'Sécurité', 'Textile', 'Vins']);
const FORM = arr(['SARL', 'SAS', 'SA', 'EURL', 'SASU', 'Ltd', 'GmbH']);

/** A stable pseudo-random number in [0, 1) per integer, independent of random(). */
const hash = (x: string, k: number) => `((((${x})::bigint * ${k}) % 1000003) / 1000003.0)`;

/**
 * Fills an empty, migrated database as of `today`. `pg` must be a
 * single-connection client, so that setseed() and the inserts share a session.
 */
export async function loadDigestLedger(database: Database, pg: postgres.Sql, today: IsoDate, size: { customers: number; invoices: number }): Promise<DigestLedger> {
  const steps: DigestLedger['steps'] = [];
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await fn();
    steps.push({ step: name, ms: performance.now() - started });
    return value;
  };
  const ws = DIGEST_WORKSPACE;
  const nC = size.customers;
  const nI = size.invoices;
  const db = database.db;
  const now = zonedTimeToUtc(today, '08:45', TIMEZONE);
  const previousDay = addDays(today, -1);
  const previousPostedAt = zonedTimeToUtc(previousDay, '09:00', TIMEZONE);

  await ensureWorkspace(db, ws, { timezone: TIMEZONE, locale: 'en' }, 'Bench digest');
  await db.insert(members).values([
    { workspaceId: ws, userId: MANAGER, role: 'manager', addedBy: 'bench' },
    ...COLLECTORS.map((u) => ({ workspaceId: ws, userId: u, role: 'collector' as const, addedBy: 'bench' })),
  ]);
  await pg`select setseed(0.2611)`;

  // 1 in 7 a consumer; 5 % of accounts without an owner, the rest spread over the collectors.
  await step(`insert ${nC.toLocaleString('en-US')} customers`, () => pg.unsafe(`
    insert into customers (workspace_id, customer_ref, name, kind, email, phone, locale, owner_id)
    select '${ws}', 'C' || lpad(g::text, 6, '0'),
      case when g % 7 = 3
        then (${FIRST})[1 + (g * 7) % 26] || ' ' || (${LAST})[1 + (g * 13) % 70]
        else (${TRADE})[1 + (g * 11) % 30] || ' ' || (${LAST})[1 + (g * 17) % 70] || ' ' || (${FORM})[1 + (g * 19) % 7]
      end,
      (case when g % 7 = 3 then 'b2c' else 'b2b' end)::customer_kind,
      case when g % 4 <> 0 then 'ap' || g || '@example.com' end,
      case when g % 5 <> 0 then '+331' || lpad(((g * 7919) % 100000000)::text, 8, '0') end,
      (case when g % 9 = 0 then 'en' else 'fr' end)::locale,
      case when g % 20 = 0 then null else (${arr(COLLECTORS)})[1 + (g * 31) % ${COLLECTORS.length}] end
    from generate_series(1, ${nC}) g`));
  const [{ base } = { base: 0 }] = await pg<{ base: number }[]>`select (min(id) - 1)::int as base from customers where workspace_id = ${ws}`;

  // Big accounts have many invoices; issued over the last 730 days, due 30/45/60
  // days later (consumers 30); EUR mostly, some USD/GBP. Paid: not yet due 10 %
  // paid, 10 % partly; overdue, good payers 85 % / 7 %, slow payers (a quarter) 45 % / 20 %.
  await step(`insert ${nI.toLocaleString('en-US')} invoices`, () => pg.unsafe(`
    with s as (
      select g, 1 + least(${nC - 1}, floor(${nC} * power(random(), 1.6))::int) as cix,
        floor(random() * 730)::int as age, random() as r_terms, random() as r_pay, random() as r_part, random() as r_cur,
        (random() + random() + random() + random() - 2) * 1.732 as z
      from generate_series(1, ${nI}) g
    ), t as (
      select s.*, s.cix % 7 = 3 as b2c, '${today}'::date - s.age as issue,
        case when s.cix % 7 = 3 then 30 else (array[30, 45, 60])[1 + floor(s.r_terms * 3)::int] end as terms,
        ${hash('s.cix', 7_368_787)} < 0.25 as slow, ${hash('s.cix', 2_654_435)} as cur
      from s
    ), u as (
      select t.*, t.issue + t.terms as due,
        greatest(500, round(exp(case when t.b2c then 8.8 + 0.8 * t.z else 11.0 + 1.2 * t.z end)))::bigint as amount
      from t
    )
    insert into invoices (workspace_id, invoice_number, customer_id, issue_date, due_date, currency, amount_cents, paid_cents)
    select '${ws}', 'INV-' || to_char(u.issue, 'YYYY') || '-' || lpad(u.g::text, 7, '0'), ${base} + u.cix, u.issue, u.due,
      case when u.cur < 0.05 then 'USD' when u.cur < 0.10 then 'GBP' when u.cur < 0.12 and u.r_cur < 0.4 then 'USD' else 'EUR' end,
      u.amount,
      case
        when u.r_pay < (case when u.due >= '${today}'::date then 0.10 when u.slow then 0.45 else 0.85 end) then u.amount
        when u.r_pay < (case when u.due >= '${today}'::date then 0.20 when u.slow then 0.65 else 0.92 end)
          then round(u.amount * (0.2 + 0.6 * u.r_part))::bigint
        else 0
      end
    from u order by u.issue, u.g`));

  // One payment per paid or partly paid invoice, so paid_cents = sum(payments).
  await step('insert payments', () => pg.unsafe(`
    insert into payments (workspace_id, invoice_id, amount_cents, paid_on, reference, source)
    select workspace_id, id, paid_cents, least('${today}'::date - 1, greatest(issue_date, due_date + ((id * 37) % 50)::int - 15)),
      'PAY-' || id, 'import'
    from invoices where workspace_id = '${ws}' and paid_cents > 0`));
  await step('vacuum analyze (what autovacuum does after a bulk load)', () => pg.unsafe('vacuum analyze'));

  await step('refreshBalances (whole workspace, once)', () =>
    db.transaction((tx) => refreshBalances(tx, { workspaceId: ws, today, actorId: 'import', now })));

  await step('cases along the ladder; promises, call tasks, escalations, previous digest; updatePriorities', async () => {
    // Stage by age; a few cases paused (dispute) or waiting on a promise.
    await pg.unsafe(`
      update cases k set
        stage = (case when b.days > 45 then 'formal_notice' when b.days > 30 then 'reminder_3' when b.days >= 15 then 'call'
          when b.days >= 10 then 'reminder_2' else 'reminder_1' end)::ladder_stage,
        status = (case when k.id % 40 = 0 then 'paused' when k.id % 25 = 0 then 'promised' else 'open' end)::case_status,
        paused_until = case when k.id % 40 = 0 then '${today}'::date + 30 end
      from (select customer_id, '${today}'::date - min(oldest_due_date) as days from customer_balances
            where workspace_id = '${ws}' and overdue_cents > 0 group by customer_id) b
      where k.workspace_id = '${ws}' and k.customer_id = b.customer_id`);
    // Promises: the promised cases' pending ones (a quarter due today), broken ones
    // (some since the last digest, most older), kept ones from earlier.
    await pg.unsafe(`
      insert into promises (workspace_id, case_id, amount_cents, currency, due_on, taken_by, status, created_at)
      select k.workspace_id, k.id, greatest(1000, b.overdue_cents / 2), b.currency,
        '${today}'::date + (case when k.id % 4 = 0 then 0 else (k.id % 13)::int + 1 end),
        coalesce(k.owner_id, '${MANAGER}'), 'pending', '${now.toISOString()}'::timestamptz - interval '5 days'
      from cases k join lateral (select currency, overdue_cents from customer_balances b
        where b.workspace_id = k.workspace_id and b.customer_id = k.customer_id order by overdue_cents desc limit 1) b on true
      where k.workspace_id = '${ws}' and k.status = 'promised'`);
    await pg.unsafe(`
      insert into promises (workspace_id, case_id, amount_cents, currency, due_on, taken_by, status, created_at, decided_at)
      select k.workspace_id, k.id, 10000 + (k.id % 50) * 1000, 'EUR',
        case when k.id % 7 = 0 then '${previousDay}'::date else '${today}'::date - 20 - (k.id % 60)::int end,
        coalesce(k.owner_id, '${MANAGER}'), 'broken', '${now.toISOString()}'::timestamptz - interval '30 days',
        case when k.id % 7 = 0 then '${previousPostedAt.toISOString()}'::timestamptz + ((k.id % 20) || ' hours')::interval
          else '${today}'::date - 15 - (k.id % 60)::int end
      from cases k where k.workspace_id = '${ws}' and k.status = 'open' and k.id % 17 = 0`);
    await pg.unsafe(`
      insert into promises (workspace_id, case_id, amount_cents, currency, due_on, taken_by, status, paid_cents, created_at, decided_at)
      select k.workspace_id, k.id, 20000, 'EUR', '${today}'::date - 40, coalesce(k.owner_id, '${MANAGER}'), 'kept', 20000,
        '${today}'::date - 50, '${today}'::date - 40
      from cases k where k.workspace_id = '${ws}' and k.id % 9 = 0`);
    // Call tasks: open ones of the collectors (due today, some later), some unassigned, many done.
    await pg.unsafe(`
      insert into tasks (workspace_id, case_id, kind, assignee_id, due_at, status, created_by, created_at, closed_at)
      select k.workspace_id, k.id, 'call',
        case when k.id / 40 % 10 = 0 then null else coalesce(k.owner_id, (${arr(COLLECTORS)})[1 + k.id / 40 % ${COLLECTORS.length}]) end,
        '${zonedTimeToUtc(today, '08:00', TIMEZONE).toISOString()}'::timestamptz + ((k.id / 40 % 10) || ' hours')::interval
          + (case when k.id / 40 % 3 = 0 then interval '2 days' else interval '0' end),
        'open', '${MANAGER}', '${now.toISOString()}'::timestamptz - interval '1 day', null
      from cases k where k.workspace_id = '${ws}' and k.status = 'open' and k.id % 40 = 7`);
    await pg.unsafe(`
      insert into tasks (workspace_id, case_id, kind, assignee_id, due_at, status, created_by, created_at, closed_at)
      select k.workspace_id, k.id, (array['call', 'email', 'letter'])[1 + k.id % 3]::task_kind,
        coalesce(k.owner_id, '${MANAGER}'), '${today}'::date - (k.id % 90)::int, 'done', '${MANAGER}',
        '${today}'::date - (k.id % 90)::int - 2, '${today}'::date - (k.id % 90)::int
      from cases k where k.workspace_id = '${ws}' and k.id % 3 = 0`);
    // Escalations: formal notices awaiting a manager's approval, and older decided ones.
    await pg.unsafe(`
      insert into escalations (workspace_id, case_id, kind, status, requested_by, reason, decided_by, decided_at, created_at)
      select k.workspace_id, k.id, 'notice', case when k.id % 5 = 0 then 'pending' else 'approved' end::escalation_status,
        coalesce(k.owner_id, '${MANAGER}'), 'no answer after three reminders',
        case when k.id % 5 = 0 then null else '${MANAGER}' end,
        case when k.id % 5 = 0 then null else '${today}'::date - (k.id % 30)::int end,
        '${today}'::date - (k.id % 30)::int - 1
      from cases k where k.workspace_id = '${ws}' and k.stage = 'formal_notice' and k.id % 11 = 0`);
    // The channel's previous digest, with its totals a little lower than today's.
    await pg.unsafe(`
      insert into digests (workspace_id, channel_id, business_date, status, message_ts, totals, attempts, created_at, posted_at)
      select '${ws}', '${DIGEST_CHANNEL}', '${previousDay}'::date, 'posted', '1700000000.000100',
        jsonb_object_agg(currency, round(overdue * 0.97)::bigint), 1, '${previousPostedAt.toISOString()}'::timestamptz,
        '${previousPostedAt.toISOString()}'::timestamptz
      from (select currency, sum(overdue_cents)::bigint as overdue from customer_balances where workspace_id = '${ws}' group by currency) t`);
    await db.transaction((tx) => updatePriorities(tx, { workspaceId: ws, today }));
    await pg.unsafe('vacuum analyze customer_balances, cases, promises, tasks, escalations, digests, activities');
  });

  const [shape] = await pg.unsafe<Record<string, string | number>[]>(`
    select
      (select count(*) from customers where workspace_id = '${ws}')::int as customers,
      (select count(*) from invoices where workspace_id = '${ws}')::int as invoices,
      (select count(*) from invoices where workspace_id = '${ws}' and paid_cents = amount_cents)::int as "invoices paid",
      (select count(*) from invoices where workspace_id = '${ws}' and paid_cents > 0 and paid_cents < amount_cents)::int as "invoices partly paid",
      (select count(*) from invoices where workspace_id = '${ws}' and paid_cents = 0)::int as "invoices unpaid",
      (select count(*) from payments where workspace_id = '${ws}')::int as payments,
      (select count(*) from customer_balances where workspace_id = '${ws}')::int as "balance rows",
      (select count(*) from cases where workspace_id = '${ws}' and status not in ('resolved', 'written_off'))::int as "open cases",
      (select count(*) from promises where workspace_id = '${ws}' and status = 'pending' and due_on = '${today}')::int as "promises due today",
      (select count(*) from promises where workspace_id = '${ws}' and status = 'broken' and decided_at > '${previousPostedAt.toISOString()}')::int as "promises broken since the last digest",
      (select count(*) from tasks where workspace_id = '${ws}' and kind = 'call' and status = 'open' and assignee_id is not null)::int as "open call tasks assigned",
      (select count(*) from escalations where workspace_id = '${ws}' and status = 'pending')::int as "escalations pending",
      (select count(*) from activities where workspace_id = '${ws}')::int as activities,
      pg_size_pretty(pg_database_size(current_database())) as "database size"`);
  return { steps, previousPostedAt, shape: shape ?? {} };
}

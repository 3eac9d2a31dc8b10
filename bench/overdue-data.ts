// The ledger for bench/overdue: 100,000 customers and 1,000,000 invoices over the
// last two years, generated in SQL (generate_series), then the nightly balance
// rebuild. Deterministic: setseed() fixes every random() of the session.
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';
import { refreshBalances, updatePriorities } from '../src/db/balances.ts';
import type { Database } from '../src/db/client.ts';
import { members } from '../src/db/schema.ts';
import { ensureWorkspace } from '../src/db/workspaces.ts';
import { DEMO_ADMIN_ID, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_TEAM_ID, DEMO_TEAM_NAME } from '../src/emulator/seed.ts';

export interface LedgerSize {
  customers: number;
  invoices: number;
}

export interface LedgerReport {
  steps: { step: string; ms: number }[];
  refreshMs: number;
  shape: Record<string, number | string>;
}

/** Who owns the accounts: the demo collector, the demo manager and eight more collectors. */
export const OWNERS = [DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, 'U0COLL03', 'U0COLL04', 'U0COLL05', 'U0COLL06', 'U0COLL07', 'U0COLL08', 'U0COLL09', 'U0COLL10'];

const arr = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;

const LAST = arr(['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
  'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'Andre', 'Lefevre', 'Mercier',
  'Dupont', 'Lambert', 'Bonnet', 'Francois', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guerin', 'Muller', 'Henry',
  'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clement', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson',
  'Sanchez', 'Gerard', 'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Gautier', 'Roger', 'Roche', 'Roy', 'Noel', 'Meyer', 'Lucas',
  'Meunier', 'Jean', 'Perez', 'Marchand', 'Dufour', 'Blanchard', 'Marie', 'Barbier', 'Brun', 'Dumas', 'Brunet', 'Schmitt', 'Leroux', 'Colin',
  'Fernandez', 'Pierre', 'Renard', 'Arnaud', 'Rolland', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Vidal', 'Bourgeois', 'Renaud', 'Lemoine',
  'Picard', 'Gaillard', 'Philippe', 'Leclercq', 'Lacroix', 'Fabre', 'Dupuis', "O'Brien", 'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson']);
const FIRST = arr(['Camille', 'Louise', 'Léa', 'Emma', 'Chloé', 'Manon', 'Inès', 'Jade', 'Sarah', 'Lucie', 'Julie', 'Anne', 'Marie', 'Claire',
  'Hugo', 'Lucas', 'Louis', 'Nathan', 'Gabriel', 'Jules', 'Arthur', 'Paul', 'Thomas', 'Antoine', 'Pierre', 'Nicolas', 'Julien', 'Éric',
  'Olivier', 'François', 'Sophie', 'Isabelle', 'Nathalie', 'Sylvie', 'Philippe', 'Michel', 'Alain', 'Patrick', 'Christophe', 'Laurent']);
const TRADE = arr(['Atelier', 'Boulangerie', 'Transports', 'Garage', 'Cabinet', 'Pharmacie', 'Imprimerie', 'Menuiserie', 'Plomberie',
  'Électricité', 'Maçonnerie', 'Librairie', 'Restaurant', 'Hôtel', 'Fromagerie', 'Boucherie', 'Traiteur', 'Peinture', 'Carrosserie',
  'Couverture', 'Serrurerie', 'Pressing', 'Fleurs', 'Optique', 'Bureautique', 'Logistique', 'Conseil', 'Informatique', 'Bâtiment', 'Négoce',
  'Distribution', 'Agencement', 'Froid', 'Chauffage', 'Paysages', 'Nettoyage', 'Sécurité', 'Textile', 'Métallerie', 'Vins']);
const FORM = arr(['SARL', 'SAS', 'SA', 'EURL', 'SASU', '& Fils', 'et Associés', 'Frères', 'Ltd', 'GmbH']);

// A stable pseudo-random number in [0, 1) per customer index, independent of random().
const hash = (x: string, k: number) => `((((${x})::bigint * ${k}) % 1000003) / 1000003.0)`;

async function step<T>(steps: LedgerReport['steps'], name: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await fn();
  steps.push({ step: name, ms: performance.now() - started });
  return value;
}

/**
 * Fills an empty, migrated database. `pg` is a single-connection client so
 * setseed() and the inserts share a session.
 */
export async function loadLedger(database: Database, pg: postgres.Sql, today: string, size: LedgerSize): Promise<LedgerReport> {
  const steps: LedgerReport['steps'] = [];
  const ws = DEMO_TEAM_ID;
  const nC = size.customers;
  const nI = size.invoices;
  const db = database.db;

  await ensureWorkspace(db, ws, { timezone: 'Europe/Paris', locale: 'en' }, DEMO_TEAM_NAME);
  await db.insert(members).values([
    { workspaceId: ws, userId: DEMO_ADMIN_ID, role: 'admin', addedBy: 'bench' },
    { workspaceId: ws, userId: DEMO_MANAGER_ID, role: 'manager', addedBy: 'bench' },
    ...OWNERS.filter((u) => u !== DEMO_MANAGER_ID).map((u) => ({ workspaceId: ws, userId: u, role: 'collector' as const, addedBy: 'bench' })),
  ]);
  await pg`select setseed(0.4242)`;

  // Customers: ~1 in 7 a consumer (b2c), the rest businesses; 5 % unassigned,
  // the others spread over ten collectors; a quarter are slow payers (see invoices).
  await step(steps, `insert ${nC.toLocaleString('en')} customers`, () => pg.unsafe(`
    insert into customers (workspace_id, customer_ref, name, kind, email, phone, locale, company_id, owner_id)
    select '${ws}', 'C' || lpad(g::text, 6, '0'),
      case when g % 7 = 3
        then (${FIRST})[1 + (g * 7) % 40] || ' ' || (${LAST})[1 + (g * 13) % 106]
        else (${TRADE})[1 + (g * 11) % 40] || ' ' || (${LAST})[1 + (g * 17) % 106]
          || case when g % 3 = 0 then '' else ' ' || (${FORM})[1 + (g * 19) % 10] end
      end,
      (case when g % 7 = 3 then 'b2c' else 'b2b' end)::customer_kind,
      case when g % 4 <> 0 then 'ap' || g || '@example.com' end,
      case when g % 5 <> 0 then '+331' || lpad(((g * 7919) % 100000000)::text, 8, '0') end,
      (case when g % 9 = 0 then 'en' else 'fr' end)::locale,
      case when g % 7 <> 3 then lpad(((g::bigint * 104729) % 1000000000)::text, 9, '0') end,
      case when g % 20 = 0 then null else (${arr(OWNERS)})[1 + (g * 31) % ${OWNERS.length}] end
    from generate_series(1, ${nC}) g order by g`));
  const [{ base } = { base: 0 }] = await pg<{ base: number }[]>`select (min(id) - 1)::int as base from customers where workspace_id = ${ws}`;

  // Invoices: big accounts have many (customer index skewed towards low numbers),
  // issued over the last 730 days, due 30/45/60 days later (consumers: 30).
  // Currency per customer: 5 % USD, 5 % GBP, 2 % mixed EUR/USD, the rest EUR.
  // Paid: before the due date 10 % paid, 10 % partly; after it, good payers 85 %
  // paid and 7 % partly, slow payers (a quarter) 45 % and 20 %; the rest unpaid.
  await step(steps, `insert ${nI.toLocaleString('en')} invoices`, () => pg.unsafe(`
    with s as (
      select g,
        1 + least(${nC - 1}, floor(${nC} * power(random(), 1.6))::int) as cix,
        floor(random() * 730)::int as age,
        random() as r_terms, random() as r_pay, random() as r_part, random() as r_cur, random() as r_del,
        (random() + random() + random() + random() - 2) * 1.732 as z
      from generate_series(1, ${nI}) g
    ), t as (
      select s.*, s.cix % 7 = 3 as b2c, '${today}'::date - s.age as issue,
        case when s.cix % 7 = 3 then 30 else (array[30, 45, 60])[1 + floor(s.r_terms * 3)::int] end as terms,
        ${hash('s.cix', 7_368_787)} < 0.25 as slow,
        ${hash('s.cix', 2_654_435)} as cur
      from s
    ), u as (
      select t.*, t.issue + t.terms as due,
        greatest(500, round(exp(case when t.b2c then 8.8 + 0.8 * t.z else 11.0 + 1.2 * t.z end)))::bigint as amount
      from t
    )
    insert into invoices (workspace_id, invoice_number, customer_id, issue_date, due_date, delivered_on, currency, amount_cents, paid_cents)
    select '${ws}', 'INV-' || to_char(u.issue, 'YYYY') || '-' || lpad(u.g::text, 7, '0'), ${base} + u.cix, u.issue, u.due,
      case when not u.b2c and u.r_del < 0.3 then u.issue - floor(u.r_del * 30)::int end,
      case when u.cur < 0.05 then 'USD' when u.cur < 0.10 then 'GBP'
        when u.cur < 0.12 and u.r_cur < 0.4 then 'USD' else 'EUR' end,
      u.amount,
      case
        when u.r_pay < (case when u.due >= '${today}'::date then 0.10 when u.slow then 0.45 else 0.85 end) then u.amount
        when u.r_pay < (case when u.due >= '${today}'::date then 0.20 when u.slow then 0.65 else 0.92 end)
          then round(u.amount * (0.2 + 0.6 * u.r_part))::bigint
        else 0
      end
    from u order by u.issue, u.g`));

  // One payment per paid or partly paid invoice, so paid_cents = sum(payments).
  await step(steps, 'insert payments', () => pg.unsafe(`
    insert into payments (workspace_id, invoice_id, amount_cents, paid_on, reference, source)
    select workspace_id, id, paid_cents,
      least('${today}'::date - 1, greatest(issue_date, due_date + ((id * 37) % 50)::int - 15)),
      'PAY-' || id, 'import'
    from invoices where workspace_id = '${ws}' and paid_cents > 0`));
  await step(steps, 'vacuum analyze (what autovacuum does after a bulk load)', () => pg.unsafe('vacuum analyze'));

  let refreshMs = 0;
  await step(steps, 'refreshBalances (whole workspace, nightly rebuild)', async () => {
    const started = performance.now();
    await db.transaction((tx) => refreshBalances(tx, { workspaceId: ws, today, actorId: 'import', now: new Date(`${today}T03:00:00Z`) }));
    refreshMs = performance.now() - started;
  });

  // A worked book: cases move along the ladder with age, a few are paused
  // (dispute) or waiting on a promise, a few reassigned; then priorities follow.
  await step(steps, 'stages, pauses, promises + updatePriorities', async () => {
    await pg.unsafe(`
      update cases k set
        stage = (case
          when b.days > 120 then 'formal_notice' when b.days > 75 then 'reminder_3' when b.days > 45 then 'call'
          when b.days > 20 then 'reminder_2' else 'reminder_1' end)::ladder_stage,
        status = (case when k.id % 40 = 0 then 'paused' when k.id % 25 = 0 then 'promised'
          when b.days > 150 and k.id % 3 = 0 then 'notice' else 'open' end)::case_status,
        paused_until = case when k.id % 40 = 0 then '${today}'::date + 30 end
      from (select customer_id, '${today}'::date - min(oldest_due_date) as days from customer_balances
            where workspace_id = '${ws}' and overdue_cents > 0 group by customer_id) b
      where k.workspace_id = '${ws}' and k.customer_id = b.customer_id`);
    await pg.unsafe(`
      insert into promises (workspace_id, case_id, amount_cents, currency, due_on, taken_by, status)
      select k.workspace_id, k.id, b.overdue_cents / 2, b.currency, '${today}'::date + (k.id % 14)::int, coalesce(k.owner_id, '${DEMO_MANAGER_ID}'), 'pending'
      from cases k join lateral (select currency, overdue_cents from customer_balances b
        where b.workspace_id = k.workspace_id and b.customer_id = k.customer_id order by overdue_cents desc limit 1) b on true
      where k.workspace_id = '${ws}' and k.status = 'promised'`);
    await pg.unsafe(`
      insert into promises (workspace_id, case_id, amount_cents, currency, due_on, taken_by, status)
      select k.workspace_id, k.id, 10000, 'EUR', '${today}'::date - 20, coalesce(k.owner_id, '${DEMO_MANAGER_ID}'), 'broken'
      from cases k where k.workspace_id = '${ws}' and k.status = 'open' and k.id % 17 = 0`);
    await db.transaction((tx) => updatePriorities(tx, { workspaceId: ws, today }));
    await pg.unsafe('vacuum analyze customer_balances, cases, promises, activities');
  });

  const [shape] = await pg.unsafe<Record<string, string | number>[]>(`
    select
      (select count(*) from customers where workspace_id = '${ws}')::int as customers,
      (select count(*) from customers where workspace_id = '${ws}' and kind = 'b2c')::int as "customers b2c",
      (select count(*) from invoices where workspace_id = '${ws}')::int as invoices,
      (select count(*) from invoices where workspace_id = '${ws}' and paid_cents = amount_cents)::int as "invoices fully paid",
      (select count(*) from invoices where workspace_id = '${ws}' and paid_cents > 0 and paid_cents < amount_cents)::int as "invoices partly paid",
      (select count(*) from invoices where workspace_id = '${ws}' and paid_cents = 0)::int as "invoices unpaid",
      (select count(*) from invoices where workspace_id = '${ws}' and currency <> 'EUR')::int as "invoices in USD/GBP",
      (select count(*) from payments where workspace_id = '${ws}')::int as payments,
      (select count(*) from customer_balances where workspace_id = '${ws}')::int as "balance rows",
      (select count(distinct customer_id) from customer_balances where workspace_id = '${ws}' and overdue_cents > 0)::int as "customers with overdue balance",
      (select count(distinct customer_id) from customer_balances where workspace_id = '${ws}' and overdue_cents > 0
         and oldest_due_date < '${today}'::date - 90)::int as "customers > 90 days overdue",
      (select count(*) from cases where workspace_id = '${ws}' and status not in ('resolved', 'written_off'))::int as "open cases",
      (select count(*) from cases where workspace_id = '${ws}' and status not in ('resolved', 'written_off') and owner_id = '${DEMO_COLLECTOR_ID}')::int as "open cases of ${DEMO_COLLECTOR_ID}",
      (select count(*) from activities where workspace_id = '${ws}')::int as activities,
      (select max(n) from (select count(*) as n from invoices where workspace_id = '${ws}' group by customer_id) x)::int as "max invoices / customer",
      pg_size_pretty(pg_database_size(current_database())) as "database size"`);
  return { steps, refreshMs, shape: shape ?? {} };
}

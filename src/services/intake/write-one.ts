// One record of the single-record endpoints (PUT customer, PUT invoice, POST
// payment), written without the import's staging: the record goes through
// the very row checks of `relance import` (src/import/row-handler.ts and the
// kind's row parser, so the messages are the same), then a few parameterized
// statements in one short transaction. Staging (temp tables, COPY) pays for
// itself on a file of a million rows; on one row it was most of the time.
//
// A PUT of an invoice is, between BEGIN and COMMIT, six prepared statements
// (src/db/prepared-sql.ts) in two round trips: the workspace and its locks,
// the customer's lock, the invoice read and updated in one statement; then
// the customer's balances and case (src/db/customer-balances.ts, one
// statement), the ledger sync and the invoice as the answer shows it. Each
// batch is sent without waiting for the previous statement's answer: on one
// connection the statements still run one after the other, in order, so
// every lock is taken before the statements after it run.
//
// The database-side checks and writes mirror src/import/*-writes.ts on one
// row (unknown customer or invoice, an invoice of another customer, currency
// fixed once paid, decimals of the invoice's currency, payment conflicts by
// reference), with the same reasons (src/import/reject-reasons.ts) and the
// same effects: balances and case of the customer, promise verdicts, waiting
// reminders cancelled, the timeline entry of a payment, the ledger sync.
//
// Locks, and why they cannot deadlock or lose an update:
// 1. `relance.import` in SHARED mode: single records do not exclude each
//    other (row locks below order them), but a file import, a bulk request or
//    a bank statement (EXCLUSIVE) still runs alone, as they rely on.
// 2. `relance.balances` next, before any row lock: SHARED for a per-customer
//    refresh, EXCLUSIVE when the payment's customer has pending promises
//    (decidePromises takes it exclusively itself; upgrading from shared while
//    another record holds it shared would deadlock both). Per-customer
//    refreshes of different customers write disjoint rows (their
//    customer_balances, their cases), so they may run together; the daily
//    rebuild and every other taker (verdicts, plans, recoveries) hold it
//    EXCLUSIVE, so none of them interleaves with a record's refresh, as
//    before. Taking it before any row lock means no record ever waits for it
//    while holding a row the exclusive holder needs (e.g. a case insert's
//    foreign-key lock on the customer row). A per-customer advisory variant
//    would not do: the whole-workspace rebuild would have to take them all.
// 3. The customer row, FOR NO KEY UPDATE: two records of one customer (20
//    payments on one invoice) run one after the other, so paid_cents is the
//    sum of all of them and two refreshes of one customer's balances never
//    race. NO KEY UPDATE, not UPDATE: it leaves foreign-key checks (a case
//    inserted for the customer) unblocked.
// 4. The customer's shard of the balances version (src/db/customer-balances.ts),
//    bumped by the refresh: not the workspace row, whose lock held until the
//    commit queued every record of the workspace behind the others. Records
//    of customers of different shards never wait for each other.
// 5. The workspace row last, and rarely: the ledger sync writes it once a
//    minute, and the cases trigger (drizzle/0006) when the refresh opens or
//    resolves a case. Both come after the shard, as nothing takes a shard
//    while holding the workspace row, so the two locks cannot deadlock.
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.ts';
import { preparedSql } from '../../db/prepared.ts';
import { refreshCustomerBalances } from '../../db/customer-balances.ts';
import { decidePromises } from '../../db/promise-verdicts.ts';
import { todayIn } from '../../domain/dates.ts';
import { cellAt } from '../../import/cells.ts';
import { currencyExponent } from '../../import/currencies.ts';
import { ErrorList } from '../../import/errors.ts';
import type { StageColumn, StageValue, WriteCounts } from '../../import/importer.ts';
import { IMPORTERS } from '../../import/kind-importers.ts';
import { matchHeader, type ImportKind } from '../../import/kinds.ts';
import { rejectReason, type SqlReject } from '../../import/reject-reasons.ts';
import { rowHandler } from '../../import/row-handler.ts';
import type { StageWriter } from '../../import/stage.ts';
import { cancelSettledReminders } from '../mail/cancel-settled-reminders.ts';
import { singleRecordFeed } from './feeds.ts';
import { HeaderError, type IngestResult, type RecordError } from './ingest.ts';
import { recordLedgerSync } from './ledger-sync.ts';
import { clearedContactMarks, CUSTOMER_UPDATABLE } from '../../import/customer-writes.ts';

export interface WriteOneOptions<R = never> {
  workspaceId: string;
  kind: ImportKind;
  /**
   * What the answer shows of the record, read at the end of the write's own transaction (sent along with its last
   * statements, not after the commit): the customer's lock, held until then, keeps it what a read after the commit
   * would show. Not read when the record is refused.
   */
  readBack?: (tx: Queryable) => Promise<R>;
  /** Who sent it, for the timeline (the `file` of payment_recorded): `api:<token name>`. */
  origin: string;
  now: Date;
}

/** What a kind's write did: counts, the customer whose balances may have moved, or the database's refusal. */
interface RowWrite extends WriteCounts {
  touched: number | null;
  /** Whether the touched customer has reminders waiting that the write may have settled (invoices and payments only). */
  remindersWaiting?: boolean;
  reject?: Omit<SqlReject, 'line'>;
}

interface WriteArgs {
  tx: Queryable;
  ws: string;
  now: string;
  origin: string;
  /** The staged values, in the kind's stageColumns order (no line). */
  values: StageValue[];
  /** The row as a one-row derived table with the staging table's columns and types, to alias `s`. */
  row: SQL;
  present: ReadonlySet<string>;
}

const ZERO = { mails: 0, drafts: 0 };

export async function writeOne<R = never>(
  database: Database, opts: WriteOneOptions<R>, cells: Map<string, string>,
): Promise<IngestResult & { read?: R }> {
  const importer = IMPORTERS[opts.kind];
  const feed = singleRecordFeed(opts.kind, cells);
  const header = matchHeader(feed.columns);
  if (!header.ok) throw new HeaderError(header.error);
  if (header.value.kind !== opts.kind) {
    throw new HeaderError(`the header row is one of ${header.value.kind}, not of ${opts.kind}: send it to the ${header.value.kind} endpoint`);
  }
  const record = feed.columns.map((c) => cells.get(c) ?? '');
  const key = cellAt(record, header.value.positions.get(importer.keyColumn));

  // The import's row checks, on this one row: a good row is "staged" here instead of into import_rows.
  let staged: StageValue[] | null = null;
  const capture: StageWriter = {
    add(row) {
      staged = row.slice(1);
      return undefined;
    },
    finish: async () => {},
    abort: () => {},
  };
  const errors = new ErrorList();
  const handle = rowHandler(importer, header.value, feed.decimal, capture, errors, () => {});
  handle([...feed.columns], 0);
  await handle(record, 1);
  const records = handle.rows;
  const result: IngestResult = {
    kind: opts.kind, records, inserted: 0, updated: 0, unchanged: 0, rejected: 0, errors: [], moreErrors: 0,
    casesOpened: 0, casesResolved: 0, promisesKept: 0, promisesBroken: 0, remindersCancelled: ZERO,
  };
  const values = staged as StageValue[] | null;
  if (values === null) {
    // Refused by the checks (or a blank record): nothing to write, nothing synced.
    const merged = ErrorList.merge(errors, new ErrorList());
    const rejected = records > 0 ? 1 : 0;
    return { ...result, rejected, errors: merged.errors.map((e) => ({ ...e, key })), moreErrors: merged.moreErrors };
  }

  const ws = opts.workspaceId;
  return database.db.transaction(async (tx) => {
    // One round trip for the workspace and its locks (see the head of the file), the payment's promises looked at first.
    const balancesLock = (mode: 'shared' | 'exclusive') => mode === 'shared'
      ? sql`pg_advisory_xact_lock_shared(hashtext('relance.balances'), hashtext(${ws}))`
      : sql`pg_advisory_xact_lock(hashtext('relance.balances'), hashtext(${ws}))`;
    const importLock = sql`pg_advisory_xact_lock_shared(hashtext('relance.import'), hashtext(${ws}))`;
    const args: WriteArgs = {
      tx, ws, now: opts.now.toISOString(), origin: opts.origin, values,
      row: stagedRow(importer.stageColumns, values), present: new Set(header.value.positions.keys()),
    };
    let workspace: { timezone: string; pending: boolean } | undefined;
    let write: RowWrite;
    if (opts.kind === 'payments') {
      [workspace] = await preparedSql<{ timezone: string; pending: boolean }>(tx, sql`select w.timezone, ${importLock} is null as locked,
          ${pendingPromisesOfPaidCustomer(ws, String(values[0]))} as pending from workspaces w where w.id = ${ws}`);
      if (!workspace) throw new Error(`workspace ${ws} does not exist`);
      // Without a pending promise there is no verdict to give; with one, decidePromises needs the lock exclusively.
      await preparedSql(tx, sql`select ${balancesLock(workspace.pending ? 'exclusive' : 'shared')}`);
      write = await writePayment(args);
    } else {
      // The write's first statements go out with this one, without waiting for its answer: on one connection they run
      // after it, so after its locks are taken (one round trip instead of two or three).
      const locked = preparedSql<{ timezone: string; pending: boolean }>(tx, sql`select w.timezone, false as pending, ${importLock} is null as locked,
          ${balancesLock('shared')} is null as balances from workspaces w where w.id = ${ws}`);
      const writing = opts.kind === 'customers' ? writeCustomer(args) : writeInvoice(args);
      [[workspace], write] = await Promise.all([locked, writing]);
      if (!workspace) throw new Error(`workspace ${ws} does not exist`);
    }
    const today = todayIn(workspace.timezone, opts.now);
    const decides = Boolean(workspace.pending);
    if (write.reject) {
      const error: RecordError = { line: 1, column: write.reject.col, reason: rejectReason({ line: 1, ...write.reject }), value: write.reject.value ?? '', key: String(values[importer.stageColumns.findIndex((c) => c.name === importer.keyColumn)] ?? key) };
      return { ...result, rejected: 1, errors: [error] };
    }

    let refreshed = { casesOpened: 0, casesResolved: 0 };
    let verdicts = { kept: 0, broken: 0 };
    let remindersCancelled = ZERO;
    // A lowered invoice amount settles invoices too. Only a customer with reminders waiting has any to cancel (the write looked).
    if (write.touched !== null && write.remindersWaiting) {
      remindersCancelled = await cancelSettledReminders(tx, { workspaceId: ws, customersIn: sql`select ${write.touched}::bigint`, now: opts.now });
    }
    // The ledger arrived (src/domain/ledger-freshness.ts): reminders held for want of it resume. After the shard (see the head of
    // the file): sent along with the refresh, it runs after it.
    const [refresh, , read] = await Promise.all([
      write.touched === null ? null : refreshCustomerBalances(tx, { workspaceId: ws, customerId: write.touched, today, actorId: 'api', now: opts.now }),
      recordLedgerSync(tx, ws, 'api', opts.now),
      opts.readBack?.(tx),
    ]);
    if (refresh) refreshed = refresh;
    if (write.touched !== null && decides) {
      verdicts = await decidePromises(tx, { workspaceId: ws, now: opts.now, customerIds: [write.touched] });
    }
    return {
      ...result,
      inserted: write.inserted,
      updated: write.updated,
      unchanged: records - write.inserted - write.updated,
      casesOpened: refreshed.casesOpened,
      casesResolved: refreshed.casesResolved,
      promisesKept: verdicts.kept,
      promisesBroken: verdicts.broken,
      remindersCancelled,
      ...(read === undefined ? {} : { read }),
    };
  });
}

/** `(select $1::text as customer_ref, …)`: the staged row, typed as the staging table types it. */
function stagedRow(columns: readonly StageColumn[], values: StageValue[]): SQL {
  const cells = columns.map((c, i) => sql`${values[i] ?? null}::${sql.raw(c.type)} as ${sql.raw(c.name)}`);
  return sql`(select ${sql.join(cells, sql`, `)})`;
}

/** Whether the customer of the invoice paid has a pending promise (a boolean expression). */
function pendingPromisesOfPaidCustomer(ws: string, invoiceNumber: string): SQL {
  return sql`exists (
    select 1 from invoices i
    join cases k on k.workspace_id = i.workspace_id and k.customer_id = i.customer_id
    join promises p on p.case_id = k.id and p.status = 'pending'
    where i.workspace_id = ${ws} and i.invoice_number = ${invoiceNumber})`;
}

/** Whether the customer has reminders waiting to leave (mails queued or retrying, drafts): those cancelSettledReminders looks at. */
function remindersWaiting(ws: string, customerId: number | SQL): SQL {
  return sql`(exists (select 1 from mails m where m.workspace_id = ${ws} and m.customer_id = ${customerId} and m.status in ('queued', 'retrying'))
    or exists (select 1 from drafts d where d.workspace_id = ${ws} and d.customer_id = ${customerId} and d.status = 'draft'))`;
}

/** Locks the customer row (see the head of the file); its id, or null when there is no such customer. */
async function lockCustomer(tx: Queryable, where: SQL): Promise<number | null> {
  const [found] = await preparedSql<{ id: number | string }>(tx, sql`select id from customers where ${where} for no key update`);
  return found ? Number(found.id) : null;
}

// ------------------------------------------------------------------ customers (src/import/customer-writes.ts)

async function writeCustomer(a: WriteArgs): Promise<RowWrite> {
  const { tx, ws, now, row } = a;
  const ref = String(a.values[0]);
  const columns = CUSTOMER_UPDATABLE.filter(([, , field]) => a.present.has(field));
  const set = sql.raw([...columns.map(([col, expr]) => `${col} = ${expr}`), ...clearedContactMarks(a.present)].join(', '));
  const stored = sql.raw(columns.map(([col]) => `c.${col}`).join(', '));
  const incoming = sql.raw(columns.map(([, expr]) => expr).join(', '));
  // Twice at most: a customer created by another request between our look and our insert is then updated.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const id = await lockCustomer(tx, sql`workspace_id = ${ws} and customer_ref = ${ref}`);
    if (id !== null) {
      const changed = await preparedSql<{ id: number }>(tx, sql`
        update customers c set ${set}, updated_at = ${now}::timestamptz
        from ${row} s
        where c.id = ${id} and (${stored}) is distinct from (${incoming})
        returning c.id`);
      return changed.length > 0 ? { inserted: 0, updated: 1, touched: id } : { inserted: 0, updated: 0, touched: null };
    }
    const added = await preparedSql<{ id: number }>(tx, sql`
      insert into customers (workspace_id, customer_ref, name, kind, email, phone, timezone, locale,
        company_id, owner_id, late_rate, iban, created_at, updated_at)
      select ${ws}, s.customer_ref, s.name, coalesce(s.kind, 'b2b')::customer_kind, s.email, s.phone, s.timezone,
        s.locale::locale, s.company_id, s.owner_id, s.late_rate, s.iban, ${now}::timestamptz, ${now}::timestamptz
      from ${row} s
      on conflict (workspace_id, customer_ref) do nothing
      returning id`);
    // A new customer has no invoices: no balance to rebuild (as the import).
    if (added.length > 0) return { inserted: 1, updated: 0, touched: null };
  }
  throw new Error(`customer "${ref}" could neither be inserted nor found`);
}

// ------------------------------------------------------------------ invoices (src/import/invoice-writes.ts)

async function writeInvoice(a: WriteArgs): Promise<RowWrite> {
  const { tx, ws, now, row } = a;
  const [number, customerRef, , , , currency] = a.values as [string, string, string, string, string | null, string, number];
  // delivered_on is optional: a request without it keeps the stored date.
  const fields = ['issue_date', 'due_date', 'currency', 'amount_cents', ...(a.present.has('delivered_on') ? ['delivered_on'] : [])];
  const set = sql.raw(fields.map((f) => `${f} = s.${f}`).join(', '));
  const stored = sql.raw(fields.map((f) => `i.${f}`).join(', '));
  const incoming = sql.raw(fields.map((f) => `s.${f}`).join(', '));
  // The invoice as stored, and in the same statement its update when the checks below let it through (so that the
  // usual PUT is one statement): the update's conditions are the refusals' negation.
  const readAndUpdate = (customerId: SQL) => preparedSql<{
    id: number | string; customer_id: number | string; owner_ref: string; currency: string; paid_cents: number | string; paid: boolean;
    changed: boolean; waiting: boolean;
  }>(tx, sql`
      with existing as (
        select i.id, i.customer_id, o.customer_ref as owner_ref, i.currency, i.paid_cents,
          exists (select 1 from payments p where p.invoice_id = i.id) as paid
        from invoices i join customers o on o.id = i.customer_id
        where i.workspace_id = ${ws} and i.invoice_number = ${number}
      ), changed as (
        update invoices i set ${set}, updated_at = ${now}::timestamptz
        from ${row} s, existing e
        where i.id = e.id and e.customer_id = ${customerId} and (e.currency = s.currency or not e.paid)
          and (${stored}) is distinct from (${incoming})
        returning i.id
      )
      select e.*, exists (select 1 from changed) as changed, ${remindersWaiting(ws, customerId)} as waiting from existing e`);
  // The lock and the first look go out together: run one after the other on the connection, the look sees what the
  // lock waited for. It names the customer by its key, found again by the lock's own index read.
  const [customerId, firstLook] = await Promise.all([
    lockCustomer(tx, sql`workspace_id = ${ws} and customer_ref = ${customerRef}`),
    readAndUpdate(sql`(select c.id from customers c where c.workspace_id = ${ws} and c.customer_ref = ${customerRef})`),
  ]);
  if (customerId === null) return { inserted: 0, updated: 0, touched: null, reject: { col: 'customer_ref', code: 'unknown_customer', value: customerRef, detail: null } };

  for (let attempt = 0; attempt < 2; attempt += 1) {
    const [existing] = attempt === 0 ? firstLook : await readAndUpdate(sql`${customerId}`);
    if (existing) {
      if (Number(existing.customer_id) !== customerId) {
        return { inserted: 0, updated: 0, touched: null, reject: {
          col: 'customer_ref', code: 'other_customer', value: customerRef, detail: { invoice_number: number, customer_ref: existing.owner_ref } } };
      }
      if (existing.currency !== currency && existing.paid) {
        return { inserted: 0, updated: 0, touched: null, reject: {
          col: 'currency', code: 'currency_with_payments', value: currency,
          detail: { invoice_number: number, currency: existing.currency, paid_cents: Number(existing.paid_cents), exponent: currencyExponent(existing.currency) } } };
      }
      return existing.changed
        ? { inserted: 0, updated: 1, touched: customerId, remindersWaiting: Boolean(existing.waiting) }
        : { inserted: 0, updated: 0, touched: null };
    }
    const added = await preparedSql<{ id: number; waiting: boolean }>(tx, sql`
      insert into invoices (workspace_id, invoice_number, customer_id, issue_date, due_date, delivered_on,
        currency, amount_cents, created_at, updated_at)
      select ${ws}, s.invoice_number, ${customerId}, s.issue_date, s.due_date, s.delivered_on,
        s.currency, s.amount_cents, ${now}::timestamptz, ${now}::timestamptz
      from ${row} s
      on conflict (workspace_id, invoice_number) do nothing
      returning id, ${remindersWaiting(ws, customerId)} as waiting`);
    if (added.length > 0) return { inserted: 1, updated: 0, touched: customerId, remindersWaiting: Boolean(added[0]!.waiting) };
    // Another customer's request created this number meanwhile: looked at again, it is refused as theirs.
  }
  throw new Error(`invoice "${number}" could neither be inserted nor found`);
}

// ------------------------------------------------------------------ payments (src/import/payment-writes.ts)

async function writePayment(a: WriteArgs): Promise<RowWrite> {
  const { tx, ws, now } = a;
  const [number, units, scale, amountRaw, paidOn, reference] = a.values as [string, number, number, string, string, string];
  const [invoice] = await preparedSql<{ id: number | string; customer_id: number | string; currency: string }>(tx, sql`
    select id, customer_id, currency from invoices where workspace_id = ${ws} and invoice_number = ${number}`);
  if (!invoice) return { inserted: 0, updated: 0, touched: null, reject: { col: 'invoice_number', code: 'unknown_invoice', value: number, detail: null } };
  const exponent = currencyExponent(invoice.currency);
  if (scale > exponent) {
    return { inserted: 0, updated: 0, touched: null, reject: {
      col: 'amount', code: 'too_many_decimals', value: amountRaw, detail: { currency: invoice.currency, exponent } } };
  }
  const cents = units * 10 ** (exponent - scale);
  const customerId = Number(invoice.customer_id);
  // An invoice never changes customer (src/import/invoice-writes.ts), so the lock taken is the one of its customer.
  await lockCustomer(tx, sql`id = ${customerId}`);

  for (let attempt = 0; attempt < 2; attempt += 1) {
    const [stored] = await preparedSql<{ invoice_id: number | string; amount_cents: number | string; paid_on: string; invoice_number: string; currency: string }>(tx, sql`
      select p.invoice_id, p.amount_cents, to_char(p.paid_on, 'YYYY-MM-DD') as paid_on, pi.invoice_number, pi.currency
      from payments p join invoices pi on pi.id = p.invoice_id
      where p.workspace_id = ${ws} and p.reference = ${reference}`);
    if (stored) {
      const same = Number(stored.invoice_id) === Number(invoice.id) && Number(stored.amount_cents) === cents && stored.paid_on === paidOn;
      if (same) return { inserted: 0, updated: 0, touched: null };
      return { inserted: 0, updated: 0, touched: null, reject: {
        col: 'reference', code: 'payment_conflict', value: reference,
        detail: { invoice_number: stored.invoice_number, amount_cents: Number(stored.amount_cents), currency: stored.currency, exponent, paid_on: stored.paid_on } } };
    }
    const added = await preparedSql<{ id: number; waiting: boolean }>(tx, sql`
      with added as (
        insert into payments (workspace_id, invoice_id, amount_cents, paid_on, reference, source, created_at)
        values (${ws}, ${invoice.id}, ${cents}, ${paidOn}::date, ${reference}, 'api', ${now}::timestamptz)
        on conflict (workspace_id, reference) do nothing
        returning id, invoice_id, amount_cents, paid_on, reference
      ), logged as (
        -- The entry the import writes (its source says which path wrote it, its file who sent it).
        insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
        select ${ws}, k.id, i.customer_id, 'payment_recorded', 'import', ${now}::timestamptz,
          jsonb_build_object('payment_id', p.id, 'invoice_number', i.invoice_number, 'reference', p.reference,
            'amount_cents', p.amount_cents, 'currency', i.currency, 'paid_on', p.paid_on,
            'source', 'import', 'file', ${a.origin}::text)
        from added p
        join invoices i on i.id = p.invoice_id
        left join cases k on k.workspace_id = ${ws} and k.customer_id = i.customer_id
          and k.status not in ('resolved', 'written_off')
      )
      select id, ${remindersWaiting(ws, customerId)} as waiting from added`);
    if (added.length > 0) {
      // A separate statement: it must see the payment inserted above. The customer lock makes the sum include every other one.
      await preparedSql(tx, sql`
        update invoices i set paid_cents = t.total, updated_at = ${now}::timestamptz
        from (select sum(amount_cents)::bigint as total from payments where invoice_id = ${invoice.id}) t
        where i.id = ${invoice.id} and i.paid_cents <> t.total`);
      return { inserted: 1, updated: 0, touched: customerId, remindersWaiting: Boolean(added[0]!.waiting) };
    }
    // The same reference was recorded meanwhile by a request about another invoice: looked at again, it is a retry or a conflict.
  }
  throw new Error(`payment "${reference}" could neither be inserted nor found`);
}

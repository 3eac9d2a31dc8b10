// Customers upsert by customer_ref. A row is updated only when a value differs,
// so re-importing the same file leaves updated_at alone.
import { sql } from 'drizzle-orm';
import { rows } from '../db/client.ts';
import type { WriteContext, WriteCounts } from './importer.ts';
import { rejectRepeatedKeys } from './repeated-keys.ts';
import { refreshStatistics } from './statistics.ts';

/** [customers column, expression over the staged row `s` and the stored row `c`, file column]; the intake API's one-record path uses it too. */
export const CUSTOMER_UPDATABLE: readonly [string, string, string][] = [
  ['name', 's.name', 'name'],
  // An empty kind never turns a consumer into a business: it keeps what is stored.
  ['kind', 'coalesce(s.kind::customer_kind, c.kind)', 'kind'],
  ['email', 's.email', 'email'],
  ['phone', 's.phone', 'phone'],
  ['timezone', 's.timezone', 'timezone'],
  ['locale', 's.locale::locale', 'locale'],
  ['company_id', 's.company_id', 'company_id'],
  ['owner_id', 's.owner_id', 'owner'],
  ['late_rate', 's.late_rate', 'late_rate'],
  ['iban', 's.iban', 'iban'],
];

/**
 * Marks that hold only for the contact they were made on: a number a call
 * found wrong, an address a mail server refused for good. Another number or
 * address from the ledger lifts them (SET reads `c` as it was before the update).
 */
export function clearedContactMarks(present: ReadonlySet<string>): string[] {
  const lifted: string[] = [];
  if (present.has('phone')) lifted.push('phone_wrong_at = case when s.phone is distinct from c.phone then null else c.phone_wrong_at end');
  if (present.has('email')) {
    for (const col of ['email_bad_address', 'email_bad_at', 'email_bad_reason']) {
      lifted.push(`${col} = case when s.email is distinct from c.email then null else c.${col} end`);
    }
  }
  return lifted;
}

export async function writeCustomers(ctx: WriteContext): Promise<WriteCounts> {
  const { tx, workspaceId: ws, now } = ctx;
  await rejectRepeatedKeys(tx, 'customer_ref');
  const columns = CUSTOMER_UPDATABLE.filter(([, , fileColumn]) => ctx.present.has(fileColumn));
  const set = sql.raw([...columns.map(([col, expr]) => `${col} = ${expr}`), ...clearedContactMarks(ctx.present)].join(', '));
  const stored = sql.raw(columns.map(([col]) => `c.${col}`).join(', '));
  const incoming = sql.raw(columns.map(([, expr]) => expr).join(', '));

  const [updated] = await rows<{ n: number }>(tx, sql`
    with changed as (
      update customers c set ${set}, updated_at = ${now}::timestamptz
      from import_rows s
      where c.workspace_id = ${ws} and c.customer_ref = s.customer_ref
        and (${stored}) is distinct from (${incoming})
      returning c.id
    ), touched as (
      insert into import_touched (customer_id) select id from changed on conflict do nothing
    )
    select count(*)::int as n from changed`);

  // What is left is new; why not ON CONFLICT, nor an anti-join in the insert: invoice-writes.ts.
  await tx.execute(sql`delete from import_rows s using customers c where c.workspace_id = ${ws} and c.customer_ref = s.customer_ref`);
  const [inserted] = await rows<{ n: number }>(tx, sql`
    with added as (
      insert into customers (workspace_id, customer_ref, name, kind, email, phone, timezone, locale,
        company_id, owner_id, late_rate, iban, created_at, updated_at)
      select ${ws}, s.customer_ref, s.name, coalesce(s.kind, 'b2b')::customer_kind, s.email, s.phone, s.timezone,
        s.locale::locale, s.company_id, s.owner_id, s.late_rate, s.iban, ${now}::timestamptz, ${now}::timestamptz
      from import_rows s
      order by s.line
      returning 1
    )
    select count(*)::int as n from added`);

  const counts = { inserted: Number(inserted?.n ?? 0), updated: Number(updated?.n ?? 0) };
  await refreshStatistics(tx, 'customers', counts.inserted);
  return counts;
}

// The same key twice in one file: the first good occurrence goes in, later
// ones are refused. Found in PostgreSQL over the staged rows rather than with a
// set of every key in Node, so an import's memory does not grow with the file.
// Only rows that passed the checks in Node are staged, so a refused row never
// claims its key, and a corrected copy of it further down the file goes in.
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../db/client.ts';

/** Moves every staged row whose key an earlier staged row has to `import_rejects` (code `repeated_key`). */
export async function rejectRepeatedKeys(tx: Queryable, keyColumn: 'customer_ref' | 'invoice_number' | 'reference'): Promise<void> {
  const key = sql.raw(keyColumn);
  const [repeated] = await rows<{ n: number }>(tx, sql`
    with firsts as (
      select ${key} as key, min(line) as first_line from import_rows group by ${key} having count(*) > 1
    ), refused as (
      insert into import_rejects (line, col, code, value, detail)
      select s.line, ${keyColumn}, 'repeated_key', s.${key}, jsonb_build_object('first_line', f.first_line)
      from import_rows s join firsts f on f.key = s.${key}
      where s.line > f.first_line
      returning 1
    )
    select count(*)::int as n from refused`);
  // Usually none: the delete's scan of the staged rows is skipped then.
  if (Number(repeated?.n ?? 0) > 0) {
    await tx.execute(sql`delete from import_rows s using import_rejects r where r.line = s.line and r.code = 'repeated_key'`);
  }
}

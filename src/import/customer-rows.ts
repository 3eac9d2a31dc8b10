import { cellAt, customerKind, email, iban, lateRate, locale, MISSING, slackUser, timeZone } from './cells.ts';
import type { Result } from '../domain/result.ts';
import type { RowParser, StageColumn, StageValue } from './importer.ts';

export const customerStageColumns: readonly StageColumn[] = [
  { name: 'customer_ref', type: 'text' },
  { name: 'name', type: 'text' },
  // null = the cell was empty: a new customer gets b2b, an existing one keeps its kind.
  { name: 'kind', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'phone', type: 'text' },
  { name: 'timezone', type: 'text' },
  { name: 'locale', type: 'text' },
  { name: 'company_id', type: 'text' },
  { name: 'owner_id', type: 'text' },
  { name: 'late_rate', type: 'numeric(6,3)' },
  // The account the debtor pays from: bank statements match its credits by it (src/domain/statement-matching.ts).
  { name: 'iban', type: 'text' },
];

type Check = (raw: string) => Result<string, string>;

export function customerRowParser(positions: ReadonlyMap<string, number>): RowParser {
  const at = (column: string) => positions.get(column);
  const fields: { column: string; index: number | undefined; required: boolean; check?: Check }[] = [
    { column: 'customer_ref', index: at('customer_ref'), required: true },
    { column: 'name', index: at('name'), required: true },
    { column: 'kind', index: at('kind'), required: false, check: customerKind },
    { column: 'email', index: at('email'), required: false, check: email },
    { column: 'phone', index: at('phone'), required: false },
    { column: 'timezone', index: at('timezone'), required: false, check: timeZone },
    { column: 'locale', index: at('locale'), required: false, check: locale },
    { column: 'company_id', index: at('company_id'), required: false },
    { column: 'owner', index: at('owner'), required: false, check: slackUser },
    { column: 'late_rate', index: at('late_rate'), required: false, check: lateRate },
    { column: 'iban', index: at('iban'), required: false, check: iban },
  ];
  return (record, ctx) => {
    const values: StageValue[] = [];
    let ok = true;
    for (const f of fields) {
      const raw = cellAt(record, f.index);
      if (raw === '') {
        if (f.required) {
          ctx.reject(f.column, MISSING, raw);
          ok = false;
        }
        values.push(null);
        continue;
      }
      if (!f.check) {
        values.push(raw);
        continue;
      }
      const checked = f.check(raw);
      if (checked.ok) values.push(checked.value);
      else {
        ctx.reject(f.column, checked.error, raw);
        ok = false;
        values.push(null);
      }
    }
    return ok ? values : null;
  };
}

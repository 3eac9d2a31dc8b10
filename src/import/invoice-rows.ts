import { parseAmount, toMinorUnits, type DecimalMark } from './amount.ts';
import { currency, requiredText } from './cells.ts';
import { currencyExponent } from './currencies.ts';
import { parseCsvDate } from './dates.ts';
import type { RowContext, RowParser, StageColumn } from './importer.ts';

export const invoiceStageColumns: readonly StageColumn[] = [
  { name: 'invoice_number', type: 'text' },
  { name: 'customer_ref', type: 'text' },
  { name: 'issue_date', type: 'date' },
  { name: 'due_date', type: 'date' },
  { name: 'delivered_on', type: 'date' },
  { name: 'currency', type: 'char(3)' },
  { name: 'amount_cents', type: 'bigint' },
];

const BAD_DATE = (raw: string) => `"${raw}" is not a valid date (expected YYYY-MM-DD or dd/mm/yyyy)`;

/** The ISO date, or null after rejecting the cell (an empty optional cell is null without a rejection). */
function dateCell(record: readonly string[], index: number | undefined, column: string, required: boolean, ctx: RowContext): string | null {
  const raw = required ? requiredText(record, index, column, ctx) : (index === undefined ? '' : (record[index] ?? '').trim());
  if (raw === '') return null;
  const date = parseCsvDate(raw);
  if (date === null) ctx.reject(column, BAD_DATE(raw), raw);
  return date;
}

// Straight-line code, no closures per row: this runs a million times on a large file.
export function invoiceRowParser(positions: ReadonlyMap<string, number>, decimal: DecimalMark): RowParser {
  const iNumber = positions.get('invoice_number');
  const iCustomer = positions.get('customer_ref');
  const iIssue = positions.get('issue_date');
  const iDue = positions.get('due_date');
  const iDelivered = positions.get('delivered_on');
  const iCurrency = positions.get('currency');
  const iAmount = positions.get('amount');

  return (record, ctx) => {
    const number = requiredText(record, iNumber, 'invoice_number', ctx);
    const customerRef = requiredText(record, iCustomer, 'customer_ref', ctx);
    const issue = dateCell(record, iIssue, 'issue_date', true, ctx);
    const due = dateCell(record, iDue, 'due_date', true, ctx);
    const delivered = dateCell(record, iDelivered, 'delivered_on', false, ctx);
    if (issue !== null && due !== null && due < issue) {
      ctx.reject('due_date', `due date ${due} is before the issue date ${issue}`, (record[iDue!] ?? '').trim());
    }

    const currencyRaw = requiredText(record, iCurrency, 'currency', ctx);
    let code: string | null = null;
    if (currencyRaw !== '') {
      const checked = currency(currencyRaw);
      if (checked.ok) code = checked.value;
      else ctx.reject('currency', checked.error, currencyRaw);
    }

    const amountRaw = requiredText(record, iAmount, 'amount', ctx);
    let cents: number | null = null;
    if (amountRaw !== '') {
      const amount = parseAmount(amountRaw, decimal);
      if (!amount.ok) ctx.reject('amount', amount.error, amountRaw);
      else if (amount.value.units <= 0) {
        ctx.reject('amount', `"${amountRaw}": an invoice amount must be greater than zero (import credit notes as payments)`, amountRaw);
      } else if (code !== null) {
        const minor = toMinorUnits(amountRaw, amount.value, currencyExponent(code), code);
        if (minor.ok) cents = minor.value;
        else ctx.reject('amount', minor.error, amountRaw);
      }
    }
    // The caller drops the row if anything above was rejected.
    return [number, customerRef, issue, due, delivered, code, cents];
  };
}

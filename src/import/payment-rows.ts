import { fitsAnyCurrency, parseAmount, type DecimalMark } from './amount.ts';
import { MISSING, requiredText } from './cells.ts';
import { parseCsvDate } from './dates.ts';
import type { RowParser, StageColumn } from './importer.ts';

// A payment's currency is its invoice's, which only the database knows: the
// amount is staged as an exact decimal and scaled to minor units in SQL.
export const paymentStageColumns: readonly StageColumn[] = [
  { name: 'invoice_number', type: 'text' },
  { name: 'amount_units', type: 'bigint' },
  { name: 'amount_scale', type: 'int' },
  { name: 'amount_raw', type: 'text' },
  { name: 'paid_on', type: 'date' },
  { name: 'reference', type: 'text' },
];

const REFERENCE_MISSING = `${MISSING} (the reference identifies the payment, so that importing it again does not count it twice)`;

export function paymentRowParser(positions: ReadonlyMap<string, number>, decimal: DecimalMark): RowParser {
  const iNumber = positions.get('invoice_number');
  const iAmount = positions.get('amount');
  const iPaidOn = positions.get('paid_on');
  const iReference = positions.get('reference');

  return (record, ctx) => {
    const number = requiredText(record, iNumber, 'invoice_number', ctx);
    const amountRaw = requiredText(record, iAmount, 'amount', ctx);
    let units = 0;
    let scale = 0;
    if (amountRaw !== '') {
      const amount = parseAmount(amountRaw, decimal);
      if (!amount.ok) ctx.reject('amount', amount.error, amountRaw);
      else if (amount.value.units <= 0) ctx.reject('amount', `"${amountRaw}": a payment amount must be greater than zero`, amountRaw);
      else if (!fitsAnyCurrency(amount.value)) ctx.reject('amount', `"${amountRaw}" is too large an amount`, amountRaw);
      else ({ units, scale } = amount.value);
    }
    const paidRaw = requiredText(record, iPaidOn, 'paid_on', ctx);
    const paidOn = paidRaw === '' ? null : parseCsvDate(paidRaw);
    if (paidRaw !== '' && paidOn === null) {
      ctx.reject('paid_on', `"${paidRaw}" is not a valid date (expected YYYY-MM-DD or dd/mm/yyyy)`, paidRaw);
    }
    const reference = requiredText(record, iReference, 'reference', ctx, REFERENCE_MISSING);
    return [number, units, scale, amountRaw, paidOn, reference];
  };
}

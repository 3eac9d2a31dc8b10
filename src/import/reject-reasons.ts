// Reasons for rows refused by the database-side checks (import_rejects), in
// the same words as the row checks made in Node.

export interface SqlReject {
  line: number;
  col: string;
  code: string;
  value: string | null;
  detail: Record<string, unknown> | null;
}

export function formatMinor(cents: number, exponent: number): string {
  if (exponent === 0) return String(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const unit = 10 ** exponent;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(exponent, '0')}`;
}

export function rejectReason(r: SqlReject): string {
  const value = r.value ?? '';
  const d = r.detail ?? {};
  switch (r.code) {
    case 'repeated_key':
      return `"${value}" already appears on line ${String(d.first_line)} of this file`;
    case 'unknown_customer':
      return `unknown customer "${value}" (not in relance: import it in a customers file first)`;
    case 'other_customer':
      return `invoice "${String(d.invoice_number)}" already belongs to customer "${String(d.customer_ref)}"; it was not changed`;
    case 'currency_with_payments': {
      const currency = String(d.currency);
      const paid = formatMinor(Number(d.paid_cents), Number(d.exponent));
      return `invoice "${String(d.invoice_number)}" has payments in ${currency} (${paid} ${currency} paid), `
        + `so its currency cannot change to ${value}; it was not changed`;
    }
    case 'unknown_invoice':
      return `unknown invoice "${value}" (not in relance: import it in an invoices file first)`;
    case 'too_many_decimals':
      return `"${value}" has more decimals than ${String(d.currency)} allows (${String(d.exponent)})`;
    case 'payment_conflict': {
      const amount = formatMinor(Number(d.amount_cents), Number(d.exponent));
      return `payment "${value}" is already recorded with other values (invoice ${String(d.invoice_number)}, `
        + `${amount} ${String(d.currency)} paid on ${String(d.paid_on)}); it was not changed`;
    }
    default:
      return `rejected (${r.code})`;
  }
}

// Cell-level rules of the CSV dialects: amounts in either decimal convention,
// the two date formats, header recognition and delimiter detection.
import { describe, expect, it } from 'vitest';
import { parseAmount, toMinorUnits } from '../../src/import/amount.ts';
import { csvDate } from '../../src/import/dates.ts';
import { matchHeader } from '../../src/import/kinds.ts';
import { detectDelimiter, sniffHead } from '../../src/import/sniff.ts';

const cents = (raw: string, decimal: '.' | ',', exponent = 2) => {
  const amount = parseAmount(raw, decimal);
  if (!amount.ok) return amount.error;
  const minor = toMinorUnits(raw, amount.value, exponent, 'EUR');
  return minor.ok ? minor.value : minor.error;
};

describe('amounts', () => {
  it.each([
    ['1234,50', ',', 123_450],
    ['1 234,50', ',', 123_450],
    ['1\u202f234,50', ',', 123_450],
    ['1.234,50', ',', 123_450],
    ['1.234', ',', 123_400],
    ['1234.50', ',', 123_450], // a decimal point in a ';' file is still a decimal point
    ['1234.50', '.', 123_450],
    ['1,234.50', '.', 123_450],
    ['1,234', '.', 123_400],
    ['1234,5', '.', 123_450], // one or two digits after a lone comma: a decimal comma whatever the file
    ['0,500', '.', 50],
    ['12.500', '.', 1_250], // trailing zeros beyond the currency's decimals are harmless
    ['1,234,567.89', '.', 123_456_789],
    ['-12,00', ',', -1_200],
    ['1500', '.', 150_000],
  ] as const)('%s in a file with decimal %s → %i cents', (raw, decimal, expected) => {
    expect(cents(raw, decimal)).toBe(expected);
  });

  it.each([
    ['12abc', '"12abc" is not an amount (expected e.g. 1234.50 or 1234,50)'],
    ['1,2,3.4.5', '"1,2,3.4.5" is not an amount (expected e.g. 1234.50 or 1234,50)'],
    ['12,34,56', '"12,34,56" is not an amount (expected e.g. 1234.50 or 1234,50)'],
    ['€12', '"€12" is not an amount (expected e.g. 1234.50 or 1234,50)'],
    ['1.234', '"1.234" has more decimals than EUR allows (2)'],
    ['9999999999999999', '"9999999999999999" is too large an amount'],
  ])('refuses %s', (raw, reason) => {
    expect(cents(raw, '.')).toBe(reason);
  });

  it('scales to the currency: 0 decimals for JPY, 3 for KWD', () => {
    expect(cents('1500', '.', 0)).toBe(1500);
    expect(cents('12,345', ',', 3)).toBe(12_345);
  });
});

describe('dates', () => {
  it.each([
    ['2026-01-31', '2026-01-31'],
    ['31/01/2026', '2026-01-31'],
    ['1/3/2026', '2026-03-01'],
    ['29/02/2028', '2028-02-29'],
  ])('%s → %s', (raw, iso) => {
    expect(csvDate(raw)).toEqual({ ok: true, value: iso });
  });

  it.each(['31/02/2026', '2026-02-30', '2026-13-01', '01/31/2026', 'tomorrow', '2026/01/31', '31.01.2026', '12/05/0202'])('refuses %s', (raw) => {
    expect(csvDate(raw)).toEqual({ ok: false, error: `"${raw}" is not a valid date (expected YYYY-MM-DD or dd/mm/yyyy)` });
  });
});

describe('headers', () => {
  it('recognises each kind whatever the case, spacing and order of the columns', () => {
    expect(matchHeader([' Customer_Ref ', 'NAME', 'kind', 'email', 'phone', 'timezone', 'locale'])).toMatchObject({ ok: true, value: { kind: 'customers' } });
    expect(matchHeader(['invoice_number', 'customer_ref', 'issue_date', 'due_date', 'currency', 'amount', 'delivered_on'])).toMatchObject({ ok: true, value: { kind: 'invoices' } });
    expect(matchHeader(['reference', 'paid_on', 'amount', 'invoice_number'])).toMatchObject({ ok: true, value: { kind: 'payments', positions: new Map([['reference', 0], ['paid_on', 1], ['amount', 2], ['invoice_number', 3]]) } });
  });

  it('lists unknown columns as ignored', () => {
    const m = matchHeader(['customer_ref', 'name', 'Segment']);
    expect(m).toMatchObject({ ok: true, value: { kind: 'customers', ignored: ['Segment'] } });
  });

  it('names the three expected headers, and what a near miss lacks', () => {
    const m = matchHeader(['invoice_number', 'customer_ref', 'issue_date', 'due', 'currency', 'amount']);
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.error).toContain('it looks like invoices but lacks "due_date"');
    expect(m.error).toContain('customers  customer_ref,name,kind,email,phone,timezone,locale');
    expect(m.error).toContain('invoices   invoice_number,customer_ref,issue_date,due_date,currency,amount');
    expect(m.error).toContain('payments   invoice_number,amount,paid_on,reference');
  });

  it('detects the delimiter and strips the BOM', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(sniffHead(Buffer.from('\uFEFFinvoice_number;amount;paid_on;reference\r\nX;1;2;3\r\n'))).toEqual({
      delimiter: ';', cells: ['invoice_number', 'amount', 'paid_on', 'reference'],
    });
    expect(sniffHead(Buffer.from('\n;;;\n"customer_ref","name"\n'))).toEqual({ delimiter: ',', cells: ['customer_ref', 'name'] });
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatMoney, formatMoneyPlain, isCurrency, MAX_MINOR_UNITS, minorUnits, parseAmount, parseDecimal, sumByCurrency,
  type Locale,
} from '../../src/domain/money.ts';
import { formatInputError } from '../../src/i18n/errors.ts';

const en = { locale: 'en' as Locale, defaultCurrency: 'EUR' };
const fr = { locale: 'fr' as Locale, defaultCurrency: 'EUR' };

const amount = (input: string, opts = fr) => {
  const r = parseAmount(input, opts);
  if (!r.ok) throw new Error(`${input}: ${r.error.code}`);
  return r.value;
};
const code = (input: string, opts = fr) => {
  const r = parseAmount(input, opts);
  return r.ok ? `ok ${r.value.cents} ${r.value.currency}` : r.error.code;
};

describe('minorUnits', () => {
  it('follows ISO 4217', () => {
    expect(minorUnits('EUR')).toBe(2);
    expect(minorUnits('USD')).toBe(2);
    expect(minorUnits('GBP')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('KRW')).toBe(0);
    expect(minorUnits('BHD')).toBe(3);
    expect(minorUnits('KWD')).toBe(3);
    expect(minorUnits('CLF')).toBe(4);
  });
  it('keeps ISO digits where ICU shows none (HUF, IDR, IQD)', () => {
    expect(minorUnits('HUF')).toBe(2);
    expect(minorUnits('IDR')).toBe(2);
    expect(minorUnits('IQD')).toBe(3);
  });
  it('accepts lower case and rejects unknown codes', () => {
    expect(minorUnits('eur')).toBe(2);
    expect(() => minorUnits('XYZ')).toThrow(RangeError);
    expect(isCurrency('CHF')).toBe(true);
    expect(isCurrency('XYZ')).toBe(false);
  });
});

describe('parseAmount: accepted forms', () => {
  it.each([
    ['1200', fr, 120000, 'EUR'],
    ['1 200,50', fr, 120050, 'EUR'],
    ['1.200,50 €', fr, 120050, 'EUR'],
    ['€1,200.50', en, 120050, 'EUR'],
    ['1200 EUR', en, 120000, 'EUR'],
    ['1 200,50 EUR', fr, 120050, 'EUR'],
    ['$99.90', en, 9990, 'USD'],
    ['eur 50', en, 5000, 'EUR'],
    ['1200.5', fr, 120050, 'EUR'],
    ['1200.5', en, 120050, 'EUR'],
    ['1\u00a0200,50\u00a0€', fr, 120050, 'EUR'],
    ['1\u202f200,50\u202f€', fr, 120050, 'EUR'],
    ["1'200.50", en, 120050, 'EUR'],
    ['1’200.50 CHF', en, 120050, 'CHF'],
    ['12,5', fr, 1250, 'EUR'],
    ['12,5', en, 1250, 'EUR'],
    ['1,20', en, 120, 'EUR'],
    ['.5', en, 50, 'EUR'],
    ['1.200.000', fr, 120000000, 'EUR'],
    ['1,200,000.25', en, 120000025, 'EUR'],
    ['12,-', fr, 1200, 'EUR'],
    ['12.-', fr, 1200, 'EUR'],
    ['12€', fr, 1200, 'EUR'],
    ['EUR1200', fr, 120000, 'EUR'],
    ['50 euros', fr, 5000, 'EUR'],
    ['+50', fr, 5000, 'EUR'],
    ['  50  ', fr, 5000, 'EUR'],
    ['€1200 EUR', fr, 120000, 'EUR'],
    ['99,90 $US', fr, 9990, 'USD'],
    ['US$99.90', en, 9990, 'USD'],
    ['£12.34', en, 1234, 'GBP'],
    ['1234 usd', fr, 123400, 'USD'],
    ['¥1,200', en, 1200, 'JPY'],
    ['12.3450 BHD', en, 12345, 'BHD'],
    ['CA$20', en, 2000, 'CAD'],
    ['ＥＵＲ １２', fr, 1200, 'EUR'],
  ])('%j (%o) → %i %s', (input, opts, cents, currency) => {
    expect(amount(input, opts)).toEqual({ cents, currency });
  });

  it('reads a lone separator followed by three digits with the locale', () => {
    expect(code('1,200', en)).toBe('ok 120000 EUR');
    expect(code('1.200', fr)).toBe('ok 120000 EUR');
    // The locale's own decimal mark stays a decimal mark: too many decimals, not a silent ×1000.
    expect(code('1.200', en)).toBe('amount.too_many_decimals');
    expect(code('1,200', fr)).toBe('amount.too_many_decimals');
    // Already grouped by spaces, or an integer part that cannot be a group: decimal.
    expect(code('1 200.500', fr)).toBe('amount.too_many_decimals');
    expect(code('0,500', en)).toBe('amount.too_many_decimals');
    expect(code('1234,567', en)).toBe('amount.too_many_decimals');
    expect(code('0,500 BHD', en)).toBe('ok 500 BHD');
  });

  it('keeps reading two- and zero-decimal currencies with the locale', () => {
    const jpyEn = { locale: 'en' as Locale, defaultCurrency: 'JPY' };
    const jpyFr = { locale: 'fr' as Locale, defaultCurrency: 'JPY' };
    expect(code('1,200', jpyEn)).toBe('ok 1200 JPY');
    expect(code('1.200', jpyFr)).toBe('ok 1200 JPY');
    expect(code('1.200', jpyEn)).toBe('amount.too_many_decimals');
    expect(code('1,200', jpyFr)).toBe('amount.too_many_decimals');
    expect(code('¥1.000', en)).toBe('amount.too_many_decimals');
    expect(code('1,234 USD', en)).toBe('ok 123400 USD');
    expect(code('1.234 USD', fr)).toBe('ok 123400 USD');
    expect(code('1.234 USD', en)).toBe('amount.too_many_decimals');
    expect(code('1,234 USD', fr)).toBe('amount.too_many_decimals');
  });

  it('uses the default currency without one, and its own sign for "$"', () => {
    expect(amount('50', { locale: 'en', defaultCurrency: 'usd' })).toEqual({ cents: 5000, currency: 'USD' });
    expect(amount('$50', { locale: 'en', defaultCurrency: 'CAD' })).toEqual({ cents: 5000, currency: 'CAD' });
    expect(amount('$50', { locale: 'en', defaultCurrency: 'EUR' })).toEqual({ cents: 5000, currency: 'USD' });
    expect(amount('1200', { locale: 'fr', defaultCurrency: 'JPY' })).toEqual({ cents: 1200, currency: 'JPY' });
  });

  it('refuses an unknown default currency as a programming error', () => {
    expect(() => parseAmount('12', { locale: 'en', defaultCurrency: 'XYZ' })).toThrow(RangeError);
  });
});

describe('parseAmount: currencies with three decimals or more', () => {
  it.each(['1,234 KWD', '1.234 KWD', 'KWD 1,234', 'KWD 1.234', '12.345 BHD', '999,999 OMR', '1,000 JOD', '5.250 TND', '1.500 LYD', '1,234 IQD', '1,234 CLF'])(
    'refuses %j in both languages: thousands or decimals, a factor of 1000 apart',
    (input) => {
      expect(code(input, en)).toBe('amount.ambiguous_thousands');
      expect(code(input, fr)).toBe('amount.ambiguous_thousands');
    },
  );

  it('refuses it in the default currency too', () => {
    expect(code('1,234', { locale: 'en', defaultCurrency: 'KWD' })).toBe('amount.ambiguous_thousands');
    expect(code('1.234', { locale: 'fr', defaultCurrency: 'KWD' })).toBe('amount.ambiguous_thousands');
  });

  it('quotes the input and both readings, in the user\'s notation', () => {
    expect(parseAmount('1,234 KWD', en)).toEqual({
      ok: false, error: { code: 'amount.ambiguous_thousands', input: '1,234 KWD', params: { currency: 'KWD', max: 3, thousands: '1234', decimal: '1.234' } },
    });
    expect(parseAmount('1.234 KWD', fr)).toEqual({
      ok: false, error: { code: 'amount.ambiguous_thousands', input: '1.234 KWD', params: { currency: 'KWD', max: 3, thousands: '1234', decimal: '1,234' } },
    });
  });

  it('tells the user both readings and how to write each, with an example', () => {
    const r = parseAmount('1,234 KWD', en);
    expect(r.ok ? null : formatInputError('en', r.error)).toBe(
      '"1,234 KWD" could mean 1 234 KWD or 1.234 KWD (KWD has 3 decimals). Write 1 234 KWD or 1,234.000 KWD for the first, 01.234 KWD for the second. Example: `1 234,500 KWD`',
    );
    const f = parseAmount('1.234 KWD', fr);
    expect(f.ok ? null : formatInputError('fr', f.error)).toBe(
      '« 1.234 KWD » peut valoir 1 234 KWD ou 1,234 KWD (KWD a 3 décimales). Écrivez 1 234 KWD ou 1.234,000 KWD pour le premier, 01,234 KWD pour le second. Exemple : `1 234,500 KWD`',
    );
  });

  // The advice is only good if what it suggests parses to the reading it is suggested for, with no more decimals than the currency has.
  it.each([
    ['1,234 KWD', en], ['1.234 KWD', en], ['1,234 KWD', fr], ['1.234 KWD', fr],
    ['999,999 OMR', en], ['5.250 TND', fr], ['KWD 1.234', en], ['1,234 CLF', en], ['1.234 CLF', fr],
  ] as const)('suggests for %j (%o) spellings that parse to each reading', (input, opts) => {
    const r = parseAmount(input, opts);
    if (r.ok) throw new Error('expected a refusal');
    const { thousands, decimal, currency, max } = r.error.params as { thousands: string; decimal: string; currency: string; max: number };
    const message = formatInputError(opts.locale, r.error);
    const advice = opts.locale === 'fr'
      ? /Écrivez (.+?) ou (.+?) pour le premier, (.+?) pour le second\./.exec(message)
      : /Write (.+?) or (.+?) for the first, (.+?) for the second\./.exec(message);
    expect(advice, message).not.toBeNull();
    const [, first, firstFull, second] = advice!;
    const minor = (major: string) => Number(major.replace(/[.,]/, '')) * 10 ** (max - (major.split(/[.,]/)[1]?.length ?? 0));
    for (const spelling of [first!, firstFull!]) expect(code(spelling, opts), spelling).toBe(`ok ${minor(thousands)} ${currency}`);
    expect(code(second!, opts), second).toBe(`ok ${minor(decimal)} ${currency}`);
    for (const spelling of [first!, firstFull!, second!]) expect(/[.,](\d+)\s/.exec(spelling)?.[1]?.length ?? 0, spelling).toBeLessThanOrEqual(max);
  });

  it.each([
    ['1234 KWD', 1234000],
    ['1 234 KWD', 1234000],
    ['1,234.500 KWD', 1234500],
    ['1.234,500 KWD', 1234500],
    ['1,234,567 KWD', 1234567000],
    ['1234,567 KWD', 1234567],
    ['0,500 KWD', 500],
    ['12.34 KWD', 12340],
    ['12.5 KWD', 12500],
    ['1.2340 KWD', 1234],
    ['1,2340 KWD', 1234],
    ['12.3450 BHD', 12345],
  ])('accepts the unambiguous %j in both languages', (input, cents) => {
    const currency = input.slice(-3);
    expect(code(input, en)).toBe(`ok ${cents} ${currency}`);
    expect(code(input, fr)).toBe(`ok ${cents} ${currency}`);
  });

  it('takes zeros past the currency\'s decimals only after a fourth decimal, never in a group of three', () => {
    expect(code('10.9900 €', en)).toBe('ok 1099 EUR');
    expect(code('10,99000 €', fr)).toBe('ok 1099 EUR');
    expect(code('10.9910 €', en)).toBe('amount.too_many_decimals');
    expect(code('1.2345 KWD', en)).toBe('amount.too_many_decimals');
    expect(code('1 200.500', fr)).toBe('amount.too_many_decimals');
    expect(code('1.200', en)).toBe('amount.too_many_decimals');
  });
});

describe('parseAmount: errors', () => {
  it.each([
    ['', 'amount.empty'],
    ['   ', 'amount.empty'],
    ['abc', 'amount.not_a_number'],
    ['12abc', 'amount.not_a_number'],
    ['EUR', 'amount.not_a_number'],
    ['12 34 €', 'amount.not_a_number'],
    ['1 2345', 'amount.not_a_number'],
    ['12.34.56', 'amount.not_a_number'],
    ['1,200.300.5', 'amount.not_a_number'],
    ['12 € 34', 'amount.not_a_number'],
    ['50-', 'amount.not_a_number'],
    ['(50)', 'amount.not_a_number'],
    ['1e5', 'amount.not_a_number'],
    ['12 dollars canadiens', 'amount.not_a_number'],
    ['-50', 'amount.negative'],
    ['−50 €', 'amount.negative'],
    ['€-50', 'amount.negative'],
    ['- 1 200,50', 'amount.negative'],
    ['0', 'amount.zero'],
    ['0,00 €', 'amount.zero'],
    ['-0', 'amount.zero'],
    ['10,999', 'amount.too_many_decimals'],
    ['12 XYZ', 'amount.unknown_currency'],
    ['12XYZ', 'amount.unknown_currency'],
    ['12 abc', 'amount.unknown_currency'],
    ['₿12', 'amount.unknown_currency'],
    ['12 EUR USD', 'amount.two_currencies'],
    ['€12 USD', 'amount.two_currencies'],
    ['10000000000000000', 'amount.too_large'],
  ])('%j → %s', (input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it('rejects 10.999 in English and ¥12.5 as too many decimals, with the currency', () => {
    const r = parseAmount('10.999', en);
    expect(r).toEqual({ ok: false, error: { code: 'amount.too_many_decimals', input: '10.999', params: { currency: 'EUR', max: 2 } } });
    expect(code('¥12.5', en)).toBe('amount.too_many_decimals');
    expect(code('10.999 BHD', en)).toBe('amount.ambiguous_thousands');
  });

  it('quotes the input exactly as typed', () => {
    const r = parseAmount('  12 XYZ ', fr);
    expect(r).toEqual({ ok: false, error: { code: 'amount.unknown_currency', input: '  12 XYZ ', params: { currency: 'XYZ' } } });
    const two = parseAmount('12 EUR USD', fr);
    expect(two.ok ? null : two.error.params).toEqual({ first: 'EUR', second: 'USD' });
  });

  it('accepts the largest amount and no more', () => {
    expect(code('9 999 999 999 999,99', fr)).toBe(`ok ${MAX_MINOR_UNITS} EUR`);
    expect(code('10 000 000 000 000', fr)).toBe('amount.too_large');
  });
});

describe('parseDecimal', () => {
  const dec = (input: string, mark: '.' | ',', digits?: number) => {
    const r = parseDecimal(input, mark, digits);
    return r.ok ? r.value : r.error.code;
  };
  it('reads plain numbers to exact cents', () => {
    expect(dec('1234.56', '.')).toBe(123456);
    expect(dec('1234,56', ',')).toBe(123456);
    expect(dec('0.1', '.')).toBe(10);
    expect(dec('0.29', '.')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(dec('1.15', '.')).toBe(115);
    expect(dec('12', '.')).toBe(1200);
    expect(dec('.5', '.')).toBe(50);
  });
  it('accepts thousands grouped by threes with spaces, NBSP, apostrophes or the other mark', () => {
    expect(dec('1 234,56', ',')).toBe(123456);
    expect(dec('1\u00a0234,56', ',')).toBe(123456);
    expect(dec('1\u202f234,56', ',')).toBe(123456);
    expect(dec('1.234,56', ',')).toBe(123456);
    expect(dec('1,234.56', '.')).toBe(123456);
    expect(dec("1'234.56", '.')).toBe(123456);
    expect(dec('1,234,567', '.')).toBe(123456700);
  });
  it('keeps the sign for the caller', () => {
    expect(dec('-12.50', '.')).toBe(-1250);
    expect(dec('−12,50', ',')).toBe(-1250);
    expect(dec('+12.50', '.')).toBe(1250);
    expect(dec('-0', '.')).toBe(0);
  });
  it('accepts extra zero decimals only', () => {
    expect(dec('12.5000', '.')).toBe(1250);
    expect(dec('12.345', '.')).toBe('decimal.too_many_decimals');
  });
  it('honours the currency digits', () => {
    expect(dec('1200', '.', 0)).toBe(1200);
    expect(dec('12.5', '.', 0)).toBe('decimal.too_many_decimals');
    expect(dec('12.345', '.', 3)).toBe(12345);
  });
  it('rejects what only makes sense with the other decimal mark, and non-numbers', () => {
    expect(dec('1234,56', '.')).toBe('decimal.not_a_number');
    expect(dec('1234.56', ',')).toBe('decimal.not_a_number');
    expect(dec('12.34.56', '.')).toBe('decimal.not_a_number');
    expect(dec('1 23', '.')).toBe('decimal.not_a_number');
    expect(dec('12 €', '.')).toBe('decimal.not_a_number');
    expect(dec('abc', '.')).toBe('decimal.not_a_number');
    expect(dec('12.', '.')).toBe('decimal.not_a_number');
    expect(dec('', '.')).toBe('decimal.empty');
    expect(dec('  ', '.')).toBe('decimal.empty');
    expect(dec('99999999999999999', '.')).toBe('decimal.too_large');
  });
  it('quotes the cell and names the declared mark', () => {
    expect(parseDecimal('1234,56', '.')).toEqual({
      ok: false, error: { code: 'decimal.not_a_number', input: '1234,56', params: { decimal: '.' } },
    });
  });
});

describe('formatMoney', () => {
  it('writes French amounts with a narrow no-break space and the sign after', () => {
    expect(formatMoney({ cents: 123456, currency: 'EUR' }, 'fr')).toBe('1\u202f234,56\u00a0€');
    expect(formatMoney({ cents: 123456, currency: 'USD' }, 'fr')).toBe('1\u202f234,56\u00a0$US');
    expect(formatMoney({ cents: 5, currency: 'EUR' }, 'fr')).toBe('0,05\u00a0€');
    expect(formatMoney({ cents: 123456789, currency: 'EUR' }, 'fr')).toBe('1\u202f234\u202f567,89\u00a0€');
  });
  it('writes English amounts with the sign first', () => {
    expect(formatMoney({ cents: 123456, currency: 'EUR' }, 'en')).toBe('€1,234.56');
    expect(formatMoney({ cents: 123456, currency: 'USD' }, 'en')).toBe('$1,234.56');
    expect(formatMoney({ cents: 123456, currency: 'GBP' }, 'en')).toBe('£1,234.56');
    expect(formatMoney({ cents: 123456, currency: 'CHF' }, 'en')).toBe('CHF\u00a01,234.56');
    expect(formatMoney({ cents: 100, currency: 'EUR' }, 'en')).toBe('€1.00');
  });
  it('uses the currency digits', () => {
    expect(formatMoney({ cents: 1234, currency: 'JPY' }, 'en')).toBe('¥1,234');
    expect(formatMoney({ cents: 1234567, currency: 'BHD' }, 'en')).toBe('BHD\u00a01,234.567');
    expect(formatMoney({ cents: 1234567, currency: 'BHD' }, 'fr')).toBe('1\u202f234,567\u00a0BHD');
    expect(formatMoney({ cents: 123456, currency: 'HUF' }, 'fr')).toBe('1\u202f234,56\u00a0HUF');
  });
  it('writes negative amounts with a leading minus', () => {
    expect(formatMoney({ cents: -123456, currency: 'EUR' }, 'en')).toBe('-€1,234.56');
    expect(formatMoney({ cents: -123456, currency: 'EUR' }, 'fr')).toBe('-1\u202f234,56\u00a0€');
  });
  it('is exact for large amounts', () => {
    expect(formatMoney({ cents: MAX_MINOR_UNITS, currency: 'EUR' }, 'en')).toBe('€9,999,999,999,999.99');
  });
  it('round-trips through parseAmount', () => {
    for (const cents of [1, 99, 100, 123456, 100000000, 987654321]) {
      for (const locale of ['en', 'fr'] as const) {
        expect(amount(formatMoney({ cents, currency: 'EUR' }, locale), { locale, defaultCurrency: 'EUR' }).cents).toBe(cents);
      }
    }
  });
  it('has a plain variant with U+00A0 only, for PDF fonts', () => {
    const plain = formatMoneyPlain({ cents: 123456, currency: 'EUR' }, 'fr');
    expect(plain).toBe('1\u00a0234,56\u00a0€');
    expect(plain).not.toMatch(/\u202f/);
  });
});

describe('sumByCurrency', () => {
  it('sums per currency, sorted by code, never across currencies', () => {
    expect(sumByCurrency([
      { cents: 100, currency: 'USD' },
      { cents: 250, currency: 'EUR' },
      { cents: 50, currency: 'USD' },
      { cents: 1, currency: 'CHF' },
      { cents: -50, currency: 'EUR' },
    ])).toEqual([
      { cents: 1, currency: 'CHF' },
      { cents: 200, currency: 'EUR' },
      { cents: 150, currency: 'USD' },
    ]);
  });
  it('keeps a currency whose total is zero and returns [] for nothing', () => {
    expect(sumByCurrency([{ cents: 5, currency: 'EUR' }, { cents: -5, currency: 'EUR' }])).toEqual([{ cents: 0, currency: 'EUR' }]);
    expect(sumByCurrency([])).toEqual([]);
  });
  it('stays exact where floats would drift', () => {
    const tenCents = Array.from({ length: 1000 }, () => ({ cents: 10, currency: 'EUR' }));
    expect(sumByCurrency(tenCents)).toEqual([{ cents: 10000, currency: 'EUR' }]);
  });
});

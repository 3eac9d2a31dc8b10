// Worked examples computed by hand (balance × rate × days / 365, summed,
// rounded once to the cent half away from zero); the figures in the comments
// are the hand computation each expectation pins.
import { describe, expect, it } from 'vitest';
import { computeLateFees, mayChargeRecoveryCosts, roundHalfAwayFromZero, type LateFeeInput } from '../../src/domain/late-fees.ts';
import { rateAddCommand, type RateRow } from '../../src/domain/rates.ts';
import { missingRateNotice } from '../../src/i18n/late-fees.ts';

const row = (kind: RateRow['kind'], startsOn: string, milliPercent: number): RateRow =>
  ({ kind, startsOn, milliPercent, source: `${kind} ${startsOn} source` });

/** FACTS-fr.md, 2025 H1 to 2026 H1. */
const RATES: RateRow[] = [
  row('ecb', '2025-01-01', 3150), row('ecb', '2025-07-01', 2150), row('ecb', '2026-01-01', 2150),
  row('legal', '2025-01-01', 3710), row('legal', '2025-07-01', 2760), row('legal', '2026-01-01', 2620),
];
/** With a 2026 H2 an admin would add (figures made up for the test). */
const RATES_H2 = [...RATES, row('ecb', '2026-07-01', 2400), row('legal', '2026-07-01', 2500)];

const TEN_THOUSAND = { amountCents: 1_000_000, currency: 'EUR', dueDate: '2026-03-01' };

const b2b = (over: Partial<LateFeeInput> = {}): LateFeeInput =>
  ({ invoice: TEN_THOUSAND, payments: [], debtor: 'b2b', asOf: '2026-03-31', rates: RATES, ...over });

describe('B2B, default rate (ECB + 10 points)', () => {
  it('€10,000 incl. VAT, 30 days late in H1 2026 at 12.15 %: €99.86 interest plus €40', () => {
    // 10,000 × 12.15 % × 30 / 365 = 99.863… → 99.86
    const fees = computeLateFees(b2b());
    expect(fees.interestCents).toBe(9986);
    expect(fees.indemnity).toEqual({ cents: 4000, currency: 'EUR' });
    expect(fees.interestFrom).toEqual({ date: '2026-03-01', reason: 'due_date' });
    expect(fees.segments).toEqual([{
      from: '2026-03-02', to: '2026-03-31', days: 30, baseCents: 1_000_000, milliPercent: 12150, basis: 'ecb_plus_10',
      rate: { kind: 'ecb', startsOn: '2026-01-01', milliPercent: 2150, source: 'ecb 2026-01-01 source' },
      rateMissing: false, interestCents: 9986,
    }]);
    expect(fees.missing).toEqual([]);
    expect(fees.floored).toBe(false);
  });

  it('a partial payment lowers the base from its date', () => {
    // €4,000 paid on 16 March: 10,000 × 12.15 % × 14 / 365 = 46.602…
    //                        +  6,000 × 12.15 % × 16 / 365 = 31.956…  → 78.558… → 78.56
    const fees = computeLateFees(b2b({ payments: [{ paidOn: '2026-03-16', amountCents: 400_000 }] }));
    expect(fees.interestCents).toBe(7856);
    expect(fees.segments.map((s) => [s.from, s.to, s.days, s.baseCents, s.interestCents])).toEqual([
      ['2026-03-02', '2026-03-15', 14, 1_000_000, 4660],
      ['2026-03-16', '2026-03-31', 16, 600_000, 3196],
    ]);
    expect(fees.indemnity?.cents).toBe(4000);
  });

  it('a span over 1 July 2026 takes each half-year\'s rate', () => {
    // 10,000 × 12.15 % × 15 / 365 = 49.931… (16–30 June)
    // 10,000 × 12.40 % × 15 / 365 = 50.958… (1–15 July, ECB 2.40 %) → 100.890… → 100.89
    const fees = computeLateFees(b2b({ invoice: { ...TEN_THOUSAND, dueDate: '2026-06-15' }, asOf: '2026-07-15', rates: RATES_H2 }));
    expect(fees.interestCents).toBe(10089);
    expect(fees.segments.map((s) => [s.from, s.to, s.days, s.milliPercent, s.interestCents])).toEqual([
      ['2026-06-16', '2026-06-30', 15, 12150, 4993],
      ['2026-07-01', '2026-07-15', 15, 12400, 5096],
    ]);
    expect(fees.missing).toEqual([]);
  });

  it('real figures over 1 July 2025: 13.15 % then 12.15 %', () => {
    // 10,000 × 13.15 % × 10 / 365 = 36.027… + 10,000 × 12.15 % × 10 / 365 = 33.287… → 69.315… → 69.32
    const fees = computeLateFees(b2b({ invoice: { ...TEN_THOUSAND, dueDate: '2025-06-20' }, asOf: '2025-07-10' }));
    expect(fees.interestCents).toBe(6932);
    expect(fees.segments.map((s) => [s.days, s.milliPercent])).toEqual([[10, 13150], [10, 12150]]);
  });

  it('a half-year without its rate uses the latest known one and names the gap and the command', () => {
    // Both halves at 12.15 %: 10,000 × 12.15 % × 30 / 365 = 99.86, as if no boundary.
    const fees = computeLateFees(b2b({ invoice: { ...TEN_THOUSAND, dueDate: '2026-06-15' }, asOf: '2026-07-15' }));
    expect(fees.interestCents).toBe(9986);
    expect(fees.segments.map((s) => [s.from, s.milliPercent, s.rateMissing, s.rate?.startsOn])).toEqual([
      ['2026-06-16', 12150, false, '2026-01-01'],
      ['2026-07-01', 12150, true, '2026-01-01'],
    ]);
    expect(fees.missing).toEqual([{
      kind: 'ecb', halfYear: '2026-07-01', usedStartsOn: '2026-01-01', usedMilliPercent: 2150,
      command: 'relance rates add ecb 2026-07-01 <percent> "<source>"',
    }]);
  });

  it('a payment that clears the balance stops the interest; the €40 stays owed', () => {
    // 10,000 × 12.15 % × 9 / 365 = 29.958… → 29.96 (2–10 March; paid on the 11th)
    const fees = computeLateFees(b2b({ payments: [{ paidOn: '2026-03-11', amountCents: 1_000_000 }] }));
    expect(fees.interestCents).toBe(2996);
    expect(fees.segments).toHaveLength(1);
    expect(fees.indemnity?.cents).toBe(4000);
  });

  it('paid by the due date, or not late yet: nothing at all', () => {
    const onTime = computeLateFees(b2b({ payments: [{ paidOn: '2026-03-01', amountCents: 1_000_000 }] }));
    expect(onTime).toMatchObject({ interestCents: 0, segments: [], indemnity: null });
    const dueToday = computeLateFees(b2b({ asOf: '2026-03-01' }));
    expect(dueToday).toMatchObject({ interestCents: 0, segments: [], indemnity: null });
    const oneDay = computeLateFees(b2b({ asOf: '2026-03-02' }));
    // 10,000 × 12.15 % / 365 = 3.328… → 3.33
    expect(oneDay).toMatchObject({ interestCents: 333, indemnity: { cents: 4000 } });
  });

  it('rounds once, at the end, half away from zero', () => {
    // 18.25 × 10 % / 365 = 0.005 exactly → 0.01; 18.24 gives 0.004997… → 0.00
    const half = computeLateFees(b2b({ invoice: { ...TEN_THOUSAND, amountCents: 1825 }, contractMilliPercent: 10_000, asOf: '2026-03-02' }));
    expect(half.interestCents).toBe(1);
    const below = computeLateFees(b2b({ invoice: { ...TEN_THOUSAND, amountCents: 1824 }, contractMilliPercent: 10_000, asOf: '2026-03-02' }));
    expect(below.interestCents).toBe(0);
    // Lines of 1.4 and 0.4 cent: 1.8 → 2 cents in total, where rounding each line would give 1.
    const lines = computeLateFees(b2b({
      invoice: { ...TEN_THOUSAND, amountCents: 5110 }, contractMilliPercent: 10_000, asOf: '2026-03-03',
      payments: [{ paidOn: '2026-03-03', amountCents: 3650 }],
    }));
    expect(lines.segments.map((s) => s.baseCents)).toEqual([5110, 1460]);
    expect(lines.interestCents).toBe(2);
    expect(lines.segments.map((s) => s.interestCents)).toEqual([2, 0]);
    expect(roundHalfAwayFromZero(-5n, 10n)).toBe(-1n);
    expect(roundHalfAwayFromZero(5n, 10n)).toBe(1n);
  });
});

describe('B2B, contractual rate', () => {
  it('the customer\'s rate replaces ECB + 10', () => {
    // 10,000 × 15 % × 30 / 365 = 123.287… → 123.29
    const fees = computeLateFees(b2b({ contractMilliPercent: 15_000 }));
    expect(fees.interestCents).toBe(12329);
    expect(fees.segments[0]).toMatchObject({ basis: 'contract', milliPercent: 15_000, rate: null });
    expect(fees.floored).toBe(false);
    expect(fees.indemnity?.cents).toBe(4000);
  });

  it('below 3 × the legal rate, the floor applies and says so', () => {
    // 5 % < 3 × 2.62 % = 7.86 %: 10,000 × 7.86 % × 30 / 365 = 64.602… → 64.60
    const fees = computeLateFees(b2b({ contractMilliPercent: 5_000 }));
    expect(fees.interestCents).toBe(6460);
    expect(fees.floored).toBe(true);
    expect(fees.segments[0]).toMatchObject({
      basis: 'legal_floor', milliPercent: 7860, rate: { kind: 'legal', startsOn: '2026-01-01', milliPercent: 2620 },
    });
    // Exactly 3 × the legal rate is allowed.
    expect(computeLateFees(b2b({ contractMilliPercent: 7_860 })).segments[0]?.basis).toBe('contract');
  });

  it('the floor follows the legal rate of each half-year', () => {
    // 8 %: above 3 × 2.62 = 7.86 % in H1 2026, below 3 × 2.76 = 8.28 % in H2 2025.
    const fees = computeLateFees(b2b({ contractMilliPercent: 8_000, invoice: { ...TEN_THOUSAND, dueDate: '2025-12-21' }, asOf: '2026-01-10' }));
    expect(fees.segments.map((s) => [s.from, s.basis, s.milliPercent])).toEqual([
      ['2025-12-22', 'legal_floor', 8280],
      ['2026-01-01', 'contract', 8000],
    ]);
    // 10,000 × 8.28 % × 10 / 365 = 22.684… + 10,000 × 8 % × 10 / 365 = 21.917… → 44.60
    expect(fees.interestCents).toBe(4460);
    expect(fees.floored).toBe(true);
  });
});

describe('B2C', () => {
  const consumer = (over: Partial<LateFeeInput> = {}): LateFeeInput => ({
    invoice: { amountCents: 500_000, currency: 'EUR', dueDate: '2026-02-01' }, payments: [], debtor: 'b2c', asOf: '2026-04-09',
    notice: { sentOn: '2026-03-05', receivedOn: '2026-03-10' }, rates: RATES, ...over,
  });

  it('interest at the legal rate from the notice\'s receipt, no €40', () => {
    // 5,000 × 2.62 % × 30 / 365 = 10.767… → 10.77 (11 March – 9 April)
    const fees = computeLateFees(consumer());
    expect(fees.interestFrom).toEqual({ date: '2026-03-10', reason: 'notice_received' });
    expect(fees.interestCents).toBe(1077);
    expect(fees.segments).toEqual([expect.objectContaining({ from: '2026-03-11', to: '2026-04-09', days: 30, basis: 'legal', milliPercent: 2620 })]);
    expect(fees.indemnity).toBeNull();
    expect(mayChargeRecoveryCosts('b2c')).toBe(false);
    expect(mayChargeRecoveryCosts('b2b')).toBe(true);
  });

  it('without a recorded receipt, from the sending date', () => {
    // 5,000 × 2.62 % × 35 / 365 = 12.561… → 12.56 (6 March – 9 April)
    const fees = computeLateFees(consumer({ notice: { sentOn: '2026-03-05' } }));
    expect(fees.interestFrom).toEqual({ date: '2026-03-05', reason: 'notice_sent' });
    expect(fees.interestCents).toBe(1256);
  });

  it('without a notice, nothing runs; a contractual rate is not applied to a consumer', () => {
    expect(computeLateFees(consumer({ notice: null }))).toMatchObject({ interestFrom: null, interestCents: 0, segments: [], indemnity: null });
    const withContract = computeLateFees(consumer({ contractMilliPercent: 12_000 }));
    expect(withContract.interestCents).toBe(1077);
    expect(withContract.contractRateIgnored).toBe(true);
  });

  it('a missing half-year of the legal rate uses the latest one, flagged', () => {
    // 5,000 × 2.62 % × (10 + 20) / 365 = 10.767… → 10.77, 2026 H2 flagged
    const fees = computeLateFees(consumer({ notice: { sentOn: '2026-06-18', receivedOn: '2026-06-20' }, asOf: '2026-07-20' }));
    expect(fees.interestCents).toBe(1077);
    expect(fees.segments.map((s) => [s.from, s.days, s.rateMissing])).toEqual([['2026-06-21', 10, false], ['2026-07-01', 20, true]]);
    expect(fees.missing).toEqual([expect.objectContaining({ kind: 'legal', halfYear: '2026-07-01', usedStartsOn: '2026-01-01', usedMilliPercent: 2620 })]);
    expect(fees.indemnity).toBeNull();
  });
});

describe('rate table edge', () => {
  it('a table with no row of the kind needed is a bug, not a guess', () => {
    expect(() => computeLateFees(b2b({ rates: RATES.filter((r) => r.kind !== 'ecb') }))).toThrow(/no ecb row/);
  });
});

describe('the notice a letter or request carries for a missing rate', () => {
  it('names the table, the missing half-year, the stand-in and the command, in both languages', () => {
    const [missing] = computeLateFees(b2b({ invoice: { ...TEN_THOUSAND, dueDate: '2026-06-15' }, asOf: '2026-07-15' })).missing;
    if (!missing) throw new Error('expected a missing rate');
    expect(missingRateNotice(missing, 'en')).toBe('The ECB main refinancing rate for the second half of 2026 is not in relance yet: '
      + 'the rate of the first half of 2026 (2.15%) was used instead. '
      + 'An admin adds it with `relance rates add ecb 2026-07-01 &lt;percent&gt; "&lt;source&gt;"`.');
    expect(missingRateNotice({ ...missing, kind: 'legal', usedMilliPercent: 2620, command: rateAddCommand('legal', '2026-07-01') }, 'fr')).toBe(
      'Le taux de l\'intérêt légal du 2e semestre 2026 n\'est pas encore dans relance : le taux du 1er semestre 2026 (2,62\u00a0%) '
      + 'a été appliqué à la place. Un admin l\'ajoute avec `relance rates add legal 2026-07-01 &lt;percent&gt; "&lt;source&gt;"`.');
  });
});

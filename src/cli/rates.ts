// `relance rates list` and `relance rates add …`: the dated rate tables of late
// fees (SPEC §1). An admin adds each new half-year as it is published.
import { userInfo } from 'node:os';
import type { Db } from '../db/client.ts';
import { addRate, readRates, type StoredRate } from '../db/rates.ts';
import { todayIn } from '../domain/dates.ts';
import { ECB_MARGIN_MILLI, LEGAL_FLOOR_MULTIPLE } from '../domain/late-fees.ts';
import {
  formatPercent, halfYearLabel, MAX_TABLE_PERCENT, MILLI, missingHalfYears, parseRateAddition, rateAddCommand, RATE_KINDS,
  type RateKind, type RatesArgCode,
} from '../domain/rates.ts';
import type { InputError } from '../domain/result.ts';

export interface RatesIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  now: () => Date;
  /** Recorded as added_by: who ran the command. */
  user: string;
}

const EXAMPLE = {
  ecb: 'relance rates add ecb 2027-01-01 2.40 "ECB key interest rates, MRO in force on 1 January 2027"',
  legal: 'relance rates add legal 2027-01-01 2.58 "Arrêté du 15 décembre 2026 relatif à la fixation du taux de l\'intérêt légal"',
} as const;

export const RATES_USAGE = `Usage:
  relance rates list
  relance rates add ecb|legal <YYYY-01-01|YYYY-07-01> <percent> <source…> [--replace]

  ecb    the ECB main refinancing rate in force on 1 January / 1 July, as published (2.15, not 12.15)
  legal  the legal interest rate of the half-year, "all other cases" column (a company creditor)

Example: ${EXAMPLE.ecb}`;

const TITLES: Record<RateKind, string> = {
  ecb: `ECB main refinancing rate — B2B default late rate = ECB + ${ECB_MARGIN_MILLI / MILLI} points`,
  legal: `Legal interest rate, all other cases — B2C rate; B2B contractual floor = ${LEGAL_FLOOR_MULTIPLE} × it`,
};

/** The rate a debtor actually pays from this row, printed next to it. */
const applied = (r: StoredRate): string => (r.kind === 'ecb'
  ? `B2B ${formatPercent(r.milliPercent + ECB_MARGIN_MILLI)} %`
  : `floor ${formatPercent(LEGAL_FLOOR_MULTIPLE * r.milliPercent)} %`);

const shortDate = (d: Date) => d.toISOString().slice(0, 10);

async function list(db: Db, io: RatesIo): Promise<number> {
  const rates = await readRates(db);
  // The rates are French law: the half-year turns in Paris.
  const today = todayIn('Europe/Paris', io.now());
  const out: string[] = [];
  const gaps: string[] = [];
  for (const kind of RATE_KINDS) {
    const rows = rates.filter((r) => r.kind === kind);
    out.push(`${TITLES[kind]}:`);
    for (const r of rows) {
      out.push(`  ${r.startsOn}  ${halfYearLabel(r.startsOn)}  ${formatPercent(r.milliPercent).padStart(6)} %  (${applied(r)})  ${r.source}  [${r.addedBy}, ${shortDate(r.addedAt)}]`);
    }
    const first = rows[0]?.startsOn;
    for (const h of first ? missingHalfYears(rows, kind, first, today) : []) {
      gaps.push(`  ${kind} ${halfYearLabel(h)}: ${rateAddCommand(kind, h)}`);
    }
    out.push('');
  }
  if (gaps.length > 0) {
    out.push('Missing up to today (late fees use the latest known rate meanwhile, and say so):', ...gaps);
  } else {
    out.push('No half-year is missing up to today.');
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** Each refusal quotes what was typed and shows the command written right. */
function explain(error: InputError): string {
  const p = error.params ?? {};
  const kind: RateKind = p.kind === 'legal' ? 'legal' : 'ecb';
  const example = EXAMPLE[kind];
  const messages: Record<RatesArgCode, string> = {
    'rates.missing_kind': 'Say which table: ecb or legal.',
    'rates.bad_kind': `"${error.input}" is not a rate table: use ecb (the ECB main refinancing rate) or legal (the legal interest rate).`,
    'rates.missing_date': 'Say which half-year: its first day, YYYY-01-01 or YYYY-07-01.',
    'rates.bad_date': `"${error.input}" is not a date written YYYY-MM-DD.`,
    'rates.not_half_year': `"${error.input}" is not the first day of a half-year: a rate is set for 1 January (January–June) or 1 July (July–December), here ${p.start}.`,
    'rates.missing_percent': 'Give the published rate in percent, e.g. 2.15.',
    'rates.bad_percent': `"${error.input}" is not a percent (e.g. 2.15 or 2,15).`,
    'rates.too_many_decimals': `"${error.input}" has more than 3 decimals.`,
    'rates.out_of_range': `"${error.input}" is more than ${p.max ?? MAX_TABLE_PERCENT} %: give the rate as published, in percent.`,
    'rates.ecb_plus_ten': `"${error.input}" looks like the B2B late rate (ECB + 10 points): give the ECB rate itself, ${p.ecb}; relance adds the 10 points.`,
    'rates.missing_source': 'Give the source of the figure (the publication it comes from), after the percent.',
  };
  const message = messages[error.code as RatesArgCode] ?? `"${error.input}" is not understood.`;
  return `${message} Nothing was changed.\nExample: ${example}`;
}

async function add(db: Db, args: string[], io: RatesIo): Promise<number> {
  const parsed = parseRateAddition(args);
  if (!parsed.ok) {
    io.stderr.write(`${explain(parsed.error)}\n`);
    return 2;
  }
  const a = parsed.value;
  const what = `${a.kind} ${halfYearLabel(a.startsOn)} (from ${a.startsOn})`;
  const outcome = await addRate(db, a, { addedBy: io.user, now: io.now() });
  switch (outcome.kind) {
    case 'added':
      io.stdout.write(`Added ${what}: ${formatPercent(a.milliPercent)} % (${applied(outcome.row)}). Source: ${a.source}\n`);
      return 0;
    case 'unchanged':
      io.stdout.write(`${what} is already ${formatPercent(a.milliPercent)} %: nothing changed (source kept: ${outcome.row.source}).\n`);
      return 0;
    case 'replaced':
      io.stdout.write(`Replaced ${what}: ${formatPercent(outcome.previous.milliPercent)} % → ${formatPercent(a.milliPercent)} %. Source: ${a.source}\n`);
      return 0;
    case 'conflict':
      io.stderr.write(`${what} is already ${formatPercent(outcome.existing.milliPercent)} % (source: ${outcome.existing.source}; `
        + `added by ${outcome.existing.addedBy} on ${shortDate(outcome.existing.addedAt)}), not ${formatPercent(a.milliPercent)} %. `
        + `Nothing was changed. To correct it, add --replace:\n`
        + `relance rates add ${a.kind} ${a.startsOn} ${formatPercent(a.milliPercent)} "${a.source}" --replace\n`);
      return 2;
  }
}

/** `cli:<login>` for added_by; some containers run under a uid without a name. */
export function cliUser(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return `cli:${process.env.USER ?? 'unknown'}`;
  }
}

export async function runRatesCommand(argv: string[], db: Db, io: RatesIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action === 'list' && rest.length === 0) return list(db, io);
  if (action === 'add') return add(db, rest, io);
  const got = argv.length === 0 ? 'nothing' : `"${argv.join(' ')}"`;
  io.stderr.write(`relance rates takes list or add (got ${got}).\n${RATES_USAGE}\n`);
  return 2;
}

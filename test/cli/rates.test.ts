import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRatesCommand } from '../../src/cli/rates.ts';
import { rows, type Database } from '../../src/db/client.ts';
import { readRates } from '../../src/db/rates.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';

let database: Database;
let testDb: TestDatabase;

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runRatesCommand(args, database.db, {
    stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) },
    now: () => new Date('2026-11-23T08:00:00Z'), user: 'cli:alice',
  });
  return { code, out, err };
}

const table = async () => (await readRates(database.db)).map((r) => `${r.kind} ${r.startsOn} ${r.milliPercent} ${r.source} ${r.addedBy}`);

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
});

afterAll(async () => {
  await testDb?.close();
});

describe('relance rates', () => {
  it('ships the FACTS-fr tables with their sources', async () => {
    const rates = await readRates(database.db);
    expect(rates.filter((r) => r.kind === 'ecb')).toHaveLength(13);
    expect(rates.filter((r) => r.kind === 'legal')).toHaveLength(13);
    expect(rates.find((r) => r.kind === 'ecb' && r.startsOn === '2026-01-01')).toMatchObject({ milliPercent: 2150, addedBy: 'migration 0012' });
    expect(rates.find((r) => r.kind === 'legal' && r.startsOn === '2026-01-01')?.source).toContain('arrêté of 15 December 2025');
    expect(rates.find((r) => r.kind === 'ecb' && r.startsOn === '2023-07-01')?.milliPercent).toBe(4000);
    expect(rates.every((r) => r.source.length > 20)).toBe(true);
  });

  it('lists both tables with the rate each one implies, and the missing half-year with its command', async () => {
    const r = await run('list');
    expect(r.code).toBe(0);
    expect(r.out).toContain('ECB main refinancing rate — B2B default late rate = ECB + 10 points:');
    expect(r.out).toMatch(/2026-01-01 {2}2026 H1 +2\.15 % {2}\(B2B 12\.15 %\)/);
    expect(r.out).toMatch(/2026-01-01 {2}2026 H1 +2\.62 % {2}\(floor 7\.86 %\)/);
    expect(r.out).toContain('ecb 2026 H2: relance rates add ecb 2026-07-01 <percent> "<source>"');
    expect(r.out).toContain('legal 2026 H2: relance rates add legal 2026-07-01 <percent> "<source>"');
  });

  it('adds a half-year; the same figure again changes nothing; another one needs --replace', async () => {
    const added = await run('add', 'ecb', '2026-07-01', '2,15', 'ECB key interest rates, MRO in force on 1 July 2026');
    expect(added).toMatchObject({ code: 0, err: '' });
    expect(added.out).toContain('Added ecb 2026 H2 (from 2026-07-01): 2.15 % (B2B 12.15 %)');
    expect(await table()).toContain('ecb 2026-07-01 2150 ECB key interest rates, MRO in force on 1 July 2026 cli:alice');

    const again = await run('add', 'ecb', '2026-07-01', '2.150', 'another source');
    expect(again.code).toBe(0);
    expect(again.out).toContain('is already 2.15 %: nothing changed');
    expect(await table()).toContain('ecb 2026-07-01 2150 ECB key interest rates, MRO in force on 1 July 2026 cli:alice');

    const before = await table();
    const other = await run('add', 'ecb', '2026-07-01', '2.40', 'typo?');
    expect(other.code).toBe(2);
    expect(other.err).toContain('ecb 2026 H2 (from 2026-07-01) is already 2.15 %');
    expect(other.err).toContain('not 2.40 %. Nothing was changed. To correct it, add --replace:');
    expect(await table()).toEqual(before);

    const replaced = await run('add', 'ecb', '2026-07-01', '2.40', 'corrected', '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain('Replaced ecb 2026 H2 (from 2026-07-01): 2.15 % → 2.40 %');
    expect(await table()).toContain('ecb 2026-07-01 2400 corrected cli:alice');

    expect((await run('list')).out).not.toContain('ecb 2026 H2: relance rates add');
  });

  it('refuses bad arguments, quoting them with a correct example, and writes nothing', async () => {
    const before = await table();
    const cases: [string[], string][] = [
      [['add', 'ecb', '2027-03-01', '2.40', 'x'], '"2027-03-01" is not the first day of a half-year: a rate is set for 1 January (January–June) or 1 July (July–December), here 2027-01-01.'],
      [['add', 'ecb', '2027-01-01', '12.40', 'x'], '"12.40" looks like the B2B late rate (ECB + 10 points): give the ECB rate itself, 2.40'],
      [['add', 'euribor', '2027-01-01', '2.40', 'x'], '"euribor" is not a rate table'],
      [['add', 'legal', '2027-01-01', '2.5%5', 'x'], '"2.5%5" is not a percent'],
      [['add', 'legal', '2027-01-01', '2.6255', 'x'], '"2.6255" has more than 3 decimals'],
      [['add', 'legal', '01/01/2027', '2.6', 'x'], '"01/01/2027" is not a date written YYYY-MM-DD'],
      [['add', 'legal', '2027-01-01', '2.6'], 'Give the source of the figure'],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).toContain('Nothing was changed.\nExample: relance rates add ');
      expect(r.out).toBe('');
    }
    expect((await run('add', 'legal', '2027-01-01', '2.6')).err).toContain('Example: relance rates add legal 2027-01-01 2.58');
    const unknown = await run('remove', 'ecb');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('relance rates takes list or add (got "remove ecb")');
    expect(await table()).toEqual(before);
  });

  it('the database refuses a row that is not a half-year, whatever writes it', async () => {
    await expect(rows(database.db, sql`insert into rate_periods (kind, starts_on, percent, source, added_by)
      values ('ecb', '2027-02-01', 2, 's', 'x')`)).rejects.toThrow();
  });
});

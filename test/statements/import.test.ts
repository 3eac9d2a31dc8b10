// `relance import statement.xml` against real PostgreSQL: camt.053 .08 and .02
// statements matched to open invoices (invoice number in noisy text, batch
// booking, name without accents, IBAN, sum of two invoices), foreign currency
// and unknown payers left for review, reversals undoing payments, and a
// second import changing nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../src/db/client.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { fixture, runImport, seedStatementLedger } from './support.ts';

const W = 'T0STMT001';
let database: Database;
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  await seedStatementLedger(database, W);
});

afterAll(async () => {
  await testDb?.close();
});

const open = async () => Object.fromEntries((await rows<{ invoice_number: string; open: number }>(database.db, sql`
  select invoice_number, (amount_cents - paid_cents)::int as open from invoices where workspace_id = ${W} order by invoice_number`))
  .map((r) => [r.invoice_number, r.open]));

const entries = async () => rows<{ reference: string; status: string; review_reason: string | null; payment_references: string[] }>(database.db, sql`
  select reference, status, review_reason, payment_references from statement_entries where workspace_id = ${W} order by id`);

const counts = async () => (await rows<Record<string, number>>(database.db, sql`
  select (select count(*)::int from payments) as payments, (select count(*)::int from activities) as activities,
    (select count(*)::int from statement_entries) as entries, (select count(*)::int from channel_posts) as posts,
    (select sum(paid_cents)::bigint from invoices) as paid, (select count(*)::int from cases where status not in ('resolved', 'written_off')) as open_cases`))[0];

const caseStatus = async (ref: string) => (await rows<{ status: string }>(database.db, sql`
  select k.status from cases k join customers c on c.id = k.customer_id where c.customer_ref = ${ref} order by k.id desc limit 1`))[0]?.status;

describe('relance import of bank statements', () => {
  it('matches the sure credits, leaves the rest for review, ignores the debits', async () => {
    const run = await runImport(database, ['--workspace', W, fixture('november-v08.xml')], new Date('2026-11-23T08:00:00Z'));
    expect(run.err).not.toContain('rror');
    expect(run.code).toBe(0);
    expect(run.out).toContain('(camt.053.001.08, 2 statements): 9 entries, 5 matched, 3 to review, 0 reversals, 1 ignored debit');
    expect(run.out).toContain('1 entry not booked (pending or information only): not read.');
    expect(run.out).toContain('paid: F-2026-0042 €1,250.00 (BNK-20261120-0001, by invoice number)');
    expect(run.out).toContain('paid: INV-7001 €1,000.00 (BNK-20261120-0002/1, by invoice number)');
    expect(run.out).toContain('paid: F-2026-0050 €500.00 (BNK-20261120-0002/2, by invoice number)');
    expect(run.out).toContain('paid: F-2026-0061 €980.00 (BNK-20261120-0003, by amount and payer)');
    expect(run.out).toContain('paid: F-2026-0070 €1,200.00, F-2026-0071 €1,800.00 (BNK-20261120-0004, by sum of invoices)');
    expect(run.out).toContain('3 credits to review: posted to the team channel');
    // Debtor-supplied remittance text is not printed.
    expect(run.out).not.toContain('remboursement');

    expect(await open()).toMatchObject({
      'F-2026-0042': 0, 'F-2026-0043': 40_000, 'F-2026-0044': 31_000, 'INV-7001': 0, 'F-2026-0050': 30_000,
      'F-2026-0061': 0, 'F-2026-0070': 0, 'F-2026-0071': 0, 'F-2026-0072': 50_000,
    });
    expect(await entries()).toEqual([
      { reference: 'BNK-20261120-0001', status: 'matched', review_reason: null, payment_references: ['BNK-20261120-0001'] },
      { reference: 'BNK-20261120-0002/1', status: 'matched', review_reason: null, payment_references: ['BNK-20261120-0002/1'] },
      { reference: 'BNK-20261120-0002/2', status: 'matched', review_reason: null, payment_references: ['BNK-20261120-0002/2'] },
      { reference: 'BNK-20261120-0003', status: 'matched', review_reason: null, payment_references: ['BNK-20261120-0003'] },
      { reference: 'BNK-20261120-0004', status: 'matched', review_reason: null,
        payment_references: ['BNK-20261120-0004:F-2026-0070', 'BNK-20261120-0004:F-2026-0071'] },
      { reference: 'BNK-20261120-0005', status: 'unmatched', review_reason: 'other_currency', payment_references: [] },
      { reference: 'BNK-20261120-0006', status: 'unmatched', review_reason: 'no_match', payment_references: [] },
      { reference: 'BNK-20261120-0007', status: 'ignored', review_reason: null, payment_references: [] },
      { reference: 'BNK-20261121-0002', status: 'unmatched', review_reason: 'more_than_open', payment_references: [] },
    ]);
    // Through the intake's code path: recorded with their timeline line, case resolved at once.
    const payments = await rows<{ reference: string; source: string; paid_on: string }>(database.db, sql`
      select reference, source, paid_on::text from payments where workspace_id = ${W} and source = 'statement' order by reference`);
    expect(payments).toHaveLength(6);
    expect(payments[0]).toEqual({ reference: 'BNK-20261120-0001', source: 'statement', paid_on: '2026-11-20' });
    const logged = await rows<{ n: number }>(database.db, sql`
      select count(*)::int as n from activities where workspace_id = ${W} and kind = 'payment_recorded' and data->>'file' like 'statement:%'`);
    expect(logged[0]!.n).toBe(6);
    expect(await caseStatus('C-SGE')).toBe('resolved');
    // Acme's account is known from its invoice number: the next credit from it needs no name.
    const [acme] = await rows<{ iban: string | null }>(database.db, sql`select iban from customers where customer_ref = 'C-ACME'`);
    expect(acme!.iban).toBe('FR7630001007941234567890185');
    // The review list waits in the team channel's outbox; the ledger counts as synced.
    const posts = await rows<{ team: boolean; kind: string; payload: { text: string; blocks: unknown[] } }>(database.db, sql`
      select team, kind, payload from channel_posts where workspace_id = ${W} and kind = 'message'`);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ team: true, kind: 'message', payload: { text: 'Bank statement: 3 credits to match by hand' } });
    expect(JSON.stringify(posts[0]!.payload.blocks)).toContain('remboursement trop percu');
    const [ws] = await rows<{ ledger_sync_source: string | null }>(database.db, sql`select ledger_sync_source from workspaces where id = ${W}`);
    expect(ws!.ledger_sync_source).toBe('statement');
  });

  it('undoes the payments of reversed credits, and matches by the IBAN learnt', async () => {
    const run = await runImport(database, ['-w', W, fixture('december-v02.xml')], new Date('2026-12-02T08:00:00Z'));
    expect(run.code).toBe(0);
    expect(run.out).toContain('(camt.053.001.02, 1 statement): 3 entries, 1 matched, 0 to review, 2 reversals, 0 ignored debits');
    expect(run.out).toContain('paid: F-2026-0044 €310.00 (BNK-20261201-0002, by amount and payer)');
    expect(await open()).toMatchObject({ 'F-2026-0061': 98_000, 'INV-7001': 100_000, 'F-2026-0044': 0, 'F-2026-0050': 30_000 });
    const undone = await rows<{ reference: string }>(database.db, sql`
      select reference from payments where reference in ('BNK-20261120-0003', 'BNK-20261120-0002/1')`);
    expect(undone).toEqual([]);
    const reversed = await rows<{ kind: string; reference: string; reversal: string }>(database.db, sql`
      select kind, data->>'reference' as reference, data->>'reversal' as reversal from activities where kind = 'payment_reversed' order by id`);
    expect(reversed).toEqual([
      { kind: 'payment_reversed', reference: 'BNK-20261120-0003', reversal: 'BNK-20261201-0001' },
      { kind: 'payment_reversed', reference: 'BNK-20261120-0002/1', reversal: 'BNK-20261201-0003' },
    ]);
    // The payment_recorded lines stay: the timeline only grows.
    const recorded = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from activities where kind = 'payment_recorded' and data->>'reference' = 'BNK-20261120-0003'`);
    expect(recorded[0]!.n).toBe(1);
    expect(await caseStatus('C-SGE')).toBe('open');
    const statuses = Object.fromEntries((await entries()).map((e) => [e.reference, e.status]));
    expect(statuses).toMatchObject({
      'BNK-20261120-0003': 'reversed', 'BNK-20261120-0002/1': 'reversed', 'BNK-20261201-0001': 'matched', 'BNK-20261201-0003': 'matched',
    });
    const links = await rows<{ reference: string; reverses: string }>(database.db, sql`
      select e.reference, o.reference as reverses from statement_entries e join statement_entries o on o.id = e.reverses_id order by e.id`);
    expect(links).toEqual([
      { reference: 'BNK-20261201-0001', reverses: 'BNK-20261120-0003' },
      { reference: 'BNK-20261201-0003', reverses: 'BNK-20261120-0002/1' },
    ]);
  });

  it('changes nothing when the same statements are imported again', async () => {
    const before = await counts();
    const openBefore = await open();
    const run = await runImport(database, ['-w', W, fixture('november-v08.xml'), fixture('december-v02.xml')], new Date('2026-12-03T08:00:00Z'));
    expect(run.code).toBe(0);
    expect(run.out).toContain('9 entries, 0 matched, 0 to review, 0 reversals, 0 ignored debits');
    expect(run.out).toContain('9 entries already imported: unchanged.');
    expect(run.out).toContain('3 entries, 0 matched, 0 to review, 0 reversals, 0 ignored debits');
    expect(await counts()).toEqual(before);
    expect(await open()).toEqual(openBefore);
  });

  it('refuses an XML file that is not a camt.053 statement, and imports nothing of it', async () => {
    const before = await counts();
    const run = await runImport(database, ['-w', W, fixture('not-a-statement.xml')], new Date('2026-12-03T08:00:00Z'));
    expect(run.code).toBe(1);
    expect(run.out).toContain('not-a-statement.xml: not imported.');
    expect(run.out).toContain('namespace urn:iso:std:iso:20022:tech:xsd:camt.054.001.08 is not a bank statement camt.053.001.02 … .08');
    expect(await counts()).toEqual(before);
  });

  it('records nothing for a credit the bank reverses in the same statement', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relance-stmt-'));
    const path = join(dir, 'same-day.xml');
    const tx = '<NtryDtls><TxDtls><Refs><EndToEndId>E2E-ACME-43</EndToEndId></Refs><RltdPties><Dbtr><Nm>ACME SAS</Nm></Dbtr></RltdPties>'
      + '<RmtInf><Ustrd>F-2026-0043</Ustrd></RmtInf></TxDtls></NtryDtls>';
    writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt><GrpHdr><MsgId>M-4</MsgId></GrpHdr>
  <Stmt><Id>STMT-2026-12-04</Id>
    <Ntry><Amt Ccy="EUR">400.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-04</Dt></BookgDt>
      <AcctSvcrRef>BNK-20261204-0001</AcctSvcrRef>${tx}</Ntry>
    <Ntry><Amt Ccy="EUR">400.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-04</Dt></BookgDt>
      <AcctSvcrRef>BNK-20261204-0002</AcctSvcrRef>${tx}</Ntry>
  </Stmt></BkToCstmrStmt></Document>`);
    try {
      const before = await counts();
      const run = await runImport(database, ['-w', W, path], new Date('2026-12-04T18:00:00Z'));
      expect(run.code).toBe(0);
      expect(run.out).toContain('(camt.053.001.04, 1 statement): 2 entries, 0 matched, 0 to review, 1 reversal, 0 ignored debits');
      expect((await open())['F-2026-0043']).toBe(40_000);
      expect(await counts()).toMatchObject({ payments: before!.payments, entries: before!.entries! + 2, posts: before!.posts });
      const statuses = Object.fromEntries((await entries()).map((e) => [e.reference, e.status]));
      expect(statuses).toMatchObject({ 'BNK-20261204-0001': 'reversed', 'BNK-20261204-0002': 'matched' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

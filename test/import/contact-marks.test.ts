// An address a mail server refused for good (and a number a call found wrong)
// is remembered on the customer until the ledger brings another one: a
// re-import of the same contact keeps the mark, a new contact lifts it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../src/db/client.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { newWorkspace, TODAY } from './support.ts';

let database: Database;
let testDb: TestDatabase;
let ws: string;
const BAD_AT = new Date('2026-03-10T09:00:00Z');

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  ws = await newWorkspace(database, 'TMARKS');
});

afterAll(async () => {
  await testDb?.close();
});

const load = (lines: string[]) => importCsv(database, { workspaceId: ws, fileName: 'customers.csv', text: lines.join('\n'), today: TODAY });

interface Marks { email: string | null; bad: string | null; badAt: string | null; reason: string | null; phoneWrong: boolean }

async function marks(): Promise<Record<string, Marks>> {
  const found = await rows<{ ref: string; email: string | null; email_bad_address: string | null; email_bad_at: string | Date | null; email_bad_reason: string | null; phone_wrong_at: unknown }>(
    database.db, sql`select customer_ref as ref, email, email_bad_address, email_bad_at, email_bad_reason, phone_wrong_at
      from customers where workspace_id = ${ws} order by customer_ref`);
  return Object.fromEntries(found.map((r) => [r.ref, {
    email: r.email, bad: r.email_bad_address, badAt: r.email_bad_at === null ? null : new Date(r.email_bad_at).toISOString(),
    reason: r.email_bad_reason, phoneWrong: r.phone_wrong_at !== null,
  }]));
}

const refused = (email: string) => ({ email, bad: email, badAt: BAD_AT.toISOString(), reason: '550 5.1.1 <mailbox unavailable>', phoneWrong: true });

describe('import and the marks on a customer\'s contact', () => {
  it('keeps the marks when the same address comes again, lifts them when another one comes', async () => {
    const header = 'customer_ref,name,email,phone';
    expect(await load([header, 'C1,Un,old@un.example,+33 1 00 00 00 01', 'C2,Deux,deux@deux.example,+33 1 00 00 00 02', 'C3,Trois,trois@trois.example,+33 1 00 00 00 03']))
      .toMatchObject({ inserted: 3, rejected: 0 });
    // As the delivery job (a 5xx) and a wrong-number call leave them.
    await database.db.execute(sql`
      update customers set email_bad_address = email, email_bad_at = ${BAD_AT.toISOString()}::timestamptz,
        email_bad_reason = '550 5.1.1 <mailbox unavailable>', phone_wrong_at = ${BAD_AT.toISOString()}::timestamptz
      where workspace_id = ${ws}`);

    // C1: a new address, same phone. C2: a new phone, same address, new name. C3: the same row again.
    const report = await load([header, 'C1,Un,new@un.example,+33 1 00 00 00 01', 'C2,Deux SA,deux@deux.example,+33 1 00 00 00 22', 'C3,Trois,trois@trois.example,+33 1 00 00 00 03']);
    expect(report).toMatchObject({ inserted: 0, updated: 2, rejected: 0 });
    const after = await marks();
    expect(after.C1).toEqual({ email: 'new@un.example', bad: null, badAt: null, reason: null, phoneWrong: true });
    expect(after.C2).toEqual({ ...refused('deux@deux.example'), phoneWrong: false });
    expect(after.C3).toEqual(refused('trois@trois.example'));
  });

  it('lifts the address marks when the address is emptied, and leaves them when the file has no email column', async () => {
    await database.db.execute(sql`
      update customers set email_bad_address = email, email_bad_at = ${BAD_AT.toISOString()}::timestamptz,
        email_bad_reason = '550 5.1.1 <mailbox unavailable>', phone_wrong_at = ${BAD_AT.toISOString()}::timestamptz
      where workspace_id = ${ws} and customer_ref in ('C1', 'C2')`);
    expect(await load(['customer_ref,name', 'C1,Un renamed', 'C2,Deux SA'])).toMatchObject({ updated: 1, rejected: 0 });
    expect((await marks()).C1).toEqual(refused('new@un.example'));

    expect(await load(['customer_ref,name,email', 'C1,Un renamed,'])).toMatchObject({ updated: 1, rejected: 0 });
    expect((await marks()).C1).toEqual({ email: null, bad: null, badAt: null, reason: null, phoneWrong: true });
  });
});

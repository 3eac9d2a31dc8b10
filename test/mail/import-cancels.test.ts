// A payments import that settles invoices stops the reminders still waiting
// about them, in the import's own transaction, as a payment through the API
// does: the draft awaiting approval and the mail queued to leave are cancelled
// with a 'paid' timeline entry; a reminder about an invoice still open stays.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows, type Database } from '../../src/db/client.ts';
import { cases, customers, drafts, mails } from '../../src/db/schema.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import { seedLedger } from '../support/ledger.ts';
import { insertMail } from '../support/mail-rows.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';

const WS = 'T0IMPCANCEL';
const TODAY = '2026-11-23';
let testDb: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  await seedLedger(database, WS, TODAY, [
    { ref: 'C-1', name: 'Garage Dupont', invoices: [{ number: 'F-1', issued: '2026-09-15', due: '2026-10-15', cents: 50_000 }] },
    { ref: 'C-2', name: 'Boulangerie Martin', invoices: [{ number: 'F-2', issued: '2026-09-15', due: '2026-10-15', cents: 80_000 }] },
  ]);
});

afterAll(async () => {
  await testDb?.close();
});

async function waitingReminders(ref: string, number: string) {
  const db = database.db;
  const [customer] = await db.select().from(customers).where(and(eq(customers.workspaceId, WS), eq(customers.customerRef, ref)));
  const [kase] = await db.select().from(cases).where(eq(cases.customerId, customer!.id));
  const invoicesData = [{ number, currency: 'EUR', open_cents: 50_000 }];
  const [draft] = await db.insert(drafts).values({
    workspaceId: WS, caseId: kase!.id, customerId: customer!.id, stage: 'reminder_2', locale: 'en', subject: 'Reminder', body: 'Please pay.',
    data: { invoices: invoicesData }, status: 'draft',
  }).returning();
  const mail = await insertMail(db, { workspaceId: WS, customerId: customer!.id, stage: 'reminder_1', approvedAt: new Date('2026-11-23T08:00:00Z'), invoices: invoicesData });
  return { customerId: customer!.id, draftId: draft!.id, mailId: mail.mailId };
}

it('cancels the waiting reminders of the invoices a payments file settles, and only those', async () => {
  const settled = await waitingReminders('C-1', 'F-1');
  const open = await waitingReminders('C-2', 'F-2');
  const report = await importCsv(database, {
    workspaceId: WS, today: TODAY, fileName: 'payments.csv', now: new Date('2026-11-23T09:00:00Z'),
    text: 'invoice_number,amount,paid_on,reference\nF-1,500.00,2026-11-22,VIR-1\nF-2,100.00,2026-11-22,VIR-2\n',
  });
  expect(report.inserted).toBe(2);

  const db = database.db;
  const statusOf = async (ids: { draftId: number; mailId: number }) => ({
    draft: (await db.select().from(drafts).where(eq(drafts.id, ids.draftId)))[0]!.status,
    mail: (await db.select().from(mails).where(eq(mails.id, ids.mailId)))[0]!.status,
  });
  expect(await statusOf(settled)).toEqual({ draft: 'cancelled', mail: 'cancelled' });
  expect(await statusOf(open)).toEqual({ draft: 'draft', mail: 'queued' });
  const notes = await rows<{ reason: string }>(db,
    sql`select data->>'reason' as reason from activities where customer_id = ${settled.customerId} and kind = 'reminder_cancelled'`);
  expect(notes.map((n) => n.reason)).toEqual(['paid', 'paid']);
});

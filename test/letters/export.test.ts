// /collect export <case> over signed HTTP: the case file ZIP lands in the
// asker's DM with relance; unzipped, its CSVs and summary say what the ledger
// and the timeline say. And the hand-off upload to the case thread.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, customers, invoices, mails } from '../../src/db/schema.ts';
import { DEMO_COLLECTOR_ID as COLLECTOR, DEMO_MANAGER_ID as MANAGER, DEMO_OUTSIDER_ID as OUTSIDER } from '../../src/emulator/seed.ts';
import type { UploadedFile } from '../../src/emulator/types.ts';
import { generateFormalNotice } from '../../src/services/letters/generate-notice.ts';
import { handOffCaseFile } from '../../src/services/letters/export-case.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { insertMail } from '../support/mail-rows.ts';
import { collect } from '../calls/support.ts';
import { pdfText } from './pdf-text.ts';
import { CHANNEL, CREDITOR, caseOfRef, seedLetterLedger, setSettings, slack, TEAM } from './support.ts';

const BOM = '\ufeff';

function unzip(file: UploadedFile): Record<string, Buffer> {
  const entries = unzipSync(new Uint8Array(file.bytes!));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, Buffer.from(bytes)]));
}

const csv = (entries: Record<string, Buffer>, name: string) => entries[name]!.toString('utf8');

const messageIdOf = async (t: TestApp, id: number) => (await t.database.db.select({ m: mails.messageId }).from(mails).where(eq(mails.id, id)))[0]!.m;

describe('/collect export', () => {
  let t: TestApp;
  const exported = (caseId: number) => t.database.db.select().from(activities)
    .where(and(eq(activities.caseId, caseId), eq(activities.kind, 'case_file_exported')));

  beforeAll(async () => {
    t = await startTestApp();
    const ids = await seedLetterLedger(t);
    // Not overdue yet: a customer without any case, whose name shares Acme's start.
    const [plastics] = await t.database.db.insert(customers).values({ workspaceId: TEAM, customerRef: 'C-ACPL', name: 'Acme Plastics' }).returning();
    await t.database.db.insert(invoices).values({
      workspaceId: TEAM, invoiceNumber: 'AP-1', customerId: plastics!.id, issueDate: '2026-04-20', dueDate: '2026-06-01', currency: 'EUR', amountCents: 9_900,
    });
    expect(ids.size).toBe(3);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses what names no case, and writes and sends nothing', async () => {
    const { caseId } = await caseOfRef(t, 'C-ACME');
    expect((await collect(t, 'export')).text).toBe('Which case? Give a customer reference, an invoice number or the start of a customer name, e.g. `/collect export acme`.');
    expect((await collect(t, 'export nobody')).text).toBe('No case matches "nobody". Use a customer reference, an invoice number or the start of a customer name, e.g. `/collect export ACME`.');
    expect((await collect(t, 'export acme')).text).toBe('"acme" matches several customers: Acme Plastics (C-ACPL), Acme SA (C-ACME). Type more of the name, or the reference, e.g. `/collect export C-1001`.');
    expect((await collect(t, 'export C-ACPL')).text).toBe('Acme Plastics has never had a collection case: there is no case file to export.');
    expect((await collect(t, 'export C-ACME', OUTSIDER)).text).toContain('Sorry, relance is only open to the collections team');
    expect(t.emulator.files()).toHaveLength(0);
    expect(await exported(caseId)).toHaveLength(0);
  });

  it('sends the case file to the asker\'s DM and says where it is, and what the summary lacks', async () => {
    const { caseId } = await caseOfRef(t, 'C-ACME');
    const reply = await collect(t, 'export Acme SA');
    expect(reply.text).toBe([
      'The case file of *Acme SA* (C-ACME) is in your direct messages with relance: case-file-C-ACME-2026-05-01.zip (summary, invoices, payments, timeline).',
      'Its summary says "not set" for creditor_name, creditor_address, creditor_company_id, creditor_iban, creditor_signatory: an admin fills them in with `/collect settings set <key> <value>` (see `/collect settings creditor`).',
    ].join('\n'));
    const [file] = t.emulator.files();
    expect(file).toMatchObject({ filename: 'case-file-C-ACME-2026-05-01.zip', completed: true });
    const dm = t.emulator.state.findChannel(TEAM, file!.channelId!);
    expect(dm?.isIm).toBe(true);
    expect(dm?.imUsers).toContain(COLLECTOR);
    expect(t.emulator.messages(file!.channelId!).find((m) => m.ts === file!.messageTs)?.text).toBe('Case file of *Acme SA* (C-ACME) as of 1 May 2026.');
    expect(await exported(caseId)).toMatchObject([{ actorId: COLLECTOR, data: { to: 'dm', filename: 'case-file-C-ACME-2026-05-01.zip' } }]);

    const entries = unzip(file!);
    expect(Object.keys(entries).sort()).toEqual(['invoices.csv', 'payments.csv', 'summary.pdf', 'timeline.csv']);
    expect(csv(entries, 'invoices.csv')).toBe(`${BOM}invoice_number,customer_ref,issue_date,due_date,delivered_on,currency,amount,paid,balance\r\n`
      + 'F-2026-0042,C-ACME,2026-03-02,2026-04-01,,EUR,10000.00,0.00,10000.00\r\n');
    expect(csv(entries, 'payments.csv')).toBe(`${BOM}invoice_number,paid_on,currency,amount,reference,source\r\n`);
    const summary = await pdfText(entries['summary.pdf']!);
    expect(summary).toContain('Collection case file — summary As of 1 May 2026');
    expect(summary).toContain('Creditor not set');
    expect(summary).toContain('Company id (SIREN, SIRET or VAT): not set');
    expect(summary).toContain('IBAN: not set');
  });

  it('carries the letters, the full timeline with who did what, and the split of the claim', async () => {
    await setSettings(t, CREDITOR);
    const { caseId, customerId } = await caseOfRef(t, 'C-ACME');
    await t.database.db.insert(activities).values({
      workspaceId: TEAM, caseId, customerId, kind: 'call_logged', actorId: COLLECTOR, occurredAt: new Date('2026-04-20T12:15:00Z'),
      data: { outcome: 'refused' }, note: '=HYPERLINK("http://x") says "never", call back',
    });
    const notice = await generateFormalNotice(t.database.db, slack(t), { workspaceId: TEAM, caseId, userId: MANAGER, now: t.clock.now });
    expect(notice).toMatchObject({ kind: 'generated', filename: 'mise-en-demeure-C-ACME-2026-05-01.pdf' });

    const reply = await collect(t, 'export C-ACME');
    expect(reply.text).toBe('The case file of *Acme SA* (C-ACME) is in your direct messages with relance: case-file-C-ACME-2026-05-01.zip (summary, invoices, payments, timeline, 1 letter).');
    const file = t.emulator.files().at(-1)!;
    const entries = unzip(file);
    expect(Object.keys(entries).sort()).toEqual(['invoices.csv', 'letters/mise-en-demeure-C-ACME-2026-05-01.pdf', 'payments.csv', 'summary.pdf', 'timeline.csv']);
    expect(entries['letters/mise-en-demeure-C-ACME-2026-05-01.pdf']!.equals(t.emulator.files().find((f) => f.filename.startsWith('mise-en-demeure'))!.bytes!)).toBe(true);

    const timeline = csv(entries, 'timeline.csv').split('\r\n');
    expect(timeline[0]).toBe(`${BOM}date,time,time_zone,who,kind,description,note`);
    expect(timeline).toContain('2026-04-20,14:15,Europe/Paris,Chloé Bernard (U0COLLECTOR),call_logged,Call logged: refused to pay,"\'=HYPERLINK(""http://x"") says ""never"", call back"');
    expect(timeline).toContain('2026-05-01,10:00,Europe/Paris,Marc Dubois (U0MANAGER),letter_generated,"Formal notice generated (PDF), to pay by 11 May 2026",');
    expect(timeline).toContain('2026-05-01,10:00,Europe/Paris,Chloé Bernard (U0COLLECTOR),case_file_exported,Case file exported,');
    expect(timeline.some((line) => /,relance,case_opened,Case opened,$|,import,case_opened,Case opened,$/.test(line))).toBe(true);
    expect(timeline.at(-1)).toBe('');

    const summary = await pdfText(entries['summary.pdf']!);
    expect(summary).toContain('Creditor Relance Démo SAS 12, rue de la Paix 75002 Paris SIREN: 732 829 320');
    expect(summary).toContain('Debtor Acme SA Customer reference: C-ACME Business debtor');
    expect(summary).toContain('F-2026-0042 2 Mar 2026 1 Apr 2026 €10,000.00 €10,000.00');
    expect(summary).toContain('Principal €10,000.00 Late-payment interest as of 1 May 2026 €99.86 Other sums: fixed indemnities for recovery costs (article D441-5 of the Commercial Code) €40.00 Total €10,139.86');
    expect(summary).toContain('These amounts include no recovery costs that stay with the creditor (article L111-8 of the Code of civil enforcement procedures).');
    expect(summary).toContain('€10,000.00 × 12.15% × 30 / 365');
    expect(summary).toContain('IBAN: FR76 3000 6000 0112 3456 7890 189');
    expect(summary).toContain('Reference to quote: C-ACME');
    expect(summary.replace(/-\s/g, '-')).toContain('Letters sent to the debtor Date File Sent on Tracking no. Received on 1 May 2026 mise-en-demeure-C-ACME-2026-05-01.pdf — — —');
  });

  it('lists every payment of the case\'s invoices, and a consumer\'s summary claims no other sums', async () => {
    await collect(t, 'export C-GLOB');
    const entries = unzip(t.emulator.files().at(-1)!);
    expect(csv(entries, 'invoices.csv').split('\r\n').slice(1)).toEqual([
      'GX-1,C-GLOB,2026-02-01,2026-03-01,,EUR,2500.00,500.00,2000.00',
      'GX-2,C-GLOB,2026-03-01,2026-04-15,,EUR,800.00,0.00,800.00',
      '',
    ]);
    expect(csv(entries, 'payments.csv').split('\r\n').slice(1)).toEqual(['GX-1,2026-02-01,EUR,500.00,GX-1-P0,import', '']);

    await collect(t, 'export C-DUP');
    const consumer = await pdfText(unzip(t.emulator.files().at(-1)!)['summary.pdf']!);
    expect(consumer).toContain('Consumer debtor');
    expect(consumer).toContain('Principal €1,200.00 Late-payment interest as of 1 May 2026 €0.00 Total €1,200.00');
    expect(consumer).not.toContain('Other sums');
    expect(consumer).toContain('no fixed indemnity and no recovery costs may be claimed');
  });

  it('carries each reminder e-mail that left as its exact .eml under mails/, indexed by mails.csv', async () => {
    const { caseId, customerId } = await caseOfRef(t, 'C-ACME');
    const acme = [{ number: 'F-2026-0042', currency: 'EUR', open_cents: 1_000_000 }];
    // 8-bit, CRLF and a trailing space: the archive must give back the very bytes.
    const raw = (n: number) => Buffer.concat([Buffer.from(`Message-ID: <m${n}@relance.example>\r\nSubject: Relance n°${n} \r\n\r\n`, 'utf8'), Buffer.from([0xe9, 0x0d, 0x0a])]);
    const sent = await insertMail(t.database.db, {
      workspaceId: TEAM, customerId, stage: 'reminder_1', status: 'sent', sentVia: 'smtp', approvedAt: new Date('2026-04-20T06:00:00Z'),
      sentAt: new Date('2026-04-20T07:00:03Z'), raw: raw(1), subject: '=Rappel facture F-2026-0042', to: 'compta@acme.example', invoices: acme,
      smtpResponse: '250 2.0.0 Ok: queued as 4F2A1',
    });
    const outbox = await insertMail(t.database.db, {
      workspaceId: TEAM, customerId, stage: 'reminder_2', status: 'sent', sentVia: 'outbox', approvedAt: new Date('2026-04-27T06:00:00Z'),
      sentAt: new Date('2026-04-27T06:00:01Z'), raw: raw(2), invoices: acme, outboxPath: 'outbox/x.eml',
    });
    // Before the case: the courtesy reminder of its invoice belongs to it; another invoice's does not.
    const preDue = await insertMail(t.database.db, {
      workspaceId: TEAM, customerId, stage: 'pre_due', status: 'sent', sentVia: 'smtp', approvedAt: new Date('2026-03-25T07:00:00Z'),
      sentAt: new Date('2026-03-25T08:00:00Z'), raw: raw(3), invoices: acme, dueDate: '2026-04-01',
    });
    await insertMail(t.database.db, {
      workspaceId: TEAM, customerId, stage: 'pre_due', status: 'sent', sentVia: 'smtp', approvedAt: new Date('2026-03-26T07:00:00Z'),
      sentAt: new Date('2026-03-26T08:00:00Z'), raw: raw(4), invoices: [{ number: 'F-OTHER', currency: 'EUR', open_cents: 5 }], dueDate: '2026-04-02',
    });
    // Not left (yet, or ever): not in the case file.
    await insertMail(t.database.db, { workspaceId: TEAM, customerId, stage: 'reminder_3', status: 'queued', approvedAt: new Date('2026-04-30T06:00:00Z'), raw: raw(5), invoices: acme });
    expect(sent.caseId).toBe(caseId);

    await collect(t, 'export C-ACME');
    const entries = unzip(t.emulator.files().at(-1)!);
    const names = [
      `mails/2026-03-25-pre_due-${preDue.mailId}.eml`, `mails/2026-04-20-reminder_1-${sent.mailId}.eml`, `mails/2026-04-27-reminder_2-${outbox.mailId}.eml`,
    ];
    expect(Object.keys(entries).filter((n) => n.startsWith('mails')).sort()).toEqual(['mails.csv', ...names]);
    expect(entries[names[0]!]!.equals(preDue.raw)).toBe(true);
    expect(entries[names[1]!]!.equals(sent.raw)).toBe(true);
    expect(entries[names[2]!]!.equals(outbox.raw)).toBe(true);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(csv(entries, 'mails.csv').split('\r\n')).toEqual([
      `${BOM}date,time,time_zone,stage,sent_via,from,to,subject,message_id,smtp_response,file,sha256`,
      `2026-03-25,09:00,Europe/Paris,pre_due,smtp,Acme <ar@acme.example>,debtor@client.example,Reminder pre_due,${await messageIdOf(t, preDue.mailId)},,${names[0]},${sha(preDue.raw)}`,
      `2026-04-20,09:00,Europe/Paris,reminder_1,smtp,Acme <ar@acme.example>,compta@acme.example,'=Rappel facture F-2026-0042,${await messageIdOf(t, sent.mailId)},250 2.0.0 Ok: queued as 4F2A1,${names[1]},${sha(sent.raw)}`,
      `2026-04-27,08:00,Europe/Paris,reminder_2,outbox,Acme <ar@acme.example>,debtor@client.example,Reminder reminder_2,${await messageIdOf(t, outbox.mailId)},,${names[2]},${sha(outbox.raw)}`,
      '',
    ]);
  });

  it('hands the case file off into the case thread (an approved agency or legal escalation)', async () => {
    const { caseId } = await caseOfRef(t, 'C-GLOB');
    const result = await handOffCaseFile(t.database.db, slack(t), { workspaceId: TEAM, caseId, userId: MANAGER, now: t.clock.now });
    expect(result).toMatchObject({ kind: 'uploaded', channelId: CHANNEL, threadTs: null, filename: 'case-file-C-GLOB-2026-05-01.zip', missingKeys: [] });
    const file = t.emulator.files().at(-1)!;
    expect(file).toMatchObject({ channelId: CHANNEL, filename: 'case-file-C-GLOB-2026-05-01.zip' });
    expect(t.emulator.messages(CHANNEL).find((m) => m.ts === file.messageTs)?.text).toBe([
      'Case file of *Globex Ltd* (C-GLOB) as of 1 May 2026, for the hand-off.',
      'The case has no thread yet, so the file is here in the channel.',
    ].join('\n'));
    expect(await exported(caseId)).toMatchObject([{ data: { to: 'dm' } }, { actorId: MANAGER, data: { to: 'channel' } }]);
  });
});

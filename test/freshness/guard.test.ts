// The freshness guard end to end (issue #18 item 5): a workspace whose ledger
// is older than ledger_max_age sends nothing and drafts nothing for debtors,
// says why in the digest and on the case card, and resumes by itself once an
// import or an intake API write arrives. Each test has its own workspace.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../src/db/client.ts';
import { digestForDay } from '../../src/db/digest.ts';
import { channelPosts, customers, drafts, mails, workspaces } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { findWorkspace } from '../../src/db/workspaces.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import { translator } from '../../src/i18n/messages.ts';
import { smtpTransport, type MailTransport } from '../../src/mail/transport.ts';
import { runLadderDay } from '../../src/services/ladder/daily.ts';
import { runLadderPass } from '../../src/services/ladder/pass.ts';
import { dueWorkspaces } from '../../src/services/mail/dispatch.ts';
import { unlimited } from '../../src/services/mail/rate-limit.ts';
import { sendDueMails } from '../../src/services/mail/send.ts';
import { ingestOne } from '../../src/services/intake/ingest-one.ts';
import { readLedgerSync, recordLedgerSync } from '../../src/services/intake/ledger-sync.ts';
import { openCase } from '../../src/services/open-case.ts';
import { caseCardReply } from '../../src/slack/blocks/case-card.ts';
import { digestParent } from '../../src/slack/blocks/digest.ts';
import { seedLedger } from '../support/ledger.ts';
import { insertMail } from '../support/mail-rows.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

// Wednesday 25 Nov 2026, 11:00 in Paris: inside the mail hours.
const NOW = new Date('2026-11-25T10:00:00Z');
const TODAY = '2026-11-25';
// Three days before: older than the default 36 hours.
const OLD_SYNC = new Date('2026-11-22T09:00:00Z');
const ADDRESS = 'debtor@client.example';

let testDb: TestDatabase;
let database: Database;
let sink: SmtpSink;
let smtp: MailTransport;

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  sink = await startSmtpSink();
  smtp = smtpTransport({ url: sink.url });
});

afterAll(async () => {
  await smtp?.close();
  await sink?.close();
  await testDb?.close();
});

/** A workspace with one overdue customer (C-1, due 24 Nov: reminder_1 on the 25th) whose ledger last came on 22 Nov. */
async function staleWorkspace(ws: string, more: Parameters<typeof seedLedger>[3] = []) {
  await seedLedger(database, ws, TODAY, [
    { ref: 'C-1', name: 'Garage Dupont', invoices: [{ number: `${ws}-F1`, issued: '2026-10-24', due: '2026-11-24', cents: 50_000 }] },
    ...more,
  ]);
  await database.db.update(customers).set({ email: ADDRESS }).where(eq(customers.workspaceId, ws));
  await database.db.transaction((tx) => recordLedgerSync(tx, ws, 'import', OLD_SYNC));
}

async function queuedMail(ws: string, stage: 'reminder_1' | 'reminder_2' = 'reminder_1') {
  const [customer] = await database.db.select().from(customers).where(and(eq(customers.workspaceId, ws), eq(customers.customerRef, 'C-1')));
  return insertMail(database.db, {
    workspaceId: ws, customerId: customer!.id, stage, approvedAt: new Date('2026-11-25T08:00:00Z'), to: ADDRESS,
    invoices: [{ number: `${ws}-F1`, currency: 'EUR', open_cents: 50_000 }],
  });
}

/** One poll of the dispatcher, then the drain of each workspace it found, as jobs/send-mail.ts does. */
async function dispatch(now: Date): Promise<string[]> {
  const due = await dueWorkspaces(database.db, now);
  for (const w of due) await sendDueMails({ db: database.db, transport: smtp, rate: unlimited, clock: () => now }, { workspaceId: w.workspace_id, limit: 10 });
  return due.map((w) => w.workspace_id);
}

const mailStatus = async (id: number) => (await database.db.select({ status: mails.status }).from(mails).where(eq(mails.id, id)))[0]!.status;
const holdPosts = (ws: string) => database.db.select().from(channelPosts)
  .where(and(eq(channelPosts.workspaceId, ws), sql`${channelPosts.dedupeKey} like 'ledger.hold.%'`));

describe('the mail dispatcher', () => {
  it('leaves a stale workspace\'s mail queued, says so once, and sends it after an import', async () => {
    const ws = 'T0FRESHMAIL';
    await staleWorkspace(ws);
    const { mailId } = await queuedMail(ws);

    expect(await dispatch(NOW)).not.toContain(ws);
    expect(await dispatch(new Date(NOW.getTime() + 5_000))).not.toContain(ws);
    expect(await mailStatus(mailId)).toBe('queued');
    expect(sink.count()).toBe(0);
    const posts = await holdPosts(ws);
    expect(posts).toHaveLength(1);
    expect((posts[0]!.payload as { text: string }).text)
      .toContain('*Reminders are on hold:* the ledger was last synced 3 days ago (import on 22 Nov 2026)');

    const report = await importCsv(database, {
      workspaceId: ws, today: TODAY, fileName: 'customers.csv', now: new Date(NOW.getTime() + 60_000), text: 'customer_ref,name\nC-1,Garage Dupont\n',
    });
    expect(report.rows - report.rejected).toBe(1);
    expect(await readLedgerSync(database.db, ws)).toEqual({ at: new Date(NOW.getTime() + 60_000), source: 'import' });

    expect(await dispatch(new Date(NOW.getTime() + 120_000))).toContain(ws);
    expect(await mailStatus(mailId)).toBe('sent');
    expect(sink.received.map((m) => m.envelope.to)).toEqual([[ADDRESS]]);

    // Stale again later, with a mail waiting: a new hold, announced once more.
    const next = await queuedMail(ws, 'reminder_2');
    await dispatch(new Date(NOW.getTime() + 40 * 3_600_000));
    expect(await holdPosts(ws)).toHaveLength(2);
    expect(await mailStatus(next.mailId)).toBe('queued');
  });

  it('sends as before when the setting is off', async () => {
    const ws = 'T0FRESHOFF';
    await staleWorkspace(ws);
    const { mailId } = await queuedMail(ws);
    await writeSetting(database.db, { workspaceId: ws, name: 'ledgerMaxAge', value: 'off', by: 'U0ADMIN', now: NOW });
    expect(await dispatch(NOW)).toContain(ws);
    expect(await mailStatus(mailId)).toBe('sent');
    expect(await holdPosts(ws)).toHaveLength(0);
  });

  it('does not hold a workspace whose ledger was seeded without a sync (the demo, most tests)', async () => {
    const ws = 'T0FRESHNEVER';
    await seedLedger(database, ws, TODAY, [{ ref: 'C-1', name: 'Garage Dupont', invoices: [{ number: `${ws}-F1`, issued: '2026-10-24', due: '2026-11-24', cents: 50_000 }] }]);
    await database.db.update(customers).set({ email: ADDRESS }).where(eq(customers.workspaceId, ws));
    const { mailId } = await queuedMail(ws);
    expect(await dispatch(NOW)).toContain(ws);
    expect(await mailStatus(mailId)).toBe('sent');
  });
});

describe('the ladder pass', () => {
  it('drafts nothing debtor-facing on a stale ledger, lets the call through, and drafts after a fresh API write', async () => {
    const ws = 'T0FRESHLADDER';
    await staleWorkspace(ws, [
      // 15 days overdue: the call step, which goes to a person.
      { ref: 'C-2', name: 'Boulangerie Martin', invoices: [{ number: 'L-F2', issued: '2026-10-10', due: '2026-11-10', cents: 80_000 }] },
      // Due in 5 days: a courtesy reminder (pre_due).
      { ref: 'C-3', name: 'Fleurs Leroy', invoices: [{ number: 'L-F3', issued: '2026-11-01', due: '2026-11-30', cents: 20_000 }] },
    ]);
    await writeSetting(database.db, { workspaceId: ws, name: 'mailFrom', value: 'Acme <ar@acme.example>', by: 'U0ADMIN', now: NOW });
    await writeSetting(database.db, { workspaceId: ws, name: 'sendPolicy', by: 'U0ADMIN', now: NOW,
      value: { pre_due: 'auto', reminder_1: 'auto', reminder_2: 'auto', reminder_3: 'auto', formal_notice: 'approve' } });
    const workspace = (await findWorkspace(database.db, ws))!;
    const stagesOf = () => rows<{ ref: string; stage: string | null }>(database.db, sql`
      select c.customer_ref as ref, k.stage::text as stage from cases k join customers c on c.id = k.customer_id
      where k.workspace_id = ${ws} order by c.customer_ref`);
    const draftsOf = () => database.db.select({ stage: drafts.stage, status: drafts.status }).from(drafts).where(eq(drafts.workspaceId, ws));

    const held = await runLadderDay(database.db, workspace, { now: NOW });
    expect(held.kind === 'passed' && held.result.held?.state).toBe('stale');
    expect(await stagesOf()).toEqual([{ ref: 'C-1', stage: null }, { ref: 'C-2', stage: 'call' }]);
    expect(await draftsOf()).toEqual([]);
    expect(await database.db.select().from(mails).where(eq(mails.workspaceId, ws))).toEqual([]);
    // Later the same day, still stale: the day is done.
    expect((await runLadderDay(database.db, workspace, { now: new Date(NOW.getTime() + 300_000) })).kind).toBe('already_done');

    // A payment of another invoice through the intake API: the ledger is fresh again, the day passes again in full.
    const write = await ingestOne(database, 'customers', new Map([['customer_ref', 'C-9'], ['name', 'Nouveau client']]),
      { workspaceId: ws, origin: 'api:test', now: new Date(NOW.getTime() + 600_000) });
    expect(write.kind).toBe('created');
    expect((await readLedgerSync(database.db, ws))?.source).toBe('api');
    const resumed = await runLadderDay(database.db, workspace, { now: new Date(NOW.getTime() + 900_000) });
    expect(resumed.kind === 'passed' && resumed.result.held).toBeNull();
    expect(await stagesOf()).toEqual([{ ref: 'C-1', stage: 'reminder_1' }, { ref: 'C-2', stage: 'call' }]);
    // Drafted, and approved by the send policy: queued for the dispatcher.
    expect((await draftsOf()).map((d) => `${d.stage}:${d.status}`).sort()).toEqual(['pre_due:approved', 'reminder_1:approved']);
    expect((await runLadderDay(database.db, workspace, { now: new Date(NOW.getTime() + 1_200_000) })).kind).toBe('already_done');
  });

  it('passes as before when the ledger is fresh', async () => {
    const ws = 'T0FRESHPASS';
    await staleWorkspace(ws);
    await database.db.transaction((tx) => recordLedgerSync(tx, ws, 'statement', new Date(NOW.getTime() - 3_600_000)));
    const result = await database.db.transaction((tx) => runLadderPass(tx, { workspaceId: ws, day: TODAY, now: NOW }));
    expect(result.held).toBeNull();
    expect(result.stages.map((s) => `${s.stage}:${s.drafts}`)).toEqual(['reminder_1:1']);
  });
});

describe('what people see', () => {
  it('the digest and the case card say why reminders wait, in both languages, until a sync', async () => {
    const ws = 'T0FRESHSEEN';
    await staleWorkspace(ws);
    await database.db.update(workspaces).set({ locale: 'fr' }).where(eq(workspaces.id, ws));
    const data = await digestForDay(database.db, { id: ws, timezone: 'Europe/Paris' }, 'C0TEAM', TODAY, NOW);
    expect(data.ledgerHold).toEqual({ count: 3, unit: 'days', source: 'import', syncedOn: '2026-11-22' });
    const en = JSON.stringify(digestParent(data, { locale: 'en', t: translator('en'), today: TODAY }).blocks);
    expect(en).toContain('the ledger was last synced 3 days ago (import on 22 Nov 2026). Import or sync to resume: `relance import …` / the intake API');
    const fr = JSON.stringify(digestParent(data, { locale: 'fr', t: translator('fr'), today: TODAY }).blocks);
    expect(fr).toContain('Les relances sont suspendues :* le grand livre a été synchronisé pour la dernière fois il y a 3 jours (import du 22/11/2026)');

    const found = await openCase(database.db, ws, NOW, 'C-1');
    expect(found.kind).toBe('card');
    if (found.kind !== 'card') return;
    expect(JSON.stringify(caseCardReply(found.card, { locale: 'en', t: translator('en'), today: TODAY }).blocks)).toContain('Reminders are on hold:');
    expect(JSON.stringify(caseCardReply(found.card, { locale: 'fr', t: translator('fr'), today: TODAY }).blocks)).toContain('Les relances sont suspendues');

    await database.db.transaction((tx) => recordLedgerSync(tx, ws, 'api', NOW));
    expect((await digestForDay(database.db, { id: ws, timezone: 'Europe/Paris' }, 'C0TEAM', TODAY, NOW)).ledgerHold).toBeUndefined();
    const again = await openCase(database.db, ws, NOW, 'C-1');
    expect(again.kind === 'card' && JSON.stringify(caseCardReply(again.card, { locale: 'en', t: translator('en'), today: TODAY }).blocks)).not.toContain('on hold');
  });
});

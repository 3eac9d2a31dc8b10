// Reminder e-mails from approval to the mail server, never twice: a real SMTP
// server (smtp-server), real PostgreSQL and Redis, the ladder pass drafting,
// the clock injected. Approving builds one mail; sending records the attempt
// before speaking to the server and the answer after; a lost answer becomes
// 'unknown' and is never sent again; 4xx waits its back-off, 5xx marks the
// address; a payment meanwhile cancels; mail hours and the rate hold mails back.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMailProcessor, type SendMailJobData } from '../../jobs/send-mail.ts';
import { rows } from '../../src/db/client.ts';
import { countUnknownMails, countWaitingDrafts, dueMails, listMails } from '../../src/db/mails.ts';
import { activities, cases, channelPosts, customers, drafts, invoices, mails, tasks } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { addDays, zonedTimeToUtc, type IsoDate } from '../../src/domain/dates.ts';
import { DEFAULT_SEND_POLICY } from '../../src/domain/mail-settings.ts';
import { DEMO_ADMIN_ID } from '../../src/emulator/seed.ts';
import { messageIdFor } from '../../src/mail/compose.ts';
import { OUTBOX_RESPONSE, outboxTransport, smtpTransport, type MailTransport } from '../../src/mail/transport.ts';
import { runLadderPass } from '../../src/services/ladder/pass.ts';
import { approveDrafts, type Approver } from '../../src/services/mail/approve.ts';
import { redisRateLimiter, unlimited, type RateLimiter } from '../../src/services/mail/rate-limit.ts';
import { settleStuckMails, STUCK_AFTER_MS } from '../../src/services/mail/dispatch.ts';
import { sendDueMails, sendMail, type SendDeps } from '../../src/services/mail/send.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startJobWorkers, stopJobWorkers, type JobWorkers } from '../support/job-workers.ts';
import { seedLedger } from '../support/ledger.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { TEAM } from '../ladder/support.ts';

const TODAY = '2026-11-23'; // a Monday
const OWNER = 'U0OWNER01';
const COLLECTOR: Approver = { kind: 'person', userId: 'U0COLLECT1', role: 'collector' };
const paris = (date: IsoDate, time: string) => zonedTimeToUtc(date, time, 'Europe/Paris');

let t: TestApp;
let sink: SmtpSink;
let smtp: MailTransport;

beforeAll(async () => {
  t = await startTestApp();
  sink = await startSmtpSink();
  smtp = smtpTransport({ url: sink.url });
  t.clock.set(paris(TODAY, '10:00').toISOString());
  await seedLedger(t.database, TEAM, TODAY, []);
  const set = <K extends 'mailFrom' | 'mailReplyTo'>(name: K, value: string) =>
    writeSetting(t.database.db, { workspaceId: TEAM, name, value, by: DEMO_ADMIN_ID, now: t.clock.now });
  await set('mailFrom', 'Acme Recouvrement <ar@acme.example>');
  await set('mailReplyTo', 'compta@acme.example');
}, 60_000);

afterAll(async () => {
  smtp?.close();
  await sink?.close();
  await t?.close();
});

const deps = (extra: Partial<SendDeps> = {}): SendDeps => ({ db: t.database.db, transport: smtp, rate: unlimited, clock: () => t.clock.now, ...extra });

/** A debtor two days late (reminder_1 at the next pass), with an address and an owner. */
async function debtor(ref: string, extra: { email?: string | null; timezone?: string; cents?: number } = {}): Promise<number> {
  const ids = await seedLedger(t.database, TEAM, TODAY, [{
    ref, name: `${ref} SARL`, invoices: [{ number: `F-${ref}`, issued: addDays(TODAY, -32), due: addDays(TODAY, -2), cents: extra.cents ?? 50_000 }],
  }]);
  const id = ids.get(ref)!;
  await t.database.db.update(customers).set({
    email: extra.email === undefined ? `billing@${ref.toLowerCase()}.example` : extra.email, ownerId: OWNER, timezone: extra.timezone ?? null,
  }).where(eq(customers.id, id));
  await t.database.db.update(cases).set({ ownerId: OWNER }).where(eq(cases.customerId, id));
  return id;
}

const pass = () => t.database.db.transaction((tx) => runLadderPass(tx, { workspaceId: TEAM, day: TODAY, now: t.clock.now }));
const approve = (ids: number[], by: Approver = COLLECTOR) =>
  t.database.db.transaction((tx) => approveDrafts(tx, { workspaceId: TEAM, draftIds: ids, by, now: t.clock.now }));

async function draftOf(customerId: number, stage = 'reminder_1') {
  const [d] = await t.database.db.select().from(drafts)
    .where(and(eq(drafts.customerId, customerId), sql`${drafts.stage}::text = ${stage}`)).orderBy(asc(drafts.id));
  if (!d) throw new Error(`no ${stage} draft for customer ${customerId}`);
  return d;
}
const mailOf = async (mailId: number) => (await t.database.db.select().from(mails).where(eq(mails.id, mailId)))[0]!;
const activitiesOf = (customerId: number, kind: string) => t.database.db.select().from(activities)
  .where(and(eq(activities.customerId, customerId), eq(activities.kind, kind))).orderBy(asc(activities.id));
const receivedBy = (address: string) => sink.received.filter((m) => m.envelope.to.includes(address));

/** A debtor drafted by the pass and approved; returns the customer and the mail. */
async function approvedDebtor(ref: string, extra: Parameters<typeof debtor>[1] = {}) {
  const customerId = await debtor(ref, extra);
  await pass();
  const draft = await draftOf(customerId);
  const result = await approve([draft.id]);
  expect(result.queued).toHaveLength(1);
  return { customerId, draft, mailId: result.queued[0]!.mailId, queued: result.queued[0]! };
}

describe('approve and send', () => {
  it('sends one mail whose Message-ID, bytes and evidence match what was built, once', async () => {
    const { customerId, draft, mailId, queued } = await approvedDebtor('ONE');
    expect(queued.notBefore).toEqual(t.clock.now);
    const built = await mailOf(mailId);
    expect(built.status).toBe('queued');
    expect(built.messageId).toBe(messageIdFor(TEAM, built.mailKey, 'ar@acme.example'));
    expect(createHash('sha256').update(built.raw).digest('hex')).toBe(built.sha256);
    expect(built.invoices).toEqual([{ number: 'F-ONE', currency: 'EUR', open_cents: 50_000 }]);
    expect((await draftOf(customerId)).status).toBe('approved');
    expect((await activitiesOf(customerId, 'reminder_approved'))[0]!.data).toMatchObject({ stage: 'reminder_1', draft_id: draft.id, mail_id: mailId, policy: false });

    expect(await sendMail(deps(), mailId)).toMatchObject({ kind: 'sent', via: 'smtp' });
    const got = receivedBy('billing@one.example');
    expect(got).toHaveLength(1);
    expect(got[0]!.parsed.messageId).toBe(built.messageId);
    expect(got[0]!.parsed.subject).toBe(draft.subject);
    expect(got[0]!.envelope.from).toBe('ar@acme.example');
    expect(createHash('sha256').update(got[0]!.raw).digest('hex')).toBe(built.sha256);

    const sent = await mailOf(mailId);
    expect(sent).toMatchObject({ status: 'sent', sentVia: 'smtp', attempts: 1, smtpResponse: expect.stringContaining('queued as test') });
    const [evidence] = await activitiesOf(customerId, 'reminder_sent');
    expect(evidence!.data).toMatchObject({
      stage: 'reminder_1', mail_id: mailId, draft_id: draft.id, subject: draft.subject, body: draft.body, to: 'billing@one.example',
      from: 'Acme Recouvrement <ar@acme.example>', reply_to: 'compta@acme.example', message_id: built.messageId, via: 'smtp',
      smtp_response: sent.smtpResponse, sent_at: t.clock.now.toISOString(),
    });

    // A second job, a second approval: nothing more.
    expect(await sendMail(deps(), mailId)).toEqual({ kind: 'skipped', status: 'sent' });
    expect((await approve([draft.id])).refused).toEqual([{ draftId: draft.id, reason: 'not_waiting' }]);
    expect(receivedBy('billing@one.example')).toHaveLength(1);
    expect(await t.database.db.$count(mails, eq(mails.customerId, customerId))).toBe(1);
  });

  it('refuses without a sender, and a collector approving a formal notice copy', async () => {
    const customerId = await debtor('NOSEND');
    await pass();
    const draft = await draftOf(customerId);
    await writeSetting(t.database.db, { workspaceId: TEAM, name: 'mailFrom', value: null, by: DEMO_ADMIN_ID, now: t.clock.now });
    expect((await approve([draft.id])).refused).toEqual([{ draftId: draft.id, reason: 'no_sender' }]);
    expect((await draftOf(customerId)).status).toBe('draft');
    await writeSetting(t.database.db, { workspaceId: TEAM, name: 'mailFrom', value: 'Acme Recouvrement <ar@acme.example>', by: DEMO_ADMIN_ID, now: t.clock.now });
    expect((await approve([999_999])).refused).toEqual([{ draftId: 999_999, reason: 'not_found' }]);
    const [notice] = await t.database.db.insert(drafts).values({
      workspaceId: TEAM, customerId, stage: 'formal_notice', locale: 'en', subject: 'Formal notice', body: 'Pay.', data: { invoices: [] },
    }).returning({ id: drafts.id });
    expect((await approve([notice!.id])).refused).toEqual([{ draftId: notice!.id, reason: 'needs_manager' }]);
    expect(await countWaitingDrafts(t.database.db, TEAM)).toBeGreaterThanOrEqual(2);
  });

  it('gives the owner a task when the customer has no address', async () => {
    const customerId = await debtor('NOMAIL', { email: null });
    await pass();
    const draft = await draftOf(customerId);
    const result = await approve([draft.id]);
    expect(result.noAddress).toEqual([{ draftId: draft.id, caseId: draft.caseId }]);
    expect((await draftOf(customerId)).status).toBe('no_address');
    const [task] = await t.database.db.select().from(tasks).where(and(eq(tasks.caseId, draft.caseId!), eq(tasks.kind, 'email')));
    expect(task).toMatchObject({ assigneeId: OWNER, createdBy: COLLECTOR.kind === 'person' ? COLLECTOR.userId : '', status: 'open' });
    expect((await activitiesOf(customerId, 'reminder_no_address'))[0]!.data).toEqual({ stage: 'reminder_1', draft_id: draft.id, task_id: task!.id });
    expect(await t.database.db.$count(mails, eq(mails.customerId, customerId))).toBe(0);
  });
});

describe('when the answer is lost or late', () => {
  it('a crash between the server accepting and the recording leaves it unknown, never resent', async () => {
    const { customerId, mailId } = await approvedDebtor('CRASH');
    let crashes = 1;
    const hook = async () => {
      if (crashes-- > 0) throw new Error('worker died');
    };
    await expect(sendMail(deps({ afterAccepted: hook }), mailId)).rejects.toThrow('worker died');
    expect((await mailOf(mailId)).status).toBe('sending');
    // Its attempt may still be in flight elsewhere: nothing is sent, nothing settled yet.
    expect(await sendMail(deps({ afterAccepted: hook }), mailId)).toEqual({ kind: 'skipped', status: 'sending' });
    expect(await settleStuckMails(t.database.db, t.clock.now)).toEqual([]);
    // Past the stuck delay, the poll's sweep settles it: it may have left, so a person decides.
    const later = new Date(t.clock.now.getTime() + STUCK_AFTER_MS + 60_000);
    expect(await settleStuckMails(t.database.db, later)).toEqual([mailId]);
    expect(await sendMail(deps(), mailId)).toEqual({ kind: 'skipped', status: 'unknown' });
    expect(receivedBy('billing@crash.example')).toHaveLength(1);
    expect((await mailOf(mailId)).status).toBe('unknown');
    expect(await countUnknownMails(t.database.db, TEAM)).toBe(1);
    const [unknown] = await activitiesOf(customerId, 'reminder_unknown');
    expect(unknown!.data).toMatchObject({ stage: 'reminder_1', mail_id: mailId });
    expect(await listMails(t.database.db, TEAM, { status: 'unknown' })).toEqual([expect.objectContaining({ id: mailId, customer_ref: 'CRASH' })]);
  });

  it('a 4xx waits its back-off, then the mail goes once', async () => {
    const { mailId } = await approvedDebtor('LATER');
    sink.answers.push({ code: 451, message: 'try again later' });
    const first = await sendMail(deps(), mailId);
    expect(first).toMatchObject({ kind: 'retrying', at: new Date(t.clock.now.getTime() + 60_000) });
    expect(await mailOf(mailId)).toMatchObject({ status: 'retrying', attempts: 1, lastError: expect.stringContaining('451') });
    expect((await dueMails(t.database.db, t.clock.now, 100)).map((m) => m.id)).not.toContain(mailId);
    t.clock.set(new Date(t.clock.now.getTime() + 60_000).toISOString());
    expect((await dueMails(t.database.db, t.clock.now, 100)).map((m) => m.id)).toContain(mailId);
    expect(await sendMail(deps(), mailId)).toMatchObject({ kind: 'sent' });
    expect(receivedBy('billing@later.example')).toHaveLength(1);
    expect(await mailOf(mailId)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a 5xx marks the address bad, tells the owner, and holds every mail to it until the address changes', async () => {
    const { customerId, draft, mailId } = await approvedDebtor('BOUNCE');
    const courtesy = (due: string) => t.database.db.insert(drafts).values({
      workspaceId: TEAM, customerId, stage: 'pre_due', dueDate: due, locale: 'en', subject: 'Soon due', body: 'A courtesy reminder.',
      data: { invoices: [{ number: 'F-BOUNCE', currency: 'EUR', open_cents: 50_000 }] },
    }).returning({ id: drafts.id }).then((r) => r[0]!.id);
    const waiting = (await approve([await courtesy('2026-12-01')])).queued[0]!.mailId;

    sink.answers.push({ code: 550, message: 'no such user' });
    expect(await sendMail(deps(), mailId)).toMatchObject({ kind: 'refused', reason: 'permanent' });
    expect(receivedBy('billing@bounce.example')).toHaveLength(0);
    const [c] = await t.database.db.select().from(customers).where(eq(customers.id, customerId));
    expect(c).toMatchObject({ emailBadAddress: 'billing@bounce.example', emailBadReason: expect.stringContaining('550') });
    expect((await activitiesOf(customerId, 'reminder_refused'))[0]!.data).toMatchObject({ stage: 'reminder_1', mail_id: mailId, code: 550 });
    const [dm] = await t.database.db.select().from(channelPosts).where(eq(channelPosts.dedupeKey, `mail.refused.${mailId}`));
    expect(dm).toMatchObject({ channelId: OWNER, team: false });
    expect((dm!.payload as { text: string }).text).toContain('BOUNCE SARL');
    expect(await mailOf(waiting)).toMatchObject({ status: 'cancelled', cancelReason: 'address_bad' });
    expect((await draftOf(customerId)).id).toBe(draft.id);

    // A later draft finds the address refused.
    expect((await approve([await courtesy('2026-12-02')])).noAddress).toHaveLength(1);
    // A new address: approved and sent.
    await t.database.db.update(customers).set({ email: 'accounts@bounce.example' }).where(eq(customers.id, customerId));
    const again = (await approve([await courtesy('2026-12-03')])).queued[0]!.mailId;
    expect(await sendMail(deps(), again)).toMatchObject({ kind: 'sent' });
    expect(receivedBy('accounts@bounce.example')).toHaveLength(1);
  });
});

describe('what holds a mail back', () => {
  it('a payment between approval and sending cancels it', async () => {
    const { customerId, mailId } = await approvedDebtor('PAID');
    await t.database.db.update(invoices).set({ paidCents: sql`${invoices.amountCents}` }).where(eq(invoices.invoiceNumber, 'F-PAID'));
    expect(await sendMail(deps(), mailId)).toEqual({ kind: 'cancelled', reason: 'paid' });
    expect(await mailOf(mailId)).toMatchObject({ status: 'cancelled', cancelReason: 'paid', attempts: 0 });
    expect(receivedBy('billing@paid.example')).toHaveLength(0);
    expect((await activitiesOf(customerId, 'reminder_cancelled'))[0]!.data).toEqual({ stage: 'reminder_1', mail_id: mailId, reason: 'paid' });
  });

  it('outside the debtor\'s mail hours it waits for their next opening', async () => {
    // 10:00 in Paris is 04:00 in New York: it leaves at 09:00 there.
    const { mailId, queued } = await approvedDebtor('NIGHT', { timezone: 'America/New_York' });
    const opening = zonedTimeToUtc(TODAY, '09:00', 'America/New_York');
    expect(queued.notBefore).toEqual(opening);
    expect((await dueMails(t.database.db, t.clock.now, 100)).map((m) => m.id)).not.toContain(mailId);
    expect(await sendMail(deps(), mailId)).toEqual({ kind: 'later', notBefore: opening });
    expect(receivedBy('billing@night.example')).toHaveLength(0);
    const at = t.clock.now.toISOString();
    t.clock.set(new Date(opening.getTime() + 60_000).toISOString());
    expect((await dueMails(t.database.db, t.clock.now, 100)).map((m) => m.id)).toContain(mailId);
    expect(await sendMail(deps(), mailId)).toMatchObject({ kind: 'sent' });
    t.clock.set(at);
  });

  it('the workspace rate: the third mail of a minute waits for the next', async () => {
    await writeSetting(t.database.db, { workspaceId: TEAM, name: 'mailRate', value: 2, by: DEMO_ADMIN_ID, now: t.clock.now });
    const limiter: RateLimiter = redisRateLimiter(t.env.REDIS_URL, t.env.RELANCE_QUEUE_PREFIX);
    try {
      const ids = [(await approvedDebtor('RATE1')).mailId, (await approvedDebtor('RATE2')).mailId, (await approvedDebtor('RATE3')).mailId];
      const minute = Math.floor(t.clock.now.getTime() / 60_000);
      const results = [];
      for (const id of ids) results.push(await sendMail(deps({ rate: limiter }), id));
      expect(results.map((r) => r.kind)).toEqual(['sent', 'sent', 'rate_limited']);
      expect(results[2]).toEqual({ kind: 'rate_limited', until: new Date((minute + 1) * 60_000) });
      expect((await mailOf(ids[2]!)).status).toBe('queued');
      t.clock.set(new Date((minute + 1) * 60_000).toISOString());
      expect(await sendMail(deps({ rate: limiter }), ids[2]!)).toMatchObject({ kind: 'sent' });
    } finally {
      await limiter.close();
      await writeSetting(t.database.db, { workspaceId: TEAM, name: 'mailRate', value: null, by: DEMO_ADMIN_ID, now: t.clock.now });
    }
  });
});

describe('the outbox, with no SMTP server', () => {
  it('writes the very bytes as an .eml and says nothing left the machine', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relance-outbox-'));
    const outbox = outboxTransport(dir);
    try {
      const { customerId, mailId } = await approvedDebtor('OUTBOX');
      expect(await sendMail(deps({ transport: outbox }), mailId)).toEqual({ kind: 'sent', via: 'outbox', response: OUTBOX_RESPONSE });
      const mail = await mailOf(mailId);
      const path = join(dir, 'outbox', TEAM, `${t.clock.now.toISOString().slice(0, 10)}-${mailId}-reminder_1.eml`);
      expect(mail).toMatchObject({ status: 'sent', sentVia: 'outbox', outboxPath: path, smtpResponse: OUTBOX_RESPONSE });
      expect((await readFile(path)).equals(mail.raw)).toBe(true);
      expect((await activitiesOf(customerId, 'reminder_sent'))[0]!.data).toMatchObject({ via: 'outbox', outbox_path: path, smtp_response: OUTBOX_RESPONSE });
      expect(receivedBy('billing@outbox.example')).toHaveLength(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('batches', () => {
  it('drains of one workspace at once never claim the same mail; a batch cancels, postpones and sends in one go', async () => {
    const sendable = [];
    for (const ref of ['BATCH1', 'BATCH2', 'BATCH3', 'BATCH4', 'BATCH5']) sendable.push(await approvedDebtor(ref));
    const paid = await approvedDebtor('BATCHPAID');
    await t.database.db.update(invoices).set({ paidCents: sql`${invoices.amountCents}` }).where(eq(invoices.invoiceNumber, 'F-BATCHPAID'));
    const night = await approvedDebtor('BATCHNIGHT', { timezone: 'America/New_York' });
    // Due now, but it is 04:00 for the debtor: the batch moves it to their opening.
    await t.database.db.update(mails).set({ notBefore: t.clock.now }).where(eq(mails.id, night.mailId));

    const results = new Map<number, string>();
    for (;;) {
      const batches = await Promise.all([1, 2, 3].map(() => sendDueMails(deps(), { workspaceId: TEAM, limit: 2 })));
      for (const b of batches) {
        for (const [id, r] of b.results) {
          expect(results.has(id)).toBe(false);
          results.set(id, r.kind);
        }
      }
      if (batches.every((b) => b.candidates === 0)) break;
    }
    for (const { mailId } of sendable) expect(results.get(mailId)).toBe('sent');
    expect(results.get(paid.mailId)).toBe('cancelled');
    expect(results.get(night.mailId)).toBe('later');
    for (const ref of ['batch1', 'batch2', 'batch3', 'batch4', 'batch5']) expect(receivedBy(`billing@${ref}.example`)).toHaveLength(1);
    expect(receivedBy('billing@batchpaid.example')).toHaveLength(0);
    expect(receivedBy('billing@batchnight.example')).toHaveLength(0);
    for (const { mailId, customerId } of sendable) {
      expect(await mailOf(mailId)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(await activitiesOf(customerId, 'reminder_sent')).toHaveLength(1);
    }
    expect(await mailOf(paid.mailId)).toMatchObject({ status: 'cancelled', cancelReason: 'paid', attempts: 0 });
    expect(await mailOf(night.mailId)).toMatchObject({ status: 'queued', notBefore: zonedTimeToUtc(TODAY, '09:00', 'America/New_York') });
    expect((await sendDueMails(deps(), { workspaceId: TEAM, limit: 10 })).candidates).toBe(0);
  });

  it('the drain job claims batch after batch, two in flight, until nothing is due', async () => {
    const sent = [];
    for (const ref of ['DRAIN1', 'DRAIN2', 'DRAIN3', 'DRAIN4', 'DRAIN5']) sent.push(await approvedDebtor(ref));
    const drain = sendMailProcessor(deps(), { batchSize: 2, lanes: 2 });
    const summary = await drain({ data: { workspaceId: TEAM } } as Job<SendMailJobData>);
    expect(summary).toMatchObject({ results: { sent: 5 }, stopped: false });
    for (const { mailId } of sent) expect(await mailOf(mailId)).toMatchObject({ status: 'sent', attempts: 1 });
    for (const ref of ['drain1', 'drain2', 'drain3', 'drain4', 'drain5']) expect(receivedBy(`billing@${ref}.example`)).toHaveLength(1);
  });

  it('the rate is taken for the batch at once: what the minute cannot hold stays queued until the next', async () => {
    await writeSetting(t.database.db, { workspaceId: TEAM, name: 'mailRate', value: 2, by: DEMO_ADMIN_ID, now: t.clock.now });
    const limiter: RateLimiter = redisRateLimiter(t.env.REDIS_URL, `${t.env.RELANCE_QUEUE_PREFIX}-batch`);
    const at = t.clock.now.toISOString();
    try {
      const ids = [(await approvedDebtor('BRATE1')).mailId, (await approvedDebtor('BRATE2')).mailId, (await approvedDebtor('BRATE3')).mailId];
      const minute = Math.floor(t.clock.now.getTime() / 60_000);
      const first = await sendDueMails(deps({ rate: limiter }), { workspaceId: TEAM, limit: 10 });
      expect(first.rateLimitedUntil).toEqual(new Date((minute + 1) * 60_000));
      expect(ids.map((id) => first.results.get(id)?.kind)).toEqual(['sent', 'sent', 'rate_limited']);
      expect((await mailOf(ids[2]!)).status).toBe('queued');
      // The minute's slots given back were not counted: a second ask in the same minute finds it full, not over-full.
      expect(await limiter.take(TEAM, t.clock.now, 2, 1)).toEqual({ granted: 0, until: new Date((minute + 1) * 60_000) });
      t.clock.set(new Date((minute + 1) * 60_000).toISOString());
      const next = await sendDueMails(deps({ rate: limiter }), { workspaceId: TEAM, limit: 10 });
      expect(next.results.get(ids[2]!)).toMatchObject({ kind: 'sent' });
      expect(next.rateLimitedUntil).toBeNull();
    } finally {
      t.clock.set(at);
      await limiter.close();
      await writeSetting(t.database.db, { workspaceId: TEAM, name: 'mailRate', value: null, by: DEMO_ADMIN_ID, now: t.clock.now });
    }
  });
});

describe('the workers', () => {
  let workers: JobWorkers | undefined;
  afterAll(async () => {
    await stopJobWorkers(t, workers);
  });

  it('the send policy approves the pass\'s drafts and the poll sends them, one drain job per workspace however often it polls', async () => {
    workers = await startJobWorkers(t, { ladder: false, mailTransport: smtp, mailPollMs: 60_000 });
    await writeSetting(t.database.db, { workspaceId: TEAM, name: 'sendPolicy', value: { ...DEFAULT_SEND_POLICY, reminder_1: 'auto' }, by: DEMO_ADMIN_ID, now: t.clock.now });
    try {
      const customerId = await debtor('AUTO');
      t.clock.set(new Date(t.clock.now.getTime() + 1_000).toISOString());
      await pass();
      const draft = await draftOf(customerId);
      expect(draft).toMatchObject({ status: 'approved', decidedBy: 'system' });
      const [mail] = await t.database.db.select().from(mails).where(eq(mails.draftId, draft.id));
      expect(mail!.approvedBy).toBe('system');
      expect((await activitiesOf(customerId, 'reminder_approved'))[0]!.data).toMatchObject({ policy: true });

      await Promise.all([workers.pollMails(), workers.pollMails(), workers.pollMails()]);
      await expect.poll(async () => (await mailOf(mail!.id)).status, { timeout: 10_000 }).toBe('sent');
      await workers.pollMails();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(receivedBy('billing@auto.example')).toHaveLength(1);
      const [{ n }] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from activities where kind = 'reminder_sent' and customer_id = ${customerId}`) as [{ n: number }];
      expect(n).toBe(1);
    } finally {
      await writeSetting(t.database.db, { workspaceId: TEAM, name: 'sendPolicy', value: null, by: DEMO_ADMIN_ID, now: t.clock.now });
    }
  });

  it('an attempt whose worker died (sending for over 10 minutes, no job) becomes unknown at the poll', async () => {
    const { customerId, mailId } = await approvedDebtor('DIED');
    await t.database.db.update(mails).set({ status: 'sending', attempts: 1, attemptStartedAt: t.clock.now }).where(eq(mails.id, mailId));
    await workers!.pollMails();
    expect((await mailOf(mailId)).status).toBe('sending');
    t.clock.set(new Date(t.clock.now.getTime() + 11 * 60_000).toISOString());
    await workers!.pollMails();
    expect((await mailOf(mailId)).status).toBe('unknown');
    expect(await activitiesOf(customerId, 'reminder_unknown')).toHaveLength(1);
    expect(receivedBy('billing@died.example')).toHaveLength(0);
  });
});

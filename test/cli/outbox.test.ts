// relance outbox: the mails, newest first, where each went, no debtor address;
// --unknown and `resolve <id> sent|resend` for an attempt whose answer was lost.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOutboxCommand } from '../../src/cli/outbox.ts';
import { loadEnv } from '../../src/config/env.ts';
import type { Database } from '../../src/db/client.ts';
import { activities, mails } from '../../src/db/schema.ts';
import { seedLedger } from '../support/ledger.ts';
import { insertMail } from '../support/mail-rows.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';

let database: Database;
let testDb: TestDatabase;
const NOW = new Date('2026-05-04T09:30:00Z');
const ids = new Map<string, number>();
const mailIds = { sent: 0, outbox: 0, unknown: 0, unknown2: 0 };

async function run(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const requeued: number[] = [];
  const code = await runOutboxCommand(args, database, loadEnv({ LOG_LEVEL: 'silent', RELANCE_DATA_DIR: '/var/lib/relance', ...env }), {
    stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, now: () => NOW, user: 'cli:alice',
  }, { requeue: async (id) => { requeued.push(id); } });
  return { code, out, err, requeued };
}

const mailRow = async (id: number) => (await database.db.select().from(mails).where(eq(mails.id, id)))[0]!;
const activitiesOf = async (kind: string) => database.db.select().from(activities).where(eq(activities.kind, kind)).orderBy(activities.id);

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  const inv = (n: string) => [{ number: n, issued: '2026-03-01', due: '2026-04-01', cents: 100_000 }];
  for (const [ref, id] of await seedLedger(database, 'T0DEMO', '2026-05-04', [
    { ref: 'C-ACME', name: 'Acme SA', invoices: inv('F-1') },
    { ref: 'C-GLOB', name: 'Globex Ltd', invoices: inv('F-2') },
  ])) ids.set(ref, id);
  for (const [ref, id] of await seedLedger(database, 'T0OTHER', '2026-05-04', [{ ref: 'C-INIT', name: 'Initech', invoices: inv('X-1') }])) ids.set(ref, id);

  const at = (iso: string) => new Date(iso);
  mailIds.sent = (await insertMail(database.db, {
    workspaceId: 'T0DEMO', customerId: ids.get('C-ACME')!, stage: 'reminder_1', status: 'sent', sentVia: 'smtp', attempts: 1,
    approvedAt: at('2026-05-01T08:00:00Z'), attemptStartedAt: at('2026-05-01T08:01:00Z'), sentAt: at('2026-05-01T08:01:02Z'), to: 'compta@acme.example',
  })).mailId;
  mailIds.outbox = (await insertMail(database.db, {
    workspaceId: 'T0DEMO', customerId: ids.get('C-GLOB')!, stage: 'reminder_1', status: 'sent', sentVia: 'outbox', attempts: 1,
    approvedAt: at('2026-05-02T08:00:00Z'), sentAt: at('2026-05-02T08:00:05Z'), outboxPath: 'outbox/T0DEMO/2026-05-02-reminder_1-2.eml', to: 'ap@globex.example',
  })).mailId;
  mailIds.unknown = (await insertMail(database.db, {
    workspaceId: 'T0OTHER', customerId: ids.get('C-INIT')!, stage: 'reminder_2', status: 'unknown', attempts: 1,
    approvedAt: at('2026-05-03T08:00:00Z'), attemptStartedAt: at('2026-05-03T08:00:07Z'), to: 'bill@initech.example',
  })).mailId;
  mailIds.unknown2 = (await insertMail(database.db, {
    workspaceId: 'T0DEMO', customerId: ids.get('C-ACME')!, stage: 'reminder_2', status: 'unknown', attempts: 2,
    approvedAt: at('2026-05-03T09:00:00Z'), attemptStartedAt: at('2026-05-03T09:10:00Z'), to: 'compta@acme.example',
  })).mailId;
});

afterAll(async () => {
  await testDb?.close();
});

describe('relance outbox', () => {
  it('lists the mails newest first, with the .eml path of an outbox mail, and says nothing leaves without SMTP_URL', async () => {
    const r = await run([]);
    expect(r).toMatchObject({ code: 0, err: '' });
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('SMTP_URL is not set: reminder e-mails are kept in the outbox (/var/lib/relance/outbox) as .eml files and nothing leaves this machine.');
    expect(lines[1]).toBe('4 mails, newest first:');
    expect(lines[2]).toMatch(new RegExp(`^#${mailIds.unknown2} +2026-05-03 09:00 UTC {2}T0DEMO {3}C-ACME {2}reminder_2 {5}unknown {4}—$`));
    expect(lines[3]).toBe('  outcome unknown: see relance outbox --unknown');
    expect(lines[4]).toMatch(new RegExp(`^#${mailIds.unknown} +2026-05-03 08:00 UTC {2}T0OTHER {2}C-INIT {2}reminder_2`));
    expect(lines[6]).toMatch(new RegExp(`^#${mailIds.outbox} +2026-05-02 08:00 UTC {2}T0DEMO {3}C-GLOB {2}reminder_1 {5}sent {7}outbox$`));
    expect(lines[7]).toBe('  /var/lib/relance/outbox/T0DEMO/2026-05-02-reminder_1-2.eml');
    expect(lines[8]).toMatch(new RegExp(`^#${mailIds.sent} +2026-05-01 08:01 UTC {2}T0DEMO {3}C-ACME {2}reminder_1 {5}sent {7}smtp$`));
    // An operator tool, still: no debtor address on screen.
    expect(r.out).not.toMatch(/@/);
  });

  it('names the SMTP server without its credentials, filters by workspace and pages with --limit', async () => {
    const r = await run(['--workspace', 'T0DEMO', '--limit', '2'], { SMTP_URL: 'smtps://relance:s3cret@smtp.example.com:465' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Reminder e-mails are sent over SMTP (smtps://smtp.example.com:465).');
    expect(r.out).not.toContain('s3cret');
    expect(r.out).toContain('2 mails, newest first (more with --limit 4):');
    expect(r.out).not.toContain('C-INIT');
    expect(r.out).toContain(`#${mailIds.outbox} `);
    expect(r.out).not.toContain(`#${mailIds.sent} `);

    expect((await run(['--workspace', 'T0NOPE'])).err).toContain('No workspace "T0NOPE". Known workspaces: T0DEMO, T0OTHER.');
    expect((await run(['--limit', 'many'])).err).toContain('--limit must be a whole number from 1 to 10000 (got "many")');
    expect((await run(['--workspace', 'T0OTHER', '--unknown'])).out).not.toContain('C-ACME');
  });

  it('--unknown lists each mail whose answer was lost, with the attempt time and both ways to settle it', async () => {
    const r = await run(['--unknown']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 mails with an unknown outcome: an attempt was made but the answer of the mail server was lost.');
    expect(r.out).toContain('relance does not send them again by itself, so the debtor never gets two copies.');
    expect(r.out).toContain(`#${mailIds.unknown}  T0OTHER  C-INIT  reminder_2  attempt 1 started 2026-05-03 08:00 UTC`);
    expect(r.out).toContain(`  it arrived:        relance outbox resolve ${mailIds.unknown} sent`);
    expect(r.out).toContain(`  it did not arrive: relance outbox resolve ${mailIds.unknown} resend`);
    expect(r.out).toContain(`#${mailIds.unknown2}  T0DEMO  C-ACME  reminder_2  attempt 2 started 2026-05-03 09:10 UTC`);
    expect(r.out).not.toContain('C-GLOB');
    expect(r.out).not.toMatch(/@/);
  });

  it('resolve sent: the mail is sent as of its attempt, confirmed by a person, with its activity; once only', async () => {
    const r = await run(['resolve', String(mailIds.unknown), 'sent']);
    expect(r).toMatchObject({ code: 0, err: '', requeued: [] });
    expect(r.out).toBe(`Mail #${mailIds.unknown} (C-INIT, reminder_2) recorded as sent at 2026-05-03 08:00 UTC, confirmed by a person; it is in the case timeline.\n`);
    expect(await mailRow(mailIds.unknown)).toMatchObject({
      status: 'sent', sentAt: new Date('2026-05-03T08:00:07Z'), sentVia: 'smtp', smtpResponse: 'confirmed by a person', resolvedBy: 'cli:alice', resolvedAt: NOW,
    });
    const [activity] = await activitiesOf('reminder_sent');
    expect(activity).toMatchObject({
      workspaceId: 'T0OTHER', customerId: ids.get('C-INIT'), actorId: 'cli:alice', occurredAt: NOW,
      data: { stage: 'reminder_2', mail_id: mailIds.unknown, resolved_by: 'cli', smtp_response: 'confirmed by a person', to: 'bill@initech.example', sent_at: '2026-05-03T08:00:07.000Z' },
    });
    expect(activity!.caseId).not.toBeNull();

    const again = await run(['resolve', String(mailIds.unknown), 'resend']);
    expect(again.code).toBe(2);
    expect(again.err).toBe(`Mail #${mailIds.unknown} (C-INIT, reminder_2) is sent, not of unknown outcome: only a mail whose attempt lost its answer is settled by hand. Nothing was changed.\n`);
    expect(await activitiesOf('reminder_sent')).toHaveLength(1);
    expect(await activitiesOf('reminder_resend')).toHaveLength(0);
  });

  it('resolve resend: back to queued for one more attempt, with its activity and the worker told', async () => {
    const r = await run(['resolve', `#${mailIds.unknown2}`, 'resend']);
    expect(r).toMatchObject({ code: 0, err: '', requeued: [mailIds.unknown2] });
    expect(r.out).toBe(`Mail #${mailIds.unknown2} (C-ACME, reminder_2) is queued again: the worker makes one more attempt, with the same Message-ID.\n`);
    expect(await mailRow(mailIds.unknown2)).toMatchObject({ status: 'queued', attempts: 2, sentAt: null, nextAttemptAt: NOW, resolvedBy: 'cli:alice' });
    expect(await activitiesOf('reminder_resend')).toMatchObject([{ workspaceId: 'T0DEMO', actorId: 'cli:alice', data: { stage: 'reminder_2', mail_id: mailIds.unknown2 } }]);
    expect((await run(['--unknown'])).out).toContain('No mail has an unknown outcome: every attempt got its answer.');
  });

  it('refuses what is not a mail to settle, and changes nothing', async () => {
    const before = await database.db.select().from(mails).orderBy(mails.id);
    expect((await run(['resolve', String(mailIds.sent), 'sent'])).err).toContain(`Mail #${mailIds.sent} (C-ACME, reminder_1) is sent, not of unknown outcome`);
    expect((await run(['resolve', '999999', 'sent'])).err).toBe('No mail #999999. Nothing was changed. The mails to settle: relance outbox --unknown\n');
    const bad = await run(['resolve', String(mailIds.sent), 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`relance outbox resolve takes a mail id and sent or resend (got "${mailIds.sent} maybe"). Nothing was changed.`);
    expect((await run(['resolve'])).err).toContain('(got nothing)');
    expect(await database.db.select().from(mails).orderBy(mails.id)).toEqual(before);
  });
});

describe('a built mail is evidence', () => {
  it('refuses a change to what was built and a delete, and lets the delivery state move on', async () => {
    const refusal = (p: Promise<unknown>) => p.then(() => 'no refusal', (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message));
    const id = mailIds.sent;
    expect(await refusal(database.db.update(mails).set({ raw: Buffer.from('forged') }).where(eq(mails.id, id))))
      .toMatch(/mails are kept as evidence: a change of what was built is not allowed/);
    expect(await refusal(database.db.update(mails).set({ toAddress: 'someone@else.fr', status: 'sent' }).where(eq(mails.id, id))))
      .toMatch(/mails are kept as evidence/);
    expect(await refusal(database.db.delete(mails).where(eq(mails.id, id)))).toMatch(/mails are kept as evidence: DELETE of what was built is not allowed/);
    await database.db.update(mails).set({ smtpResponse: '250 OK queued' }).where(eq(mails.id, id));
    expect((await mailRow(id)).smtpResponse).toBe('250 OK queued');
  });
});

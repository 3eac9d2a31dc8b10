// The demo workspace's last five weeks, written through the real services as
// the team would have: the daily digest set in #collections, calls logged (no answer, voicemail, reached, a wrong
// number, a refusal, a payment the debtor claims), a promise kept, one broken
// and one pending, a payment plan with its first instalment paid, a dispute,
// calls assigned for today and a formal notice waiting for a manager. Each
// step runs at its own past moment (time is injected), so the timelines read
// as a story. The payments that keep the promise and the first instalment are
// returned for the caller to import with the rest of the recent ledger.
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, customers, invoices } from '../db/schema.ts';
import { findWorkspace } from '../db/workspaces.ts';
import { addDays, todayIn, weekdayOf, zonedTimeToUtc, type IsoDate } from '../domain/dates.ts';
import { DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_TEAM_ID } from '../emulator/seed.ts';
import { assignCall } from '../services/assign-call.ts';
import { scheduleDigest } from '../services/digest-schedule.ts';
import { requestEscalation } from '../services/escalations/request.ts';
import { logCall, type LogCallInput } from '../services/log-call.ts';
import { recordPlan } from '../services/record-plan.ts';
import { allocate } from '../services/record-recovery.ts';
import type { DemoPayment } from './full-ledger.ts';

/** How far back the story starts: the ledger as it stood then is imported first. */
export const HISTORY_DAYS = 35;

interface Story {
  db: Db;
  today: IsoDate;
  timezone: string;
  command: string;
}

/** The working day `daysAgo` days before today: a weekend moves to the Friday before it. */
function workday(s: Story, daysAgo: number): IsoDate {
  const day = addDays(s.today, -daysAgo);
  const weekday = weekdayOf(day);
  return weekday >= 6 ? addDays(day, 5 - weekday) : day;
}

/** A moment on that working day, at a local office hour. */
const at = (s: Story, daysAgo: number, hhmm: string): Date => zonedTimeToUtc(workday(s, daysAgo), hhmm, s.timezone);

async function caseOf(s: Story, ref: string): Promise<{ caseId: number; customerId: number }> {
  const [row] = await s.db.select({ caseId: cases.id, customerId: cases.customerId }).from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.workspaceId, DEMO_TEAM_ID), eq(customers.customerRef, ref), sql`${cases.status} not in ('resolved', 'written_off')`));
  if (!row) throw new Error(`demo story: ${ref} has no open case (the demo ledger and its story disagree)`);
  return row;
}

/** The customer's open invoices overdue on `day`, oldest first, as the ledger stands now. */
async function overdueOn(s: Story, customerId: number, day: IsoDate) {
  const found = await s.db.select({ number: invoices.invoiceNumber, amount: invoices.amountCents, paid: invoices.paidCents, currency: invoices.currency })
    .from(invoices)
    .where(and(eq(invoices.workspaceId, DEMO_TEAM_ID), eq(invoices.customerId, customerId), lt(invoices.dueDate, day), sql`${invoices.paidCents} < ${invoices.amountCents}`))
    .orderBy(asc(invoices.dueDate), asc(invoices.id));
  return found.map((i) => ({ number: i.number, owedCents: Number(i.amount) - Number(i.paid), currency: i.currency }));
}

async function call(s: Story, ref: string, daysAgo: number, hhmm: string, outcome: LogCallInput['outcome'], note: string | null,
  extra: Partial<LogCallInput> = {}, userId = DEMO_COLLECTOR_ID): Promise<void> {
  const { caseId } = await caseOf(s, ref);
  const result = await logCall(s.db, { workspaceId: DEMO_TEAM_ID, caseId, userId, outcome, note, now: at(s, daysAgo, hhmm), via: 'modal', ...extra });
  if (result.kind !== 'logged') throw new Error(`demo story: the call to ${ref} was not logged (${result.kind}${'refusal' in result ? `: ${result.refusal.kind}` : ''})`);
}

const roundDown = (cents: number, step: number) => Math.max(step, Math.floor(cents / step) * step);

export async function writeDemoHistory(db: Db, opts: { now: Date; command: string }): Promise<{ payments: DemoPayment[] }> {
  const workspace = await findWorkspace(db, DEMO_TEAM_ID);
  if (!workspace) throw new Error('demo story: the demo workspace does not exist');
  const s: Story = { db, today: todayIn(workspace.timezone, opts.now), timezone: workspace.timezone, command: opts.command };
  const payments: DemoPayment[] = [];

  // The admin set the daily digest in #collections when the team started: it is the team channel (case threads, requests).
  await scheduleDigest(db, null, { workspace, channelId: DEMO_COLLECTIONS_CHANNEL_ID, localTime: '09:00', by: DEMO_ADMIN_ID, now: at(s, HISTORY_DAYS, '08:30') });

  // Menuiserie Bernard: months late, unreachable, then a refusal; a formal notice is asked for.
  await call(s, 'C-1019', 30, '09:40', 'no_answer', null);
  await call(s, 'C-1019', 26, '14:10', 'voicemail', 'Message laissé au standard, demandé un rappel de M. Bernard.');
  await call(s, 'C-1019', 21, '10:05', 'no_answer', null);
  await call(s, 'C-1019', 14, '11:20', 'reached', 'M. Bernard dit que la trésorerie est tendue depuis l\'été ; rappeler après le 15.');
  await call(s, 'C-1019', 7, '15:45', 'refused', 'Refuse tout paiement : « attendez que mes propres clients me paient ». Aucune contestation des factures.');

  // Stark Fournitures: promises the oldest invoice, pays it before the day: promise kept.
  {
    const { customerId } = await caseOf(s, 'C-1009');
    const [oldest] = await overdueOn(s, customerId, workday(s, 25));
    if (!oldest) throw new Error('demo story: C-1009 owes nothing 25 days ago');
    await call(s, 'C-1009', 25, '10:30', 'promised', 'La comptable confirme un virement pour la facture la plus ancienne.', {
      promise: { amountCents: oldest.owedCents, currency: oldest.currency, dueOn: addDays(s.today, -15) },
    });
    payments.push({ invoiceNumber: oldest.number, amountCents: oldest.owedCents, paidOn: workday(s, 16), reference: `VIR-${oldest.number}-STARK` });
  }

  // Thornfield & Hale: a promise, then nothing: it is broken.
  {
    const { customerId } = await caseOf(s, 'C-1026');
    const owed = await overdueOn(s, customerId, workday(s, 28));
    const total = owed.reduce((sum, i) => sum + i.owedCents, 0);
    await call(s, 'C-1026', 28, '11:00', 'promised', 'Finance director promised a BACS transfer for half the balance by the end of next week.', {
      promise: { amountCents: roundDown(total / 2, 10_000), currency: 'GBP', dueOn: addDays(s.today, -18) },
    });
    await call(s, 'C-1026', 10, '10:15', 'no_answer', null);
    await call(s, 'C-1026', 3, '16:20', 'voicemail', 'Left a message with reception about the missed payment.');
  }

  // Transports Girard: a payment plan in four monthly instalments; the first one was paid.
  {
    await call(s, 'C-1015', 21, '09:15', 'reached', 'Le gérant accepte un échéancier en quatre mensualités, confirmé par e-mail.');
    const { caseId, customerId } = await caseOf(s, 'C-1015');
    const plan = await recordPlan(db, {
      workspaceId: DEMO_TEAM_ID, caseId, userId: DEMO_COLLECTOR_ID, instalments: 4, period: 'month',
      firstDueOn: addDays(s.today, -10), currency: null, now: at(s, 20, '09:30'), today: workday(s, 20),
    });
    if (plan.kind !== 'recorded') throw new Error(`demo story: the payment plan of C-1015 was not recorded (${plan.kind})`);
    const first = plan.schedule[0]!;
    for (const part of allocate(await overdueOn(s, customerId, workday(s, 11)), first.amountCents)) {
      payments.push({ invoiceNumber: part.number, amountCents: part.cents, paidOn: workday(s, 11), reference: `VIR-GIRARD-1-${part.number}` });
    }
  }

  // Domaine des Trois Chênes: disputes a delivery; the case is paused while it is looked into.
  await call(s, 'C-1021', 6, '14:00', 'disputed', 'Conteste la dernière livraison : palettes abîmées à la réception, photos transmises au commercial.', { dispute: 'quality' });

  // Acme: reached, and a promise still pending.
  {
    const { customerId } = await caseOf(s, 'C-1002');
    const owed = await overdueOn(s, customerId, workday(s, 2));
    const total = owed.reduce((sum, i) => sum + i.owedCents, 0);
    await call(s, 'C-1002', 9, '15:30', 'reached', 'AP clerk says the invoices are approved, waiting on the controller\'s sign-off.');
    await call(s, 'C-1002', 2, '16:00', 'promised', 'Controller signed off: wire for part of the balance next week.', {
      promise: { amountCents: roundDown(total / 2, 10_000), currency: 'USD', dueOn: addDays(s.today, 5) },
    });
  }

  // Northwind: the number on file is wrong.
  await call(s, 'C-1030', 12, '17:10', 'wrong_number', 'Number now belongs to a dry cleaner; asked for the finance contact by e-mail.');

  // Boulangerie Martin: reached, then says it paid (to be checked against the bank).
  {
    const { customerId } = await caseOf(s, 'C-1001');
    const [oldest] = await overdueOn(s, customerId, workday(s, 3));
    await call(s, 'C-1001', 22, '09:50', 'reached', 'Mme Martin reconnaît la dette, attend un prêt de trésorerie.');
    await call(s, 'C-1001', 3, '10:40', 'paid', 'Mme Martin dit avoir fait un virement vendredi dernier ; à vérifier sur le relevé.', {
      claimed: oldest ? { amountCents: oldest.owedCents, currency: oldest.currency } : null,
    });
  }

  // A few more attempts, by the collector and the admin.
  await call(s, 'C-1012', 15, '11:30', 'voicemail', 'Message laissé sur le portable du gérant.');
  await call(s, 'C-1012', 8, '09:20', 'no_answer', null);
  await call(s, 'C-1025', 18, '15:00', 'no_answer', null, {}, DEMO_ADMIN_ID);
  await call(s, 'C-1025', 11, '10:10', 'voicemail', 'Répondeur du restaurant, rappeler avant le service de midi.', {}, DEMO_ADMIN_ID);
  await call(s, 'C-1040', 33, '12:00', 'reached', 'Director says cash flow is tight after losing their main client; will call back.');

  // Two calls assigned to the collector for today.
  for (const [ref, hhmm] of [['C-1023', '10:00'], ['C-1014', '14:30']] as const) {
    const { caseId } = await caseOf(s, ref);
    const assigned = await assignCall(db, {
      workspaceId: DEMO_TEAM_ID, caseId, assigneeId: DEMO_COLLECTOR_ID, userId: DEMO_MANAGER_ID,
      dueAt: zonedTimeToUtc(s.today, hhmm, s.timezone), dueOn: s.today, now: at(s, 1, '17:30'),
    });
    if (assigned.kind !== 'assigned') throw new Error(`demo story: the call of ${ref} was not assigned`);
  }

  // Menuiserie Bernard: the collector asks for a formal notice; a manager has to decide.
  {
    const { caseId } = await caseOf(s, 'C-1019');
    const requested = await requestEscalation(db, {
      workspace, caseId, kind: 'notice', userId: DEMO_COLLECTOR_ID, now: at(s, 1, '11:00'), command: opts.command, ai: null,
      reason: 'Six mois de retard, injoignable puis refus de payer : mise en demeure.',
    });
    if (requested.kind !== 'requested') throw new Error(`demo story: the escalation of C-1019 was not requested (${requested.kind})`);
  }
  return { payments };
}

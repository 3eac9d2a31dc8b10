// Sending queued mails, never twice, a batch at a time. A batch is claimed in
// one transaction: its mails are locked (rows another worker holds are
// skipped), checked against the ledger (a debt paid or changed, a case closed
// or an address changed since approval cancels a mail), against the debtor's
// mail hours and against the workspace's rate, and those that may leave are
// marked 'sending' (the attempt recorded) and committed before any server is
// spoken to. They are then sent concurrently through the pooled transport and
// the answers recorded in a second transaction. A crash between the two
// leaves them 'sending': they may have left, so the poll settles them as
// 'unknown' for a person to decide (src/services/mail/dispatch.ts), and they
// are never sent again by themselves.
import { enqueueChannelPost, type ChannelPostTarget } from '../../db/channel-posts.ts';
import type { Db, Queryable } from '../../db/client.ts';
import {
  cancelMails, cancelMailsTo, claimDueMails, insertActivities, lockMail, lockMails, markAddressBad, markSending, openBalances, postponeMails,
  recordAnswers, type AttemptAnswer, type LockedMail, type NewActivity,
} from '../../db/mails.ts';
import { readSettings } from '../../db/settings.ts';
import { checkCallingWindow } from '../../domain/calling-window.ts';
import { isBusinessCalendar, isTimeZone, WEEKENDS_ONLY } from '../../domain/dates.ts';
import { parseMailbox } from '../../domain/mail-settings.ts';
import type { Settings } from '../../domain/settings.ts';
import { translator } from '../../i18n/messages.ts';
import type { Logger } from '../../log.ts';
import type { MailTransport, SendOutcome } from '../../mail/transport.ts';
import type { RateLimiter } from './rate-limit.ts';

export type CancelReason = 'paid' | 'balance_changed' | 'case_closed' | 'address_changed';

export type SendResult =
  | { kind: 'not_found' }
  /** Not waiting (already sent, cancelled, decided, or an attempt in flight): a second job or run does nothing. */
  | { kind: 'skipped'; status: string }
  | { kind: 'cancelled'; reason: CancelReason }
  /** Outside the debtor's mail hours: not_before moved to the next opening. */
  | { kind: 'later'; notBefore: Date }
  /** The workspace's minute is full: try again at `until`, the mail stays queued. */
  | { kind: 'rate_limited'; until: Date }
  | { kind: 'sent'; via: 'smtp' | 'outbox'; response: string }
  | { kind: 'retrying'; at: Date; response: string }
  | { kind: 'refused'; reason: 'permanent' | 'gave_up'; response: string }
  | { kind: 'unknown'; response: string | null };

export interface SendDeps {
  db: Db;
  transport: MailTransport;
  rate: RateLimiter;
  clock: () => Date;
  logger?: Logger;
  command?: string;
  /** Test hook: runs after the server accepted a mail, before the batch's answers are recorded (a crash there). */
  afterAccepted?: () => Promise<void>;
}

/** Minutes to wait after the 1st, 2nd… temporary failure; the one after the last gives up. */
export const RETRY_MINUTES = [1, 5, 15, 60, 180, 360, 720] as const;
/** Temporary failures after which a mail is refused ('gave_up'): about a day of trying. */
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

export interface BatchResult {
  /** Mails the claim found due (0: nothing left to do in the workspace now). */
  candidates: number;
  /** What became of each, by mail id. */
  results: Map<number, SendResult>;
  /** Some could not be taken: the workspace's minute is full until then. */
  rateLimitedUntil: Date | null;
}

interface Claimed {
  results: Map<number, SendResult>;
  sending: LockedMail[];
  rateLimitedUntil: Date | null;
}

/** Claims up to `limit` mails of the workspace that may leave now, sends them and records the answers. */
export async function sendDueMails(
  deps: SendDeps, input: { workspaceId: string; limit: number; settings?: Settings },
): Promise<BatchResult> {
  const now = deps.clock();
  let candidates = 0;
  const claimed = await deps.db.transaction(async (tx) => {
    const due = await claimDueMails(tx, input.workspaceId, now, input.limit);
    candidates = due.length;
    if (due.length === 0) return null;
    return claim(tx, deps, input.workspaceId, due, input.settings ?? await readSettings(tx, input.workspaceId), now);
  });
  if (!claimed) return { candidates, results: new Map(), rateLimitedUntil: null };
  await sendClaimed(deps, claimed, now);
  return { candidates, results: claimed.results, rateLimitedUntil: claimed.rateLimitedUntil };
}

/**
 * One mail, now, by id: the path of a batch of one, for tools and tests.
 * Unlike a batch it does not wait for the mail's hour or back-off (it says
 * 'later' when the debtor's hours are closed), and it waits for a claim in
 * progress elsewhere instead of skipping the row.
 */
export async function sendMail(deps: SendDeps, mailId: number): Promise<SendResult> {
  const now = deps.clock();
  const claimed = await deps.db.transaction(async (tx): Promise<Claimed | SendResult> => {
    const [mail] = await lockMails(tx, [mailId]);
    if (!mail) return { kind: 'not_found' };
    // 'sending' too: another worker's attempt is in flight, or lost and left to the poll to settle.
    if (mail.status !== 'queued' && mail.status !== 'retrying') return { kind: 'skipped', status: mail.status };
    return claim(tx, deps, mail.workspace_id, [mail], await readSettings(tx, mail.workspace_id), now);
  });
  if (!('sending' in claimed)) return claimed;
  await sendClaimed(deps, claimed, now);
  return claimed.results.get(mailId) ?? { kind: 'not_found' };
}

/**
 * In the claim's transaction: cancels what must not leave, moves what is
 * outside its debtor's hours, takes the rate for the rest at once and marks
 * what it was granted 'sending'. One query for the balances of the whole batch.
 */
async function claim(tx: Queryable, deps: SendDeps, workspaceId: string, due: LockedMail[], settings: Settings, now: Date): Promise<Claimed> {
  const results = new Map<number, SendResult>();
  const balances = await openBalances(tx, workspaceId, due.flatMap((m) => m.invoices.map((i) => i.number)));
  const cancelled: { id: number; reason: CancelReason }[] = [];
  const cancelledActivities: NewActivity[] = [];
  const postponed: { id: number; not_before: string }[] = [];
  const ready: LockedMail[] = [];
  const windows = new Map<string, ReturnType<typeof checkCallingWindow>>();
  for (const mail of due) {
    const reason = cancelReason(mail, balances);
    if (reason) {
      cancelled.push({ id: mail.id, reason });
      cancelledActivities.push(activity(mail, 'reminder_cancelled', { reason }));
      results.set(mail.id, { kind: 'cancelled', reason });
      continue;
    }
    const zone = mail.customer_zone && isTimeZone(mail.customer_zone) ? mail.customer_zone : mail.ws_zone;
    let window = windows.get(zone);
    if (!window) {
      window = checkCallingWindow(now, zone, settings.mailHours, isBusinessCalendar(mail.ws_country) ? mail.ws_country : WEEKENDS_ONLY);
      windows.set(zone, window);
    }
    if (window.kind === 'outside') {
      postponed.push({ id: mail.id, not_before: window.next.toISOString() });
      results.set(mail.id, { kind: 'later', notBefore: window.next });
      continue;
    }
    ready.push(mail);
  }
  await cancelMails(tx, cancelled);
  await insertActivities(tx, workspaceId, cancelledActivities, 'system', now);
  await postponeMails(tx, postponed);

  const grant = ready.length > 0 ? await deps.rate.take(workspaceId, now, settings.mailRate, ready.length) : { granted: 0, until: null };
  const sending = ready.slice(0, grant.granted);
  for (const mail of ready.slice(grant.granted)) results.set(mail.id, { kind: 'rate_limited', until: grant.until! });
  await markSending(tx, sending.map((m) => m.id), now);
  return { results, sending, rateLimitedUntil: grant.granted < ready.length ? grant.until : null };
}

/** Why the mail must not leave any more, if it must not. */
function cancelReason(mail: LockedMail, balances: Map<string, number>): CancelReason | null {
  const now = mail.invoices.map((i) => balances.get(i.number) ?? 0);
  if (mail.invoices.length > 0 && now.every((cents) => cents <= 0)) return 'paid';
  if (mail.invoices.some((i, n) => !balances.has(i.number) || now[n] !== Number(i.open_cents))) return 'balance_changed';
  if (mail.case_status === 'resolved' || mail.case_status === 'written_off') return 'case_closed';
  const current = mail.email?.trim().toLowerCase() ?? '';
  const to = mail.to_address.trim().toLowerCase();
  if (current !== to || mail.email_bad_address?.trim().toLowerCase() === to) return 'address_changed';
  return null;
}

const activity = (mail: Pick<LockedMail, 'id' | 'case_id' | 'customer_id' | 'stage'>, kind: string, data: Record<string, unknown>): NewActivity => ({
  case_id: mail.case_id, customer_id: mail.customer_id, kind, data: { stage: mail.stage, mail_id: mail.id, ...data },
});

/** Sends the claimed mails concurrently (the pool queues what it cannot take yet), then records every answer in one transaction. */
async function sendClaimed(deps: SendDeps, claimed: Claimed, startedAt: Date): Promise<void> {
  if (claimed.sending.length === 0) return;
  const outcomes = await Promise.all(claimed.sending.map(async (mail) => {
    const envelopeFrom = parseMailbox(mail.from_address);
    const outcome = await deps.transport.send(
      { from: envelopeFrom.ok ? envelopeFrom.value.address : mail.from_address, to: [mail.to_address] },
      mail.raw,
      { workspaceId: mail.workspace_id, mailId: mail.id, stage: mail.stage, now: startedAt },
    );
    if (outcome.kind === 'accepted') await deps.afterAccepted?.();
    return outcome;
  }));
  const at = deps.clock();
  const attempts = claimed.sending.map((mail, n) => ({ mail, outcome: outcomes[n]!, attempt: mail.attempts + 1 }));
  await deps.db.transaction((tx) => record(tx, deps, attempts, startedAt, at, claimed.results));
  const counts: Record<string, number> = {};
  for (const { mail } of attempts) {
    const kind = claimed.results.get(mail.id)?.kind ?? 'lost';
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  deps.logger?.info({ workspaceId: claimed.sending[0]!.workspace_id, via: deps.transport.via, ...counts }, 'mail attempts recorded');
}

interface Attempt {
  mail: LockedMail;
  outcome: SendOutcome;
  attempt: number;
}

/** The answers of a batch: one update of the mails, one insert of the activities; a refusal also marks the address and tells the owner. */
async function record(tx: Queryable, deps: SendDeps, attempts: Attempt[], startedAt: Date, at: Date, results: Map<number, SendResult>): Promise<void> {
  const answers: AttemptAnswer[] = [];
  const outcomeOf = new Map<number, SendResult>();
  for (const { mail, outcome, attempt } of attempts) {
    const [answer, result] = answerOf(mail.id, outcome, attempt, at);
    answers.push(answer);
    outcomeOf.set(mail.id, result);
  }
  const recorded = await recordAnswers(tx, answers);
  const activities: NewActivity[] = [];
  for (const { mail, outcome, attempt } of attempts) {
    // Settled meanwhile as lost ('unknown'): that decision stands.
    if (!recorded.has(mail.id)) {
      results.set(mail.id, { kind: 'unknown', response: null });
      continue;
    }
    const result = outcomeOf.get(mail.id)!;
    results.set(mail.id, result);
    if (result.kind === 'sent' && outcome.kind === 'accepted') {
      activities.push(activity(mail, 'reminder_sent', {
        draft_id: mail.draft_id, subject: mail.subject, body: mail.text_body, to: mail.to_address, from: mail.from_address,
        reply_to: mail.reply_to, message_id: mail.message_id, smtp_response: outcome.response, via: outcome.via, sent_at: at.toISOString(),
        ...(outcome.outboxPath ? { outbox_path: outcome.outboxPath } : {}),
      }));
    } else if (result.kind === 'unknown') {
      activities.push(activity(mail, 'reminder_unknown', { attempted_at: startedAt.toISOString() }));
    } else if (result.kind === 'refused' && outcome.kind !== 'accepted') {
      const gaveUp = result.reason === 'gave_up';
      activities.push(activity(mail, 'reminder_refused', {
        smtp_response: outcome.response, code: outcome.code, ...(gaveUp ? { reason: 'gave_up', attempts: attempt } : {}),
      }));
      // Read again: the customer (name, owner) may have changed since the claim.
      const now = (await lockMail(tx, mail.id)) ?? mail;
      if (!gaveUp) {
        await markAddressBad(tx, now.workspace_id, now.customer_id, now.to_address, outcome.response, at);
        const others = await cancelMailsTo(tx, now.workspace_id, now.to_address, now.id);
        for (const other of others) activities.push(activity(other, 'reminder_cancelled', { reason: 'address_bad' }));
      }
      await tellOwner(tx, deps, now, at, gaveUp
        ? { key: 'mail.gaveUpDm', attempts: attempt, response: outcome.response }
        : { key: 'mail.refusedDm', response: outcome.response });
    }
  }
  if (attempts.length > 0) await insertActivities(tx, attempts[0]!.mail.workspace_id, activities, 'system', at);
}

/** How an answer is kept, and what it means to the caller. */
function answerOf(id: number, outcome: SendOutcome, attempt: number, at: Date): [AttemptAnswer, SendResult] {
  if (outcome.kind === 'accepted') {
    return [
      { id, status: 'sent', smtp_response: outcome.response, sent_via: outcome.via, outbox_path: outcome.outboxPath, sent_at: at.toISOString(), last_error: null },
      { kind: 'sent', via: outcome.via, response: outcome.response },
    ];
  }
  if (outcome.kind === 'unknown') return [{ id, status: 'unknown', last_error: outcome.response }, { kind: 'unknown', response: outcome.response }];
  if (outcome.kind === 'temporary' && attempt < MAX_ATTEMPTS) {
    const next = new Date(at.getTime() + RETRY_MINUTES[attempt - 1]! * 60_000);
    return [
      { id, status: 'retrying', last_error: outcome.response, next_attempt_at: next.toISOString() },
      { kind: 'retrying', at: next, response: outcome.response },
    ];
  }
  const gaveUp = outcome.kind === 'temporary';
  return [
    { id, status: 'refused', last_error: outcome.response, smtp_response: outcome.response, ...(gaveUp ? { cancel_reason: 'gave_up' } : {}) },
    { kind: 'refused', reason: gaveUp ? 'gave_up' : 'permanent', response: outcome.response },
  ];
}

/** The case owner hears of it by DM; a case nobody owns, in the team channel. */
async function tellOwner(
  tx: Queryable, deps: SendDeps, mail: LockedMail, at: Date,
  what: { key: 'mail.gaveUpDm'; attempts: number; response: string } | { key: 'mail.refusedDm'; response: string },
): Promise<void> {
  const t = translator(mail.ws_locale);
  const command = deps.command ?? '/collect';
  const stage = t(`stage.${mail.stage}` as 'stage.reminder_1');
  const common = { name: mail.customer_name, ref: mail.customer_ref, stage, response: what.response, command };
  const text = what.key === 'mail.gaveUpDm'
    ? t('mail.gaveUpDm', { ...common, attempts: what.attempts })
    : t('mail.refusedDm', { ...common, address: mail.to_address });
  const target: ChannelPostTarget = mail.owner_id ? { to: 'user', userId: mail.owner_id } : { to: 'team' };
  await enqueueChannelPost(tx, { workspaceId: mail.workspace_id, target, text, key: `mail.refused.${mail.id}`, now: at });
}

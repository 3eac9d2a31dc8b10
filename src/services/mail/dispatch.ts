// Which workspaces have mails to send now, and the attempts that never came
// back. The database is the queue's truth: every worker polls it (one
// grouped query) and adds one drain job per workspace with mails due, under
// the workspace's id, so a workspace already waiting or draining is not added
// twice. The job claims batches until nothing is due (src/services/mail/send.ts).
// A workspace whose ledger is too old (src/domain/ledger-freshness.ts) gets
// no job: its mails stay queued, untouched, until a sync makes it fresh.
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { enqueueChannelPost } from '../../db/channel-posts.ts';
import type { Db } from '../../db/client.ts';
import { dueWorkspaces as dueWorkspaceRows, insertActivities, settleSendingBefore, type NewActivity } from '../../db/mails.ts';
import { settings, workspaces } from '../../db/schema.ts';
import { ledgerFreshness, ledgerHold, ledgerHoldView, type LedgerHold } from '../../domain/ledger-freshness.ts';
import { DEFAULT_SETTINGS, SETTING_KEYS, SETTING_SPECS } from '../../domain/settings.ts';
import { translator } from '../../i18n/messages.ts';
import { ledgerHoldText } from '../../slack/blocks/digest.ts';

/**
 * An attempt still 'sending' after this long lost its answer: its worker died
 * between claiming and recording. Well beyond the longest an attempt can take
 * (src/mail/transport.ts: 30 s to connect, 30 s for the greeting, 120 s of
 * silence on the socket), so a live attempt is never settled.
 */
export const STUCK_AFTER_MS = 10 * 60_000;

/** Workspaces with mails that may leave now: mails due, and a ledger fresh enough to contact debtors from. */
export async function dueWorkspaces(db: Db, now: Date): Promise<{ workspace_id: string; due: number }[]> {
  const due = await dueWorkspaceRows(db, now);
  if (due.length === 0) return due;
  const held = await heldWorkspaces(db, due.map((w) => w.workspace_id), now);
  return held.size === 0 ? due : due.filter((w) => !held.has(w.workspace_id));
}

/**
 * The workspaces among `ids` whose ledger is older than their
 * ledger_max_age: one query for all of them. The first poll that finds a
 * workspace held says so once in its team channel; later polls (every few
 * seconds, on every worker) stay silent until a sync ends the hold.
 */
export async function heldWorkspaces(db: Db, ids: readonly string[], now: Date): Promise<Set<string>> {
  const list = await db.select({
    id: workspaces.id, timezone: workspaces.timezone, locale: workspaces.locale,
    syncedAt: workspaces.ledgerSyncedAt, source: workspaces.ledgerSyncSource, notedAt: workspaces.ledgerHoldNotedAt, maxAge: settings.value,
  }).from(workspaces)
    .leftJoin(settings, and(eq(settings.workspaceId, workspaces.id), eq(settings.key, SETTING_KEYS.ledgerMaxAge)))
    .where(inArray(workspaces.id, [...ids]));
  const held = new Set<string>();
  for (const w of list) {
    const maxAge = (w.maxAge === null ? undefined : SETTING_SPECS.ledgerMaxAge.decode(w.maxAge)) ?? DEFAULT_SETTINGS.ledgerMaxAge;
    const hold = ledgerHold(ledgerFreshness(w.syncedAt && w.source ? { at: w.syncedAt, source: w.source } : null, maxAge, now));
    if (!hold) continue;
    held.add(w.id);
    // Announced already since the last sync: this hold has been said.
    if (!w.notedAt || w.notedAt < hold.sync.at) await announceHold(db, { ...w, hold }, now);
  }
  return held;
}

/** The hold's one notice, in the team channel; the workspace row says it was given, so racing workers give it once. */
async function announceHold(db: Db, w: { id: string; timezone: string; locale: 'en' | 'fr'; hold: LedgerHold }, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [claimed] = await tx.update(workspaces).set({ ledgerHoldNotedAt: now })
      .where(and(eq(workspaces.id, w.id), or(isNull(workspaces.ledgerHoldNotedAt), lt(workspaces.ledgerHoldNotedAt, w.hold.sync.at))))
      .returning({ id: workspaces.id });
    if (!claimed) return;
    const t = translator(w.locale);
    await enqueueChannelPost(tx, {
      workspaceId: w.id, target: { to: 'team' }, key: `ledger.hold.${w.hold.sync.at.getTime()}`, now,
      text: ledgerHoldText(ledgerHoldView(w.hold, w.timezone), t, w.locale),
    });
  });
}

/** BullMQ refuses ':' in ids. */
export const mailJobId = (workspaceId: string) => `mails.${workspaceId}`;

/**
 * Mails stuck in 'sending' for over STUCK_AFTER_MS become 'unknown' (a person
 * decides; never resent by themselves), in one statement, with their
 * activities. Returns their ids.
 */
export async function settleStuckMails(db: Db, now: Date): Promise<number[]> {
  return db.transaction(async (tx) => {
    const lost = await settleSendingBefore(tx, new Date(now.getTime() - STUCK_AFTER_MS));
    const byWorkspace = new Map<string, NewActivity[]>();
    for (const m of lost) {
      const list = byWorkspace.get(m.workspace_id) ?? [];
      list.push({ case_id: m.case_id, customer_id: m.customer_id, kind: 'reminder_unknown', data: { stage: m.stage, mail_id: m.id, attempted_at: new Date(m.attempt_started_at).toISOString() } });
      byWorkspace.set(m.workspace_id, list);
    }
    for (const [workspaceId, list] of byWorkspace) await insertActivities(tx, workspaceId, list, 'system', now);
    return lost.map((m) => m.id);
  });
}

// The ladder pass of one workspace and day, in the caller's transaction:
// every open case whose oldest unpaid due date has reached a further step
// moves there and that step acts — a reminder drafted, a call task, an
// escalation proposed to the managers — then the courtesy reminders of
// invoices about to fall due are drafted. A fixed list of statements whatever
// the number of cases (src/db/ladder-pass.ts). Run twice for the same day, the
// second run finds every case already on its step and changes nothing.
import { sql } from 'drizzle-orm';
import { enqueueChannelPost, type ChannelPostTarget } from '../../db/channel-posts.ts';
import type { Queryable } from '../../db/client.ts';
import {
  applyMoves, createMoves, insertCaseDrafts, insertDrafts, linkDrafts, listMoves, lockMovingCases, logMoves, proposeEscalations, reportMoves,
  type LadderScope, type MoveLine, type StageReport,
} from '../../db/ladder-pass.ts';
import { readSettings } from '../../db/settings.ts';
import { readLedgerFreshness } from '../../db/ledger-sync.ts';
import { ledgerHold, type LedgerHold } from '../../domain/ledger-freshness.ts';
import { waitingDraftsCreatedAt } from '../../db/mails.ts';
import { MAIL_STAGES } from '../../domain/mail-settings.ts';
import { approveDrafts } from '../mail/approve.ts';
import { findWorkspace } from '../../db/workspaces.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { STEP_ORDER, type LadderStepKey } from '../../domain/ladder.ts';
import { preDueRange } from '../../domain/ladder-plan.ts';
import { formatIban } from '../../domain/creditor.ts';
import { resolveChannels, type Settings } from '../../domain/settings.ts';
import { formatDate } from '../../i18n/format.ts';
import { translator, type Locale } from '../../i18n/messages.ts';
import { caseDrafts, preDueDrafts, type DraftContext } from './drafts.ts';

export interface PreDueOwed {
  customerRef: string;
  name: string;
  dueDate: IsoDate;
  invoices: number;
}
import { summaryText } from './summary.ts';

/** Call tasks for the cases that just reached the `call` step, in the pass's transaction (automatic assignment). */
export type OnCallStage = (tx: Queryable, caseIds: number[], context: { workspaceId: string; now: Date; command: string }) => Promise<void>;

export interface LadderPassInput {
  workspaceId: string;
  day: IsoDate;
  now: Date;
  /** The slash command as installed, for the hints in messages. */
  command?: string;
  onCallStage?: OnCallStage;
  /** Return every move (the CLI prints them). */
  listMoves?: boolean;
}

export interface StageResult {
  stage: LadderStepKey;
  moved: number;
  /** Moves whose step acted (drafted, called, proposed); the rest landed silently (catch-up). */
  acting: number;
  caughtUp: number;
  drafts: number;
  proposals: number;
}

export interface LadderPassResult {
  workspaceId: string;
  day: IsoDate;
  stages: StageResult[];
  callCaseIds: number[];
  /** The managers' summary message (outbox id), when cases reached a manager step. */
  summaryPostId: number | null;
  preDue: { range: { from: IsoDate; to: IsoDate } | null; drafted: number; owed: PreDueOwed[] };
  moves?: MoveLine[];
  /** The ledger was too old (src/domain/ledger-freshness.ts): the steps that reach debtors waited. */
  held: LedgerHold | null;
}

export async function runLadderPass(tx: Queryable, input: LadderPassInput): Promise<LadderPassResult> {
  const ws = input.workspaceId;
  // Passes of one workspace take turns: the second sees the first one's moves.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.ladder'), hashtext(${ws}))`);
  const workspace = await findWorkspace(tx, ws);
  if (!workspace) throw new Error(`workspace ${ws} does not exist`);
  const settings = await readSettings(tx, ws);
  const scope: LadderScope = { workspaceId: ws, day: input.day, ladder: settings.ladder, catchUpDays: settings.ladderCatchUpDays };
  const ctx: DraftContext = {
    workspaceId: ws, day: input.day, timezone: workspace.timezone, locale: workspace.locale, country: workspace.country,
    creditorName: settings.creditorName ?? (workspace.name.trim() || null), paymentDetails: paymentDetails(settings),
    signature: settings.mailSignature, paymentLink: settings.paymentLink,
    legal: { name: settings.creditorName, address: settings.creditorAddress, companyId: settings.creditorCompanyId },
    command: input.command ?? '/collect',
  };

  await createMoves(tx, scope);
  // A stale ledger: the steps that reach a debtor (the mails, the formal notice) wait where they are
  // for a pass after the next sync; calls and hand-off proposals go to people, who see the hold.
  const held = ledgerHold(await readLedgerFreshness(tx, ws, input.now, settings));
  if (held) await tx.execute(sql`delete from ladder_moves where to_stage::text in (select jsonb_array_elements_text(${JSON.stringify(MAIL_STAGES)}::jsonb))`);
  await lockMovingCases(tx);
  await applyMoves(tx, ws, input.now);
  await proposeEscalations(tx, ws, input.now);
  const drafts = await caseDrafts(tx, ctx);
  if (drafts.length > 0) {
    await insertCaseDrafts(tx, ws, drafts, input.now, { settings, locale: workspace.locale as Locale });
    await linkDrafts(tx);
  }
  await logMoves(tx, ws, input.now);
  const report = await reportMoves(tx);

  const callCaseIds = report.flatMap((r) => r.call_cases ?? []).map(Number);
  if (callCaseIds.length > 0 && input.onCallStage) await input.onCallStage(tx, callCaseIds, { workspaceId: ws, now: input.now, command: ctx.command });

  const proposals = report.filter((r) => r.proposals > 0);
  let summaryPostId: number | null = null;
  if (proposals.length > 0) {
    const channels = resolveChannels(settings, workspace.teamChannelId);
    const target: ChannelPostTarget = channels.managers ? { to: 'channel', channelId: channels.managers } : { to: 'team' };
    const locale = workspace.locale as Locale;
    summaryPostId = await enqueueChannelPost(tx, {
      workspaceId: ws, target, key: `ladder.summary.${input.day}`, now: input.now,
      text: summaryText(translator(locale), { date: formatDate(input.day, locale), stages: proposals, command: ctx.command }),
    });
  }

  const range = held ? null : preDueRange(settings.ladder, settings.ladderCatchUpDays, input.day);
  const owed = range ? await preDueDrafts(tx, ctx, range) : [];
  const drafted = await insertDrafts(tx, ws, owed.map((o) => o.draft), input.now);

  // The stages the send policy sends by itself: this pass's drafts are approved now, as a person would.
  const autoStages = held ? [] : MAIL_STAGES.filter((stage) => settings.sendPolicy[stage] === 'auto');
  const autoIds = await waitingDraftsCreatedAt(tx, ws, input.now, autoStages);
  if (autoIds.length > 0) await approveDrafts(tx, { workspaceId: ws, draftIds: autoIds, by: { kind: 'policy' }, now: input.now });

  return {
    workspaceId: ws, day: input.day, stages: stageResults(report), callCaseIds, summaryPostId,
    preDue: {
      range, drafted,
      owed: owed.map((o) => ({
        customerRef: o.customerRef, name: o.name, dueDate: o.draft.due_date!, invoices: (o.draft.data as { invoices: unknown[] }).invoices.length,
      })),
    },
    ...(input.listMoves ? { moves: await listMoves(tx) } : {}),
    held,
  };
}

/** How to pay, as the drafts print it: the `payment_details` text, else the creditor's bank account from the letters' settings. */
function paymentDetails(settings: Settings): string | null {
  if (settings.paymentDetails) return settings.paymentDetails;
  if (!settings.creditorIban) return null;
  return `IBAN ${formatIban(settings.creditorIban)}${settings.creditorBic ? `, BIC ${settings.creditorBic}` : ''}`;
}

const stageResults = (report: StageReport[]): StageResult[] => report
  .map((r) => ({ stage: r.stage, moved: r.moved, acting: r.acting, caughtUp: r.caught_up, drafts: r.drafts, proposals: r.proposals }))
  .sort((a, b) => STEP_ORDER.indexOf(a.stage) - STEP_ORDER.indexOf(b.stage));

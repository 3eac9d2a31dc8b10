// The narrative at the top of an escalation request (issue #15 item 5): a few
// sentences for the approving manager, by the model when there is a key and
// its text passes the checks (src/ai/case-brief.ts), else by the rules
// (src/i18n/case-brief.ts), from the same facts (src/db/case-facts.ts).
//
// Written once, before the request message is queued, and kept on the
// escalation row (brief_text, brief_source): the message shows the same text
// from its post to its decision, and a later update (the decision) never asks
// the model again. Never on Slack's ack path and never inside a transaction:
// a person's request asks the model in the slash command's run (after the ack)
// before its transaction (services/escalations/request.ts); the ladder's
// proposals are briefed by the escalations pass before it posts them
// (writeProposalNarratives, below). Whatever reaches the queueing without a
// narrative (a race, a crash in between) gets the rule brief there, inside the
// transaction (keepRuleNarrative), as the rules need no network.
import { and, eq, isNull } from 'drizzle-orm';
import { askCaseBrief, type CaseBriefFailure } from '../../ai/case-brief.ts';
import type { AiClient } from '../../ai/client.ts';
import type { CaseFacts } from '../../domain/case-brief-text.ts';
import { loadCaseFacts } from '../../db/case-facts.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { EscalationBrief } from '../../db/escalations.ts';
import { escalations } from '../../db/schema.ts';
import { findWorkspace, type Workspace } from '../../db/workspaces.ts';
import { ruleBrief } from '../../i18n/case-brief.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { Logger } from '../../log.ts';

export type NarrativeSource = 'ai' | 'rules';

export interface Narrative {
  text: string;
  source: NarrativeSource;
}

export interface WrittenNarrative extends Narrative {
  /** Why the model's text is not the one shown: no key, its failure, or the check it failed. Null when it is. */
  aiSkipped: CaseBriefFailure | null;
}

const localeOf = (workspace: Pick<Workspace, 'locale'>): Locale => (workspace.locale === 'fr' ? 'fr' : 'en');

/** The model's narrative if it passes, else the rules'. Never throws for the model's sake. */
export async function writeNarrative(ai: AiClient | null, facts: CaseFacts, locale: Locale, logger?: Logger): Promise<WrittenNarrative> {
  if (!ai) return { text: ruleBrief(facts, locale), source: 'rules', aiSkipped: 'no_key' };
  let asked: Awaited<ReturnType<typeof askCaseBrief>>;
  try {
    asked = await askCaseBrief(ai, facts, locale);
  } catch (error) {
    // The client returns its failures as values; anything else is a bug, and the rules still answer.
    logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'case brief: the model could not be asked');
    asked = { ok: false, error: 'http_error' };
  }
  if (asked.ok) return { text: asked.value, source: 'ai', aiSkipped: null };
  // The kind of failure only: never the model's text, which may quote a note.
  logger?.info({ aiSkipped: asked.error }, 'case brief written by the rules');
  return { text: ruleBrief(facts, locale), source: 'rules', aiSkipped: asked.error };
}

/** Keeps the narrative on the request unless one is kept already (the first one written stays). */
export async function keepNarrative(db: Queryable, workspaceId: string, escalationId: number, narrative: Narrative): Promise<void> {
  await db.update(escalations).set({ briefText: narrative.text, briefSource: narrative.source })
    .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.id, escalationId), isNull(escalations.briefText)));
}

/** The rule narrative of a request that has none yet, kept; inside the queueing transaction. */
export async function keepRuleNarrative(tx: Queryable, workspace: Workspace, brief: EscalationBrief): Promise<Narrative | null> {
  if (brief.narrative) return brief.narrative;
  const facts = await loadCaseFacts(tx, {
    workspaceId: workspace.id, caseId: brief.caseId, timezone: workspace.timezone, kind: brief.kind,
    requestedBy: brief.requestedBy, reason: brief.reason, at: brief.createdAt,
  });
  if (!facts) return null;
  const narrative: Narrative = { text: ruleBrief(facts, localeOf(workspace)), source: 'rules' };
  await keepNarrative(tx, workspace.id, brief.id, narrative);
  return narrative;
}

/**
 * The narratives of the ladder's proposals the pass is about to post, written
 * outside any transaction and kept. Skipped for a burst (more than `burst`
 * waiting: they are listed, not posted) and without a key (the queueing writes
 * the rule brief). Returns how many the model wrote.
 */
export async function writeProposalNarratives(db: Db, ai: AiClient | null, input: { workspaceId: string; now: Date; burst: number; logger?: Logger }): Promise<number> {
  if (!ai) return 0;
  const waiting = await db.select({
    id: escalations.id, caseId: escalations.caseId, kind: escalations.kind, requestedBy: escalations.requestedBy, reason: escalations.reason,
    createdAt: escalations.createdAt, briefText: escalations.briefText,
  }).from(escalations)
    .where(and(eq(escalations.workspaceId, input.workspaceId), eq(escalations.status, 'pending'), isNull(escalations.postId),
      isNull(escalations.summarizedAt), isNull(escalations.managersToldAt)))
    .orderBy(escalations.id).limit(input.burst + 1);
  if (waiting.length === 0 || waiting.length > input.burst) return 0;
  const workspace = await findWorkspace(db, input.workspaceId);
  if (!workspace) return 0;
  const written = await Promise.all(waiting.filter((w) => w.briefText === null).map(async (w) => {
    const facts = await loadCaseFacts(db, {
      workspaceId: workspace.id, caseId: w.caseId, timezone: workspace.timezone, kind: w.kind, requestedBy: w.requestedBy, reason: w.reason, at: w.createdAt,
    });
    if (!facts) return false;
    const narrative = await writeNarrative(ai, facts, localeOf(workspace), input.logger?.child({ escalation: w.id }));
    await keepNarrative(db, workspace.id, w.id, narrative);
    return narrative.source === 'ai';
  }));
  return written.filter(Boolean).length;
}

/** A person's request: the narrative written before its transaction (null when the case is gone). */
export async function narrativeForRequest(db: Queryable, ai: AiClient | null, input: {
  workspace: Workspace; caseId: number; kind: EscalationBrief['kind']; requestedBy: string; reason: string | null; now: Date; logger?: Logger;
}): Promise<WrittenNarrative | null> {
  const facts = await loadCaseFacts(db, {
    workspaceId: input.workspace.id, caseId: input.caseId, timezone: input.workspace.timezone, kind: input.kind,
    requestedBy: input.requestedBy, reason: input.reason, at: input.now,
  });
  if (!facts) return null;
  return writeNarrative(ai, facts, localeOf(input.workspace), input.logger);
}

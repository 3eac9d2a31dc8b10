// What the digest's buttons, modal and reactions say back: to the person who
// acted, and on the case reply everyone sees.
import type { WebClient } from '@slack/web-api';
import { findDigestEntry } from '../db/digest.ts';
import { loadEntries } from '../db/worklist.ts';
import { mention } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/messages.ts';
import { callHolder, type ClaimResult } from '../services/claim-call.ts';
import { digestEntry } from './blocks/digest.ts';
import type { CommandContext } from './command.ts';
import { errorRef, type RequestServices } from './request-context.ts';

export const CLAIM_REACTION = 'raising_hand';

export function claimText(ctx: CommandContext, result: ClaimResult): string {
  switch (result.kind) {
    case 'claimed': return ctx.t('claim.done', { name: result.name });
    case 'already': return ctx.t('claim.already', { name: result.name });
    case 'taken': return ctx.t('claim.taken', { name: result.name, user: mention(result.by) });
    case 'closed': return ctx.t('claim.closed');
    case 'not_found': return ctx.t('claim.notFound', { command: ctx.command });
  }
}

/**
 * Re-renders a digest reply so everyone sees who holds the call. What the user
 * did is done by then: a failure here is logged, not reported as theirs.
 */
export async function refreshEntry(ctx: CommandContext, client: WebClient, channelId: string, messageTs: string): Promise<void> {
  try {
    const entry = await findDigestEntry(ctx.db, ctx.workspace.id, channelId, messageTs);
    if (!entry) return;
    const [detail] = await loadEntries(ctx.db, ctx.workspace.id, ctx.today, [entry.customerId]);
    if (!detail) return;
    const holder = await callHolder(ctx.db, ctx.workspace.id, entry.caseId);
    const reply = digestEntry({ ...detail, caseId: entry.caseId }, entry.rank, { locale: ctx.locale, t: ctx.t, today: ctx.today }, holder);
    await client.chat.update({ channel: channelId, ts: messageTs, text: reply.text, blocks: reply.blocks });
  } catch (error) {
    ctx.logger.warn({ err: error, channel: channelId, ts: messageTs }, 'could not re-render the digest reply');
  }
}

export async function tellUser(client: WebClient, channelId: string, userId: string, text: string): Promise<void> {
  await client.chat.postEphemeral({ channel: channelId, user: userId, text });
}

/**
 * Runs what a click or a reaction asks for. A failure is logged with a
 * reference, and the person is told that reference instead of hearing nothing.
 */
export async function answeringFailures(services: RequestServices, what: string, tell: (text: string) => Promise<unknown>, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const ref = errorRef();
    const { env, logger } = services.deps;
    logger.error({ err: error, ref, what }, 'digest interaction failed');
    await tell(t(env.RELANCE_LOCALE as Locale, 'error.internal', { ref }))
      .catch((e: unknown) => logger.warn({ err: e, ref, what }, 'could not deliver the error reply'));
  }
}

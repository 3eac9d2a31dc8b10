// The review list's messages: queued in the team channel's outbox when a
// statement leaves credits unmatched (the worker posts them within seconds,
// or as soon as the team has a channel), and re-rendered from the database
// when someone matches or sets aside one of their credits.
import { sql } from 'drizzle-orm';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { enqueueChannelPost } from '../../db/channel-posts.ts';
import { rows, type Queryable } from '../../db/client.ts';
import { translator, type Locale } from '../../i18n/messages.ts';
import { ENTRIES_PER_MESSAGE, reviewMessage, type ReviewEntry } from '../../slack/blocks/statement-review.ts';

type EntryRow = {
  id: number | string; amount_cents: number | string; currency: string; booked_on: string | null; debtor_name: string | null;
  remittance: string; status: ReviewEntry['status']; review_reason: string | null; decided_by: string | null; invoices: string[] | null;
};

const toEntry = (r: EntryRow): ReviewEntry => ({
  id: Number(r.id), amountCents: Number(r.amount_cents), currency: r.currency.trim(), bookedOn: r.booked_on ? String(r.booked_on) : null,
  debtorName: r.debtor_name, remittance: r.remittance, status: r.status, reviewReason: r.review_reason, decidedBy: r.decided_by,
  invoices: r.invoices ?? [],
});

const ENTRY_COLUMNS = sql`e.id, e.amount_cents, e.currency, e.booked_on, e.debtor_name, e.remittance, e.status, e.review_reason, e.decided_by,
  (select array_agg(distinct i.invoice_number order by i.invoice_number) from payments p join invoices i on i.id = p.invoice_id
    where p.workspace_id = e.workspace_id and p.reference = any(e.payment_references)) as invoices`;

export async function loadReviewEntry(db: Queryable, workspaceId: string, entryId: number): Promise<(ReviewEntry & { customerId: number | null; reviewPostId: number | null; direction: string }) | null> {
  const [found] = await rows<EntryRow & { customer_id: number | string | null; review_post_id: number | string | null; direction: string }>(db, sql`
    select ${ENTRY_COLUMNS}, e.customer_id, e.review_post_id, e.direction
    from statement_entries e where e.workspace_id = ${workspaceId} and e.id = ${entryId}`);
  if (!found) return null;
  return {
    ...toEntry(found), customerId: found.customer_id === null ? null : Number(found.customer_id),
    reviewPostId: found.review_post_id === null ? null : Number(found.review_post_id), direction: found.direction,
  };
}

async function entriesOfPost(db: Queryable, workspaceId: string, postId: number): Promise<ReviewEntry[]> {
  const found = await rows<EntryRow>(db, sql`
    select ${ENTRY_COLUMNS} from statement_entries e where e.workspace_id = ${workspaceId} and e.review_post_id = ${postId} order by e.id`);
  return found.map(toEntry);
}

async function localeOf(db: Queryable, workspaceId: string): Promise<Locale> {
  const [ws] = await rows<{ locale: Locale }>(db, sql`select locale from workspaces where id = ${workspaceId}`);
  return ws?.locale ?? 'en';
}

/** Queues the review list of these entries (in the caller's transaction), ENTRIES_PER_MESSAGE a message. Returns how many messages. */
export async function queueReview(tx: Queryable, input: { workspaceId: string; entryIds: readonly number[]; now: Date }): Promise<number> {
  const ids = [...input.entryIds].sort((a, b) => a - b);
  if (ids.length === 0) return 0;
  const locale = await localeOf(tx, input.workspaceId);
  const v = { t: translator(locale), locale };
  let messages = 0;
  for (let i = 0; i < ids.length; i += ENTRIES_PER_MESSAGE) {
    const chunk = ids.slice(i, i + ENTRIES_PER_MESSAGE);
    const found = await rows<EntryRow>(tx, sql`
      select ${ENTRY_COLUMNS} from statement_entries e
      where e.workspace_id = ${input.workspaceId} and e.id = any(${`{${chunk.join(',')}}`}::bigint[]) order by e.id`);
    const message = reviewMessage(found.map(toEntry), v);
    const postId = await enqueueChannelPost(tx, {
      workspaceId: input.workspaceId, target: { to: 'team' }, text: message.text, blocks: message.blocks,
      key: `statement.review.${chunk[0]}`, now: input.now,
    });
    await tx.execute(sql`update statement_entries set review_post_id = ${postId}
      where workspace_id = ${input.workspaceId} and id = any(${`{${chunk.join(',')}}`}::bigint[])`);
    messages += 1;
  }
  return messages;
}

/**
 * Shows a review message as the entries now stand. What the person did is
 * done by then: a failure here is logged, never reported as theirs.
 */
export async function refreshReviewPost(
  deps: { db: Queryable; client: WebClient; logger: Logger },
  input: { workspaceId: string; postId: number | null; at?: { channelId: string; ts: string } },
): Promise<void> {
  if (input.postId === null) return;
  try {
    let at = input.at;
    if (!at) {
      const [post] = await rows<{ channel_id: string | null; message_ts: string | null }>(deps.db, sql`
        select channel_id, message_ts from channel_posts where workspace_id = ${input.workspaceId} and id = ${input.postId}`);
      if (!post?.channel_id || !post.message_ts) return;
      at = { channelId: post.channel_id, ts: post.message_ts };
    }
    const locale = await localeOf(deps.db, input.workspaceId);
    const message = reviewMessage(await entriesOfPost(deps.db, input.workspaceId, input.postId), { t: translator(locale), locale });
    await deps.client.chat.update({ channel: at.channelId, ts: at.ts, text: message.text, blocks: message.blocks });
  } catch (error) {
    deps.logger.warn({ err: error, post: input.postId }, 'could not re-render the statement review message');
  }
}

// The Review modal the digest opens: the reminders waiting for the viewer, a
// page at a time (a modal holds at most 100 blocks), the header naming
// exactly what "Send these N" approves, which is the page's drafts and no other.
import type { KnownBlock, View } from '@slack/types';
import { z } from 'zod';
import type { WaitingDraft } from '../../db/waiting-drafts.ts';
import { formatMoney } from '../../domain/money.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { mrkdwn } from '../../i18n/format.ts';
import type { Locale, Translator } from '../../i18n/messages.ts';
import { button, context, LIMITS, plainText, section } from './kit.ts';

export const REVIEW_ACTION = 'reminder_review';
export const REVIEW_PAGE_ACTION = 'reminder_review_page';
export const REVIEW_VIEW = 'reminder_review_view';
/** 40 one-section drafts, the header, the pager and two notes: well inside a modal's 100 blocks. */
export const REVIEW_PAGE_SIZE = 40;
const INVOICES_SHOWN = 5;

export interface ReviewPage {
  drafts: WaitingDraft[];
  page: number;
  total: number;
  /** A collector's list leaves out the formal-notice copies: say so. */
  noticesLeftOut: boolean;
  outbox: boolean;
  /** What the last submit did, shown above the next page. */
  done: string | null;
}

/** What the submit covers: the page's draft ids (well under Slack's 3,000 characters: 40 ids). */
const reviewMetadata = z.object({ ids: z.array(z.number().int().positive()).max(REVIEW_PAGE_SIZE), p: z.number().int().min(0) });
export type ReviewMetadata = z.infer<typeof reviewMetadata>;

export function parseReviewMetadata(raw: string | undefined): Result<ReviewMetadata, string> {
  try {
    const parsed = reviewMetadata.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? ok(parsed.data) : err(raw ?? '');
  } catch {
    return err(raw ?? '');
  }
}

function itemText(t: Translator, locale: Locale, d: WaitingDraft): string {
  const more = d.invoices.length > INVOICES_SHOWN ? ` +${d.invoices.length - INVOICES_SHOWN}` : '';
  return t('review.item', {
    name: d.name, stage: t(`stage.${d.stage}` as 'stage.reminder_1'),
    total: d.totals.map((m) => formatMoney(m, locale)).join(' · '),
    invoices: `${d.invoices.slice(0, INVOICES_SHOWN).join(', ')}${more}`, subject: d.subject,
  });
}

export function reviewModal(t: Translator, locale: Locale, p: ReviewPage): View {
  const blocks: KnownBlock[] = [];
  if (p.done) blocks.push(section(p.done));
  if (p.drafts.length === 0) {
    blocks.push(section(t('review.none')));
  } else {
    const list = p.drafts.map((d) => t('review.coversItem', { name: d.name, stage: t(`stage.${d.stage}` as 'stage.reminder_1') })).join(', ');
    blocks.push(section(t('review.covers', { count: p.drafts.length, list: mrkdwn(list) })));
    for (const d of p.drafts) blocks.push(section(itemText(t, locale, d)));
    const pages = Math.max(1, Math.ceil(p.total / REVIEW_PAGE_SIZE));
    const pager = [
      ...(p.page > 0 ? [button({ actionId: REVIEW_PAGE_ACTION, text: t('review.previous'), value: String(p.page - 1) })] : []),
      ...(p.page + 1 < pages ? [button({ actionId: REVIEW_PAGE_ACTION, text: t('review.next'), value: String(p.page + 1) })] : []),
    ];
    if (pager.length > 0) blocks.push({ type: 'actions', block_id: 'review_pager', elements: pager });
    blocks.push(context([t('review.page', { page: p.page + 1, pages, total: p.total })]));
  }
  const notes = [p.noticesLeftOut ? t('review.managersOnly') : null, p.outbox ? t('review.outbox') : null].filter((n): n is string => n !== null);
  if (notes.length > 0) blocks.push(context(notes));
  const metadata: ReviewMetadata = { ids: p.drafts.map((d) => d.id), p: p.page };
  return {
    type: 'modal',
    callback_id: REVIEW_VIEW,
    title: plainText(t('review.title'), LIMITS.modalTitle),
    ...(p.drafts.length > 0 ? { submit: plainText(t('review.submit', { count: p.drafts.length }), LIMITS.modalButton) } : {}),
    close: plainText(t('review.close'), LIMITS.modalButton),
    private_metadata: JSON.stringify(metadata),
    blocks: blocks.slice(0, LIMITS.blocksPerView),
  };
}

// The review list of a bank statement in the team channel: one section per
// credit relance could not match for sure (amount, date, payer, remittance
// text, why), with Match (a form to pick the invoices) and Ignore; a credit
// decided shows who decided instead of its buttons. The Match form lists open
// invoices of the credit's currency: the payer's when relance knows them.
import type { KnownBlock, ModalView } from '@slack/types';
import { formatMoney } from '../../domain/money.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { formatDate, mention } from '../../i18n/format.ts';
import type { Locale, Translator } from '../../i18n/messages.ts';
import { button, context, fitBlocks, header, LIMITS, mrkdwnText, plainText, section } from './kit.ts';

export const STATEMENT_MATCH_ACTION = 'statement_match';
export const STATEMENT_IGNORE_ACTION = 'statement_ignore';
export const STATEMENT_MATCH_VIEW = 'statement_match_form';
export const STATEMENT_MATCH_FIELD = 'statement_invoices';

/** Entries per message: a header, then two blocks each, within Slack's 50. */
export const ENTRIES_PER_MESSAGE = 20;

export interface ReviewEntry {
  id: number;
  amountCents: number;
  currency: string;
  bookedOn: string | null;
  debtorName: string | null;
  remittance: string;
  status: 'unmatched' | 'matched' | 'ignored' | 'reversed';
  reviewReason: string | null;
  decidedBy: string | null;
  /** The invoice numbers a person matched it to. */
  invoices: string[];
}

export interface ReviewView {
  t: Translator;
  locale: Locale;
}

const REASONS = ['no_match', 'more_than_open', 'amounts_differ', 'other_currency', 'no_amount', 'ambiguous_customer'] as const;

function entryText(e: ReviewEntry, v: ReviewView): string {
  const { t } = v;
  const text = v.t('statement.review.entry', {
    amount: formatMoney({ cents: e.amountCents, currency: e.currency }, v.locale),
    date: e.bookedOn ? formatDate(e.bookedOn as IsoDate, v.locale) : '',
    debtor: e.debtorName ?? t('statement.review.unknownDebtor'),
    remittance: e.remittance.trim() === '' ? t('statement.review.noRemittance') : e.remittance,
  });
  const reason = REASONS.find((r) => r === e.reviewReason);
  return reason && e.status === 'unmatched' ? `${text}\n_${t(`statement.reason.${reason}`)}_` : text;
}

function entryOutcome(e: ReviewEntry, v: ReviewView): KnownBlock {
  const { t } = v;
  const who = mention(e.decidedBy ?? 'relance');
  if (e.status === 'matched') return context([t('statement.review.matched', { user: who, invoices: e.invoices.join(', ') })]);
  if (e.status === 'ignored') return context([t('statement.review.ignored', { user: who })]);
  return context([t('statement.review.reversed')]);
}

/** One review message: its entries, with buttons on those still waiting. */
export function reviewMessage(entries: readonly ReviewEntry[], v: ReviewView): { text: string; blocks: KnownBlock[] } {
  const { t } = v;
  const waiting = entries.filter((e) => e.status === 'unmatched').length;
  const blocks: KnownBlock[] = [header(t('statement.review.header', { count: entries.length }))];
  for (const e of entries.slice(0, ENTRIES_PER_MESSAGE)) {
    blocks.push({ ...section(entryText(e, v)), block_id: `statement_entry_${e.id}` } as KnownBlock);
    blocks.push(e.status === 'unmatched'
      ? {
        type: 'actions', block_id: `statement_actions_${e.id}`,
        elements: [
          button({ actionId: STATEMENT_MATCH_ACTION, text: t('statement.button.match'), value: String(e.id), style: 'primary' }),
          button({ actionId: STATEMENT_IGNORE_ACTION, text: t('statement.button.ignore'), value: String(e.id) }),
        ],
      }
      : entryOutcome(e, v));
  }
  return { text: t('statement.review.text', { count: waiting }), blocks: fitBlocks(blocks) };
}

export interface InvoiceChoice {
  number: string;
  customerName: string;
  openCents: number;
  currency: string;
  dueDate: string;
}

export interface MatchMetadata {
  entryId: number;
  channelId?: string;
  messageTs?: string;
}

/** Static selects take at most 100 options. */
export const MAX_CHOICES = 100;

/** The Match form: the credit, and the invoices it may pay. */
export function matchModal(e: ReviewEntry, choices: readonly InvoiceChoice[], v: ReviewView, meta: MatchMetadata): ModalView {
  const { t } = v;
  const options = choices.slice(0, MAX_CHOICES).map((c) => ({
    text: plainText(`${c.number} · ${formatMoney({ cents: c.openCents, currency: c.currency }, v.locale)} · ${c.customerName}`, LIMITS.optionText),
    value: c.number.slice(0, 150),
  }));
  return {
    type: 'modal',
    callback_id: STATEMENT_MATCH_VIEW,
    private_metadata: JSON.stringify(meta),
    title: plainText(t('statement.match.title'), LIMITS.modalTitle),
    submit: plainText(t('statement.match.submit'), LIMITS.modalButton),
    close: plainText(t('statement.match.cancel'), LIMITS.modalButton),
    blocks: fitBlocks([
      { type: 'section', text: mrkdwnText(entryText({ ...e, reviewReason: null }, v)) },
      {
        type: 'input',
        block_id: STATEMENT_MATCH_FIELD,
        label: plainText(t('statement.match.label'), LIMITS.inputLabel),
        element: { type: 'multi_static_select', action_id: 'value', options },
      },
    ], LIMITS.blocksPerView),
  };
}

/** The form's metadata, or what was wrong with it. */
export function parseMatchMetadata(raw: string | undefined): Result<MatchMetadata, string> {
  try {
    const value = JSON.parse(raw ?? '') as Partial<MatchMetadata>;
    if (typeof value.entryId !== 'number' || !Number.isSafeInteger(value.entryId) || value.entryId <= 0) return err(raw ?? '');
    return ok({
      entryId: value.entryId,
      ...(typeof value.channelId === 'string' ? { channelId: value.channelId } : {}),
      ...(typeof value.messageTs === 'string' ? { messageTs: value.messageTs } : {}),
    });
  } catch {
    return err(raw ?? '');
  }
}

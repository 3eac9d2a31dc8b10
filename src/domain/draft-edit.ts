// What an edit of a reminder draft must keep: a subject, every total as the
// draft printed it and every invoice number it names. A collector rewords the
// courtesy around the figures; the figures come from the database and an edit
// that drops one would send the debtor a reminder without what they owe.
import { stripControlsKeepingLines, stripControlsToOneLine } from './control-characters.ts';
import { formatMoney, type Money } from './money.ts';
import { err, ok, type Result } from './result.ts';

/** Slack caps a text input (its initial value and what it takes) at 3,000 characters. */
export const EDIT_BODY_MAX = 3000;
export const EDIT_SUBJECT_MAX = 250;

/** What the draft was made of (drafts.data), as far as an edit must keep it. */
export interface DraftFacts {
  locale: 'en' | 'fr';
  /** The open totals, one per currency, as printed in the draft. */
  totals: Money[];
  invoiceNumbers: string[];
  /** The text as drafted: where an example of a kept figure is taken from. */
  body: string;
}

export type EditProblem =
  | { field: 'subject'; kind: 'empty' }
  | { field: 'subject'; kind: 'too_long'; length: number; max: number }
  | { field: 'body'; kind: 'empty' }
  | { field: 'body'; kind: 'too_long'; length: number; max: number }
  /** Figures or invoice numbers the edit dropped, each as the draft printed it; `example` is the draft's line that held the first one. */
  | { field: 'body'; kind: 'missing'; amounts: string[]; invoices: string[]; example: string };

export interface EditedDraft {
  subject: string;
  body: string;
}

/** Reads drafts.data (written by src/services/ladder/drafts.ts and the formal-notice copy); what it lacks is not checked. */
export function draftFacts(locale: 'en' | 'fr', body: string, data: unknown): DraftFacts {
  const d = (data ?? {}) as { totals?: unknown; invoices?: unknown };
  const totals = Array.isArray(d.totals)
    ? d.totals.filter((m): m is Money => typeof m === 'object' && m !== null && Number.isSafeInteger((m as Money).cents) && typeof (m as Money).currency === 'string')
    : [];
  const invoiceNumbers = Array.isArray(d.invoices)
    ? d.invoices.map((i) => (typeof i === 'object' && i !== null ? (i as { number?: unknown }).number : null)).filter((n): n is string => typeof n === 'string' && n !== '')
    : [];
  return { locale, totals, invoiceNumbers, body };
}

/** Any run of spaces (a typed space for a narrow no-break one in "1 200,00 €") compares equal. */
const loose = (text: string) => text.replace(/[\s\u00a0\u202f]+/gu, ' ');

/** The edit cleaned (control characters out, ends trimmed), or every problem found. */
export function checkEditedDraft(facts: DraftFacts, edit: EditedDraft): Result<EditedDraft, EditProblem[]> {
  const subject = stripControlsToOneLine(edit.subject).trim();
  const body = stripControlsKeepingLines(edit.body.replace(/\r\n?/g, '\n')).trim();
  const problems: EditProblem[] = [];
  if (subject === '') problems.push({ field: 'subject', kind: 'empty' });
  else if (subject.length > EDIT_SUBJECT_MAX) problems.push({ field: 'subject', kind: 'too_long', length: subject.length, max: EDIT_SUBJECT_MAX });
  if (body === '') problems.push({ field: 'body', kind: 'empty' });
  else if (body.length > EDIT_BODY_MAX) problems.push({ field: 'body', kind: 'too_long', length: body.length, max: EDIT_BODY_MAX });
  else {
    const kept = loose(body);
    const amounts = facts.totals.map((m) => formatMoney(m, facts.locale)).filter((a) => !kept.includes(loose(a)));
    const invoices = facts.invoiceNumbers.filter((n) => !kept.includes(loose(n)));
    if (amounts.length > 0 || invoices.length > 0) {
      const first = amounts[0] ?? invoices[0]!;
      // The last line that held it: the total comes after the invoice lines.
      const example = facts.body.split('\n').findLast((line) => loose(line).includes(loose(first)))?.trim() ?? first;
      problems.push({ field: 'body', kind: 'missing', amounts, invoices, example });
    }
  }
  return problems.length > 0 ? err(problems) : ok({ subject, body });
}

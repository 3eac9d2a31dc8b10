// The messages of a case thread: its header (the thread's first message), one
// post per activity, and the DM that tells an owner a promise was broken.
import type { KnownBlock } from '@slack/types';
import type { CaseHeader, ThreadActivity } from '../../db/thread-context.ts';
import { cut, escapeMrkdwn, formatDate, formatTotals, mention, mrkdwn } from '../../i18n/format.ts';
import type { Locale, Translator } from '../../i18n/messages.ts';
import { activityBy, describeActivity } from './activity-text.ts';
import { context, LIMITS, section } from './kit.ts';

export interface ThreadView {
  locale: Locale;
  t: Translator;
  /** The slash command as installed. */
  command: string;
}

export interface ThreadMessage {
  text: string;
  blocks?: KnownBlock[];
}

/** A note is the collector's own words: shown whole (within reason), as a quote, never as markup. */
const NOTE_CHARS = 2000;

export function threadRoot(h: CaseHeader, v: ThreadView): ThreadMessage {
  const { t } = v;
  const overdue = formatTotals(h.overdue, v.locale) || t('thread.nothingOverdue');
  return {
    text: t('thread.rootText', { name: h.name, ref: h.ref }),
    blocks: [
      section(t('thread.root', {
        name: h.name, ref: h.ref, overdue, date: formatDate(h.today, v.locale),
        owner: h.ownerId ? mention(h.ownerId) : mrkdwn(t('overdue.noOwner')),
      })),
      context([t('thread.rootHint', { command: v.command, ref: h.ref })]),
    ],
  };
}

function quote(note: string): string {
  return cut(escapeMrkdwn(note.trim()), NOTE_CHARS).split('\n').map((line) => `> ${line}`).join('\n');
}

export function threadPost(a: ThreadActivity, v: ThreadView): ThreadMessage {
  const line = `${describeActivity(a, v)}${activityBy(a.actorId, v)}`;
  const text = a.note?.trim() ? `${line}\n${quote(a.note)}` : line;
  return { text: cut(text, LIMITS.messageText) };
}

/** An activity sent to a person: today only broken promises, to the case's owner. */
export function activityDm(a: ThreadActivity, v: ThreadView): ThreadMessage {
  const what = mrkdwn(describeActivity(a, v));
  if (a.kind === 'promise_broken') return { text: v.t('thread.promiseBrokenDm', { name: a.name, ref: a.ref, what, command: v.command }) };
  return { text: v.t('thread.activityDm', { name: a.name, ref: a.ref, what }) };
}

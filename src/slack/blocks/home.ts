// The App Home tab: one person's calls, promises, cases and approvals. Built
// from already-read data; every row is one block, so the view stays well
// under Slack's 100-block limit whatever the person owns.
import type { KnownBlock, View } from '@slack/types';
import type { HomeData } from '../../db/home.ts';
import { localParts, type IsoDate } from '../../domain/dates.ts';
import { formatTotals, formatDate } from '../../i18n/format.ts';
import type { Locale, Translator } from '../../i18n/messages.ts';
import { button, context, fitBlocks, header, LIMITS, mrkdwnText, section, type ButtonSpec } from './kit.ts';
import { LOG_CALL_ACTION } from './digest.ts';
import { caseStatusLabel, OPEN_CASE_ACTION } from './worklist.ts';

/** Rows shown per list; with the headers this is at most ~60 blocks. */
export const HOME_LIMITS = { calls: 20, promises: 20, cases: 10 } as const;

export interface HomeViewContext {
  t: Translator;
  locale: Locale;
  timezone: string;
  today: IsoDate;
  now: Date;
}

const divider: KnownBlock = { type: 'divider' };

const withButton = (text: string, b: ButtonSpec): KnownBlock => ({ type: 'section', text: mrkdwnText(text), accessory: button(b) });

function more(blocks: KnownBlock[], v: HomeViewContext, shown: number, total: number): void {
  if (total > shown) blocks.push(context([v.t('home.more', { shown, total })]));
}

export function homeView(data: HomeData, v: HomeViewContext): View {
  const { t, locale } = v;
  const blocks: KnownBlock[] = [header(t('home.title'))];

  blocks.push(section(t('home.calls', { count: data.calls.length })));
  if (data.calls.length === 0) blocks.push(context([t('home.callsNone')]));
  for (const call of data.calls) {
    const due = localParts(call.dueAt, v.timezone);
    const time = due.date < v.today ? t('home.callLate', { date: formatDate(due.date, locale), time: due.time }) : due.time;
    blocks.push(withButton(t('home.callLine', { name: call.name, time, amount: formatTotals(call.overdue, locale) }),
      { actionId: LOG_CALL_ACTION, text: t('button.logCall'), value: String(call.caseId), style: 'primary' }));
  }
  blocks.push(divider);

  blocks.push(section(t('home.promises', { count: data.promises.length })));
  if (data.promises.length === 0) blocks.push(context([t('home.promisesNone')]));
  for (const p of data.promises) {
    const amount = formatTotals([p.amount], locale);
    const text = p.dueOn < v.today
      ? t('home.promisePast', { name: p.name, amount, date: formatDate(p.dueOn, locale) })
      : t('home.promiseToday', { name: p.name, amount });
    blocks.push(withButton(text, { actionId: OPEN_CASE_ACTION, text: t('button.openCase'), value: String(p.customerId) }));
  }
  blocks.push(divider);

  blocks.push(section(t('home.cases', { count: data.caseCount })));
  if (data.cases.length === 0) blocks.push(context([t('home.casesNone')]));
  for (const c of data.cases) {
    const text = t('home.caseLine', { name: c.name, amount: formatTotals(c.overdue, locale), status: caseStatusLabel(t, locale, { status: c.status, stage: null }) });
    blocks.push(withButton(text, { actionId: OPEN_CASE_ACTION, text: t('button.openCase'), value: String(c.customerId) }));
  }
  more(blocks, v, data.cases.length, data.caseCount);

  if (data.approvals !== null) {
    blocks.push(divider);
    blocks.push(section(t('home.approvals', { count: data.approvals })));
    blocks.push(context([data.approvals === 0 ? t('home.approvalsNone') : t('home.approvalsSome', { count: data.approvals })]));
  }
  blocks.push(divider, context([t('home.updated', { time: localParts(v.now, v.timezone).time })]));
  return { type: 'home', blocks: fitBlocks(blocks, LIMITS.blocksPerView) };
}

/** What a stranger sees: the polite refusal, and nothing else. */
export function refusalHomeView(t: Translator, text: string): View {
  return { type: 'home', blocks: fitBlocks([header(t('home.title')), section(text)], LIMITS.blocksPerView) };
}

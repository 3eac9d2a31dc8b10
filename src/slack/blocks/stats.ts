// The `/collect stats` reply: the period, a section per currency (receivables,
// sales, DSO, CEI, overdue by days past due), the promise-kept rate, and one
// line per collector the viewer may see.
import type { KnownBlock } from '@slack/types';
import type { StatsData } from '../../db/stats.ts';
import { addDays, type IsoDate } from '../../domain/dates.ts';
import { formatMoney, type Locale } from '../../domain/money.ts';
import {
  STATS_BUCKETS, ceiTenths, dsoTenths, formatPercent, formatTenths, promiseKeptTenths, reachTenths, visibleCollectors,
  type CollectorFigures, type LedgerFigures,
} from '../../domain/stats.ts';
import { periodDays, type StatsPeriod } from '../../domain/stats-period.ts';
import { formatDate, formatTotals, mention } from '../../i18n/format.ts';
import type { Translator } from '../../i18n/messages.ts';
import type { Reply } from '../command.ts';
import { LIMITS, context, header, mrkdwnText, section } from './kit.ts';

export interface StatsView {
  locale: Locale;
  t: Translator;
  timeZone: string;
  period: StatsPeriod;
  /** Whose lines to show: everyone's (managers, admins), or the viewer's own. */
  viewer: { userId: string; seesEveryone: boolean };
}

const BUCKET_RANGES: Record<(typeof STATS_BUCKETS)[number]['key'], string> = { '1_30': '1–30', '31_60': '31–60', '61_90': '61–90', '91_plus': '91+' };

const isEmpty = (f: LedgerFigures) =>
  f.receivableBefore === 0 && f.receivableEnd === 0 && f.creditSales === 0 && f.overdueEnd === 0;

function currencyBlock(f: LedgerFigures, v: StatsView): KnownBlock {
  const { t, locale, period } = v;
  const money = (cents: number) => formatMoney({ cents, currency: f.currency }, locale);
  const date = (d: IsoDate) => formatDate(d, locale);
  const dso = dsoTenths(f, periodDays(period));
  const cei = ceiTenths(f);
  const fields = [
    t('stats.receivableEnd', { date: date(period.end), amount: money(f.receivableEnd) }),
    t('stats.receivableBefore', { date: date(addDays(period.start, -1)), amount: money(f.receivableBefore) }),
    t('stats.sales', { amount: money(f.creditSales) }),
    t('stats.dso', { value: dso === null ? t('stats.none') : t('stats.days', { value: formatTenths(dso, locale) }) }),
    t('stats.cei', { value: cei === null ? t('stats.none') : formatPercent(cei, locale) }),
    t('stats.overdue', { date: date(period.end), amount: money(f.overdueEnd) }),
    ...STATS_BUCKETS.map((b, i) => t('stats.bucket', { range: BUCKET_RANGES[b.key], amount: money(f.buckets[i]!) })),
  ];
  return {
    type: 'section',
    text: mrkdwnText(t('stats.currency', { currency: f.currency })),
    fields: fields.map((text) => mrkdwnText(text, LIMITS.fieldText)),
  };
}

function collectorLine(c: CollectorFigures, v: StatsView): string {
  const { t, locale } = v;
  const reach = reachTenths(c);
  return t('stats.collectorLine', {
    user: mention(c.userId), calls: c.calls, reach: reach === null ? t('stats.none') : formatPercent(reach, locale),
    taken: c.promisesTaken, kept: c.promisesKept, decided: c.promisesDecided,
    collected: c.collected.length > 0 ? formatTotals(c.collected, locale) : t('stats.nothingCollected'),
  });
}

/** Lines packed into as few sections as Slack's 3,000 characters a section allow. */
function packed(lines: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > LIMITS.sectionText) {
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

function collectorBlocks(all: CollectorFigures[], v: StatsView): KnownBlock[] {
  const { t, viewer } = v;
  const lines = visibleCollectors(all, viewer).map((c) => collectorLine(c, v));
  if (!viewer.seesEveryone) return [section([t('stats.collectorsOwn'), ...lines].join('\n'))];
  return packed([t('stats.collectorsTitle'), ...(lines.length > 0 ? lines : [t('stats.noCollectors')])]);
}

export function statsReply(data: StatsData, v: StatsView): Reply {
  const { t, locale, period } = v;
  const from = formatDate(period.start, locale);
  const to = formatDate(period.end, locale);
  const notes = [t('stats.period', { days: periodDays(period), zone: v.timeZone })];
  if (period.clamped) notes.push(t('stats.clamped', { today: to }));
  const currencies = data.ledger.filter((f) => !isEmpty(f));
  const kept = promiseKeptTenths(data.promises);
  const decided = data.promises.kept + data.promises.partlyKept + data.promises.broken;
  const blocks: KnownBlock[] = [
    header(t('stats.title', { from, to })),
    context(notes),
    ...(currencies.length > 0 ? currencies.map((f) => currencyBlock(f, v)) : [section(t('stats.noLedger'))]),
    { type: 'divider' },
    section(kept === null ? t('stats.promisesNone') : t('stats.promises', {
      rate: formatPercent(kept, locale), kept: data.promises.kept, partly: data.promises.partlyKept, broken: data.promises.broken, decided,
    })),
    ...collectorBlocks(data.collectors, v),
  ];
  return { text: t('stats.text', { from, to }), blocks };
}

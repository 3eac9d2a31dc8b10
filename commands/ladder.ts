// /collect ladder: the workspace's dunning ladder, step by step; and, for
// managers, `ladder preview`: tomorrow's moves per step, read-only.
import { ensureBalancesFresh } from '../src/db/balances.ts';
import { countPreDue, previewMoves } from '../src/db/ladder-pass.ts';
import { readSettings } from '../src/db/settings.ts';
import { addDays } from '../src/domain/dates.ts';
import type { LadderStep } from '../src/domain/ladder.ts';
import { preDueRange } from '../src/domain/ladder-plan.ts';
import { formatWeekdayDate, inert, mrkdwn } from '../src/i18n/format.ts';
import { hasRole } from '../src/slack/access.ts';
import { context, header, section } from '../src/slack/blocks/kit.ts';
import { ladderDay, stageLabel, stepsOff } from '../src/slack/blocks/ladder-text.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';

const PREVIEW_WORDS = ['preview', 'apercu', 'aperçu', 'demain', 'tomorrow'];
const PREVIEW_NAMES = 10;

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function stepLine(ctx: CommandContext, step: LadderStep): string {
  const { t } = ctx;
  return t('ladder.step', {
    day: ladderDay(t, step.day), stage: stageLabel(t, step.stage),
    // The actions are relance's own sentences (with their emphasis), never data.
    action: mrkdwn(t(`ladder.action.${step.stage}` as 'ladder.action.call')),
  });
}

async function showLadder(ctx: CommandContext): Promise<Reply> {
  const { t } = ctx;
  const settings = await readSettings(ctx.db, ctx.workspace.id);
  const title = t('ladder.title');
  const steps = settings.ladder.map((s) => stepLine(ctx, s));
  const off = stepsOff(settings.ladder);
  const offLine = off.length > 0 ? t('ladder.off', { stages: off.map((s) => stageLabel(t, s)).join(', ') }) : null;
  const rules = t('ladder.rules', { catchUp: settings.ladderCatchUpDays });
  const hint = t('ladder.editHint', { command: ctx.command });
  const body = [...steps, ...(offLine ? [offLine] : [])].join('\n');
  return {
    text: [`*${title}*`, body, rules, hint].join('\n\n'),
    blocks: [header(title), section(body), section(rules), context([hint])],
  };
}

async function preview(ctx: CommandContext): Promise<Reply> {
  const { t } = ctx;
  // The moves come from the balances: today's must be built before reading tomorrow's.
  await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
  const settings = await readSettings(ctx.db, ctx.workspace.id);
  const day = addDays(ctx.today, 1);
  const scope = { workspaceId: ctx.workspace.id, day, ladder: settings.ladder, catchUpDays: settings.ladderCatchUpDays };
  const range = preDueRange(settings.ladder, settings.ladderCatchUpDays, day);
  const [moves, preDue] = await Promise.all([
    previewMoves(ctx.db, scope, PREVIEW_NAMES),
    range ? countPreDue(ctx.db, { workspaceId: ctx.workspace.id, ...range }) : Promise.resolve(null),
  ]);
  const title = t('ladder.preview.title', { date: formatWeekdayDate(day, ctx.locale, t) });
  const sections = moves.map((m) => {
    const names = m.first.map((f) => `${inert(f.name)} (${inert(f.ref)}, ${f.days} d)`).join(', ');
    const line = t('ladder.preview.stage', { stage: stageLabel(t, m.stage), count: m.moved, names: mrkdwn(names), more: Math.max(0, m.moved - m.first.length) });
    const action = m.silent < m.moved ? `→ ${t(`ladder.action.${m.stage}` as 'ladder.action.call')}` : null;
    const silent = m.silent > 0 ? t('ladder.preview.silent', { count: m.silent }) : null;
    return [line, action, silent].filter((x): x is string => x !== null).join('\n');
  });
  if (preDue && preDue.drafts > 0) sections.push(t('ladder.preview.preDue', preDue));
  if (sections.length === 0) sections.push(t('ladder.preview.none'));
  const note = t('ladder.preview.note');
  return {
    text: [`*${title}*`, ...sections, note].join('\n\n'),
    blocks: [header(title), ...sections.map(section), context([note])],
  };
}

export const ladderCommand: Subcommand = {
  name: 'ladder',
  aliases: ['echelle', 'échelle'],
  minRole: 'collector',
  usage: 'ladder [preview]',
  examples: ['ladder', 'ladder preview'],
  summary: 'help.ladder.summary',
  details: 'help.ladder.details',
  async run(ctx, args) {
    if (args.length === 0) return showLadder(ctx);
    if (args.length === 1 && PREVIEW_WORDS.includes(fold(args[0]!))) {
      if (!hasRole(ctx.role, 'manager')) return { text: ctx.t('ladder.previewManagers', { command: ctx.command }) };
      return preview(ctx);
    }
    return { text: ctx.t('ladder.usage', { input: args.join(' '), command: ctx.command }) };
  },
};

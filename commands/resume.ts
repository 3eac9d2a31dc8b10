import { ensureBalancesFresh } from '../src/db/balances.ts';
import { lookupActiveCase } from '../src/db/pauses.ts';
import { pausedForPlan } from '../src/db/plans.ts';
import { statusLabel } from '../src/slack/blocks/worklist.ts';
import type { Subcommand } from '../src/slack/command.ts';
import { resumeCase } from '../src/services/pause-case.ts';

export const resume: Subcommand = {
  name: 'resume',
  aliases: ['reprendre'],
  minRole: 'collector',
  usage: 'resume <case>',
  examples: ['resume acme', 'resume C-1042'],
  summary: 'help.resume.summary',
  details: 'help.resume.details',
  async run(ctx, args) {
    // The whole rest is the case: names have spaces ("Société Générale").
    const input = args.join(' ');
    if (!input) return { text: ctx.t('resume.missing', { command: ctx.command }) };
    await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
    const found = await lookupActiveCase(ctx.db, ctx.workspace.id, input);
    switch (found.kind) {
      case 'none': return { text: ctx.t('resume.noCase', { input, command: ctx.command }) };
      case 'closed': return { text: ctx.t('resume.closed', { name: found.name }) };
      case 'ambiguous': return {
        text: ctx.t('resume.ambiguous', { input, names: found.candidates.map((c) => `${c.name} (${c.customerRef})`).join(', '), command: ctx.command }),
      };
      case 'case': break;
    }
    // The plan holds the pause until it is kept or broken; ending it early means giving up the plan, which its command says.
    if (await pausedForPlan(ctx.db, ctx.workspace.id, found.caseId)) {
      return { text: ctx.t('resume.planActive', { name: found.name, command: ctx.command, input }) };
    }
    const result = await resumeCase(ctx.db, { workspaceId: ctx.workspace.id, caseId: found.caseId, userId: ctx.userId, now: ctx.now });
    switch (result.kind) {
      case 'no_case': return { text: ctx.t('resume.noCase', { input, command: ctx.command }) };
      case 'not_paused': return { text: ctx.t('resume.notPaused', { name: result.name, status: statusLabel(ctx.t, result.status, null) }) };
      case 'resumed': return { text: ctx.t('resume.done', { name: result.name, status: statusLabel(ctx.t, result.status, null) }) };
    }
  },
};

import { ambiguousReply, caseCardReply } from '../src/slack/blocks/case-card.ts';
import type { Subcommand } from '../src/slack/command.ts';
import { openCase } from '../src/services/open-case.ts';

export const caseCommand: Subcommand = {
  name: 'case',
  aliases: ['dossier', 'show'],
  minRole: 'collector',
  usage: 'case <customer ref | invoice no. | name>',
  examples: ['case C-1042', 'case INV-2026-0193', 'case acme'],
  summary: 'help.case.summary',
  details: 'help.case.details',
  async run(ctx, args) {
    // The whole rest is the case: names have spaces ("Société Générale").
    const input = args.join(' ');
    if (!input) return { text: ctx.t('case.missing', { command: ctx.command }) };
    const found = await openCase(ctx.db, ctx.workspace.id, ctx.now, input);
    const view = { locale: ctx.locale, t: ctx.t, today: ctx.today };
    switch (found.kind) {
      case 'card': return caseCardReply(found.card, view);
      case 'ambiguous': return ambiguousReply(input, found.candidates, found.more, view);
      case 'none': return { text: ctx.t('case.notFound', { input, command: ctx.command }) };
    }
  },
};

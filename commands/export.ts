// /collect export <case>: the case file as a ZIP (summary PDF, CSVs, letters).
// Slack has no file only one person sees in a channel, so it goes to the
// asker's DM with relance, and the reply says where it is.
import type { WebClient } from '@slack/web-api';
import { lookupCase } from '../src/db/cases.ts';
import { formatDate } from '../src/i18n/format.ts';
import { uploadFile, UploadError } from '../src/letters/upload.ts';
import { buildCaseFile, caseToExport, recordExport, type NameLookup } from '../src/services/letters/export-case.ts';
import type { Subcommand } from '../src/slack/command.ts';

const MAX_NAME_LOOKUPS = 20;

/** Display names for the timeline's "who", asked of Slack; ids stay for anyone it does not answer for. */
const namesFrom = (client: WebClient): NameLookup => async (ids) => {
  const names = new Map<string, string>();
  await Promise.all(ids.slice(0, MAX_NAME_LOOKUPS).map(async (id) => {
    const found = await client.users.info({ user: id }).catch(() => null);
    const name = found?.user?.profile?.real_name || found?.user?.real_name || found?.user?.name;
    if (name) names.set(id, name);
  }));
  return names;
};

export const exportCommand: Subcommand = {
  name: 'export',
  aliases: ['exporter'],
  minRole: 'collector',
  usage: 'export <case>',
  examples: ['export C-1042', 'export INV-2026-0193', 'export acme'],
  summary: 'help.export.summary',
  details: 'help.export.details',
  async run(ctx, args) {
    // The whole rest is the case: names have spaces.
    const input = args.join(' ');
    if (!input) return { text: ctx.t('export.missing', { command: ctx.command }) };
    const found = await lookupCase(ctx.db, ctx.workspace.id, input);
    if (found.kind === 'none') return { text: ctx.t('export.notFound', { input, command: ctx.command }) };
    if (found.kind === 'ambiguous') {
      const names = found.candidates.map((c) => `${c.name} (${c.customerRef})`).join(', ');
      return { text: ctx.t('export.ambiguous', { input, names, command: ctx.command }) };
    }
    const caseId = await caseToExport(ctx.db, ctx.workspace.id, found.customer.customerId);
    if (caseId === null) return { text: ctx.t('export.neverACase', { name: found.customer.name }) };

    const file = await buildCaseFile(ctx.db, { workspaceId: ctx.workspace.id, caseId, now: ctx.now, locale: ctx.locale, names: namesFrom(ctx.client) });
    if (!file) return { text: ctx.t('export.notFound', { input, command: ctx.command }) };
    const { party } = file;
    try {
      const dm = await ctx.client.conversations.open({ users: ctx.userId });
      const channelId = dm.channel?.id;
      if (!channelId) throw new UploadError('url', 'no direct message channel');
      await uploadFile(ctx.client, {
        channelId, filename: file.filename, title: file.filename, bytes: file.zip,
        comment: ctx.t('export.dmComment', { name: party.name, ref: party.ref, date: formatDate(ctx.today, ctx.locale) }),
      });
    } catch (e) {
      const error = e instanceof UploadError ? e.reason : (e as { data?: { error?: string } }).data?.error;
      if (error === undefined) throw e;
      ctx.logger.warn({ team: ctx.workspace.id, user: ctx.userId, caseId, error }, 'case file upload refused');
      return { text: ctx.t('export.uploadFailed', { name: party.name, error }) };
    }
    await recordExport(ctx.db, { workspaceId: ctx.workspace.id, party, userId: ctx.userId, now: ctx.now, to: 'dm', filename: file.filename });
    const done = ctx.t('export.done', { name: party.name, ref: party.ref, file: file.filename, letters: file.letters, mails: file.mails });
    if (file.missingKeys.length === 0) return { text: done };
    return { text: `${done}\n${ctx.t('export.incomplete', { keys: file.missingKeys.join(', '), command: ctx.command })}` };
  },
};

// `relance ladder --workspace W [--date D] [--dry-run]`: runs a workspace's
// ladder pass now and prints, per step, the cases it moved and what it did.
// With --dry-run the same pass runs in a transaction that is rolled back:
// what it would do, nothing written. A day already passed passes again and
// moves nothing, since every case is already on its step.
//
// With an OpenAI key (OPENAI_API_KEY), the drafts the pass wrote that wait
// for approval are then worded by the model, as the ladder job does
// (src/services/ladder/wording.ts): after the pass committed, never in it.
import { parseArgs } from 'node:util';
import type { DestinationStream } from 'pino';
import type { AiClient } from '../ai/client.ts';
import type { Database } from '../db/client.ts';
import type { MoveLine } from '../db/ladder-pass.ts';
import { findWorkspace, listWorkspaces } from '../db/workspaces.ts';
import { isIsoDate, todayIn } from '../domain/dates.ts';
import { STEP_ORDER } from '../domain/ladder.ts';
import { readSettings } from '../db/settings.ts';
import { createLogger, type Logger } from '../log.ts';
import { runLadderDay } from '../services/ladder/daily.ts';
import type { LadderPassResult, OnCallStage } from '../services/ladder/pass.ts';
import { wordPassDrafts, type WordingResult } from '../services/ladder/wording.ts';
import type { CliIo } from './digest.ts';

const USAGE = 'Usage: relance ladder --workspace T0123 [--date 2026-11-23] [--dry-run]';

export interface LadderCliOptions {
  onCallStage?: OnCallStage;
  command?: string;
  /** Words the pass's drafts awaiting approval; absent or null: the templates stay (main.ts passes the environment's client). */
  ai?: AiClient | null;
  /** Default: warnings and errors on stderr (a model that does not answer says so there). */
  logger?: Logger;
}

function wordingLine(w: WordingResult): string {
  const beyond = w.beyondCap > 0 ? `, ${w.beyondCap} beyond this pass's cap` : '';
  return `Wording: ${w.worded} of ${w.candidates} draft${w.candidates === 1 ? '' : 's'} awaiting approval worded by the model; `
    + `${w.kept + w.beyondCap} keep the template${beyond}.`;
}

const signed = (day: number) => (day < 0 ? `−${-day}` : `+${day}`);

function whatItDoes(m: MoveLine): string {
  if (!m.acts) {
    const proposal = m.proposes ? `; escalation proposal filed (${m.proposes === 'notice' ? 'formal notice' : 'agency or legal'})` : '';
    return `lands without acting (catch-up)${proposal}`;
  }
  if (m.proposes) return `proposed to the managers: ${m.proposes === 'notice' ? 'formal notice' : 'agency or legal'}`;
  if (m.to_stage === 'call') return 'call task';
  return 'reminder drafted';
}

function report(result: LadderPassResult, days: Map<string, number>, dryRun: boolean): string {
  const lines: string[] = [];
  const moves = result.moves ?? [];
  for (const stage of STEP_ORDER) {
    const here = moves.filter((m) => m.to_stage === stage);
    if (here.length === 0) continue;
    lines.push(`${stage} (day ${signed(days.get(stage) ?? 0)}): ${here.length} case${here.length === 1 ? '' : 's'}`);
    const refWidth = Math.max(...here.map((m) => m.customer_ref.length));
    for (const m of here) {
      lines.push(`  ${m.customer_ref.padEnd(refWidth)}  ${m.name} — ${m.days} days overdue, from ${m.from_stage ?? 'no step'} → ${whatItDoes(m)}`);
    }
  }
  if (moves.length === 0) lines.push('No case moves.');
  const owed = result.preDue.owed;
  if (owed.length > 0) {
    lines.push(`pre_due: ${owed.length} courtesy reminder${owed.length === 1 ? '' : 's'} ${dryRun ? 'to draft' : 'drafted'}`);
    for (const o of owed) lines.push(`  ${o.customerRef}  ${o.name} — ${o.invoices} invoice${o.invoices === 1 ? '' : 's'} due ${o.dueDate}`);
  } else if (result.preDue.range) {
    lines.push(`pre_due: no courtesy reminder owed (invoices due ${result.preDue.range.from} to ${result.preDue.range.to})`);
  }
  const proposals = result.stages.reduce((n, s) => n + s.proposals, 0);
  if (result.summaryPostId !== null) {
    lines.push(`Managers: ${proposals} escalation proposal${proposals === 1 ? '' : 's'}, one summary message ${dryRun ? 'would be queued' : 'queued'} for the managers' channel.`);
  }
  return lines.join('\n');
}

export async function runLadderCommand(argv: string[], database: Database, io: CliIo, options: LadderCliOptions = {}): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { workspace: { type: 'string' }, date: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const say = (s: string) => io.stderr.write(`${s}\n`);
  const workspaces = await listWorkspaces(database.db);
  const workspace = values.workspace ? await findWorkspace(database.db, values.workspace) : workspaces.length === 1 ? workspaces[0] : undefined;
  if (!workspace) {
    const known = workspaces.map((w) => w.id).join(', ') || 'none yet';
    return say(`${values.workspace ? `No workspace "${values.workspace}".` : 'Say which workspace with --workspace.'} Known workspaces: ${known}.\n${USAGE}`), 2;
  }
  const now = io.now();
  const today = todayIn(workspace.timezone, now);
  const day = values.date ?? today;
  if (!isIsoDate(day)) return say(`--date must be a date such as ${today} (got "${values.date}"). Nothing was changed.\n${USAGE}`), 2;
  if (day > today) {
    return say(`--date "${day}" is after today in workspace ${workspace.id} (${today}, ${workspace.timezone}): the ladder passes for today `
      + `or an earlier day. Nothing was changed.\nExample: relance ladder --workspace ${workspace.id} --date ${today} --dry-run`), 2;
  }
  const dryRun = values['dry-run'];
  const outcome = await runLadderDay(database.db, workspace, {
    now, day, again: true, dryRun, listMoves: true, onCallStage: options.onCallStage, command: options.command,
  });
  if (outcome.kind !== 'passed') throw new Error('an explicit pass always runs');
  const settings = await readSettings(database.db, workspace.id);
  const days = new Map(settings.ladder.map((s) => [s.stage as string, s.day]));
  io.stdout.write(`Ladder pass for ${workspace.id} on ${day} (${workspace.timezone})${dryRun ? ' — dry run: nothing was written' : ''}\n`);
  io.stdout.write(`${report(outcome.result, days, dryRun)}\n`);
  if (!dryRun) {
    const ai = options.ai ?? null;
    if (ai) {
      const logger = options.logger ?? createLogger('warn', io.stderr as DestinationStream);
      // After the commit; a failure here leaves good template drafts, and the pass is done.
      const worded = await wordPassDrafts({ db: database.db, ai, logger, command: options.command ?? '/collect' }, { workspaceId: workspace.id, createdAt: now })
        .catch((error: unknown) => {
          logger.warn({ err: error, workspace: workspace.id }, 'could not word the ladder drafts');
          return null;
        });
      if (worded && worded.candidates > 0) io.stdout.write(`${wordingLine(worded)}\n`);
    }
  }
  return 0;
}

// Every /collect subcommand, in the order `help` lists them.
import type { Subcommand } from '../src/slack/command.ts';
import { assignCommand } from './assign.ts';
import { caseCommand } from './case.ts';
import { digest } from './digest.ts';
import { escalateCommand } from './escalate.ts';
import { escalationsCommand } from './escalations.ts';
import { exportCommand } from './export.ts';
import { helpCommand } from './help.ts';
import { ladderCommand } from './ladder.ts';
import { logCommand } from './log.ts';
import { overdue } from './overdue.ts';
import { pause } from './pause.ts';
import { planCommand } from './plan.ts';
import { promiseCommand } from './promise.ts';
import { resume } from './resume.ts';
import { settingsCommand } from './settings.ts';
import { statsCommand } from './stats.ts';
import { team } from './team.ts';
import { writeoffCommand } from './writeoff.ts';

export const commands: Subcommand[] = [];
commands.push(helpCommand(() => commands), overdue, caseCommand, logCommand, assignCommand, promiseCommand, planCommand, pause, resume, escalateCommand, writeoffCommand, escalationsCommand, exportCommand, ladderCommand, digest, team, statsCommand, settingsCommand);

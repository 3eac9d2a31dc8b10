// Every /collect subcommand, in the order `help` lists them.
import type { Subcommand } from '../src/slack/command.ts';
import { assignCommand } from './assign.ts';
import { caseCommand } from './case.ts';
import { digest } from './digest.ts';
import { helpCommand } from './help.ts';
import { logCommand } from './log.ts';
import { overdue } from './overdue.ts';
import { pause } from './pause.ts';
import { promiseCommand } from './promise.ts';
import { resume } from './resume.ts';
import { settingsCommand } from './settings.ts';
import { team } from './team.ts';

export const commands: Subcommand[] = [];
commands.push(helpCommand(() => commands), overdue, caseCommand, logCommand, assignCommand, promiseCommand, pause, resume, digest, team, settingsCommand);

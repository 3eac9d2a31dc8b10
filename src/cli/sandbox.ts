// `relance sandbox`, and `relance start` (so `npm start`) on a machine with no
// Slack configuration at all: the real bot against a local Slack stand-in, a
// demo workspace, and a web page on PORT that plays the Slack client, bound to
// 127.0.0.1. A deployment that lost one Slack variable must fail as before,
// never serve a fake Slack: any SLACK_* variable, even empty, or NODE_ENV=production
// means the real bot.
import type { Env } from '../config/env.ts';
import { createLogger } from '../log.ts';
import { startSandbox } from '../sandbox/start.ts';

export interface SandboxIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** Whether `relance start` opens the sandbox: no SLACK_* variable set at all, and not in production. */
export function sandboxWanted(source: NodeJS.ProcessEnv): boolean {
  if (source.NODE_ENV === 'production') return false;
  return !Object.keys(source).some((name) => name.startsWith('SLACK_'));
}

const firstLine = (url: string) => `relance sandbox — a local Slack stand-in on ${url} (nothing leaves this machine)`;

/** Runs until `stop` settles (the CLI: SIGINT or SIGTERM), then closes everything it started. */
export async function runSandbox(env: Env, io: SandboxIo, opts: { stop: Promise<unknown>; viaStart?: boolean }): Promise<number> {
  const say = (s: string) => io.stdout.write(`${s}\n`);
  const host = '127.0.0.1';
  const planned = `http://${host}:${env.PORT}`;
  if (env.PORT !== 0) say(firstLine(planned));
  const logger = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  let sandbox;
  try {
    sandbox = await startSandbox(env, { port: env.PORT, host, logger, say });
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      io.stderr.write(`Port ${env.PORT} on ${host} is already in use (another relance, or another program). `
        + `Fix: stop it, or choose another port, e.g. PORT=3100 npm start\n`);
      return 1;
    }
    throw error;
  }
  const url = sandbox.url.replace(/\/$/, '');
  if (env.PORT === 0) say(firstLine(url));
  say(`\nOpen ${url} in a browser: a demo workspace where you use relance as its collector, manager or admin, or as a stranger to the team.`);
  if (opts.viaStart) {
    say('No SLACK_* variable is set, so `relance start` opened the sandbox. To run the bot in your Slack workspace, set SLACK_BOT_TOKEN and '
      + 'SLACK_SIGNING_SECRET (see README.md) and start again.');
  }
  say('Ctrl-C stops it.');
  await opts.stop;
  await sandbox.close();
  say('relance sandbox stopped.');
  return 0;
}

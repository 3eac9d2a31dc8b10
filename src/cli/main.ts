// Dispatches `relance <command>`; each command returns its exit code.
import { parseArgs } from 'node:util';
import { ConfigError, loadEnv, type Env } from '../config/env.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createLogger } from '../log.ts';
import { connectDatabase, PreflightError } from './preflight.ts';
import type { Role } from './start.ts';

const usage = `Usage: relance <command>

  start [--role all|web|worker] [--no-migrate]   run the bot (default role: all); with no SLACK_* variable
                                                 set at all (and NODE_ENV not production): the sandbox
  sandbox                                        the bot against a local Slack stand-in, a demo workspace and
                                                 a web page on PORT (default 3000), on 127.0.0.1 only
  demo seed [--reset]                            seed the demo workspace T0DEMO; --reset empties it (only it) first
  migrate                                        apply database migrations
  import [--workspace T…] <files…>               import customers, invoices, payments (CSV) or bank statements (camt.053)
  try                                            try relance without Slack: the bot, a local Slack stand-in,
                                                 a demo ledger, and a prompt to type /collect commands
  digest --workspace T… --channel C… [--preview] [--date YYYY-MM-DD]
                                                 print a channel's digest; without --preview, post it too
  ladder --workspace T… [--date YYYY-MM-DD] [--dry-run]
                                                 run the dunning ladder's pass now and print what it moved;
                                                 --dry-run: what it would do, nothing written
  rates list                                     the late-fee rate tables (ECB, legal rate) and missing half-years
  rates add ecb|legal <YYYY-01-01|YYYY-07-01> <percent> <source…> [--replace]
                                                 add a half-year's published rate
  outbox [--workspace T…] [--unknown] [--limit N]
                                                 the reminder e-mails, newest first; --unknown: those whose
                                                 send lost its answer, each with how to settle it
  outbox resolve <mail id> sent|resend           settle a mail of unknown outcome: it arrived, or try once more
  token create|list|revoke --workspace T… [--name N] [--read-only]
                                                 the intake API's tokens (printed once at creation; only a hash is kept)
  doctor                                         check the configuration, Slack (token, scopes, signing or
                                                 Socket Mode), PostgreSQL and migrations, Redis, SMTP and
                                                 OpenAI when set: one line each, ✓ or ✗ with what to fix
  help                                           this text

Configuration comes from the environment: see README.md.`;

async function withDatabase(env: Env, fn: (db: Awaited<ReturnType<typeof connectDatabase>>) => Promise<number>): Promise<number> {
  const database = await connectDatabase(env);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** The sandbox until Ctrl-C (or SIGTERM), then everything it started is closed. */
async function sandboxUntilSignal(env: Env, viaStart: boolean): Promise<number> {
  const { runSandbox } = await import('./sandbox.ts');
  const stop = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  return runSandbox(env, { stdout: process.stdout, stderr: process.stderr }, { stop, viaStart });
}

export async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  try {
    switch (command) {
      case 'start': {
        const { values } = parseArgs({ args: rest, options: { role: { type: 'string', default: 'all' }, 'no-migrate': { type: 'boolean', default: false } } });
        const role = values.role as Role;
        if (!['all', 'web', 'worker'].includes(role)) {
          console.error(`--role must be all, web or worker (got "${values.role}"). Example: relance start --role web`);
          return 2;
        }
        const { sandboxWanted } = await import('./sandbox.ts');
        if (role === 'all' && sandboxWanted(process.env)) return await sandboxUntilSignal(loadEnv(), true);
        const env = loadEnv();
        const logger = createLogger(env.LOG_LEVEL);
        // Loaded on demand: Bolt, BullMQ and ioredis cost seconds that import and migrate do not need.
        const { start } = await import('./start.ts');
        const stop = await start(env, logger, { role, migrate: !values['no-migrate'] });
        await new Promise<void>((resolve) => {
          const shutdown = (signal: string) => {
            logger.info({ signal }, 'shutting down');
            stop().finally(resolve);
          };
          process.once('SIGINT', () => shutdown('SIGINT'));
          process.once('SIGTERM', () => shutdown('SIGTERM'));
        });
        return 0;
      }
      case 'migrate': {
        const env = loadEnv();
        return await withDatabase(env, async (database) => {
          await migrateDatabase(database);
          console.log(`migrations applied to ${database.where}`);
          return 0;
        });
      }
      case 'import': {
        const env = loadEnv();
        const { runImportCommand } = await import('../import/cli.ts');
        return await withDatabase(env, async (database) => {
          await migrateDatabase(database);
          return runImportCommand(rest, { database, env, stdout: process.stdout, stderr: process.stderr, now: () => new Date() });
        });
      }
      case 'digest': {
        const env = loadEnv();
        const { runDigestCommand } = await import('./digest.ts');
        return await withDatabase(env, async (database) => {
          await migrateDatabase(database);
          return runDigestCommand(rest, database, env, { stdout: process.stdout, stderr: process.stderr, now: () => new Date() });
        });
      }
      case 'rates': {
        const env = loadEnv();
        const { cliUser, runRatesCommand } = await import('./rates.ts');
        return await withDatabase(env, async (database) => {
          await migrateDatabase(database);
          return runRatesCommand(rest, database.db, { stdout: process.stdout, stderr: process.stderr, now: () => new Date(), user: cliUser() });
        });
      }
      case 'ladder': {
        const env = loadEnv();
        const { runLadderCommand } = await import('./ladder.ts');
        const { assignCallStage } = await import('../../jobs/ladder.ts');
        const { aiClientFor } = await import('../ai/client.ts');
        return await withDatabase(env, async (database) => {
          await migrateDatabase(database);
          return runLadderCommand(rest, database, { stdout: process.stdout, stderr: process.stderr, now: () => new Date() },
            { onCallStage: assignCallStage, command: env.RELANCE_COMMAND, ai: aiClientFor(env) });
        });
      }
      case 'outbox': {
        const env = loadEnv();
        const { runOutboxCommand } = await import('./outbox.ts');
        const { cliUser } = await import('./rates.ts');
        return await withDatabase(env, async (database) => {
          await migrateDatabase(database);
          return runOutboxCommand(rest, database, env, { stdout: process.stdout, stderr: process.stderr, now: () => new Date(), user: cliUser() });
        });
      }
      case 'token': {
        const env = loadEnv();
        const { runTokenCommand } = await import('./token.ts');
        return await withDatabase(env, async (database) => {
          await migrateDatabase(database);
          return runTokenCommand(rest, database.db, { stdout: process.stdout, stderr: process.stderr, now: () => new Date() });
        });
      }
      case 'doctor': {
        // Reads the environment itself: a bad variable is one of its ✗ lines, not a stop.
        const { runDoctor } = await import('./doctor.ts');
        return await runDoctor(process.env, { stdout: process.stdout });
      }
      case 'sandbox':
        return await sandboxUntilSignal(loadEnv(), false);
      case 'demo': {
        const env = loadEnv();
        const { runDemoCommand } = await import('./demo.ts');
        return await withDatabase(env, async (database) => {
          await migrateDatabase(database);
          return runDemoCommand(rest, database, env, { stdout: process.stdout, stderr: process.stderr, now: () => new Date() });
        });
      }
      case 'try': {
        const { runTry } = await import('./try.ts');
        return await runTry(loadEnv(), { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
      }
      case 'help':
      case '--help':
      case '-h':
        console.log(usage);
        return 0;
      default:
        console.error(`relance: unknown command "${command}".\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PreflightError) {
      console.error(error.message);
      if (command === 'start' && error instanceof ConfigError && error.problems.some((p) => p.startsWith('SLACK_'))) {
        console.error('\nNo Slack app yet? `npx relance sandbox` runs the bot against a local Slack stand-in with demo data, in your browser.');
      }
      return 1;
    }
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}

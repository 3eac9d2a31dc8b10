// `relance doctor`: checks the configuration and every service relance talks
// to, one line each, ✓ or ✗ with what to fix, before anyone types /collect.
// Exit code 0 when every check passes, 1 otherwise. Secrets are never
// printed: tokens show their kind and last characters (xoxb-…1234), URLs hide
// their password.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import OpenAI, { APIConnectionTimeoutError, APIError } from 'openai';
import { ConfigError, loadEnv, type Env } from '../config/env.ts';
import { safeUrl, type Database } from '../db/client.ts';
import { migrationsFolder } from '../db/migrate.ts';
import { smtpOptions } from '../mail/transport.ts';
import { missingScopes, readManifest } from '../slack/scopes.ts';
import { checkRedis, connectDatabase, PreflightError } from './preflight.ts';

export interface DoctorIo {
  stdout: { write(text: string): unknown };
}

export interface DoctorOptions {
  /** Bounds each network check (Slack, SMTP, OpenAI); default 8 s. */
  timeoutMs?: number;
  /** Where the manifest is read from; default slack/manifest.json. */
  manifestPath?: URL | string;
}

export interface CheckResult {
  ok: boolean;
  label: string;
  detail: string;
}

const SLACK_API = 'https://slack.com/api/';
const DEFAULT_TIMEOUT_MS = 8000;

const pass = (label: string, detail: string): CheckResult => ({ ok: true, label, detail });
const fail = (label: string, detail: string): CheckResult => ({ ok: false, label, detail });

/** A token as it may be shown: its kind and its last four characters, "xoxb-…1234". */
export function maskToken(token: string): string {
  const kind = /^[a-z]+-/.exec(token)?.[0] ?? '';
  return token.length > kind.length + 8 ? `${kind}…${token.slice(-4)}` : `${kind}…`;
}

/** One line, whatever the library put in its message. */
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

const messageOf = (error: unknown): string => {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return e?.cause?.code ?? e?.code ?? e?.cause?.message ?? e?.message ?? String(error);
};

// --- Slack ------------------------------------------------------------------

interface SlackAnswer {
  body: {
    ok?: boolean; error?: string; team?: string; team_id?: string; user?: string | { name?: string; deleted?: boolean; is_bot?: boolean }; user_id?: string;
  };
  /** The token's granted scopes, from Slack's x-oauth-scopes header; null when absent. */
  scopes: string[] | null;
}

async function callSlack(env: Env, method: string, token: string, timeoutMs: number, params: Record<string, string> = {}): Promise<SlackAnswer> {
  const base = env.SLACK_API_URL ?? SLACK_API;
  const url = new URL(method, base.endsWith('/') ? base : `${base}/`);
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const header = response.headers.get('x-oauth-scopes');
  const body = (await response.json().catch(() => ({ ok: false, error: `HTTP ${response.status}` }))) as SlackAnswer['body'];
  return { body, scopes: header === null ? null : header.split(',').map((s) => s.trim()).filter(Boolean) };
}

const slackWhere = (env: Env): string => env.SLACK_API_URL ?? SLACK_API;

const TOKEN_FIXES: Record<string, string> = {
  invalid_auth: 'copy the Bot User OAuth Token (xoxb-…) again from your app\'s OAuth & Permissions page',
  not_authed: 'copy the Bot User OAuth Token (xoxb-…) again from your app\'s OAuth & Permissions page',
  token_revoked: 'the app was uninstalled or the token revoked: reinstall the app (OAuth & Permissions → Install to Workspace) and copy the new token',
  account_inactive: 'the app was uninstalled or the token revoked: reinstall the app (OAuth & Permissions → Install to Workspace) and copy the new token',
  token_expired: 'token rotation is on: turn it off for relance (OAuth & Permissions), reinstall and copy the new token',
};

interface SlackChecks {
  results: CheckResult[];
  /** The token works and may read users: the bootstrap admins can be looked up. */
  canReadUsers: boolean;
}

async function checkSlack(env: Env, manifestScopes: string[], timeoutMs: number): Promise<SlackChecks> {
  const token = env.SLACK_BOT_TOKEN;
  const failed = (result: CheckResult): SlackChecks => ({ results: [result], canReadUsers: false });
  if (!token) {
    return failed(fail('Slack bot token', 'SLACK_BOT_TOKEN is not set. Fix: create the app from slack/manifest.json, install it, and copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions.'));
  }
  const shown = maskToken(token);
  let answer: SlackAnswer;
  try {
    answer = await callSlack(env, 'auth.test', token, timeoutMs);
  } catch (error) {
    return failed(fail('Slack bot token', `cannot reach Slack at ${slackWhere(env)} to check ${shown} (${messageOf(error)}). Fix: check this machine's outbound HTTPS access${env.SLACK_API_URL ? ' and SLACK_API_URL' : ''}.`));
  }
  if (!answer.body.ok) {
    const code = answer.body.error ?? 'unknown error';
    return failed(fail('Slack bot token', `Slack refused ${shown} (${code}). Fix: ${TOKEN_FIXES[code] ?? 'check SLACK_BOT_TOKEN'}.`));
  }
  const results = [pass('Slack bot token', `${shown} works: workspace ${answer.body.team ?? '?'} (${answer.body.team_id ?? '?'}), bot user ${String(answer.body.user ?? '?')} (${answer.body.user_id ?? '?'})`)];
  if (answer.scopes === null) {
    results.push(fail('Slack scopes', 'Slack did not say which scopes the token has (no x-oauth-scopes header). Fix: check that SLACK_API_URL points at Slack\'s Web API.'));
  } else {
    const missing = missingScopes(manifestScopes, answer.scopes);
    results.push(missing.length === 0
      ? pass('Slack scopes', `the token has all ${manifestScopes.length} bot scopes slack/manifest.json asks for`)
      : fail('Slack scopes', `the token lacks ${missing.join(', ')}, which slack/manifest.json asks for. Fix: add them to the app (paste slack/manifest.json again under App Manifest), `
        + 'then reinstall the app (OAuth & Permissions → Reinstall to Workspace) so the token is granted them.'));
  }
  return { results, canReadUsers: answer.scopes?.includes('users:read') ?? false };
}

/** RELANCE_ADMINS holds member ids, easy to mistype: each must be a person of this workspace. */
async function checkAdmins(env: Env, token: string, timeoutMs: number): Promise<CheckResult> {
  if (env.RELANCE_ADMINS.length === 0) {
    return pass('Bootstrap admins', 'RELANCE_ADMINS is not set: the Slack workspace\'s admins and owners are relance admins');
  }
  const found: string[] = [];
  const wrong: string[] = [];
  for (const id of env.RELANCE_ADMINS) {
    const { body } = await callSlack(env, 'users.info', token, timeoutMs, { user: id });
    const user = typeof body.user === 'object' ? body.user : undefined;
    if (!body.ok || !user) wrong.push(`${id} (${body.error ?? 'unknown'})`);
    else if (user.deleted || user.is_bot) wrong.push(`${id} (${user.deleted ? 'deactivated' : 'a bot'})`);
    else found.push(`${user.name ?? '?'} (${id})`);
  }
  if (wrong.length === 0) return pass('Bootstrap admins', found.join(', '));
  return fail('Bootstrap admins', `RELANCE_ADMINS names ${wrong.join(', ')}: not a person of this workspace. `
    + 'Fix: copy each admin\'s member ID from their Slack profile (⋯ → Copy member ID).');
}

async function checkRequestVerification(env: Env, timeoutMs: number): Promise<CheckResult> {
  if (env.SLACK_APP_TOKEN) {
    const shown = maskToken(env.SLACK_APP_TOKEN);
    const alsoSecret = env.SLACK_SIGNING_SECRET ? ' (SLACK_SIGNING_SECRET is set too, and unused in Socket Mode)' : '';
    let answer: SlackAnswer;
    try {
      answer = await callSlack(env, 'apps.connections.open', env.SLACK_APP_TOKEN, timeoutMs);
    } catch (error) {
      return fail('Socket Mode', `cannot reach Slack at ${slackWhere(env)} to check ${shown} (${messageOf(error)}).`);
    }
    if (answer.body.ok) return pass('Socket Mode', `SLACK_APP_TOKEN ${shown} opens a connection${alsoSecret}`);
    const code = answer.body.error ?? 'unknown error';
    const fix = code === 'not_allowed_token_type' || code === 'missing_scope'
      ? 'SLACK_APP_TOKEN must be an app-level token with the connections:write scope (Basic Information → App-Level Tokens → Generate)'
      : code === 'invalid_auth' || code === 'token_revoked'
        ? 'generate a new app-level token (Basic Information → App-Level Tokens, scope connections:write) and set SLACK_APP_TOKEN'
        : 'turn Socket Mode on for the app (Settings → Socket Mode), or unset SLACK_APP_TOKEN to receive requests over HTTP';
    return fail('Socket Mode', `Slack refused SLACK_APP_TOKEN ${shown} (${code}). Fix: ${fix}.`);
  }
  if (env.SLACK_SIGNING_SECRET) {
    return pass('Slack request signing', 'SLACK_SIGNING_SECRET is set; every request is checked with it (HTTP mode: Slack must reach https://<your host>/slack/events)');
  }
  return fail('Slack request signing', 'neither SLACK_SIGNING_SECRET nor SLACK_APP_TOKEN is set. Fix: copy the Signing Secret from Basic Information → App Credentials, '
    + 'or, for Socket Mode, generate an app-level token with connections:write and set SLACK_APP_TOKEN.');
}

// --- PostgreSQL -------------------------------------------------------------

interface JournalEntry { when: number; tag: string }

function journal(): JournalEntry[] {
  return (JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
}

/** The migrations drizzle's migrator would still apply: those newer than the last one recorded. */
async function pendingMigrations(database: Database): Promise<string[]> {
  let last = 0;
  try {
    const result = (await database.db.execute(sql`select max(created_at) as last from drizzle.__drizzle_migrations`)) as unknown;
    const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
    last = Number((rows[0] as { last?: unknown } | undefined)?.last ?? 0);
  } catch (error) {
    // No migrations table yet: nothing was ever applied.
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code !== '42P01' && code !== '3F000') throw error;
  }
  return journal().filter((m) => m.when > last).map((m) => m.tag);
}

async function checkDatabase(env: Env): Promise<CheckResult> {
  if (!env.DATABASE_URL) {
    const embedded = resolve(env.RELANCE_DATA_DIR, 'pglite');
    // Not opened: opening would create it, and PGlite is for one process at a time — a running relance may hold it.
    if (!existsSync(embedded)) {
      return fail('Database', `DATABASE_URL is not set and there is no embedded database at ${embedded} yet. `
        + 'Fix: set DATABASE_URL to your PostgreSQL (postgres://user@host:5432/relance) and run `relance migrate`; or run `relance migrate` to create the embedded one.');
    }
    return pass('Database', `DATABASE_URL is not set: the embedded database at ${embedded} is used (not opened here, a running relance may hold it; `
      + '`relance start` applies pending migrations). For a team, set DATABASE_URL to PostgreSQL 14 or later');
  }
  let database: Database;
  try {
    database = await connectDatabase(env);
  } catch (error) {
    if (error instanceof PreflightError) return fail('Database', oneLine(error.message));
    throw error;
  }
  try {
    const pending = await pendingMigrations(database);
    if (pending.length > 0) {
      const named = pending.length <= 5 ? pending.join(', ') : `${pending[0]} to ${pending.at(-1)}`;
      return fail('Database', `${database.where} answers, but ${pending.length} migration(s) are not applied: ${named}. `
        + 'Fix: run `relance migrate` (`relance start` applies them too, unless --no-migrate).');
    }
    return pass('Database', `${database.where} answers, every migration applied (${journal().length})`);
  } catch (error) {
    return fail('Database', `${database.where} answers, but its migrations could not be read (${messageOf(error)}).`);
  } finally {
    await database.close().catch(() => {});
  }
}

// --- Redis, SMTP, OpenAI ----------------------------------------------------

async function checkQueueStore(env: Env): Promise<CheckResult> {
  try {
    await checkRedis(env);
    return pass('Redis', `${safeUrl(env.REDIS_URL)} answers`);
  } catch (error) {
    if (error instanceof PreflightError) return fail('Redis', oneLine(error.message));
    throw error;
  }
}

async function checkSmtp(env: Env, timeoutMs: number): Promise<CheckResult> {
  if (!env.SMTP_URL) {
    return pass('E-mail', `SMTP_URL is not set: reminder e-mails are written to ${env.RELANCE_DATA_DIR}/outbox and nothing leaves this machine`);
  }
  const where = safeUrl(env.SMTP_URL);
  const options = smtpOptions({ url: env.SMTP_URL, user: env.SMTP_USER, password: env.SMTP_PASSWORD });
  const transporter = nodemailer.createTransport({ ...options, pool: false, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  try {
    await transporter.verify();
    return pass('E-mail', `the SMTP server at ${where} accepts the connection${options.auth ? ' and the login' : ''}`);
  } catch (error) {
    const e = error as { code?: string; responseCode?: number; message?: string };
    if (e.code === 'EAUTH') {
      // The server's answer to a login is not repeated: some quote what they were sent.
      return fail('E-mail', `the SMTP server at ${where} refused the login (EAUTH${e.responseCode ? ` ${e.responseCode}` : ''}). `
        + 'Fix: check the user and password (in SMTP_URL, or SMTP_USER and SMTP_PASSWORD), and whether the server wants TLS first (smtps://).');
    }
    return fail('E-mail', `the SMTP server at ${where} did not accept relance (${e.code ?? 'error'}: ${oneLine(e.message ?? String(error))}). `
      + 'Fix: check the host and port in SMTP_URL (smtps:// for port 465, smtp:// for 587 or 25) and that this machine may reach it.');
  } finally {
    transporter.close();
  }
}

async function checkOpenAi(env: Env, timeoutMs: number): Promise<CheckResult> {
  const key = env.OPENAI_API_KEY;
  if (!key) return pass('AI assistance', 'off (OPENAI_API_KEY is not set): call notes are read and drafts worded by the rules alone');
  const where = env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1';
  const shown = maskToken(key);
  const sdk = new OpenAI({ apiKey: key, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}), timeout: timeoutMs, maxRetries: 0, logLevel: 'off' });
  try {
    // The request relance makes, in miniature: a strict JSON-schema answer, which not every model offers.
    await sdk.chat.completions.create({
      model: env.OPENAI_MODEL,
      messages: [{ role: 'user', content: 'Answer {"ok": true}.' }],
      response_format: { type: 'json_schema', json_schema: { name: 'doctor', strict: true, schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'], additionalProperties: false } } },
    });
    return pass('AI assistance', `model ${env.OPENAI_MODEL} at ${where} answers with key ${shown}`);
  } catch (error) {
    if (error instanceof APIConnectionTimeoutError) {
      return fail('AI assistance', `no answer from ${where} within ${timeoutMs} ms. Fix: check OPENAI_BASE_URL and this machine's access to it.`);
    }
    if (error instanceof APIError && error.status !== undefined) {
      const fix = error.status === 401 || error.status === 403
        ? `check OPENAI_API_KEY (${shown})`
        : error.status === 404
          ? `check OPENAI_MODEL ("${env.OPENAI_MODEL}") and OPENAI_BASE_URL`
          : error.status === 400
            ? `the model "${env.OPENAI_MODEL}" may not offer JSON-schema answers (structured outputs): pick one that does in OPENAI_MODEL`
            : 'try again later, or unset OPENAI_API_KEY to run on the rules alone';
      return fail('AI assistance', `${where} answered HTTP ${error.status}. Fix: ${fix}.`);
    }
    return fail('AI assistance', `cannot reach ${where} (${messageOf(error)}). Fix: check OPENAI_BASE_URL and this machine's access to it.`);
  }
}

// --- The run ----------------------------------------------------------------

/** A check that failed in a way it did not foresee is a ✗ too, not a crash that hides the other lines. */
async function safely(label: string, check: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await check();
  } catch (error) {
    return fail(label, `the check itself failed (${messageOf(error)}).`);
  }
}

/** Every check against the environment `source`; returns the exit code. */
export async function runDoctor(source: NodeJS.ProcessEnv, io: DoctorIo, options: DoctorOptions = {}): Promise<number> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const print = (r: CheckResult) => io.stdout.write(`${r.ok ? '✓' : '✗'} ${r.label}: ${r.detail}\n`);
  let env: Env;
  try {
    env = loadEnv(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) print(fail('Configuration', problem));
    io.stdout.write('\nFix the configuration first (see README.md), then run `relance doctor` again.\n');
    return 1;
  }
  const results: CheckResult[] = [pass('Configuration', 'the environment parses')];
  print(results[0]!);
  const manifestScopes = readManifest(options.manifestPath).oauth_config.scopes.bot;
  // Slack's checks first, in order; the others are independent and run together.
  const others = Promise.all([
    safely('Database', () => checkDatabase(env)),
    safely('Redis', () => checkQueueStore(env)),
    safely('E-mail', () => checkSmtp(env, timeoutMs)),
    safely('AI assistance', () => checkOpenAi(env, timeoutMs)),
  ]);
  const slack = await checkSlack(env, manifestScopes, timeoutMs);
  const slackResults = [
    ...slack.results,
    ...(slack.canReadUsers ? [await safely('Bootstrap admins', () => checkAdmins(env, env.SLACK_BOT_TOKEN!, timeoutMs))] : []),
    await safely('Slack request signing', () => checkRequestVerification(env, timeoutMs)),
  ];
  for (const r of [...slackResults, ...await others]) {
    results.push(r);
    print(r);
  }
  const failed = results.filter((r) => !r.ok).length;
  io.stdout.write(failed === 0
    ? `\nAll ${results.length} checks passed. In Slack, type ${env.RELANCE_COMMAND} help.\n`
    : `\n${failed} of ${results.length} checks failed: fix what the ✗ lines say, then run \`relance doctor\` again.\n`);
  return failed === 0 ? 0 : 1;
}

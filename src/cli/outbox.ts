// `relance outbox [--workspace W] [--unknown] [--limit N]`: the reminder
// e-mails relance built, newest first, with where each one went (SMTP, or the
// local outbox as an .eml file). `--unknown` lists the mails whose attempt lost
// its answer, for a person to settle with `relance outbox resolve <id> sent|resend`.
// An operator tool, yet it prints no debtor address: the customer ref is enough
// to find the case, and terminals end up in screenshots and tickets.
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Env } from '../config/env.ts';
import { rows, type Database } from '../db/client.ts';
import { findWorkspace, listWorkspaces } from '../db/workspaces.ts';
import { resolveUnknownMail, type UnknownChoice } from '../services/mail/resolve-unknown.ts';
import type { CliIo } from './digest.ts';

export const OUTBOX_USAGE = `Usage:
  relance outbox [--workspace T0123] [--unknown] [--limit 50]
  relance outbox resolve <mail id> sent|resend`;

export interface OutboxIo extends CliIo {
  /** Recorded as who settled an unknown outcome (`cli:<login>`). */
  user: string;
}

export interface OutboxOptions {
  /** Hands a mail put back in the queue to the send worker; without it the worker's sweep picks it up. */
  requeue?: (mailId: number) => Promise<void>;
}

interface MailRow {
  id: string | number;
  workspace_id: string;
  customer_ref: string;
  stage: string;
  status: string;
  sent_via: string | null;
  outbox_path: string | null;
  attempts: number;
  created_at: string | Date;
  sent_at: string | Date | null;
  attempt_started_at: string | Date | null;
  not_before: string | Date;
  next_attempt_at: string | Date | null;
}

/** `2026-05-01 08:00 UTC`: the operator may be anywhere, so one unambiguous zone. */
const stamp = (v: string | Date | null): string => (v === null ? '—' : `${new Date(v).toISOString().slice(0, 16).replace('T', ' ')} UTC`);

/** The `.eml` as a path the operator can open: the delivery job may store it relative to the data directory. */
export const emlPath = (stored: string, dataDir: string): string => (isAbsolute(stored) ? stored : resolve(dataDir, stored));

/** Where mails go now, without the credentials an SMTP URL may carry. */
function heading(env: Env): string {
  if (!env.SMTP_URL) {
    return `SMTP_URL is not set: reminder e-mails are kept in the outbox (${resolve(env.RELANCE_DATA_DIR, 'outbox')}) as .eml files `
      + 'and nothing leaves this machine.';
  }
  let host = 'the SMTP server';
  try {
    const url = new URL(env.SMTP_URL);
    host = `${url.protocol}//${url.host}`;
  } catch { /* the env check already refused a malformed URL */ }
  return `Reminder e-mails are sent over SMTP (${host}).`;
}

/** The date a line shows: when it left, else when it was built. */
const when = (m: MailRow): string => stamp(m.sent_at ?? m.created_at);

function line(m: MailRow, widths: { id: number; ws: number; ref: number }): string {
  return [
    `#${String(m.id)}`.padEnd(widths.id), when(m), m.workspace_id.padEnd(widths.ws), m.customer_ref.padEnd(widths.ref),
    m.stage.padEnd(13), m.status.padEnd(9), m.sent_via ?? '—',
  ].join('  ').trimEnd();
}

async function list(argv: string[], database: Database, env: Env, io: OutboxIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { workspace: { type: 'string' }, unknown: { type: 'boolean', default: false }, limit: { type: 'string', default: '50' } },
  });
  const say = (s: string) => io.stderr.write(`${s}\n`);
  if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1 || Number(values.limit) > 10_000) {
    return say(`--limit must be a whole number from 1 to 10000 (got "${values.limit}").\n${OUTBOX_USAGE}`), 2;
  }
  const limit = Number(values.limit);
  if (values.workspace !== undefined && !(await findWorkspace(database.db, values.workspace))) {
    const known = (await listWorkspaces(database.db)).map((w) => w.id).join(', ') || 'none yet';
    return say(`No workspace "${values.workspace}". Known workspaces: ${known}.\n${OUTBOX_USAGE}`), 2;
  }
  const where = sql.join([
    sql`true`,
    ...(values.workspace !== undefined ? [sql`m.workspace_id = ${values.workspace}`] : []),
    ...(values.unknown ? [sql`m.status = 'unknown'`] : []),
  ], sql` and `);
  const found = await rows<MailRow>(database.db, sql`
    select m.id, m.workspace_id, c.customer_ref, m.stage, m.status, m.sent_via, m.outbox_path, m.attempts,
      m.created_at, m.sent_at, m.attempt_started_at, m.not_before, m.next_attempt_at
    from mails m join customers c on c.id = m.customer_id
    where ${where}
    order by m.created_at desc, m.id desc
    limit ${limit + 1}`);
  const shown = found.slice(0, limit);
  const out: string[] = [heading(env)];
  if (values.unknown) {
    if (shown.length === 0) {
      out.push('No mail has an unknown outcome: every attempt got its answer.');
    } else {
      out.push(`${shown.length}${found.length > limit ? '+' : ''} mail${shown.length === 1 ? '' : 's'} with an unknown outcome: an attempt `
        + 'was made but the answer of the mail server was lost. relance does not send them again by itself, so the debtor never gets two copies. '
        + 'Check the sending mailbox (or the mail server\'s log) for each, then settle it:');
      for (const m of shown) {
        out.push('', `#${String(m.id)}  ${m.workspace_id}  ${m.customer_ref}  ${m.stage}  attempt ${m.attempts} started ${stamp(m.attempt_started_at)}`,
          `  it arrived:        relance outbox resolve ${String(m.id)} sent`,
          `  it did not arrive: relance outbox resolve ${String(m.id)} resend`);
      }
    }
  } else if (shown.length === 0) {
    out.push(values.workspace !== undefined ? `No reminder e-mail yet in ${values.workspace}.` : 'No reminder e-mail yet.');
  } else {
    const widths = {
      id: Math.max(...shown.map((m) => String(m.id).length)) + 1,
      ws: Math.max(...shown.map((m) => m.workspace_id.length)),
      ref: Math.max(...shown.map((m) => m.customer_ref.length)),
    };
    out.push(`${shown.length === 1 ? 'One mail' : `${shown.length} mails`}, newest first${found.length > limit ? ` (more with --limit ${Math.min(limit * 2, 10_000)})` : ''}:`);
    for (const m of shown) {
      out.push(line(m, widths));
      if (m.outbox_path) out.push(`  ${emlPath(m.outbox_path, env.RELANCE_DATA_DIR)}`);
      if (m.status === 'unknown') out.push(`  outcome unknown: see relance outbox --unknown`);
    }
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

const CHOICES: Record<string, UnknownChoice> = { sent: 'sent', resend: 'resend' };

async function settle(argv: string[], database: Database, io: OutboxIo, options: OutboxOptions): Promise<number> {
  const say = (s: string) => io.stderr.write(`${s}\n`);
  const [idText, choiceText, ...extra] = argv;
  const choice = choiceText === undefined ? undefined : CHOICES[choiceText.toLowerCase()];
  if (idText === undefined || !/^#?\d+$/.test(idText) || choice === undefined || extra.length > 0) {
    const got = argv.length === 0 ? 'nothing' : `"${argv.join(' ')}"`;
    return say(`relance outbox resolve takes a mail id and sent or resend (got ${got}). Nothing was changed.\n`
      + 'Example: relance outbox resolve 42 sent   (you found it in the sending mailbox)\n'
      + '         relance outbox resolve 42 resend (it did not arrive: one more attempt)'), 2;
  }
  const mailId = Number(idText.replace('#', ''));
  const result = await resolveUnknownMail(database.db, { mailId, choice, by: io.user, via: 'cli', now: io.now() });
  switch (result.kind) {
    case 'not_found':
      return say(`No mail #${mailId}. Nothing was changed. The mails to settle: relance outbox --unknown`), 2;
    case 'not_unknown':
      return say(`Mail #${mailId} (${result.mail.customerRef}, ${result.mail.stage}) is ${result.status}, not of unknown outcome: `
        + 'only a mail whose attempt lost its answer is settled by hand. Nothing was changed.'), 2;
    case 'resolved': {
      const { mail } = result;
      if (result.choice === 'sent') {
        io.stdout.write(`Mail #${mail.id} (${mail.customerRef}, ${mail.stage}) recorded as sent at ${stamp(mail.attemptStartedAt)}, `
          + 'confirmed by a person; it is in the case timeline.\n');
      } else {
        await options.requeue?.(mail.id);
        io.stdout.write(`Mail #${mail.id} (${mail.customerRef}, ${mail.stage}) is queued again: the worker makes one more attempt, `
          + 'with the same Message-ID.\n');
      }
      return 0;
    }
  }
}

export async function runOutboxCommand(argv: string[], database: Database, env: Env, io: OutboxIo, options: OutboxOptions = {}): Promise<number> {
  if (argv[0] === 'resolve') return settle(argv.slice(1), database, io, options);
  return list(argv, database, env, io);
}

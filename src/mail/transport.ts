// Where a built mail goes: an SMTP server (pooled nodemailer, the raw bytes as
// they are, never re-encoded), or, with no SMTP_URL, the outbox directory: the
// .eml on disk and nothing leaving the machine. Every answer is classified
// here, because what happens next depends on it: accepted; temporary (nothing
// was delivered, try later); permanent (the server refused the recipient or
// the message for good); unknown (it may have been delivered: a person
// decides, it is never sent again by itself).
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';

export interface Envelope {
  /** The bare address (no display name), for MAIL FROM. */
  from: string;
  to: string[];
}

/** Where the outbox transport files the mail (its name says which workspace, day, mail and stage). */
export interface SendMeta {
  workspaceId: string;
  mailId: number;
  stage: string;
  now: Date;
}

export type SendOutcome =
  | { kind: 'accepted'; via: 'smtp' | 'outbox'; response: string; outboxPath: string | null }
  | { kind: 'temporary' | 'permanent' | 'unknown'; response: string; code: number | null };

export interface MailTransport {
  via: 'smtp' | 'outbox';
  send(envelope: Envelope, raw: Buffer, meta: SendMeta): Promise<SendOutcome>;
  close(): void;
}

export const OUTBOX_RESPONSE = 'saved to the outbox; SMTP_URL is not set, nothing left this machine';

interface SmtpError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  timeoutType?: string;
  message?: string;
}

// System errors of a connection that never opened: nothing reached a server.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const SETUP_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
// Only a refusal of the recipient or of the message itself says the debtor's address is bad.
const RECIPIENT_COMMANDS = new Set(['RCPT TO', 'DATA']);

/**
 * How an SMTP failure counts. A 5xx to RCPT TO or DATA is permanent; a 5xx
 * elsewhere (our credentials, our sender) says nothing about the debtor and
 * is retried like a 4xx. Connection failures before the greeting sent
 * nothing; anything else (a connection lost mid-DATA, an unknown error) may
 * have delivered the mail.
 */
export function classifySmtpError(error: unknown): { kind: 'temporary' | 'permanent' | 'unknown'; code: number | null; response: string } {
  const e = (error ?? {}) as SmtpError;
  const response = (e.response ?? e.message ?? String(error)).slice(0, 500);
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  if (code !== null && code >= 500 && code < 600) {
    return { kind: e.command && !RECIPIENT_COMMANDS.has(e.command) ? 'temporary' : 'permanent', code, response };
  }
  if (code !== null && code >= 400 && code < 500) return { kind: 'temporary', code, response };
  if (e.code === 'EDNS' || e.code === 'EAUTH') return { kind: 'temporary', code, response };
  if ((e.code === 'ECONNECTION' || e.code === 'ESOCKET') && e.originalCode && NOT_CONNECTED.has(e.originalCode) && e.command === 'CONN') {
    return { kind: 'temporary', code, response };
  }
  if (e.code === 'ETIMEDOUT' && e.timeoutType && SETUP_TIMEOUTS.has(e.timeoutType)) return { kind: 'temporary', code, response };
  return { kind: 'unknown', code, response };
}

export interface SmtpSettings {
  url: string;
  user?: string;
  password?: string;
}

/** nodemailer's options from SMTP_URL (smtp:// or smtps://) and the optional separate credentials. */
export function smtpOptions(settings: SmtpSettings) {
  const url = new URL(settings.url);
  const secure = url.protocol === 'smtps:';
  const user = settings.user ?? (url.username ? decodeURIComponent(url.username) : undefined);
  const pass = settings.password ?? (url.password ? decodeURIComponent(url.password) : undefined);
  return {
    pool: true as const,
    maxConnections: 5,
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(user ? { auth: { user, pass: pass ?? '' } } : {}),
    // Its logs would carry addresses and message text.
    logger: false,
    debug: false,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  };
}

export function smtpTransport(settings: SmtpSettings): MailTransport {
  const transporter = nodemailer.createTransport(smtpOptions(settings));
  return {
    via: 'smtp',
    async send(envelope, raw) {
      try {
        const info = (await transporter.sendMail({ envelope: { from: envelope.from, to: envelope.to }, raw })) as { response?: string };
        return { kind: 'accepted', via: 'smtp', response: String(info.response ?? ''), outboxPath: null };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    close: () => transporter.close(),
  };
}

/** The .eml files of a machine with no SMTP server: `<dataDir>/outbox/<workspace>/<yyyy-mm-dd>-<mail>-<stage>.eml`. */
export function outboxTransport(dataDir: string): MailTransport {
  const root = resolve(dataDir, 'outbox');
  return {
    via: 'outbox',
    async send(_envelope, raw, meta) {
      const dir = join(root, meta.workspaceId.replace(/[^A-Za-z0-9_-]/g, '_'));
      const path = join(dir, `${meta.now.toISOString().slice(0, 10)}-${meta.mailId}-${meta.stage}.eml`);
      try {
        await mkdir(dir, { recursive: true });
        // Renamed into place: a crash never leaves half a mail under the final name.
        const temp = `${path}.${process.pid}.tmp`;
        await writeFile(temp, raw);
        await rename(temp, path);
      } catch (error) {
        return { kind: 'temporary', code: null, response: `outbox: ${(error as Error).message}`.slice(0, 500) };
      }
      return { kind: 'accepted', via: 'outbox', response: OUTBOX_RESPONSE, outboxPath: path };
    },
    close: () => {},
  };
}

/** SMTP when SMTP_URL is set, else the outbox under RELANCE_DATA_DIR. */
export function mailTransportFor(env: { SMTP_URL?: string; SMTP_USER?: string; SMTP_PASSWORD?: string; RELANCE_DATA_DIR: string }): MailTransport {
  return env.SMTP_URL
    ? smtpTransport({ url: env.SMTP_URL, user: env.SMTP_USER, password: env.SMTP_PASSWORD })
    : outboxTransport(env.RELANCE_DATA_DIR);
}

// The workspace settings of reminder e-mails, read and checked: who the mails
// come from and who answers (one mailbox each), the signature, an optional
// payment-link template, the send policy per stage (approve or auto), the
// debtor's hours a mail may leave in, and the per-workspace rate.
import { fail } from './errors.ts';
import { ok, type Result } from './result.ts';

/** The stages whose drafts become e-mails: the ladder's reminders, and the copy of a formal notice. */
export const MAIL_STAGES = ['pre_due', 'reminder_1', 'reminder_2', 'reminder_3', 'formal_notice'] as const;
export type MailStage = (typeof MAIL_STAGES)[number];
export const isMailStage = (stage: string): stage is MailStage => (MAIL_STAGES as readonly string[]).includes(stage);

export type SendPolicyChoice = 'approve' | 'auto';
export type SendPolicy = Record<MailStage, SendPolicyChoice>;

export const DEFAULT_SEND_POLICY: SendPolicy = { pre_due: 'approve', reminder_1: 'approve', reminder_2: 'approve', reminder_3: 'approve', formal_notice: 'approve' };

/** Collectors approve up to the firm reminder; the copy of a formal notice needs a manager. */
export const stageNeedsManager = (stage: MailStage): boolean => stage === 'formal_notice';

// ------------------------------------------------------------------ addresses

export interface Mailbox {
  /** The display name, if any. */
  name: string;
  address: string;
}

/**
 * Deliberately simple: one @, a dot in the domain, no spaces or brackets. It
 * keeps obviously broken cells (`n/a`, `jean@`, two addresses) from reaching
 * the mail server; the server is the judge of the rest.
 */
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/;

export const isUsableAddress = (address: string): boolean => ADDRESS.test(address.trim()) && address.length <= 254;

/** `name <address>`, the name bare (no @ or brackets) or quoted; nothing after the `>`. */
const NAMED = /^(?:"((?:[^"\\]|\\.)*)"|([^<>"@]*?))\s*<([^<>\s]+)>$/;

/**
 * `Acme Recouvrement <ar@acme.fr>`, `"Acme, SA" <ar@acme.fr>` or `ar@acme.fr`:
 * exactly one mailbox. A second address or stray text is refused, never
 * folded into the display name.
 */
export function parseMailbox(input: string): Result<Mailbox> {
  const text = input.replace(/\s+/g, ' ').trim();
  // Slack turns a typed address into a link: <mailto:ar@acme.fr|ar@acme.fr>.
  const unlinked = text.replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/g, (_, address: string) => (text.startsWith('<mailto:') ? address : `<${address}>`));
  if (isUsableAddress(unlinked)) return ok({ name: '', address: unlinked });
  const named = NAMED.exec(unlinked);
  if (!named || !isUsableAddress(named[3]!)) return fail('settings.not_a_mailbox', input);
  const name = named[1] !== undefined ? named[1].replace(/\\(.)/g, '$1') : named[2]!.trim();
  return ok({ name: name.trim(), address: named[3]! });
}

/** The mailbox as a header shows it; a name with specials is quoted. */
export function formatMailbox(box: Mailbox): string {
  if (!box.name) return box.address;
  const name = /[()<>[\]:;@\\,."]/.test(box.name) ? `"${box.name.replace(/(["\\])/g, '\\$1')}"` : box.name;
  return `${name} <${box.address}>`;
}

export const decodeMailbox = (stored: unknown): string | null | undefined =>
  stored === null ? null : typeof stored === 'string' && parseMailbox(stored).ok ? stored : undefined;

// ------------------------------------------------------------------ signature

export const MAX_SIGNATURE = 500;

/** One line as Slack sends it; `;` or ` / ` start a new line in the mail (stored with \n). */
export function parseSignature(input: string): Result<string> {
  const text = input.replace(/[ \t]+/g, ' ').trim();
  if (text === '') return fail('settings.missing_value', input, { key: 'mail_signature' });
  if (text.length > MAX_SIGNATURE) return fail('settings.text_too_long', `${text.slice(0, 40)}…`, { max: MAX_SIGNATURE, length: text.length });
  return ok(text.split(/\s*(?:;|\s\/\s|\n)\s*/).filter((l) => l !== '').join('\n'));
}

// ---------------------------------------------------------- payment link

/** The fields a payment-link template may name, each filled from the database. */
export const PAYMENT_LINK_FIELDS = ['customer_ref', 'invoices', 'amount', 'currency', 'case'] as const;
export type PaymentLinkField = (typeof PAYMENT_LINK_FIELDS)[number];

const FIELD = /\{([^{}]*)\}/g;

/**
 * `https://pay.acme.fr/?ref={customer_ref}&amount={amount}`: an http(s) URL
 * whose `{field}`s are all known. An unknown one is refused by name.
 */
export function parsePaymentLink(input: string): Result<string> {
  const text = input.trim().replace(/^<(.*?)(?:\|.*)?>$/, '$1');
  for (const match of text.matchAll(FIELD)) {
    const field = match[1]!.trim();
    if (!(PAYMENT_LINK_FIELDS as readonly string[]).includes(field)) {
      return fail('settings.payment_link_field', match[0], { fields: PAYMENT_LINK_FIELDS.map((f) => `{${f}}`).join(' ') });
    }
  }
  if (/[{}]/.test(text.replace(FIELD, ''))) return fail('settings.payment_link_field', text, { fields: PAYMENT_LINK_FIELDS.map((f) => `{${f}}`).join(' ') });
  let url: URL;
  try {
    url = new URL(text.replace(FIELD, 'x'));
  } catch {
    return fail('settings.not_a_payment_link', input);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('settings.not_a_payment_link', input);
  if (text.length > 500) return fail('settings.text_too_long', `${text.slice(0, 40)}…`, { max: 500, length: text.length });
  return ok(text.replace(FIELD, (_, f: string) => `{${f.trim()}}`));
}

/** The link of one mail: each field URL-encoded. */
export function fillPaymentLink(template: string, values: Record<PaymentLinkField, string>): string {
  return template.replace(FIELD, (_, f: string) => encodeURIComponent(values[f.trim() as PaymentLinkField] ?? ''));
}

// ---------------------------------------------------------------- send policy

const POLICY_WORDS: Readonly<Record<string, SendPolicyChoice>> = {
  approve: 'approve', approval: 'approve', manual: 'approve', valider: 'approve', validation: 'approve', manuel: 'approve',
  auto: 'auto', automatic: 'auto', automatique: 'auto',
};

const STAGE_WORDS: Readonly<Record<string, MailStage[]>> = {
  all: [...MAIL_STAGES], tous: [...MAIL_STAGES], toutes: [...MAIL_STAGES],
  pre_due: ['pre_due'], reminder_1: ['reminder_1'], reminder_2: ['reminder_2'], reminder_3: ['reminder_3'], formal_notice: ['formal_notice'],
  notice: ['formal_notice'], reminders: ['reminder_1', 'reminder_2', 'reminder_3'],
};

const foldWord = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/-/g, '_');

/**
 * A change to the policy in effect: `reminder_1 auto`, `reminder_1,reminder_2
 * auto`, `all approve`, several pairs (`pre_due auto reminder_3 approve`).
 */
export function parseSendPolicy(input: string, current: SendPolicy = DEFAULT_SEND_POLICY): Result<SendPolicy> {
  const words = input.trim().split(/[\s,;=:]+/).filter(Boolean).map(foldWord);
  const next: SendPolicy = { ...current };
  let pending: MailStage[] = [];
  for (const word of words) {
    const stages = STAGE_WORDS[word];
    if (stages) {
      pending.push(...stages);
      continue;
    }
    const choice = POLICY_WORDS[word];
    if (!choice) return fail('settings.send_policy_word', word, { stages: MAIL_STAGES.join(', ') });
    if (pending.length === 0) return fail('settings.send_policy_word', word, { stages: MAIL_STAGES.join(', ') });
    for (const stage of pending) next[stage] = choice;
    pending = [];
  }
  if (pending.length > 0 || words.length === 0) return fail('settings.send_policy_missing_choice', input);
  return ok(next);
}

export function decodeSendPolicy(stored: unknown): SendPolicy | undefined {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return undefined;
  const policy: SendPolicy = { ...DEFAULT_SEND_POLICY };
  for (const [stage, choice] of Object.entries(stored as Record<string, unknown>)) {
    if (!isMailStage(stage) || (choice !== 'approve' && choice !== 'auto')) return undefined;
    policy[stage] = choice;
  }
  return policy;
}

// ------------------------------------------------------------------ rate

export const MAIL_RATE_BOUNDS = { min: 1, max: 100_000 };

/** Mails a minute per workspace: `60`, `60/min`, `60 per minute`. */
export function parseMailRate(input: string): Result<number> {
  const text = input.trim().replace(/\s*(?:\/\s*min(?:ute)?|per\s+min(?:ute)?|par\s+minute|mails?\s*\/\s*min)\.?$/i, '');
  if (!/^\d+$/.test(text)) return fail('settings.not_a_mail_rate', input);
  const rate = Number(text);
  if (rate < MAIL_RATE_BOUNDS.min || rate > MAIL_RATE_BOUNDS.max) return fail('settings.mail_rate_out_of_range', input, MAIL_RATE_BOUNDS);
  return ok(rate);
}

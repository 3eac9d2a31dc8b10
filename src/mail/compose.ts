// A reminder e-mail as bytes, and the identity that keeps it from leaving
// twice. The bytes are built once (nodemailer's MailComposer), sent as `raw`
// and kept as the .eml, so what is stored is what left. The key names what
// the mail is about (case or customer, stage, the invoices it covers); the
// Message-ID is derived from it, so a mail rebuilt after a crash carries the
// same Message-ID and the debtor's client shows one message, not two.
import { createHash, randomBytes } from 'node:crypto';
import * as base64 from 'nodemailer/lib/base64';
import * as qp from 'nodemailer/lib/qp';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface ComposeInput {
  /** Header-ready mailboxes (`Acme <ar@acme.fr>`). */
  from: string;
  replyTo: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<…@domain>`, from messageIdFor. */
  messageId: string;
  /** The Date header: the approval time, so the bytes say when the mail was decided. */
  date: Date;
  attachments?: Attachment[];
}

/**
 * The whole message as bytes (nodemailer's MailComposer): built once, sent as `raw`, stored as the .eml.
 * Only standard headers: these are business letters a person approved, not
 * automatic replies (no Auto-Submitted), and nothing of ours leaks into them.
 * Lines end in CRLF throughout.
 */
export async function composeRaw(input: ComposeInput): Promise<Buffer> {
  return Promise.resolve(composeRawSync(input));
}

/**
 * composeRaw without the streams: MailComposer builds the MIME tree (headers,
 * structure, encodings chosen), and the tree is written out here in one
 * synchronous pass with nodemailer's own encoders, as MimeNode.stream would
 * write it. Its stream pipeline, a few setImmediate hops a part, was most of
 * the cost of a mail (ten thousand approved at once).
 */
export function composeRawSync(input: ComposeInput, baseBoundary = randomBytes(8).toString('hex')): Buffer {
  const composer = new MailComposer(composerOptions(input, baseBoundary));
  const chunks: string[] = [];
  write(composer.compile() as unknown as TreeNode, chunks);
  return crlf(Buffer.from(chunks.join(''), 'latin1'));
}

/** What of nodemailer's MimeNode the writer reads. */
interface TreeNode {
  multipart: string | false;
  boundary: string;
  childNodes: TreeNode[];
  content?: string | Buffer;
  buildHeaders(): string;
  getTransferEncoding(): string | false;
}

function write(node: TreeNode, out: string[]): void {
  out.push(`${node.buildHeaders()}\r\n\r\n`);
  if (node.content !== undefined && node.content !== '') {
    if (typeof node.content !== 'string' && !Buffer.isBuffer(node.content)) throw new Error('composeRaw: a part is neither text nor bytes');
    const encoding = node.getTransferEncoding();
    const bytes = typeof node.content === 'string' ? Buffer.from(node.content, 'utf8') : node.content;
    if (encoding === 'base64') out.push(base64.wrap(base64.encode(bytes), 76));
    else if (encoding === 'quoted-printable') out.push(qp.wrap(qp.encode(bytes), 76));
    else out.push(bytes.toString('latin1'));
  }
  if (node.multipart) {
    node.childNodes.forEach((child, n) => {
      out.push(`${n > 0 ? '\r\n' : ''}--${node.boundary}\r\n`);
      write(child, out);
    });
    out.push(`\r\n--${node.boundary}--\r\n`);
  }
}

/** The streaming build (MimeNode.stream), kept to check composeRawSync against. */
export async function composeRawStreamed(input: ComposeInput, baseBoundary?: string): Promise<Buffer> {
  return crlf(await new MailComposer(composerOptions(input, baseBoundary)).compile().build());
}

function composerOptions(input: ComposeInput, baseBoundary: string | undefined): ConstructorParameters<typeof MailComposer>[0] {
  return {
    from: input.from,
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    to: input.to,
    subject: input.subject,
    text: input.text,
    html: input.html,
    messageId: input.messageId,
    date: input.date,
    attachments: (input.attachments ?? []).map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    // The texts are data: nothing in them may make the composer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    // One random draw a mail, shared by its parts' boundaries (each part would draw its own).
    ...(baseBoundary ? { baseBoundary } : {}),
  } as ConstructorParameters<typeof MailComposer>[0];
}

/**
 * SMTP carries lines ending in CRLF: a bare LF (MailComposer leaves them in
 * quoted-printable bodies) would be rewritten on the way out, and the bytes
 * kept would no longer be the bytes sent. Rewritten here, once, so the stored
 * .eml, its SHA-256 and what the server receives agree.
 */
function crlf(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  return /(?<!\r)\n/.test(text) ? Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'latin1') : raw;
}

export interface MailKeyInput {
  caseId: number | null;
  customerId: number;
  stage: string;
  /** pre_due: the due date it announces. */
  dueDate: string | null;
  invoices: readonly { number: string }[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Stable: the same case, stage and invoices give the same key, whatever their order. */
export function mailKey(input: MailKeyInput): string {
  const numbers = [...new Set(input.invoices.map((i) => i.number))].sort();
  const owner = input.caseId !== null ? `case${input.caseId}` : `customer${input.customerId}`;
  return `${owner}:${input.stage}:${input.dueDate ?? ''}:${sha256(numbers.join('\n')).slice(0, 16)}`;
}

/** The domain of an address or of a header mailbox (`Acme <ar@Acme.fr>` → `acme.fr`). */
function domainOf(from: string): string {
  const match = /@([^@\s<>]+)>?\s*$/.exec(from.trim());
  if (!match) throw new Error('messageIdFor: the From address has no domain');
  return match[1]!.toLowerCase();
}

/** `<hex@domain-of-from>`, a function of the workspace and the key only. */
export function messageIdFor(workspaceId: string, key: string, fromAddress: string): string {
  return `<relance.${sha256(`${workspaceId}\n${key}`).slice(0, 32)}@${domainOf(fromAddress)}>`;
}

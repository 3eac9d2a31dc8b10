// CONTRACT STUB (helper "mail-content" replaces the bodies; keep the signatures).
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

/** The whole message as bytes (nodemailer's MailComposer): built once, sent as `raw`, stored as the .eml. */
export async function composeRaw(input: ComposeInput): Promise<Buffer> {
  void input;
  throw new Error('not built yet');
}

export interface MailKeyInput {
  caseId: number | null;
  customerId: number;
  stage: string;
  /** pre_due: the due date it announces. */
  dueDate: string | null;
  invoices: readonly { number: string }[];
}

/** Stable: the same case, stage and invoices give the same key, whatever their order. */
export function mailKey(input: MailKeyInput): string {
  void input;
  throw new Error('not built yet');
}

/** `<hex@domain-of-from>`, a function of the workspace and the key only. */
export function messageIdFor(workspaceId: string, key: string, fromAddress: string): string {
  void workspaceId; void key; void fromAddress;
  throw new Error('not built yet');
}

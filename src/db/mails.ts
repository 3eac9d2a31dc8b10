// The reminder e-mails' queries (mails, and what approving and sending read
// and write around them). Lists of drafts, mails and activities travel as one
// JSON parameter each: ten thousand drafts approved at once are a handful of
// statements, not ten thousand.
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from './client.ts';

const jsonIds = (ids: readonly number[]) => sql`(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint)`;
/** `= any(…)` of a literal array: the planner sees how many and goes by the primary key, however stale the table's statistics. */
const idArray = (ids: readonly number[]) => sql`${`{${ids.map((id) => Math.trunc(Number(id))).join(',')}}`}::bigint[]`;

// ---------------------------------------------------------------- approving

export interface ApprovalRow {
  id: number;
  case_id: number | null;
  customer_id: number;
  stage: string;
  due_date: string | null;
  locale: 'en' | 'fr';
  subject: string;
  body: string;
  data: Record<string, unknown>;
  status: string;
  email: string | null;
  email_bad_address: string | null;
  customer_zone: string | null;
  owner_id: string | null;
}

/** The drafts of the workspace among `ids`, locked, each with its customer's address, zone and the case owner. */
export async function lockApprovalRows(tx: Queryable, workspaceId: string, ids: readonly number[]): Promise<ApprovalRow[]> {
  if (ids.length === 0) return [];
  const list = await rows<ApprovalRow>(tx, sql`
    select d.id::int as id, d.case_id::int as case_id, d.customer_id::int as customer_id, d.stage::text as stage, d.due_date::text as due_date,
      d.locale::text as locale, d.subject, d.body, d.data, d.status::text as status,
      c.email, c.email_bad_address, c.timezone as customer_zone, coalesce(k.owner_id, c.owner_id) as owner_id
    from drafts d
    join customers c on c.workspace_id = d.workspace_id and c.id = d.customer_id
    left join cases k on k.id = d.case_id
    where d.workspace_id = ${workspaceId} and d.id in ${jsonIds(ids)}
    order by d.id
    for update of d`);
  return list.map((r) => ({ ...r, id: Number(r.id), case_id: r.case_id === null ? null : Number(r.case_id), customer_id: Number(r.customer_id) }));
}

/** The PDFs formal-notice copies carry, by letter id. */
export async function readLetterFiles(tx: Queryable, workspaceId: string, ids: readonly number[]): Promise<Map<number, { filename: string; content: Buffer }>> {
  if (ids.length === 0) return new Map();
  const list = await rows<{ id: number; filename: string; content: string }>(tx, sql`
    select id::int as id, filename, encode(content, 'base64') as content from letters
    where workspace_id = ${workspaceId} and id in ${jsonIds(ids)}`);
  return new Map(list.map((l) => [Number(l.id), { filename: l.filename, content: Buffer.from(l.content, 'base64') }]));
}

export interface NewMail {
  draft_id: number;
  case_id: number | null;
  customer_id: number;
  stage: string;
  mail_key: string;
  message_id: string;
  from_address: string;
  reply_to: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** base64 */
  raw: string;
  sha256: string;
  invoices: { number: string; currency: string; open_cents: number }[];
  letter_id: number | null;
  not_before: string;
}

/**
 * Inserts the mails; a key (or draft) that already has its mail keeps it:
 * the same case, stage and invoices never make two. Returns the mail of each
 * draft, new or already there.
 */
export async function insertMails(tx: Queryable, workspaceId: string, mails: readonly NewMail[], by: string, at: Date): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  if (mails.length === 0) return ids;
  const inserted = await rows<{ id: number; draft_id: number }>(tx, sql`
    insert into mails (workspace_id, draft_id, case_id, customer_id, stage, mail_key, message_id, from_address, reply_to, to_address,
      subject, text_body, html_body, raw, sha256, invoices, letter_id, approved_by, approved_at, not_before, status, created_at)
    select ${workspaceId}, x.draft_id, x.case_id, x.customer_id, x.stage::ladder_stage, x.mail_key, x.message_id, x.from_address, x.reply_to,
      x.to_address, x.subject, x.text_body, x.html_body, decode(x.raw, 'base64'), x.sha256, x.invoices, x.letter_id, ${by},
      ${at.toISOString()}::timestamptz, x.not_before, 'queued', ${at.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(mails)}::jsonb) as x(draft_id bigint, case_id bigint, customer_id bigint, stage text,
      mail_key text, message_id text, from_address text, reply_to text, to_address text, subject text, text_body text, html_body text,
      raw text, sha256 text, invoices jsonb, letter_id bigint, not_before timestamptz)
    on conflict do nothing
    returning id::int as id, draft_id::int as draft_id`);
  for (const r of inserted) ids.set(Number(r.draft_id), Number(r.id));
  const missing = mails.filter((m) => !ids.has(m.draft_id));
  if (missing.length > 0) {
    const existing = await rows<{ id: number; mail_key: string }>(tx, sql`
      select id::int as id, mail_key from mails where workspace_id = ${workspaceId}
        and mail_key in (select jsonb_array_elements_text(${JSON.stringify(missing.map((m) => m.mail_key))}::jsonb))`);
    const byKey = new Map(existing.map((e) => [e.mail_key, Number(e.id)]));
    for (const m of missing) {
      const id = byKey.get(m.mail_key);
      if (id !== undefined) ids.set(m.draft_id, id);
    }
  }
  return ids;
}

export async function decideDrafts(tx: Queryable, ids: readonly number[], status: 'approved' | 'no_address', by: string, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    update drafts set status = ${status}::draft_status, decided_by = ${by}, decided_at = ${at.toISOString()}::timestamptz
    where id in ${jsonIds(ids)}`);
}

export interface NewActivity {
  case_id: number | null;
  customer_id: number;
  kind: string;
  data: Record<string, unknown>;
}

export async function insertActivities(tx: Queryable, workspaceId: string, list: readonly NewActivity[], actorId: string, at: Date): Promise<void> {
  if (list.length === 0) return;
  await tx.execute(sql`
    insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
    select ${workspaceId}, x.case_id, x.customer_id, x.kind, ${actorId}, ${at.toISOString()}::timestamptz, x.data
    from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(case_id bigint, customer_id bigint, kind text, data jsonb)`);
}

/** Drafts of the workspace created at `at` (one ladder pass), still waiting, of the given stages. */
export async function waitingDraftsCreatedAt(tx: Queryable, workspaceId: string, at: Date, stages: readonly string[]): Promise<number[]> {
  if (stages.length === 0) return [];
  const list = await rows<{ id: number }>(tx, sql`
    select id::int as id from drafts
    where workspace_id = ${workspaceId} and status = 'draft' and created_at = ${at.toISOString()}::timestamptz
      and stage::text in (select jsonb_array_elements_text(${JSON.stringify(stages)}::jsonb))
    order by id`);
  return list.map((r) => Number(r.id));
}

// ---------------------------------------------------------------- sending

export interface LockedMail {
  id: number;
  workspace_id: string;
  draft_id: number;
  case_id: number | null;
  customer_id: number;
  stage: string;
  message_id: string;
  from_address: string;
  reply_to: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  raw: Buffer;
  invoices: { number: string; currency: string; open_cents: number }[];
  status: string;
  attempts: number;
  attempt_started_at: string | null;
  not_before: string;
  /** The customer's address now, and the one a server refused. */
  email: string | null;
  email_bad_address: string | null;
  customer_name: string;
  customer_ref: string;
  customer_zone: string | null;
  case_status: string | null;
  owner_id: string | null;
  ws_zone: string;
  ws_country: string;
  ws_locale: 'en' | 'fr';
}

// The customer by its key alone (mails_customer_fk keeps it in the mail's workspace): joined on the workspace too,
// the planner may walk all of the workspace's customers for each mail.
const LOCKED_MAIL = sql`
    select m.id::int as id, m.workspace_id, m.draft_id::int as draft_id, m.case_id::int as case_id, m.customer_id::int as customer_id,
      m.stage::text as stage, m.message_id, m.from_address, m.reply_to, m.to_address, m.subject, m.text_body, encode(m.raw, 'base64') as raw,
      m.invoices, m.status::text as status, m.attempts, m.attempt_started_at::text as attempt_started_at, m.not_before::text as not_before,
      c.email, c.email_bad_address, c.name as customer_name, c.customer_ref, c.timezone as customer_zone,
      k.status::text as case_status, coalesce(k.owner_id, c.owner_id) as owner_id,
      w.timezone as ws_zone, w.country::text as ws_country, w.locale::text as ws_locale
    from mails m
    join customers c on c.id = m.customer_id
    join workspaces w on w.id = m.workspace_id
    left join cases k on k.id = m.case_id`;

const lockedMail = (row: Omit<LockedMail, 'raw'> & { raw: string }): LockedMail => ({
  ...row, id: Number(row.id), draft_id: Number(row.draft_id), customer_id: Number(row.customer_id),
  case_id: row.case_id === null ? null : Number(row.case_id), raw: Buffer.from(row.raw, 'base64'),
});

/** The given mails, whatever their status, locked (waiting for a claim in progress elsewhere to commit). */
export async function lockMails(tx: Queryable, ids: readonly number[]): Promise<LockedMail[]> {
  if (ids.length === 0) return [];
  const list = await rows<Omit<LockedMail, 'raw'> & { raw: string }>(tx, sql`${LOCKED_MAIL}
    where m.id = any(${idArray(ids)})
    order by m.id
    for update of m`);
  return list.map(lockedMail);
}

export async function lockMail(tx: Queryable, mailId: number): Promise<LockedMail | null> {
  return (await lockMails(tx, [mailId]))[0] ?? null;
}

const DUE = (at: string) => sql`m.status in ('queued', 'retrying') and m.not_before <= ${at}::timestamptz
      and (m.status = 'queued' or m.next_attempt_at is null or m.next_attempt_at <= ${at}::timestamptz)`;

/**
 * Up to `limit` mails of the workspace that may leave now, locked. Rows
 * another worker has locked are skipped, not waited for: several workers
 * draining one workspace never claim the same mail.
 */
export async function claimDueMails(tx: Queryable, workspaceId: string, now: Date, limit: number): Promise<LockedMail[]> {
  // The mails are picked and locked alone, then joined: the joins run on the batch, not on every mail due. Queued and
  // retrying mails are picked apart so that each walks the (status, not_before) index in order and stops at the
  // batch's size, instead of sorting every mail due at each claim (ten thousand due: three hundred claims).
  const at = now.toISOString();
  const list = await rows<Omit<LockedMail, 'raw'> & { raw: string }>(tx, sql`
    with retrying as (
      select m.id from mails m
      where m.status = 'retrying' and m.not_before <= ${at}::timestamptz and m.workspace_id = ${workspaceId}
        and (m.next_attempt_at is null or m.next_attempt_at <= ${at}::timestamptz)
      order by m.not_before
      limit ${limit}
      for update skip locked),
    queued as (
      select m.id from mails m
      where m.status = 'queued' and m.not_before <= ${at}::timestamptz and m.workspace_id = ${workspaceId}
      order by m.not_before
      limit greatest(${limit}::int - (select count(*)::int from retrying), 0)
      for update skip locked)
    ${LOCKED_MAIL}
    where m.id = any(array(select id from retrying union all select id from queued))
    order by m.not_before, m.id`);
  return list.map(lockedMail);
}

/** The open balance of each invoice now (amount less payments), by number: a batch's few dozen, one parameter each. */
export async function openBalances(tx: Queryable, workspaceId: string, numbers: readonly string[]): Promise<Map<string, number>> {
  if (numbers.length === 0) return new Map();
  const list = await rows<{ number: string; open_cents: string | number }>(tx, sql`
    select invoice_number as number, (amount_cents - paid_cents) as open_cents from invoices
    where workspace_id = ${workspaceId} and invoice_number in ${[...new Set(numbers)]}`);
  return new Map(list.map((r) => [r.number, Number(r.open_cents)]));
}

/** Mails that must not leave any more, each with why. */
export async function cancelMails(tx: Queryable, list: readonly { id: number; reason: string }[]): Promise<void> {
  if (list.length === 0) return;
  await tx.execute(sql`
    update mails m set status = 'cancelled', cancel_reason = x.reason, next_attempt_at = null
    from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(id bigint, reason text)
    where m.id = x.id and m.id = any(${idArray(list.map((c) => c.id))})`);
}

/** Mails outside their debtor's hours: they wait for the next opening. */
export async function postponeMails(tx: Queryable, list: readonly { id: number; not_before: string }[]): Promise<void> {
  if (list.length === 0) return;
  await tx.execute(sql`
    update mails m set not_before = x.not_before
    from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(id bigint, not_before timestamptz)
    where m.id = x.id and m.id = any(${idArray(list.map((c) => c.id))})`);
}

/** The attempt, recorded before the server is spoken to. */
export async function markSending(tx: Queryable, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    update mails set status = 'sending', attempts = attempts + 1, attempt_started_at = ${at.toISOString()}::timestamptz, next_attempt_at = null
    where id = any(${idArray(ids)})`);
}

/** What became of an attempt; a field left out (undefined) keeps its value. */
export interface AttemptAnswer {
  id: number;
  status: 'sent' | 'retrying' | 'unknown' | 'refused';
  last_error?: string | null;
  smtp_response?: string;
  sent_via?: 'smtp' | 'outbox';
  outbox_path?: string | null;
  sent_at?: string;
  next_attempt_at?: string;
  cancel_reason?: string;
}

/**
 * The answers of a batch's attempts, in one statement. Only mails still
 * 'sending' take their answer (an attempt settled meanwhile as lost keeps
 * 'unknown'); returns the ids that did.
 */
export async function recordAnswers(tx: Queryable, list: readonly AttemptAnswer[]): Promise<Set<number>> {
  if (list.length === 0) return new Set();
  const json = list.map((a) => ({ ...a, set_error: a.last_error !== undefined, set_path: a.outbox_path !== undefined }));
  const done = await rows<{ id: number }>(tx, sql`
    update mails m set status = x.status::mail_status,
      last_error = case when x.set_error then x.last_error else m.last_error end,
      smtp_response = coalesce(x.smtp_response, m.smtp_response),
      sent_via = coalesce(x.sent_via, m.sent_via),
      outbox_path = case when x.set_path then x.outbox_path else m.outbox_path end,
      sent_at = coalesce(x.sent_at, m.sent_at),
      next_attempt_at = x.next_attempt_at,
      cancel_reason = coalesce(x.cancel_reason, m.cancel_reason)
    from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as x(id bigint, status text, set_error boolean, last_error text,
      smtp_response text, sent_via text, set_path boolean, outbox_path text, sent_at timestamptz, next_attempt_at timestamptz, cancel_reason text)
    where m.id = x.id and m.id = any(${idArray(list.map((a) => a.id))}) and m.status = 'sending'
    returning m.id::int as id`);
  return new Set(done.map((r) => Number(r.id)));
}

/** A refused address: marked on the customer while it is still their address. */
export async function markAddressBad(tx: Queryable, workspaceId: string, customerId: number, address: string, reason: string, at: Date): Promise<void> {
  await tx.execute(sql`
    update customers set email_bad_address = ${address}, email_bad_at = ${at.toISOString()}::timestamptz, email_bad_reason = ${reason}
    where workspace_id = ${workspaceId} and id = ${customerId}`);
}

/** Every other mail still waiting for that address: cancelled ('address_bad'); returns them for their activities. */
export async function cancelMailsTo(tx: Queryable, workspaceId: string, address: string, exceptId: number): Promise<{ id: number; case_id: number | null; customer_id: number; stage: string }[]> {
  const list = await rows<{ id: number; case_id: number | null; customer_id: number; stage: string }>(tx, sql`
    update mails set status = 'cancelled', cancel_reason = 'address_bad'
    where workspace_id = ${workspaceId} and lower(to_address) = lower(${address}) and id <> ${exceptId} and status in ('queued', 'retrying')
    returning id::int as id, case_id::int as case_id, customer_id::int as customer_id, stage::text as stage`);
  return list.map((r) => ({ ...r, id: Number(r.id), case_id: r.case_id === null ? null : Number(r.case_id), customer_id: Number(r.customer_id) }));
}

// ---------------------------------------------------------------- dispatch

export interface DueMail {
  id: number;
  workspace_id: string;
}

/** Mails that may leave now: queued, or retrying whose back-off is over, once their hour has come. */
export async function dueMails(db: Queryable, now: Date, limit: number): Promise<DueMail[]> {
  const list = await rows<DueMail>(db, sql`
    select m.id::int as id, m.workspace_id from mails m
    where ${DUE(now.toISOString())}
    order by m.not_before, m.id
    limit ${limit}`);
  return list.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The workspaces with mails that may leave now, one row each. */
export async function dueWorkspaces(db: Queryable, now: Date): Promise<{ workspace_id: string; due: number }[]> {
  const list = await rows<{ workspace_id: string; due: number }>(db, sql`
    select m.workspace_id, count(*)::int as due from mails m
    where ${DUE(now.toISOString())}
    group by m.workspace_id
    order by m.workspace_id`);
  return list.map((r) => ({ workspace_id: r.workspace_id, due: Number(r.due) }));
}

export interface LostAttempt {
  id: number;
  workspace_id: string;
  case_id: number | null;
  customer_id: number;
  stage: string;
  /** ISO 8601. */
  attempt_started_at: string;
}

/** Attempts started before `before` whose answer never came: 'unknown', in one statement; returns them. */
export async function settleSendingBefore(tx: Queryable, before: Date): Promise<LostAttempt[]> {
  const list = await rows<LostAttempt>(tx, sql`
    update mails set status = 'unknown'
    where status = 'sending' and attempt_started_at < ${before.toISOString()}::timestamptz
    returning id::int as id, workspace_id, case_id::int as case_id, customer_id::int as customer_id, stage::text as stage,
      attempt_started_at`);
  return list.map((r) => ({ ...r, id: Number(r.id), attempt_started_at: new Date(r.attempt_started_at).toISOString(), case_id: r.case_id === null ? null : Number(r.case_id), customer_id: Number(r.customer_id) }));
}

// ---------------------------------------------------------------- reading

export async function countWaitingDrafts(db: Queryable, workspaceId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from drafts where workspace_id = ${workspaceId} and status = 'draft'`);
  return row?.n ?? 0;
}

/** Mails whose outcome nobody knows yet (an attempt's answer was lost), not yet resolved by a person. */
export async function countUnknownMails(db: Queryable, workspaceId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`
    select count(*)::int as n from mails where workspace_id = ${workspaceId} and status = 'unknown' and resolved_at is null`);
  return row?.n ?? 0;
}

export interface MailListRow {
  id: number;
  case_id: number | null;
  customer_id: number;
  customer_ref: string;
  stage: string;
  status: string;
  attempts: number;
  not_before: Date;
  sent_at: Date | null;
  sent_via: string | null;
  cancel_reason: string | null;
  last_error: string | null;
  smtp_response: string | null;
  outbox_path: string | null;
  subject: string;
}

export async function listMails(db: Queryable, workspaceId: string, options: { status?: string; limit?: number } = {}): Promise<MailListRow[]> {
  const list = await rows<MailListRow>(db, sql`
    select m.id::int as id, m.case_id::int as case_id, m.customer_id::int as customer_id, c.customer_ref, m.stage::text as stage,
      m.status::text as status, m.attempts, m.not_before, m.sent_at, m.sent_via, m.cancel_reason, m.last_error, m.smtp_response,
      m.outbox_path, m.subject
    from mails m join customers c on c.workspace_id = m.workspace_id and c.id = m.customer_id
    where m.workspace_id = ${workspaceId} ${options.status ? sql`and m.status::text = ${options.status}` : sql``}
    order by m.id desc
    limit ${options.limit ?? 100}`);
  return list.map((r) => ({
    ...r, id: Number(r.id), customer_id: Number(r.customer_id), case_id: r.case_id === null ? null : Number(r.case_id),
    not_before: new Date(r.not_before), sent_at: r.sent_at ? new Date(r.sent_at) : null,
  }));
}

// The whole relance schema in one place. Every table carries workspace_id:
// nothing is ever read across workspaces. Money is integer minor units (bigint),
// ledger dates are calendar dates (no time zone), events are timestamptz.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const cents = (name: string) => bigint(name, { mode: 'number' });
const id = () => bigserial('id', { mode: 'number' }).primaryKey();
const ref = (name: string) => bigint(name, { mode: 'number' });
/** One check per row that the customer exists and belongs to the same workspace. */
const sameWorkspaceCustomer = (name: string, t: { workspaceId: AnyCol; customerId: AnyCol }) =>
  foreignKey({ name, columns: [t.workspaceId, t.customerId], foreignColumns: [customers.workspaceId, customers.id] });
type AnyCol = Parameters<typeof foreignKey>[0]['columns'][number];
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const roleEnum = pgEnum('role', ['admin', 'manager', 'collector']);
export const customerKindEnum = pgEnum('customer_kind', ['b2b', 'b2c']);
export const localeEnum = pgEnum('locale', ['en', 'fr']);
export const caseStatusEnum = pgEnum('case_status', [
  'open', 'promised', 'paused', 'notice', 'agency', 'legal', 'resolved', 'written_off',
]);
export const ladderStageEnum = pgEnum('ladder_stage', [
  // agency_or_legal: the ladder's last step, before a manager picks the route (then agency or legal).
  'pre_due', 'reminder_1', 'reminder_2', 'call', 'reminder_3', 'formal_notice', 'agency', 'legal', 'agency_or_legal',
]);
export const taskKindEnum = pgEnum('task_kind', ['call', 'email', 'letter']);
export const taskStatusEnum = pgEnum('task_status', ['open', 'done', 'cancelled']);
export const promiseStatusEnum = pgEnum('promise_status', ['pending', 'kept', 'partly_kept', 'broken', 'cancelled']);
export const planStatusEnum = pgEnum('plan_status', ['active', 'kept', 'broken', 'cancelled']);
export const escalationKindEnum = pgEnum('escalation_kind', ['notice', 'agency', 'legal', 'writeoff']);
export const escalationStatusEnum = pgEnum('escalation_status', ['pending', 'approved', 'rejected', 'cancelled']);
// unconfirmed: a worker could not tell whether a message of the digest already
// reached Slack, so it stopped; a manager who looked resolves it (`digest now confirm`).
export const digestStatusEnum = pgEnum('digest_status', ['posting', 'posted', 'unconfirmed']);
// root: a case thread's first message (the case header); activity: an activity in its case's thread;
// dm: an activity sent to a person; message: a message a feature queued as is (enqueueChannelPost).
export const channelPostKindEnum = pgEnum('channel_post_kind', ['root', 'activity', 'dm', 'message']);
// unconfirmed: a worker could not tell whether it reached Slack, so it was not sent again;
// skipped: never to be posted (see src/services/threads/route.ts); failed: Slack refused this one message.
export const channelPostStatusEnum = pgEnum('channel_post_status', ['pending', 'posted', 'skipped', 'unconfirmed', 'failed']);

/** One Slack team. The id is Slack's team id (T…), so a request maps to its tenant without a lookup. */
export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull().default(''),
  timezone: text('timezone').notNull().default('Europe/Paris'),
  locale: localeEnum('locale').notNull().default('en'),
  country: char('country', { length: 2 }).notNull().default('FR'),
  teamChannelId: text('team_channel_id'),
  managerChannelId: text('manager_channel_id'),
  // The day customer_balances was last rebuilt for (workspace time zone); aging moves daily.
  balancesAsOf: date('balances_as_of', { mode: 'string' }),
  // Bumped by every rebuild of customer_balances: what was computed from a version stays true until it moves.
  balancesVersion: bigint('balances_version', { mode: 'number' }).notNull().default(0),
  // When the ledger last arrived (an import, an intake API write, a bank statement) and how:
  // reminders wait when it is older than the ledger_max_age setting (src/domain/ledger-freshness.ts).
  ledgerSyncedAt: timestamp('ledger_synced_at', { withTimezone: true }),
  ledgerSyncSource: text('ledger_sync_source', { enum: ['import', 'api', 'statement', 'backfill'] }),
  // When the mail dispatcher announced that queued mails wait for a sync; one notice per hold (src/services/mail/dispatch.ts).
  ledgerHoldNotedAt: timestamp('ledger_hold_noted_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [
  check('workspaces_ledger_sync_source_ck', sql`${t.ledgerSyncSource} in ('import', 'api', 'statement', 'backfill')`),
]);

/**
 * Single-record writes bump the shard of their customer instead of workspaces.balances_version, so they do
 * not queue on the workspace row (drizzle/0022). The version is balances_version plus the sum of the shards.
 */
export const balancesVersionShards = pgTable('balances_version_shards', {
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  shard: integer('shard').notNull(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.shard] })]);

/** Per-workspace settings that are data, not code (ladder, grace days, limits…). */
export const settings = pgTable('settings', {
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  key: text('key').notNull(),
  value: jsonb('value').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.key] })]);

/** Team members and their role. Anyone not here (and not a bootstrap admin) sees no debtor data. */
export const members = pgTable('members', {
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  userId: text('user_id').notNull(),
  role: roleEnum('role').notNull(),
  addedBy: text('added_by'),
  // Working days (ISO weekdays, 1 = Monday) and hours ('HH:MM', their zone): all three or none (the default hours).
  workDays: smallint('work_days').array(),
  workStart: text('work_start'),
  workEnd: text('work_end'),
  // Their Slack zone (users.info tz), and when it was last read: it is read again when a day old.
  timezone: text('timezone'),
  timezoneCheckedAt: timestamp('timezone_checked_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.userId] }),
  check('members_hours_ck', sql`(${t.workDays} is null) = (${t.workStart} is null) and (${t.workStart} is null) = (${t.workEnd} is null)`),
]);

/** The days automatic call assignment ran for a workspace (its own calendar day): the first worker to insert the row does it. */
export const autoAssignDays = pgTable('auto_assign_days', {
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  day: date('day', { mode: 'string' }).notNull(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.day] })]);

export const customers = pgTable('customers', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  customerRef: text('customer_ref').notNull(),
  name: text('name').notNull(),
  kind: customerKindEnum('kind').notNull().default('b2b'),
  email: text('email'),
  phone: text('phone'),
  timezone: text('timezone'),
  locale: localeEnum('locale'),
  companyId: text('company_id'),
  ownerId: text('owner_id'),
  // Set when a call found the number wrong; cleared when an import brings another number.
  phoneWrongAt: timestamp('phone_wrong_at', { withTimezone: true }),
  // The debtor's latest acknowledgement of the debt (a payment plan they accepted): the time bar restarts from it.
  acknowledgedOn: date('acknowledged_on', { mode: 'string' }),
  // The contractual late-payment rate, percent a year (import column late_rate); null = the legal default.
  lateRate: numeric('late_rate', { precision: 6, scale: 3 }),
  // The address a mail server refused for good (5xx): no mail goes to it while customers.email is still that address.
  emailBadAddress: text('email_bad_address'),
  emailBadAt: timestamp('email_bad_at', { withTimezone: true }),
  emailBadReason: text('email_bad_reason'),
  // The payer's account (IBAN, no spaces): bank statement credits from it are theirs (src/domain/statement-matching.ts).
  iban: text('iban'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('customers_ref_uq').on(t.workspaceId, t.customerRef),
  // Target of the composite foreign keys below: a row can only point at a customer of its own workspace.
  uniqueIndex('customers_workspace_id_uq').on(t.workspaceId, t.id),
  // Case lookup by name prefix: lower(name) with text_pattern_ops so LIKE 'acme%' uses it.
  index('customers_name_prefix_idx').on(t.workspaceId, sql`lower(${t.name}) text_pattern_ops`),
  // A bank statement's payer found by IBAN.
  index('customers_iban_idx').on(t.workspaceId, t.iban).where(sql`${t.iban} is not null`),
  check('customers_late_rate_ck', sql`${t.lateRate} >= 0 and ${t.lateRate} <= 100`),
]);

export const invoices = pgTable('invoices', {
  id: id(),
  workspaceId: text('workspace_id').notNull(),
  invoiceNumber: text('invoice_number').notNull(),
  customerId: ref('customer_id').notNull(),
  issueDate: date('issue_date', { mode: 'string' }).notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  deliveredOn: date('delivered_on', { mode: 'string' }),
  currency: char('currency', { length: 3 }).notNull(),
  amountCents: cents('amount_cents').notNull(),
  // Sum of this invoice's payments, kept in step by every payment write so that
  // balances never need a join over all payments.
  paidCents: cents('paid_cents').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  sameWorkspaceCustomer('invoices_customer_fk', t),
  uniqueIndex('invoices_number_uq').on(t.workspaceId, t.invoiceNumber),
  index('invoices_unpaid_idx').on(t.workspaceId, t.customerId, t.dueDate).where(sql`${t.paidCents} < ${t.amountCents}`),
]);

export const payments = pgTable('payments', {
  id: id(),
  workspaceId: text('workspace_id').notNull(),
  invoiceId: ref('invoice_id').notNull().references(() => invoices.id),
  amountCents: cents('amount_cents').notNull(),
  paidOn: date('paid_on', { mode: 'string' }).notNull(),
  reference: text('reference').notNull(),
  source: text('source').notNull().default('import'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('payments_reference_uq').on(t.workspaceId, t.reference),
  index('payments_invoice_idx').on(t.invoiceId),
  // A period's payments (/collect stats) without reading every payment ever made.
  index('payments_paid_on_idx').on(t.workspaceId, t.paidOn),
]);

/** The collection file of one customer. At most one active (not resolved/written off) case per customer. */
export const cases = pgTable('cases', {
  id: id(),
  workspaceId: text('workspace_id').notNull(),
  customerId: ref('customer_id').notNull(),
  status: caseStatusEnum('status').notNull().default('open'),
  stage: ladderStageEnum('stage'),
  ownerId: text('owner_id'),
  pausedUntil: date('paused_until', { mode: 'string' }),
  // Why the ladder is paused: dispute, plan or other (the details are in the timeline).
  pauseReason: text('pause_reason'),
  threadChannelId: text('thread_channel_id'),
  threadTs: text('thread_ts'),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  updatedAt: updatedAt(),
}, (t) => [
  sameWorkspaceCustomer('cases_customer_fk', t),
  uniqueIndex('cases_active_customer_uq').on(t.workspaceId, t.customerId)
    .where(sql`${t.status} not in ('resolved', 'written_off')`),
  index('cases_owner_idx').on(t.workspaceId, t.ownerId),
]);

/**
 * Per customer and currency, the unpaid balance split into aging buckets as of
 * `as_of`. Rebuilt set-based for the customers a ledger write touches and for a
 * whole workspace when the day changes, so worklists and digests read ~1 row per
 * debtor instead of every invoice.
 */
export const customerBalances = pgTable('customer_balances', {
  workspaceId: text('workspace_id').notNull(),
  customerId: ref('customer_id').notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  openCents: cents('open_cents').notNull(),
  overdueCents: cents('overdue_cents').notNull(),
  dueSoonCents: cents('due_soon_cents').notNull(),
  aged1To30Cents: cents('aged_1_30_cents').notNull(),
  aged31To60Cents: cents('aged_31_60_cents').notNull(),
  aged61To90Cents: cents('aged_61_90_cents').notNull(),
  aged91PlusCents: cents('aged_91_plus_cents').notNull(),
  oldestDueDate: date('oldest_due_date', { mode: 'string' }),
  // Earliest delivered_on (else issue date) among unpaid invoices, or the debtor's later acknowledgement: the time bar counts from it.
  earliestStartDate: date('earliest_start_date', { mode: 'string' }),
  openInvoices: integer('open_invoices').notNull(),
  overdueInvoices: integer('overdue_invoices').notNull(),
  // The worklist score (src/domain/priority.ts), stored so "highest first" is an index walk.
  priority: integer('priority').notNull().default(0),
}, (t) => [
  sameWorkspaceCustomer('customer_balances_customer_fk', t),
  primaryKey({ columns: [t.workspaceId, t.customerId, t.currency] }),
  // Matches the worklist's ORDER BY exactly, so "top 20" reads 20 index entries.
  index('customer_balances_priority_idx').on(t.workspaceId, t.priority.desc(), t.overdueCents.desc(), t.customerId)
    .where(sql`${t.overdueCents} > 0`),
]);

export const tasks = pgTable('tasks', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  caseId: ref('case_id').notNull().references(() => cases.id),
  kind: taskKindEnum('kind').notNull(),
  assigneeId: text('assignee_id'),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  status: taskStatusEnum('status').notNull().default('open'),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
}, (t) => [
  index('tasks_assignee_idx').on(t.workspaceId, t.assigneeId, t.status, t.dueAt),
  index('tasks_case_idx').on(t.caseId),
]);

/**
 * The case timeline. Append-only: a trigger (migration 0001) refuses UPDATE,
 * DELETE and TRUNCATE, so the history can be used as evidence.
 */
export const activities = pgTable('activities', {
  id: id(),
  workspaceId: text('workspace_id').notNull(),
  caseId: ref('case_id').references(() => cases.id),
  customerId: ref('customer_id').notNull(),
  kind: text('kind').notNull(),
  actorId: text('actor_id').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  data: jsonb('data').notNull().default({}),
  note: text('note'),
}, (t) => [
  sameWorkspaceCustomer('activities_customer_fk', t),
  index('activities_case_idx').on(t.workspaceId, t.caseId, t.occurredAt),
  index('activities_customer_idx').on(t.workspaceId, t.customerId, t.occurredAt),
  // A period's calls and promises taken (/collect stats), whatever the length of the timeline.
  index('activities_kind_idx').on(t.workspaceId, t.kind, t.occurredAt),
]);

export const promises = pgTable('promises', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  caseId: ref('case_id').notNull().references(() => cases.id),
  amountCents: cents('amount_cents').notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  takenBy: text('taken_by').notNull(),
  note: text('note'),
  status: promiseStatusEnum('status').notNull().default('pending'),
  paidCents: cents('paid_cents'),
  createdAt: createdAt(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  // An instalment of a payment plan (1…n), else null.
  planId: ref('plan_id').references(() => paymentPlans.id),
  instalment: smallint('instalment'),
  // The earlier instalments' sum: payments since the plan count for this one past it.
  countedFromCents: cents('counted_from_cents').notNull().default(0),
}, (t) => [
  index('promises_due_idx').on(t.workspaceId, t.status, t.dueOn),
  index('promises_case_idx').on(t.caseId),
]);

/**
 * A payment plan: the case's overdue balance in one currency, split into
 * `instalments` promises (promises.plan_id). One active plan per case; a
 * missed instalment breaks it (src/db/promise-verdicts.ts).
 */
export const paymentPlans = pgTable('payment_plans', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  caseId: ref('case_id').notNull().references(() => cases.id),
  customerId: ref('customer_id').notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  totalCents: cents('total_cents').notNull(),
  instalments: smallint('instalments').notNull(),
  // week | 2weeks | month (src/domain/instalments.ts).
  period: text('period').notNull(),
  firstDueOn: date('first_due_on', { mode: 'string' }).notNull(),
  // The day the debtor accepted it (workspace zone): an acknowledgement of the debt.
  acknowledgedOn: date('acknowledged_on', { mode: 'string' }).notNull(),
  status: planStatusEnum('status').notNull().default('active'),
  // What the case goes back to when the plan ends: open, or the escalation the plan interrupted.
  statusBefore: caseStatusEnum('status_before').notNull().default('open'),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
}, (t) => [
  sameWorkspaceCustomer('payment_plans_customer_fk', t),
  uniqueIndex('payment_plans_active_uq').on(t.caseId).where(sql`${t.status} = 'active'`),
  index('payment_plans_customer_idx').on(t.workspaceId, t.customerId),
  check('payment_plans_period_check', sql`${t.period} in ('week', '2weeks', 'month')`),
  check('payment_plans_instalments_check', sql`${t.instalments} between 2 and 36`),
]);

export const escalations = pgTable('escalations', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  caseId: ref('case_id').notNull().references(() => cases.id),
  kind: escalationKindEnum('kind').notNull(),
  status: escalationStatusEnum('status').notNull().default('pending'),
  requestedBy: text('requested_by').notNull(),
  reason: text('reason'),
  channelId: text('channel_id'),
  messageTs: text('message_ts'),
  decidedBy: text('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  createdAt: createdAt(),
  // The request message in the outbox (channel_posts); channel_id and message_ts are copied once it is posted.
  postId: ref('post_id').references(() => channelPosts.id),
  // Why a manager rejected it (the requester's own words are in `reason`).
  decisionReason: text('decision_reason'),
  // A ladder proposal that came in a burst: listed by `/collect escalations` and the ladder's summary, never posted on its own.
  summarizedAt: timestamp('summarized_at', { withTimezone: true }),
  // The managers' DMs about this request are queued.
  managersToldAt: timestamp('managers_told_at', { withTimezone: true }),
  // The request message shows the decision (chat.update done, or queued already decided).
  decisionShownAt: timestamp('decision_shown_at', { withTimezone: true }),
  // The one reminder to the managers for a request left undecided.
  nudgedAt: timestamp('nudged_at', { withTimezone: true }),
  // What an approval sets in motion (the letter, the hand-off export): claimed while a worker does it, then done.
  fulfilStartedAt: timestamp('fulfil_started_at', { withTimezone: true }),
  fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
  // Set when the ladder proposed it (requested_by 'system'): the step the case reached. For
  // 'agency_or_legal' the approving manager picks the route; `kind` says 'agency' until then.
  proposedStage: ladderStageEnum('proposed_stage'),
  // The case brief's narrative (plain text), written once before the message is queued: by the model ('ai') or the rules.
  briefText: text('brief_text'),
  briefSource: text('brief_source'),
}, (t) => [
  index('escalations_status_idx').on(t.workspaceId, t.status),
  uniqueIndex('escalations_pending_uq').on(t.workspaceId, t.caseId, t.kind).where(sql`${t.status} = 'pending'`),
  check('escalations_brief_source_check', sql`${t.briefSource} in ('ai', 'rules')`),
]);

// The e-mail issue adds what happens to a draft next (approved, sent, skipped).
// draft: waiting for a person (or the send policy); approved: its mail is built (mails);
// no_address: the customer had no usable e-mail, a task went to the owner instead.
export const draftStatusEnum = pgEnum('draft_status', ['draft', 'approved', 'skipped', 'cancelled', 'no_address']);

/**
 * Reminders the ladder drafted, rendered in the debtor's language
 * (src/drafts/reminders.ts), for a person or the mailer to send. One per case
 * and step; a courtesy reminder (pre_due) comes before any case, so it has no
 * case and is kept once per customer and due date.
 */
export const drafts = pgTable('drafts', {
  id: id(),
  // The composite customer key below ties a draft to its workspace.
  workspaceId: text('workspace_id').notNull(),
  caseId: ref('case_id').references(() => cases.id),
  customerId: ref('customer_id').notNull(),
  stage: ladderStageEnum('stage').notNull(),
  // pre_due: the due date it announces.
  dueDate: date('due_date', { mode: 'string' }),
  locale: localeEnum('locale').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  // What the text was made from: invoices, totals, earlier reminders, payment details, late fees.
  data: jsonb('data').notNull(),
  status: draftStatusEnum('status').notNull().default('draft'),
  createdAt: createdAt(),
  // An edit replaces subject and body; the timeline keeps what it was (reminder_edited).
  editedBy: text('edited_by'),
  editedAt: timestamp('edited_at', { withTimezone: true }),
  // Who approved, skipped or cancelled it (a Slack user id, or 'system' for the send policy).
  decidedBy: text('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  skipReason: text('skip_reason'),
}, (t) => [
  sameWorkspaceCustomer('drafts_customer_fk', t),
  uniqueIndex('drafts_case_stage_uq').on(t.caseId, t.stage).where(sql`${t.caseId} is not null`),
  uniqueIndex('drafts_pre_due_uq').on(t.workspaceId, t.customerId, t.dueDate).where(sql`${t.stage} = 'pre_due'`),
  index('drafts_status_idx').on(t.workspaceId, t.status, t.createdAt),
]);

/** The days the ladder pass ran for a workspace (its own calendar day): the first worker to insert the row does it. */
export const ladderDays = pgTable('ladder_days', {
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  day: date('day', { mode: 'string' }).notNull(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
  // Moves per step, drafts, proposals: what the pass did, for operators.
  result: jsonb('result'),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.day] })]);

export const letterKindEnum = pgEnum('letter_kind', ['formal_notice']);

/** Raw bytes; both drivers hand back a Uint8Array or a Buffer, read as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * The letters relance generated (src/letters/), the PDF kept as bytes with its
 * SHA-256: the case file must carry the very letter that was sent. A trigger
 * (migration 0016) refuses to delete a letter or change what was generated;
 * only what happened to it later (sent, received, uploaded) is filled in.
 */
export const letters = pgTable('letters', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  caseId: ref('case_id').notNull().references(() => cases.id),
  customerId: ref('customer_id').notNull(),
  kind: letterKindEnum('kind').notNull(),
  locale: localeEnum('locale').notNull(),
  filename: text('filename').notNull(),
  content: bytea('content').notNull(),
  sha256: char('sha256', { length: 64 }).notNull(),
  // The day the letter gives the debtor to pay by.
  deadlineOn: date('deadline_on', { mode: 'string' }),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  trackingNo: text('tracking_no'),
  receivedOn: date('received_on', { mode: 'string' }),
  // Where Slack has it, once uploaded.
  slackFileId: text('slack_file_id'),
  slackChannelId: text('slack_channel_id'),
  slackThreadTs: text('slack_thread_ts'),
}, (t) => [
  sameWorkspaceCustomer('letters_customer_fk', t),
  index('letters_case_idx').on(t.workspaceId, t.caseId, t.createdAt),
]);

export const mailStatusEnum = pgEnum('mail_status', ['queued', 'sending', 'sent', 'retrying', 'unknown', 'refused', 'cancelled']);

/**
 * A reminder e-mail made from an approved draft: built once as raw bytes (the
 * bytes sent, and kept as the .eml), with a stable key (case, stage, the
 * invoices it covers) and a Message-ID derived from it. The built part never
 * changes (triggers mails_keep and mails_no_delete, drizzle/0017); the delivery state moves on:
 * queued → sending (the attempt is recorded before SMTP is spoken to) → sent,
 * or retrying (4xx), refused (5xx), cancelled (paid meanwhile, address gone),
 * unknown (an attempt whose answer was lost: a person decides, never a retry).
 */
export const mails = pgTable('mails', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  draftId: ref('draft_id').notNull().references(() => drafts.id),
  caseId: ref('case_id').references(() => cases.id),
  customerId: ref('customer_id').notNull(),
  stage: ladderStageEnum('stage').notNull(),
  mailKey: text('mail_key').notNull(),
  messageId: text('message_id').notNull(),
  fromAddress: text('from_address').notNull(),
  replyTo: text('reply_to'),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  textBody: text('text_body').notNull(),
  htmlBody: text('html_body').notNull(),
  raw: bytea('raw').notNull(),
  sha256: char('sha256', { length: 64 }).notNull(),
  // The invoices it covers and their open balance when approved: [{ number, currency, open_cents }].
  invoices: jsonb('invoices').notNull(),
  // The formal notice a copy carries as its attachment.
  letterId: ref('letter_id').references(() => letters.id),
  approvedBy: text('approved_by').notNull(),
  approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
  // Not before the debtor's business hours (their zone) open.
  notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
  status: mailStatusEnum('status').notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  attemptStartedAt: timestamp('attempt_started_at', { withTimezone: true }),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  lastError: text('last_error'),
  smtpResponse: text('smtp_response'),
  sentVia: text('sent_via'),
  outboxPath: text('outbox_path'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  cancelReason: text('cancel_reason'),
  // A person's answer to an unknown outcome.
  resolvedBy: text('resolved_by'),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [
  sameWorkspaceCustomer('mails_customer_fk', t),
  uniqueIndex('mails_draft_uq').on(t.draftId),
  uniqueIndex('mails_key_uq').on(t.workspaceId, t.mailKey),
  // Which workspaces have mails due (the poll), then one workspace's due mails (its drain job's claims).
  index('mails_status_idx').on(t.status, t.notBefore),
  index('mails_workspace_status_idx').on(t.workspaceId, t.status, t.notBefore),
  index('mails_case_idx').on(t.workspaceId, t.caseId, t.createdAt),
  check('mails_sent_via_ck', sql`${t.sentVia} is null or ${t.sentVia} in ('smtp', 'outbox')`),
]);

/** Where and when each channel gets its digest. Redis only mirrors this table. */
export const digestSchedules = pgTable('digest_schedules', {
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  channelId: text('channel_id').notNull(),
  localTime: text('local_time').notNull().default('09:00'),
  timezone: text('timezone').notNull(),
  // ISO weekdays the digest may run on (1 = Monday); public holidays are skipped too.
  weekdays: smallint('weekdays').array().notNull().default(sql`'{1,2,3,4,5}'::smallint[]`),
  enabledBy: text('enabled_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.channelId] })]);

/** One row per channel and business day: the unique key is what makes the digest exactly-once. */
export const digests = pgTable('digests', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  channelId: text('channel_id').notNull(),
  businessDate: date('business_date', { mode: 'string' }).notNull(),
  status: digestStatusEnum('status').notNull().default('posting'),
  messageTs: text('message_ts'),
  totals: jsonb('totals'),
  // A worker holds the digest while posting; a crashed worker's lease runs out
  // and the next attempt resumes where it stopped.
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  // New at every claim: a worker whose token is gone has lost the digest to
  // another one and must neither write nor call Slack again.
  leaseToken: text('lease_token'),
  // Set just before each attempt to post the summary: with no message_ts, it may or may not be in Slack.
  postStartedAt: timestamp('post_started_at', { withTimezone: true }),
  attempts: integer('attempts').notNull().default(0),
  createdAt: createdAt(),
  postedAt: timestamp('posted_at', { withTimezone: true }),
}, (t) => [uniqueIndex('digests_day_uq').on(t.workspaceId, t.channelId, t.businessDate)]);

/** The case replies of one digest, fixed when the digest is first built so a retry posts the same list. */
export const digestEntries = pgTable('digest_entries', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  digestId: ref('digest_id').notNull().references(() => digests.id),
  rank: integer('rank').notNull(),
  caseId: ref('case_id').notNull().references(() => cases.id),
  customerId: ref('customer_id').notNull().references(() => customers.id),
  // Set just before posting: a reply with this but no message_ts may or may not be in Slack.
  postStartedAt: timestamp('post_started_at', { withTimezone: true }),
  messageTs: text('message_ts'),
}, (t) => [
  uniqueIndex('digest_entries_rank_uq').on(t.digestId, t.rank),
  index('digest_entries_message_idx').on(t.workspaceId, t.messageTs),
]);

/**
 * The outbox of everything relance posts at Slack's pace (about one message a
 * second per channel): case-thread posts, DMs, and messages other features
 * queue. A trigger (migration 0009) adds a row for each new activity of a case,
 * in the same transaction, so no use case has to remember to. Rows are posted
 * in id order per channel by one poster at a time (channel_posters), and each
 * is recorded the moment Slack answers; a post whose answer never came is
 * looked for by its metadata before it is sent again.
 */
export const channelPosts = pgTable('channel_posts', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  // A channel id, a user id (a DM), or null until routed to the workspace's team channel.
  channelId: text('channel_id'),
  // Goes to the team channel, whichever it is: a pending post follows the channel when it changes.
  team: boolean('team').notNull().default(false),
  kind: channelPostKindEnum('kind').notNull(),
  caseId: ref('case_id').references(() => cases.id),
  activityId: ref('activity_id').references(() => activities.id),
  // kind 'message': { text, blocks } as queued.
  payload: jsonb('payload'),
  // Makes enqueueing idempotent for the features that queue messages.
  dedupeKey: text('dedupe_key'),
  status: channelPostStatusEnum('status').notNull().default('pending'),
  // Set just before each attempt: with no message_ts, it may or may not be in Slack.
  postStartedAt: timestamp('post_started_at', { withTimezone: true }),
  messageTs: text('message_ts'),
  // A root's link, for the case card.
  permalink: text('permalink'),
  postedAt: timestamp('posted_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [
  // What each poster drains, in order: only pending rows are in it.
  index('channel_posts_pending_idx').on(t.workspaceId, t.channelId, t.id).where(sql`${t.status} = 'pending'`),
  uniqueIndex('channel_posts_activity_uq').on(t.activityId, t.kind),
  // One thread per case and channel; a root nobody could confirm gives way to a new one.
  uniqueIndex('channel_posts_root_uq').on(t.caseId, t.channelId).where(sql`${t.kind} = 'root' and ${t.status} in ('pending', 'posted')`),
  uniqueIndex('channel_posts_key_uq').on(t.workspaceId, t.dedupeKey),
  // The last message recorded in a channel bounds the read-back after a crash.
  index('channel_posts_recorded_idx').on(t.workspaceId, t.channelId, t.messageTs).where(sql`${t.messageTs} is not null`),
]);

/**
 * One poster per channel (or DM): the lease a worker holds while it posts
 * there, fenced by a token each claim replaces, as for digests.
 */
export const channelPosters = pgTable('channel_posters', {
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  channelId: text('channel_id').notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  leaseToken: text('lease_token'),
  // When the last message went out here: the next one waits for Slack's pace.
  lastPostAt: timestamp('last_post_at', { withTimezone: true }),
  // Slack refused the channel itself (bot not in it, archived…): nothing is tried before then.
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  lastError: text('last_error'),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.channelId] })]);

/** Slack event ids already handled: Slack retries deliveries and Bolt does not deduplicate. */
export const slackEvents = pgTable('slack_events', {
  eventId: text('event_id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

export const rateKindEnum = pgEnum('rate_kind', ['ecb', 'legal']);

/**
 * The dated rate tables of late fees (src/domain/rates.ts): one published
 * figure per kind and half-year, with its source. Public law, so global, not
 * per workspace. Seeded by migration 0012; admins add half-years with
 * `relance rates add`.
 */
export const ratePeriods = pgTable('rate_periods', {
  kind: rateKindEnum('kind').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  percent: numeric('percent', { precision: 6, scale: 3 }).notNull(),
  source: text('source').notNull(),
  addedBy: text('added_by').notNull(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.kind, t.startsOn] }),
  // A rate is set for 1 January (January–June) or 1 July (July–December), never another day.
  check('rate_periods_half_year_ck', sql`extract(day from ${t.startsOn}) = 1 and extract(month from ${t.startsOn}) in (1, 7)`),
  check('rate_periods_percent_ck', sql`${t.percent} >= 0 and ${t.percent} <= 30`),
]);

/**
 * Intake API tokens (src/api): each sees one workspace only. Only the SHA-256
 * of the token is kept (hex); the token itself is shown once, at creation.
 */
export const apiTokens = pgTable('api_tokens', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  name: text('name').notNull(),
  hash: char('hash', { length: 64 }).notNull(),
  readOnly: boolean('read_only').notNull().default(false),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('api_tokens_hash_uq').on(t.hash),
  uniqueIndex('api_tokens_live_name_uq').on(t.workspaceId, t.name).where(sql`${t.revokedAt} is null`),
  check('api_tokens_name_ck', sql`char_length(${t.name}) between 1 and 64`),
]);

/**
 * Every booked line of an imported bank statement (camt.053), once: the
 * bank's reference is the key, so importing a statement again changes nothing.
 * `status`: matched (its payments are `payment_references`; a reversal line:
 * it undid `reverses_id`), unmatched (waiting for a person, posted to the
 * team channel), ignored (debits; lines a person set aside), reversed (a
 * credit the bank took back). `remittance` is written by the debtor: never logged.
 */
export const statementEntries = pgTable('statement_entries', {
  id: id(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id),
  reference: text('reference').notNull(),
  statementId: text('statement_id').notNull(),
  direction: text('direction', { enum: ['credit', 'debit'] }).notNull(),
  reversal: boolean('reversal').notNull().default(false),
  amountCents: cents('amount_cents').notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  bookedOn: date('booked_on', { mode: 'string' }),
  valueOn: date('value_on', { mode: 'string' }),
  debtorName: text('debtor_name'),
  debtorIban: text('debtor_iban'),
  remittance: text('remittance').notNull().default(''),
  endToEndId: text('end_to_end_id'),
  status: text('status', { enum: ['unmatched', 'matched', 'ignored', 'reversed'] }).notNull(),
  reviewReason: text('review_reason'),
  customerId: ref('customer_id'),
  paymentReferences: text('payment_references').array().notNull().default(sql`'{}'`),
  reversesId: ref('reverses_id').references((): AnyPgColumn => statementEntries.id),
  reviewPostId: ref('review_post_id').references(() => channelPosts.id),
  decidedBy: text('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  fileName: text('file_name'),
  createdAt: createdAt(),
}, (t) => [
  sameWorkspaceCustomer('statement_entries_customer_fk', t),
  uniqueIndex('statement_entries_reference_uq').on(t.workspaceId, t.reference),
  index('statement_entries_status_idx').on(t.workspaceId, t.status, t.id),
  index('statement_entries_post_idx').on(t.reviewPostId).where(sql`${t.reviewPostId} is not null`),
  check('statement_entries_direction_ck', sql`${t.direction} in ('credit', 'debit')`),
  check('statement_entries_status_ck', sql`${t.status} in ('unmatched', 'matched', 'ignored', 'reversed')`),
  check('statement_entries_amount_ck', sql`${t.amountCents} > 0`),
]);

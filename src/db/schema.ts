// The whole relance schema in one place. Every table carries workspace_id:
// nothing is ever read across workspaces. Money is integer minor units (bigint),
// ledger dates are calendar dates (no time zone), events are timestamptz.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
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
  'pre_due', 'reminder_1', 'reminder_2', 'call', 'reminder_3', 'formal_notice', 'agency', 'legal',
]);
export const taskKindEnum = pgEnum('task_kind', ['call', 'email', 'letter']);
export const taskStatusEnum = pgEnum('task_status', ['open', 'done', 'cancelled']);
export const promiseStatusEnum = pgEnum('promise_status', ['pending', 'kept', 'partly_kept', 'broken', 'cancelled']);
export const escalationKindEnum = pgEnum('escalation_kind', ['notice', 'agency', 'legal']);
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
  createdAt: createdAt(),
});

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
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })]);

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
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('customers_ref_uq').on(t.workspaceId, t.customerRef),
  // Target of the composite foreign keys below: a row can only point at a customer of its own workspace.
  uniqueIndex('customers_workspace_id_uq').on(t.workspaceId, t.id),
  // Case lookup by name prefix: lower(name) with text_pattern_ops so LIKE 'acme%' uses it.
  index('customers_name_prefix_idx').on(t.workspaceId, sql`lower(${t.name}) text_pattern_ops`),
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
  // Earliest delivered_on (else issue date) among unpaid invoices: the time bar counts from it.
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
}, (t) => [
  index('promises_due_idx').on(t.workspaceId, t.status, t.dueOn),
  index('promises_case_idx').on(t.caseId),
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
}, (t) => [
  index('escalations_status_idx').on(t.workspaceId, t.status),
  uniqueIndex('escalations_pending_uq').on(t.workspaceId, t.caseId, t.kind).where(sql`${t.status} = 'pending'`),
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

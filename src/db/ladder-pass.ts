// The ladder pass in SQL: a fixed handful of statements per workspace-day,
// whatever the number of cases. The moves are computed once into a temp table
// (ladder_moves), following src/domain/ladder-plan.ts; every write after that
// joins it, and the case update is conditional on each case's stage and
// status, so a second pass the same day finds nothing to move.
import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../domain/dates.ts';
import { isCaseStep, STEP_ACTION, STEP_ESCALATION, STEP_ORDER, stageRank, type LadderStep, type LadderStepKey } from '../domain/ladder.ts';
import { MOVING_STATUS } from '../domain/ladder-plan.ts';
import { isMailStage } from '../domain/mail-settings.ts';
import type { Settings } from '../domain/settings.ts';
import { translator, type Locale } from '../i18n/messages.ts';
import { LIMITS } from '../slack/blocks/kit.ts';
import { draftBlocksTemplate, TEMPLATE_ID, TEMPLATE_TEXT } from '../slack/blocks/reminder-draft.ts';
import { rows, type Queryable } from './client.ts';

export interface LadderScope {
  workspaceId: string;
  /** The workspace calendar day the pass is for. */
  day: IsoDate;
  ladder: readonly LadderStep[];
  catchUpDays: number;
}

const stageLiteral = (stage: string) => sql.raw(`'${stage}'::ladder_stage`);

const CASE_STAGES = [...STEP_ORDER, 'agency', 'legal'] as const;

/** `cases.stage` → its rank on the ladder (src/domain/ladder.ts stageRank), as SQL. */
const rankSql = (column: SQL) =>
  sql`(case ${column} ${sql.join(CASE_STAGES.map((s) => sql.raw(`when '${s}' then ${stageRank(s)}`)), sql` `)} else -1 end)`;

/**
 * `cases.stage` → the day of the next step after it (null: none), as SQL: a
 * case younger than that cannot move, so most cases are left out before the
 * steps are looked at one by one.
 */
const nextDaySql = (column: SQL, steps: readonly LadderStep[]) => {
  const next = (rank: number) => steps.find((s) => stageRank(s.stage) > rank)?.day ?? null;
  const day = (rank: number) => sql.raw(String(next(rank) ?? 'null'));
  return sql`(case ${column} ${sql.join(CASE_STAGES.map((s) => sql`${sql.raw(`when '${s}' then`)} ${day(stageRank(s))}`), sql` `)} else ${day(-1)} end)`;
};

/**
 * Every move of the day, read-only: one row per open case whose oldest unpaid
 * due date has reached a step after its stage. Columns: case_id, customer_id,
 * from_stage, to_stage, to_day, days, steps, catch_up, acts, action, proposes.
 */
export function plannedMovesSql(scope: LadderScope): SQL {
  const steps = scope.ladder.filter((s) => isCaseStep(s.stage)).sort((a, b) => stageRank(a.stage) - stageRank(b.stage));
  if (steps.length === 0) {
    return sql`select null::bigint as case_id, null::bigint as customer_id, null::ladder_stage as from_stage, null::ladder_stage as to_stage,
      0 as to_day, 0 as days, 0 as steps, false as catch_up, false as acts, null::text as action, null::escalation_kind as proposes where false`;
  }
  const values = sql.join(steps.map((s) => {
    const proposes = STEP_ESCALATION[s.stage];
    return sql`(${stageLiteral(s.stage)}, ${sql.raw(String(stageRank(s.stage)))}, ${sql.raw(String(s.day))}, ${sql.raw(`'${STEP_ACTION[s.stage]}'`)},
      ${sql.raw(proposes ? `'${proposes}'::escalation_kind` : 'null::escalation_kind')})`;
  }), sql`, `);
  const ws = scope.workspaceId;
  const lateAfter = sql.raw(String(scope.catchUpDays));
  return sql`
    with steps (stage, rank, day, action, proposes) as (values ${values}),
    oldest as (
      select customer_id, min(oldest_due_date) as oldest_due from customer_balances where workspace_id = ${ws} group by customer_id
    ), candidates as (
      select k.id as case_id, k.customer_id, k.stage as from_stage, ${rankSql(sql`k.stage`)} as rank,
        (${scope.day}::date - o.oldest_due)::int as days
      from cases k join oldest o on o.customer_id = k.customer_id
      where k.workspace_id = ${ws} and k.status = ${MOVING_STATUS}
        and ${scope.day}::date - o.oldest_due >= ${nextDaySql(sql`k.stage`, steps)}
    )
    select c.case_id, c.customer_id, c.from_stage, t.stage as to_stage, t.day as to_day, c.days, t.steps::int as steps,
      (t.steps > 1 and c.days - t.day > ${lateAfter}) as catch_up,
      not (t.steps > 1 and c.days - t.day > ${lateAfter}) as acts,
      t.action, t.proposes
    from candidates c
    cross join lateral (
      select s.stage, s.day, s.action, s.proposes, count(*) over () as steps
      from steps s where s.rank > c.rank and s.day <= c.days
      order by s.rank desc limit 1
    ) t`;
}

/** The moves into ladder_moves (dropped at commit), with room for what the pass creates for each. */
export async function createMoves(tx: Queryable, scope: LadderScope): Promise<void> {
  await tx.execute(sql`drop table if exists pg_temp.ladder_moves`);
  await tx.execute(sql`create temp table ladder_moves on commit drop as
    select m.*, null::bigint as draft_id, null::bigint as escalation_id from (${plannedMovesSql(scope)}) m`);
}

/** The moving cases locked in id order, as every writer of many cases takes them (src/db/promise-verdicts.ts): no two wait on each other in turn. */
export async function lockMovingCases(tx: Queryable): Promise<void> {
  await tx.execute(sql`select count(*) from (select k.id from cases k
    where k.id in (select case_id from ladder_moves) order by k.id for update of k) locked`);
}

/**
 * Moves the cases, each only from the stage it was read on and only while
 * still open (a promise or a pause taken meanwhile wins); the moves that did
 * not happen leave ladder_moves.
 */
export async function applyMoves(tx: Queryable, workspaceId: string, now: Date): Promise<void> {
  await tx.execute(sql`
    with moved as (
      update cases k set stage = m.to_stage, updated_at = ${now.toISOString()}::timestamptz
      from ladder_moves m
      where k.id = m.case_id and k.workspace_id = ${workspaceId} and k.status = ${MOVING_STATUS}
        and k.stage is not distinct from m.from_stage
      returning k.id
    )
    delete from ladder_moves m where m.case_id not in (select id from moved)`);
}

/**
 * A pending escalation, requested by 'system', for each case that reached a
 * manager step. A case with the same kind already pending keeps that one.
 */
export async function proposeEscalations(tx: Queryable, workspaceId: string, now: Date): Promise<void> {
  await tx.execute(sql`
    with proposed as (
      insert into escalations (workspace_id, case_id, kind, status, requested_by, proposed_stage, created_at)
      select ${workspaceId}, m.case_id, m.proposes, 'pending', 'system', m.to_stage, ${now.toISOString()}::timestamptz
      from ladder_moves m where m.proposes is not null order by m.case_id
      on conflict do nothing
      returning id, case_id
    )
    update ladder_moves m set escalation_id = p.id from proposed p where p.case_id = m.case_id`);
}

/** What a reminder draft is made of, for every move that drafts one. */
export interface DraftSourceRow {
  case_id: number | string;
  customer_id: number | string;
  stage: LadderStepKey;
  days: number;
  name: string;
  customer_ref: string;
  kind: 'b2b' | 'b2c';
  locale: 'en' | 'fr';
  late_rate: string | null;
  invoices: {
    number: string; issue_date: string; due_date: string; currency: string; amount_cents: number; open_cents: number;
    /** Reminder 3 to a professional debtor only: the late fees need them. */
    payments: { paid_on: string; amount_cents: number }[] | null;
  }[];
  /** Days (workspace calendar) of this case's earlier reminders, oldest first. */
  earlier: string[];
}

export async function readDraftSources(tx: Queryable, input: { workspaceId: string; day: IsoDate; timezone: string; locale: string }): Promise<DraftSourceRow[]> {
  const ws = input.workspaceId;
  return rows<DraftSourceRow>(tx, sql`
    select m.case_id, m.customer_id, m.to_stage as stage, m.days, c.name, c.customer_ref, c.kind,
      coalesce(c.locale, ${input.locale}::locale) as locale, c.late_rate::text as late_rate,
      (select coalesce(json_agg(json_build_object(
          'number', i.invoice_number, 'issue_date', i.issue_date, 'due_date', i.due_date, 'currency', i.currency,
          'amount_cents', i.amount_cents, 'open_cents', i.amount_cents - i.paid_cents,
          'payments', case when m.to_stage = 'reminder_3' and c.kind = 'b2b' then (
            select coalesce(json_agg(json_build_object('paid_on', y.paid_on, 'amount_cents', y.amount_cents) order by y.paid_on), '[]')
            from payments y where y.invoice_id = i.id) end
        ) order by i.due_date, i.invoice_number), '[]')
        from invoices i
        where i.workspace_id = ${ws} and i.customer_id = m.customer_id and i.paid_cents < i.amount_cents and i.due_date < ${input.day}::date
      ) as invoices,
      (select coalesce(json_agg(to_char((d.created_at at time zone ${input.timezone})::date, 'YYYY-MM-DD') order by d.created_at), '[]')
        from drafts d where d.case_id = m.case_id and d.stage in ('reminder_1', 'reminder_2')
      ) as earlier
    from ladder_moves m join customers c on c.id = m.customer_id
    where m.acts and m.action = 'draft'
    order by m.case_id`);
}

export interface NewDraft {
  case_id: number | null;
  customer_id: number;
  stage: LadderStepKey;
  due_date: IsoDate | null;
  locale: 'en' | 'fr';
  subject: string;
  body: string;
  data: unknown;
}

/** All the drafts of a pass in one statement; a draft already there (same case and step, or same customer and due date) stays as it was. */
export async function insertDrafts(tx: Queryable, workspaceId: string, drafts: readonly NewDraft[], now: Date): Promise<number> {
  if (drafts.length === 0) return 0;
  const [inserted] = await rows<{ n: number }>(tx, sql`
    with inserted as (
      insert into drafts (workspace_id, case_id, customer_id, stage, due_date, locale, subject, body, data, created_at)
      select ${workspaceId}, x.case_id, x.customer_id, x.stage::ladder_stage, x.due_date, x.locale::locale, x.subject, x.body, x.data,
        ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(drafts)}::jsonb)
        as x(case_id bigint, customer_id bigint, stage text, due_date date, locale text, subject text, body text, data jsonb)
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from inserted`);
  return inserted?.n ?? 0;
}

/** Each drafting move learns its draft (new, or the one its case already had for that step). */
export async function linkDrafts(tx: Queryable): Promise<void> {
  await tx.execute(sql`
    update ladder_moves m set draft_id = d.id from drafts d
    where d.case_id = m.case_id and d.stage = m.to_stage and m.acts and m.action = 'draft'`);
}

/** A case's draft and what its thread post adds around the quoted text (src/slack/blocks/reminder-draft.ts draftPostParts). */
export interface NewCaseDraft extends NewDraft {
  case_id: number;
  post_head: string;
  post_tail: string;
  /** The quoted text when it is not the body with ">" before each line (escaped or cut). */
  post_quoted: string | null;
}

/**
 * The case drafts and, for each, the draft itself in its case's thread (the
 * outbox, channel_posts) in one statement, each text sent once: the post
 * quotes the draft's body in SQL unless Node sent the quote. The post carries
 * Send / Edit / Skip for the draft's id (src/slack/blocks/reminder-draft.ts),
 * or, when the step's send policy is auto, says it leaves by itself. A draft
 * already there stays as it was; the post key makes a repeat a no-op.
 */
export async function insertCaseDrafts(
  tx: Queryable, workspaceId: string, drafts: readonly NewCaseDraft[], now: Date,
  context: { settings: Pick<Settings, 'sendPolicy' | 'mailFrom'>; locale: Locale },
): Promise<void> {
  if (drafts.length === 0) return;
  const at = now.toISOString();
  const { settings } = context;
  const t = translator(context.locale);
  const templates = Object.fromEntries([...new Set(drafts.map((d) => d.stage))].map((stage) =>
    // Without a sender nothing leaves by itself: the draft waits with its buttons like any other.
    [stage, draftBlocksTemplate(t, stage, isMailStage(stage) && settings.sendPolicy[stage] === 'auto' && settings.mailFrom !== null)]));
  await tx.execute(sql`
    with x as materialized (
      select x.*, x.post_head || coalesce(x.post_quoted, '>' || replace(x.body, E'\n', E'\n>')) || x.post_tail as post_text
      from jsonb_to_recordset(${JSON.stringify(drafts)}::jsonb)
        as x(case_id bigint, customer_id bigint, stage text, locale text, subject text, body text, data jsonb,
          post_head text, post_tail text, post_quoted text)
    ), inserted as (
      insert into drafts (workspace_id, case_id, customer_id, stage, due_date, locale, subject, body, data, created_at)
      select ${workspaceId}, x.case_id, x.customer_id, x.stage::ladder_stage, null, x.locale::locale, x.subject, x.body, x.data, ${at}::timestamptz
      from x
      on conflict do nothing
      returning id, case_id, stage
    ), templates as (
      select key as stage, value as template from jsonb_each_text(${JSON.stringify(templates)}::jsonb)
    )
    insert into channel_posts (workspace_id, kind, team, case_id, payload, dedupe_key, created_at)
    select ${workspaceId}, 'message', true, x.case_id,
      jsonb_build_object('text', x.post_text, 'blocks', replace(replace(tp.template, ${TEMPLATE_ID}, coalesce(i.id, d.id)::text),
        ${TEMPLATE_TEXT}, to_jsonb(case when length(x.post_text) > ${LIMITS.sectionText} then left(x.post_text, ${LIMITS.sectionText - 1}) || '…'
          else x.post_text end)::text)::jsonb),
      'draft.' || x.case_id || '.' || x.stage, ${at}::timestamptz
    from x join templates tp on tp.stage = x.stage
    left join inserted i on i.case_id = x.case_id and i.stage = x.stage::ladder_stage
    left join drafts d on d.case_id = x.case_id and d.stage = x.stage::ladder_stage
    where coalesce(i.id, d.id) is not null
    order by x.case_id
    on conflict do nothing`);
}

/**
 * One timeline entry per move. stage_set for a catch-up landing (never posted
 * to the thread, see src/services/threads/route.ts); otherwise what the step did.
 */
export async function logMoves(tx: Queryable, workspaceId: string, now: Date): Promise<void> {
  await tx.execute(sql`
    insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
    select ${workspaceId}, m.case_id, m.customer_id,
      case when not m.acts then 'stage_set' when m.action = 'draft' then 'reminder_drafted'
        when m.action = 'call' then 'stage_call' else 'escalation_proposed' end,
      'system', ${now.toISOString()}::timestamptz,
      jsonb_strip_nulls(jsonb_build_object('stage', m.to_stage, 'from_stage', m.from_stage, 'days_overdue', m.days,
        'catch_up', m.catch_up, 'draft_id', m.draft_id, 'escalation_id', m.escalation_id, 'escalation', m.proposes))
    from ladder_moves m order by m.case_id`);
}

export interface StageReport {
  stage: LadderStepKey;
  moved: number;
  acting: number;
  caught_up: number;
  drafts: number;
  proposals: number;
  /** Cases that reached `call` and act: their call tasks. */
  call_cases: (number | string)[] | null;
  /** The first names (most overdue first) of the new proposals, for the managers' summary. */
  proposal_names: string[] | null;
}

export async function reportMoves(tx: Queryable): Promise<StageReport[]> {
  return rows<StageReport>(tx, sql`
    select m.to_stage as stage, count(*)::int as moved, count(*) filter (where m.acts)::int as acting,
      count(*) filter (where m.catch_up)::int as caught_up, count(m.draft_id)::int as drafts, count(m.escalation_id)::int as proposals,
      array_agg(m.case_id order by m.case_id) filter (where m.acts and m.action = 'call') as call_cases,
      (array_agg(c.name order by m.days desc, c.name) filter (where m.escalation_id is not null))[1:5] as proposal_names
    from ladder_moves m join customers c on c.id = m.customer_id
    group by m.to_stage`);
}

export interface MoveLine {
  to_stage: LadderStepKey;
  from_stage: string | null;
  days: number;
  acts: boolean;
  catch_up: boolean;
  proposes: string | null;
  customer_ref: string;
  name: string;
}

/** Every move, for the CLI: by step, most overdue first. */
export async function listMoves(tx: Queryable): Promise<MoveLine[]> {
  return rows<MoveLine>(tx, sql`
    select m.to_stage, m.from_stage, m.days, m.acts, m.catch_up, m.proposes, c.customer_ref, c.name
    from ladder_moves m join customers c on c.id = m.customer_id
    order by m.to_day, m.days desc, c.customer_ref`);
}

/** The customers (with no active case) owed a courtesy reminder, one row per customer and due date. */
export interface PreDueRow {
  customer_id: number | string;
  customer_ref: string;
  name: string;
  locale: 'en' | 'fr';
  due_date: string;
  invoices: { number: string; issue_date: string; due_date: string; currency: string; amount_cents: number; open_cents: number }[];
}

export async function readPreDue(tx: Queryable, input: { workspaceId: string; from: IsoDate; to: IsoDate; locale: string }): Promise<PreDueRow[]> {
  const ws = input.workspaceId;
  return rows<PreDueRow>(tx, sql`
    select c.id as customer_id, c.customer_ref, c.name, coalesce(c.locale, ${input.locale}::locale) as locale,
      to_char(i.due_date, 'YYYY-MM-DD') as due_date,
      json_agg(json_build_object('number', i.invoice_number, 'issue_date', i.issue_date, 'due_date', i.due_date, 'currency', i.currency,
        'amount_cents', i.amount_cents, 'open_cents', i.amount_cents - i.paid_cents) order by i.invoice_number) as invoices
    from invoices i join customers c on c.id = i.customer_id
    where i.workspace_id = ${ws} and i.paid_cents < i.amount_cents and i.due_date between ${input.from}::date and ${input.to}::date
      and not exists (select 1 from cases k where k.workspace_id = ${ws} and k.customer_id = i.customer_id
        and k.status not in ('resolved', 'written_off'))
      and not exists (select 1 from drafts d where d.workspace_id = ${ws} and d.customer_id = i.customer_id
        and d.stage = 'pre_due' and d.due_date = i.due_date)
    group by c.id, c.customer_ref, c.name, c.locale, i.due_date
    order by i.due_date, c.customer_ref`);
}

/** Marks the day done; false when it already was (another worker, an earlier run). */
export async function claimLadderDay(tx: Queryable, workspaceId: string, day: IsoDate, now: Date): Promise<boolean> {
  const claimed = await rows<{ day: string }>(tx, sql`
    insert into ladder_days (workspace_id, day, ran_at) values (${workspaceId}, ${day}::date, ${now.toISOString()}::timestamptz)
    on conflict do nothing returning day`);
  return claimed.length > 0;
}

export async function recordLadderDay(tx: Queryable, workspaceId: string, day: IsoDate, result: unknown): Promise<void> {
  await tx.execute(sql`update ladder_days set result = ${JSON.stringify(result)}::jsonb where workspace_id = ${workspaceId} and day = ${day}::date`);
}

export async function ladderDayDone(db: Queryable, workspaceId: string, day: IsoDate): Promise<boolean> {
  const [found] = await rows<{ done: boolean }>(db, sql`
    select exists (select 1 from ladder_days where workspace_id = ${workspaceId} and day = ${day}::date) as done`);
  return found?.done ?? false;
}

/** Tomorrow's moves per step for the preview: counts, and the first names (most overdue first). */
export interface PreviewRow {
  stage: LadderStepKey;
  moved: number;
  silent: number;
  first: { name: string; ref: string; days: number }[];
}

export async function previewMoves(db: Queryable, scope: LadderScope, names = 10): Promise<PreviewRow[]> {
  return rows<PreviewRow>(db, sql`
    with m as (${plannedMovesSql(scope)}),
    named as (
      select m.to_stage, m.to_day, m.acts, m.days, c.name, c.customer_ref,
        row_number() over (partition by m.to_stage order by m.days desc, c.name) as n
      from m join customers c on c.id = m.customer_id
    )
    select to_stage as stage, count(*)::int as moved, count(*) filter (where not acts)::int as silent,
      coalesce(json_agg(json_build_object('name', name, 'ref', customer_ref, 'days', days) order by n) filter (where n <= ${names}), '[]') as first
    from named group by to_stage, to_day order by to_day`);
}

/** How many courtesy reminders (one per customer and due date) and invoices are owed between the dates (preview). */
export async function countPreDue(db: Queryable, input: { workspaceId: string; from: IsoDate; to: IsoDate }): Promise<{ drafts: number; invoices: number }> {
  const ws = input.workspaceId;
  const [found] = await rows<{ drafts: number; invoices: number }>(db, sql`
    select count(distinct (i.customer_id, i.due_date))::int as drafts, count(*)::int as invoices
    from invoices i
    where i.workspace_id = ${ws} and i.paid_cents < i.amount_cents and i.due_date between ${input.from}::date and ${input.to}::date
      and not exists (select 1 from cases k where k.workspace_id = ${ws} and k.customer_id = i.customer_id
        and k.status not in ('resolved', 'written_off'))
      and not exists (select 1 from drafts d where d.workspace_id = ${ws} and d.customer_id = i.customer_id
        and d.stage = 'pre_due' and d.due_date = i.due_date)`);
  return found ?? { drafts: 0, invoices: 0 };
}

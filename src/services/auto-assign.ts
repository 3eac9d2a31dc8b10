// Automatic assignment of the day's calls. A case needs a call when it is
// open (not promised, paused or escalated), has no open call, a phone number
// not flagged wrong, and is at the ladder's `call` stage or has no owner and
// is as many days overdue as the workspace ladder's call step says; the calling profile must allow the call.
// Each goes to its owner when the owner works today, else to the collector
// with the fewest open calls due today (ties: the lower user id), in priority
// order. Managers and admins take calls only on a day no collector works.
// The call is due at the first moment, from now, inside both the person's
// hours and the debtor's calling window. Each person gets one DM listing what
// they were given (no reminder per call: they would all ring at once).
//
// Set-based: a fixed number of statements whatever the number of cases. Runs
// of one workspace take turns (an advisory lock), and a case that got its
// call is no longer a candidate, so running again assigns nothing new.
import { and, eq, sql } from 'drizzle-orm';
import { rows, type Db } from '../db/client.ts';
import { idArray } from '../db/balances.ts';
import { loadCallHistories, historySince } from '../db/call-history.ts';
import { enqueueChannelPost } from '../db/channel-posts.ts';
import { hoursOf, listMembers, type Member } from '../db/members.ts';
import { activities, autoAssignDays, tasks, workspaces } from '../db/schema.ts';
import { readSettings } from '../db/settings.ts';
import { checkCallingProfile } from '../domain/calling-profile.ts';
import { addDays, isBusinessCalendar, isTimeZone, localParts, todayIn, zonedTimeToUtc, type BusinessCalendar, type IsoDate } from '../domain/dates.ts';
import { callFromDay } from '../domain/ladder.ts';
import type { TimeRange } from '../domain/settings.ts';
import { DEFAULT_WORKING_HOURS, firstCallMoment, worksLaterToday, type WorkingHours } from '../domain/working-hours.ts';
import { formatWeekdayDate } from '../i18n/format.ts';
import { translator, type Locale } from '../i18n/messages.ts';

/** Who relance writes as: tasks it creates carry it in created_by, which is how reminders know to leave them alone. */
export const AUTO_ASSIGN_ACTOR = 'system';

/** At most this many calls listed in one person's DM; the rest are on their Home tab. */
const DM_LINES = 25;

export interface AssignedCall {
  taskId: number;
  caseId: number;
  assigneeId: string;
  dueAt: Date;
}

export interface AutoAssignResult {
  assigned: AssignedCall[];
  /** Cases that needed a call and went to nobody (nobody working whose hours meet the debtor's window, or the calling profile). */
  unassigned: number;
}

interface Person {
  userId: string;
  role: Member['role'];
  zone: string;
  hours: WorkingHours;
  /** Open calls due before the end of their day. */
  load: number;
  endOfToday: Date;
}

interface Candidate {
  caseId: number;
  customerId: number;
  ownerId: string | null;
  name: string;
  ref: string;
  debtorZone: string;
}

interface Workspace { timezone: string; country: BusinessCalendar; locale: Locale }

export interface AutoAssignInput {
  workspaceId: string;
  now: Date;
  caseIds?: number[];
  /** The slash command as installed, for the DM's hints. */
  command?: string;
}

/**
 * Assigns the calls due now in a workspace, or only among `caseIds` (the
 * ladder's cases that reached the `call` stage). Pass a transaction to make
 * it part of yours.
 */
export async function assignDueCalls(db: Db, input: AutoAssignInput): Promise<AutoAssignResult> {
  const { workspaceId: ws, now } = input;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.auto_assign'), hashtext(${ws}))`);
    const [row] = await tx.select({ timezone: workspaces.timezone, country: workspaces.country, locale: workspaces.locale })
      .from(workspaces).where(eq(workspaces.id, ws));
    if (!row) return { assigned: [], unassigned: 0 };
    const workspace: Workspace = { timezone: row.timezone, country: isBusinessCalendar(row.country) ? row.country : 'none', locale: row.locale };
    const today = todayIn(workspace.timezone, now);
    const working = await peopleAtWork(tx, ws, workspace, now);
    const settings = await readSettings(tx, ws);
    const candidates = await loadCandidates(tx, ws, today, input.caseIds, callFromDay(settings.ladder));
    if (candidates.length === 0) return { assigned: [], unassigned: 0 };
    if (working.length === 0) return { assigned: [], unassigned: candidates.length };

    const profile = settings.callingProfile;
    const histories = profile ? await loadCallHistories(tx, ws, candidates.map((c) => c.caseId), historySince(profile, now)) : null;
    const collectors = working.filter((p) => p.role === 'collector');
    const pool = collectors.length > 0 ? collectors : working;
    const byId = new Map(working.map((p) => [p.userId, p]));

    const picks: (AssignedCall & { candidate: Candidate; person: Person })[] = [];
    let unassigned = 0;
    for (const candidate of candidates) {
      const pick = choose(candidate, byId, pool, now, settings.callingWindow, workspace.country);
      const history = histories?.get(candidate.caseId);
      if (!pick || (history && checkCallingProfile(profile, history, pick.dueAt).kind !== 'allowed')) {
        unassigned++;
        continue;
      }
      pick.person.load++;
      picks.push({ taskId: 0, caseId: candidate.caseId, assigneeId: pick.person.userId, dueAt: pick.dueAt, candidate, person: pick.person });
    }
    if (picks.length === 0) return { assigned: [], unassigned };

    const created = await tx.insert(tasks).values(picks.map((p) => ({
      workspaceId: ws, caseId: p.caseId, kind: 'call' as const, assigneeId: p.assigneeId, dueAt: p.dueAt, createdBy: AUTO_ASSIGN_ACTOR, createdAt: now,
    }))).returning({ id: tasks.id, caseId: tasks.caseId });
    const taskOf = new Map(created.map((c) => [c.caseId, c.id]));
    for (const p of picks) p.taskId = taskOf.get(p.caseId)!;
    await tx.insert(activities).values(picks.map((p) => ({
      workspaceId: ws, caseId: p.caseId, customerId: p.candidate.customerId, kind: 'call_assigned', actorId: AUTO_ASSIGN_ACTOR, occurredAt: now,
      data: { task_id: p.taskId, assignee: p.assigneeId, due_on: localParts(p.dueAt, p.person.zone).date, auto: true },
    })));
    const newOwners = picks.filter((p) => p.candidate.ownerId === null).map((p) => ({ id: p.caseId, owner: p.assigneeId }));
    if (newOwners.length > 0) {
      await tx.execute(sql`
        update cases k set owner_id = u.owner, updated_at = ${now.toISOString()}::timestamptz
        from json_to_recordset(${JSON.stringify(newOwners)}::json) as u(id bigint, owner text)
        where k.id = u.id and k.workspace_id = ${ws} and k.owner_id is null`);
    }
    await sendDms(tx, { workspaceId: ws, workspace, now, picks, adHoc: input.caseIds !== undefined, command: input.command ?? '/collect' });
    return { assigned: picks.map(({ taskId, caseId, assigneeId, dueAt }) => ({ taskId, caseId, assigneeId, dueAt })), unassigned };
  });
}

/**
 * The day's run for a workspace, at most once per workspace-day: the day's
 * row is inserted first, so of two workers racing, the second finds it and
 * does nothing.
 */
export async function assignTodaysCalls(db: Db, input: Omit<AutoAssignInput, 'caseIds'>): Promise<({ kind: 'done' } & AutoAssignResult) | { kind: 'already_done' }> {
  return db.transaction(async (tx) => {
    const [ws] = await tx.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
    if (!ws) return { kind: 'already_done' };
    const day = todayIn(ws.timezone, input.now);
    const [marked] = await tx.insert(autoAssignDays).values({ workspaceId: input.workspaceId, day, ranAt: input.now })
      .onConflictDoNothing().returning({ day: autoAssignDays.day });
    if (!marked) return { kind: 'already_done' };
    return { kind: 'done', ...(await assignDueCalls(tx, input)) };
  });
}

export async function ranToday(db: Db, workspaceId: string, day: IsoDate): Promise<boolean> {
  const [row] = await db.select({ day: autoAssignDays.day }).from(autoAssignDays)
    .where(and(eq(autoAssignDays.workspaceId, workspaceId), eq(autoAssignDays.day, day)));
  return row !== undefined;
}

/** Members whose working day is today (their zone) and not over, with their open calls due today. */
async function peopleAtWork(tx: Db, workspaceId: string, workspace: Workspace, now: Date): Promise<Person[]> {
  const people: Person[] = [];
  for (const m of await listMembers(tx, workspaceId)) {
    const zone = m.timezone && isTimeZone(m.timezone) ? m.timezone : workspace.timezone;
    const hours = hoursOf(m) ?? DEFAULT_WORKING_HOURS;
    if (!worksLaterToday(now, hours, zone, workspace.country)) continue;
    const endOfToday = zonedTimeToUtc(addDays(todayIn(zone, now), 1), '00:00', zone);
    people.push({ userId: m.userId, role: m.role, zone, hours, load: 0, endOfToday });
  }
  if (people.length === 0) return people;
  const open = await rows<{ assignee_id: string; due_at: Date | string }>(tx, sql`
    select assignee_id, due_at from tasks
    where workspace_id = ${workspaceId} and kind = 'call' and status = 'open'
      and assignee_id = any(${`{${people.map((p) => p.userId).join(',')}}`}::text[])`);
  const byId = new Map(people.map((p) => [p.userId, p]));
  for (const task of open) {
    const person = byId.get(task.assignee_id);
    if (person && new Date(task.due_at).getTime() < person.endOfToday.getTime()) person.load++;
  }
  return people;
}

/** The cases that need a call now, highest priority first. */
/** `callDay`: days overdue from which an unowned case needs a call (the workspace ladder's call step). */
async function loadCandidates(tx: Db, workspaceId: string, today: IsoDate, caseIds: number[] | undefined, callDay: number): Promise<Candidate[]> {
  if (caseIds?.length === 0) return [];
  const only = caseIds ? sql`and k.id = any(${idArray(caseIds)}::bigint[])` : sql``;
  const found = await rows<{ case_id: string | number; customer_id: string | number; owner_id: string | null; name: string; ref: string; timezone: string | null; ws_zone: string }>(tx, sql`
    select k.id as case_id, k.customer_id, k.owner_id, c.name, c.customer_ref as ref, c.timezone, w.timezone as ws_zone
    from cases k
    join customers c on c.id = k.customer_id
    join workspaces w on w.id = k.workspace_id
    join lateral (
      select min(b.oldest_due_date) as oldest, max(b.priority) as priority from customer_balances b
      where b.workspace_id = k.workspace_id and b.customer_id = k.customer_id and b.overdue_cents > 0) b on true
    where k.workspace_id = ${workspaceId} and k.status = 'open' ${only}
      and nullif(btrim(c.phone), '') is not null and c.phone_wrong_at is null
      and not exists (select 1 from tasks t where t.case_id = k.id and t.kind = 'call' and t.status = 'open')
      and (k.stage = 'call' or (k.owner_id is null and b.oldest <= ${today}::date - ${callDay}::int))
    order by b.priority desc nulls last, k.id`);
  return found.map((r) => ({
    caseId: Number(r.case_id), customerId: Number(r.customer_id), ownerId: r.owner_id, name: r.name, ref: r.ref,
    debtorZone: r.timezone && isTimeZone(r.timezone) ? r.timezone : r.ws_zone,
  }));
}

/** The owner if at work and their hours meet the debtor's window; else the least-loaded of the pool whose hours do. */
function choose(candidate: Candidate, working: Map<string, Person>, pool: Person[], now: Date, window: TimeRange, country: BusinessCalendar):
  { person: Person; dueAt: Date } | null {
  const dueFor = (p: Person) => firstCallMoment(now, { hours: p.hours, zone: p.zone, window, debtorZone: candidate.debtorZone, country });
  const owner = candidate.ownerId ? working.get(candidate.ownerId) : undefined;
  const ownerDue = owner ? dueFor(owner) : null;
  if (owner && ownerDue) return { person: owner, dueAt: ownerDue };
  const ranked = [...pool].sort((a, b) => a.load - b.load || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  for (const person of ranked) {
    const dueAt = dueFor(person);
    if (dueAt) return { person, dueAt };
  }
  return null;
}

/** One DM per person with what they were given, in the workspace's language, times in their zone. */
async function sendDms(tx: Db, input: {
  workspaceId: string; workspace: Workspace; now: Date; adHoc: boolean; command: string;
  picks: { taskId: number; dueAt: Date; candidate: Candidate; person: Person }[];
}): Promise<void> {
  const { workspace } = input;
  const t = translator(workspace.locale);
  const byPerson = new Map<Person, typeof input.picks>();
  for (const pick of input.picks) byPerson.set(pick.person, [...(byPerson.get(pick.person) ?? []), pick]);
  for (const [person, picks] of byPerson) {
    const day = todayIn(person.zone, input.now);
    const sorted = [...picks].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.taskId - b.taskId);
    const lines = sorted.slice(0, DM_LINES).map((p) => {
      const at = localParts(p.dueAt, person.zone);
      const base = { name: p.candidate.name, ref: p.candidate.ref, time: at.time };
      return at.date === day ? t('autoAssign.line', base) : t('autoAssign.lineOtherDay', { ...base, date: formatWeekdayDate(at.date, workspace.locale, t) });
    });
    if (sorted.length > DM_LINES) lines.push(t('autoAssign.more', { count: sorted.length - DM_LINES }));
    const text = [
      t('autoAssign.title', { count: sorted.length, date: formatWeekdayDate(day, workspace.locale, t) }),
      ...lines,
      t('autoAssign.footer', { command: input.command, zone: person.zone }),
    ].join('\n');
    // The day's run sends one DM per person and day; a run for given cases (the ladder's) adds its own.
    const key = `autoassign.${person.userId}.${day}${input.adHoc ? `.${sorted[0]!.taskId}` : ''}`;
    await enqueueChannelPost(tx, { workspaceId: input.workspaceId, target: { to: 'user', userId: person.userId }, text, key, now: input.now });
  }
}

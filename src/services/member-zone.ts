// A member's time zone as Slack knows it (users.info `tz`), stored on the
// member and read again once a day old, so a command costs at most one Slack
// call per person a day. When Slack does not answer: the stored zone, else the
// workspace's. A zone is never a reason to fail a command.
import type { WebClient } from '@slack/web-api';
import type { Queryable } from '../db/client.ts';
import { storeMemberZone, type Member } from '../db/members.ts';
import { isTimeZone } from '../domain/dates.ts';

export const ZONE_MAX_AGE_MS = 24 * 3600_000;

/** The zone Slack gives for `userId`; null when Slack does not answer or gives none relance knows. */
export async function slackZone(client: WebClient, userId: string): Promise<string | null> {
  const info = await client.users.info({ user: userId }).catch(() => null);
  const tz = info?.user?.tz;
  return typeof tz === 'string' && isTimeZone(tz) ? tz : null;
}

export interface ZoneInput {
  workspaceId: string;
  userId: string;
  /** The member's row; undefined for someone who is not on the team (a bootstrap admin). */
  member: Pick<Member, 'timezone' | 'timezoneCheckedAt'> | undefined;
  /** The workspace's zone. */
  fallback: string;
  now: Date;
}

export async function memberZone(db: Queryable, client: WebClient, input: ZoneInput): Promise<string> {
  const stored = input.member?.timezone && isTimeZone(input.member.timezone) ? input.member.timezone : null;
  const checkedAt = input.member?.timezoneCheckedAt?.getTime() ?? null;
  if (stored && checkedAt !== null && input.now.getTime() - checkedAt < ZONE_MAX_AGE_MS) return stored;
  const fresh = await slackZone(client, input.userId);
  if (fresh && input.member) await storeMemberZone(db, input.workspaceId, input.userId, fresh, input.now);
  return fresh ?? stored ?? input.fallback;
}

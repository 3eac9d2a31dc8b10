// The bodies Slack sends to an app, built from the emulator's state so that
// names, domains and message contents match what the API returned.
import { hex, slackId } from './ids.ts';
import type { EmulatorState } from './state.ts';
import type { Channel, User, Workspace } from './types.ts';

type Obj = Record<string, unknown>;

export interface Who {
  user: User;
  workspace: Workspace;
}

export function who(state: EmulatorState, userId: string, teamId?: string): Who {
  const user = state.user(userId);
  if (user === undefined) throw new Error(`emulator: no user ${userId}`);
  return { user, workspace: state.workspace(teamId ?? user.teamId) };
}

/** Slack names DMs `directmessage` in interaction payloads. */
export function channelName(state: EmulatorState, channelId: string): string {
  const channel: Channel | undefined = state.channels.get(channelId);
  if (channel === undefined) return channelId;
  return channel.isIm ? 'directmessage' : channel.name;
}

export function userRef({ user, workspace }: Who): Obj {
  return { id: user.id, username: user.name, name: user.name, team_id: workspace.id };
}

export function teamRef({ workspace }: Who): Obj {
  return { id: workspace.id, domain: workspace.domain };
}

export function enterpriseFields({ workspace }: Who): Obj {
  return {
    enterprise: workspace.enterpriseId === undefined ? null : { id: workspace.enterpriseId, name: workspace.name },
    is_enterprise_install: false,
  };
}

/** Finds the element an action id names in a list of blocks, to echo it like Slack. */
export function findElement(blocks: unknown, actionId: string): { blockId: string; element: Obj } | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as Obj[]) {
    const candidates = [
      ...(Array.isArray(block.elements) ? (block.elements as Obj[]) : []),
      ...(block.accessory ? [block.accessory as Obj] : []),
      ...(block.element ? [block.element as Obj] : []),
    ];
    const element = candidates.find((c) => c?.action_id === actionId);
    if (element !== undefined) return { blockId: typeof block.block_id === 'string' ? block.block_id : hex(3), element };
  }
  return undefined;
}

export function actionPayload(found: { blockId: string; element: Obj } | undefined, input: { actionId: string; blockId?: string; value?: string }, actionTs: string): Obj {
  const element = found?.element ?? { type: 'button' };
  const action: Obj = {
    action_id: input.actionId,
    block_id: input.blockId ?? found?.blockId ?? hex(3),
    type: element.type ?? 'button',
    action_ts: actionTs,
  };
  if (element.text !== undefined) action.text = { emoji: true, ...(element.text as Obj) };
  const value = input.value ?? (typeof element.value === 'string' ? element.value : undefined);
  if (value !== undefined) action.value = value;
  if (element.style !== undefined) action.style = element.style;
  return action;
}

export function eventEnvelope(state: EmulatorState, teamId: string, event: Obj, eventId: string | undefined, eventTime: number, token: string): Obj {
  const workspace = state.workspace(teamId);
  return {
    token,
    team_id: teamId,
    ...(workspace.enterpriseId !== undefined ? { enterprise_id: workspace.enterpriseId } : {}),
    api_app_id: workspace.appId,
    event,
    type: 'event_callback',
    event_id: eventId ?? slackId('Ev'),
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: workspace.enterpriseId ?? null,
        team_id: teamId,
        user_id: workspace.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(JSON.stringify({ et: event.type, tid: teamId, aid: workspace.appId })).toString('base64url')}`,
  };
}

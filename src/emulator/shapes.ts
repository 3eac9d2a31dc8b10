// Wire shapes: what Slack's JSON looks like for the emulator's model objects.
import type { Channel, UploadedFile, User, Workspace } from './types.ts';

/** Seconds east of UTC at `atMs`, daylight saving included, as Slack's `tz_offset`. */
export function tzOffsetSeconds(tz: string, atMs: number): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(new Date(atMs))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  if (match === null) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function tzLabel(tz: string, atMs: number): string {
  return (
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' })
      .formatToParts(new Date(atMs))
      .find((p) => p.type === 'timeZoneName')?.value ?? tz
  );
}

export function teamUrl(workspace: Workspace): string {
  return `https://${workspace.domain}.slack.com/`;
}

export function userShape(user: User, atMs: number, withEmail: boolean): Record<string, unknown> {
  const profile: Record<string, unknown> = {
    real_name: user.realName,
    real_name_normalized: user.realName.normalize('NFD').replace(/\p{Diacritic}/gu, ''),
    display_name: user.displayName,
    display_name_normalized: user.displayName.normalize('NFD').replace(/\p{Diacritic}/gu, ''),
    first_name: user.realName.split(' ')[0] ?? '',
    last_name: user.realName.split(' ').slice(1).join(' '),
    title: '',
    status_text: '',
    status_emoji: '',
    image_48: `https://avatars.slack-edge.com/${user.id}_48.png`,
    image_72: `https://avatars.slack-edge.com/${user.id}_72.png`,
    team: user.teamId,
  };
  if (withEmail && user.email !== undefined) profile.email = user.email;
  if (user.botId !== undefined) profile.bot_id = user.botId;
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    deleted: user.deleted,
    color: '9f69e7',
    real_name: user.realName,
    tz: user.tz,
    tz_label: tzLabel(user.tz, atMs),
    tz_offset: tzOffsetSeconds(user.tz, atMs),
    profile,
    is_admin: user.isAdmin,
    is_owner: user.isOwner,
    is_primary_owner: user.isPrimaryOwner,
    is_restricted: user.isRestricted,
    is_ultra_restricted: false,
    is_bot: user.isBot,
    is_app_user: false,
    updated: Math.floor(atMs / 1000),
    is_email_confirmed: !user.isBot,
  };
}

export function channelShape(channel: Channel, viewerId: string, atMs: number): Record<string, unknown> {
  const updated = atMs;
  if (channel.isIm) {
    const other = channel.imUsers?.find((u) => u !== viewerId) ?? channel.imUsers?.[0];
    return {
      id: channel.id,
      created: channel.created,
      is_archived: channel.isArchived,
      is_im: true,
      is_org_shared: false,
      context_team_id: channel.teamId,
      updated,
      user: other,
      is_user_deleted: false,
      priority: 0,
    };
  }
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isMpim,
    is_group: channel.isMpim === true,
    is_im: false,
    is_mpim: channel.isMpim === true,
    is_private: channel.isPrivate,
    created: channel.created,
    is_archived: channel.isArchived,
    is_general: channel.isGeneral,
    unlinked: 0,
    name_normalized: channel.name,
    is_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: channel.teamId,
    updated,
    parent_conversation: null,
    creator: channel.creator,
    is_ext_shared: false,
    shared_team_ids: [channel.teamId],
    pending_connected_team_ids: [],
    is_member: channel.members.has(viewerId),
    topic: { value: channel.topic, creator: '', last_set: 0 },
    purpose: { value: channel.purpose, creator: '', last_set: 0 },
    previous_names: [],
  };
}

export function teamShape(workspace: Workspace): Record<string, unknown> {
  return {
    id: workspace.id,
    name: workspace.name,
    url: teamUrl(workspace),
    domain: workspace.domain,
    email_domain: '',
    icon: { image_default: true, image_34: 'https://a.slack-edge.com/80588/img/avatars-teams/ava_0001-34.png' },
    avatar_base_url: 'https://ca.slack-edge.com/',
    is_verified: false,
    ...(workspace.enterpriseId !== undefined ? { enterprise_id: workspace.enterpriseId } : {}),
  };
}

export function botProfile(workspace: Workspace, name: string): Record<string, unknown> {
  return { id: workspace.botId, app_id: workspace.appId, name, deleted: false, team_id: workspace.id };
}

const MIME: Record<string, [string, string, string]> = {
  pdf: ['application/pdf', 'pdf', 'PDF'],
  csv: ['text/csv', 'csv', 'CSV'],
  txt: ['text/plain', 'text', 'Plain Text'],
  json: ['application/json', 'json', 'JSON'],
  png: ['image/png', 'png', 'PNG'],
  jpg: ['image/jpeg', 'jpg', 'JPEG'],
  zip: ['application/zip', 'zip', 'Zip'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'Excel Spreadsheet'],
};

export function permalink(workspace: Workspace, channelId: string, ts: string, threadTs?: string): string {
  const base = `${teamUrl(workspace)}archives/${channelId}/p${ts.replace('.', '')}`;
  return threadTs !== undefined && threadTs !== ts ? `${base}?thread_ts=${threadTs}&cid=${channelId}` : base;
}

export function fileShape(file: UploadedFile, workspace: Workspace, emulatorUrl: string): Record<string, unknown> {
  const extension = file.filename.includes('.') ? (file.filename.split('.').pop() ?? '').toLowerCase() : '';
  const [mimetype, filetype, prettyType] = MIME[extension] ?? ['application/octet-stream', 'binary', 'Binary'];
  const created = Math.floor(file.created / 1000);
  const download = `${emulatorUrl}files/${file.id}/${encodeURIComponent(file.filename)}`;
  return {
    id: file.id,
    created,
    timestamp: created,
    name: file.filename,
    title: file.title ?? file.filename,
    mimetype,
    filetype,
    pretty_type: prettyType,
    user: file.userId,
    user_team: file.teamId,
    editable: false,
    size: file.bytes?.length ?? file.length,
    mode: 'hosted',
    is_external: false,
    external_type: '',
    is_public: false,
    public_url_shared: false,
    display_as_bot: false,
    username: '',
    url_private: download,
    url_private_download: `${download}?download=1`,
    permalink: `${teamUrl(workspace)}files/${file.userId}/${file.id}/${encodeURIComponent(file.filename)}`,
    permalink_public: `https://slack-files.com/${file.teamId}-${file.id}-${file.uploadToken.slice(0, 10)}`,
    ...(file.altText !== undefined ? { alt_txt: file.altText } : {}),
    // Slack shares asynchronously: the completion response never says where the file landed.
    channels: [],
    groups: [],
    ims: [],
    shares: {},
    comments_count: 0,
    has_rich_preview: false,
    file_access: 'visible',
  };
}

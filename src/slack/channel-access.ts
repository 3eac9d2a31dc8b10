import type { WebClient } from '@slack/web-api';

export type ChannelAccess = 'ok' | 'not_in_channel' | 'channel_not_found';

/**
 * The bot must be in a channel to post there and to hear its reactions. It
 * joins public channels itself; a private one needs an invitation.
 */
export async function ensureInChannel(client: WebClient, channelId: string): Promise<ChannelAccess> {
  const info = await client.conversations.info({ channel: channelId }).catch((e: { data?: { error?: string } }) => ({ ok: false, error: e.data?.error, channel: undefined }));
  if (!info.channel) return (info as { error?: string }).error === 'channel_not_found' ? 'channel_not_found' : 'not_in_channel';
  if (info.channel.is_member) return 'ok';
  if (info.channel.is_private || info.channel.is_im || info.channel.is_mpim) return 'not_in_channel';
  const joined = await client.conversations.join({ channel: channelId }).then(() => true, () => false);
  return joined ? 'ok' : 'not_in_channel';
}

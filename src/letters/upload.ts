// Uploading a file to a channel or a thread the way Slack wants it since
// files.upload was retired (SLACK-NOTES "Bolt 5 and web-api 8"): ask for an
// upload URL, POST the bytes there, then complete the upload into the channel.
// Done by hand rather than with filesUploadV2 so the thread is always passed
// and each step's failure says which step it was.
import type { WebClient } from '@slack/web-api';

export interface UploadRequest {
  /** A channel id, or a DM's id (conversations.open). */
  channelId: string;
  /** The thread's parent ts; absent: a message of its own in the channel. */
  threadTs?: string | null;
  filename: string;
  title: string;
  bytes: Buffer;
  /** mrkdwn posted with the file; data in it must already be escaped. */
  comment?: string;
}

export interface Uploaded {
  fileId: string;
}

/** Slack refused a step, or the bytes never reached it: what to tell a person. */
export class UploadError extends Error {
  readonly step: 'url' | 'bytes' | 'complete';
  readonly reason: string;
  constructor(step: UploadError['step'], reason: string) {
    super(`file upload failed at ${step}: ${reason}`);
    this.step = step;
    this.reason = reason;
  }
}

const BYTES_TIMEOUT_MS = 60_000;

const slackError = (e: unknown): string => (e as { data?: { error?: string } }).data?.error ?? (e instanceof Error ? e.message : String(e));

export async function uploadFile(client: WebClient, request: UploadRequest): Promise<Uploaded> {
  const target = await client.files.getUploadURLExternal({ filename: request.filename, length: request.bytes.length })
    .catch((e: unknown) => { throw new UploadError('url', slackError(e)); });
  if (!target.upload_url || !target.file_id) throw new UploadError('url', 'no upload URL in the answer');

  const posted = await fetch(target.upload_url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: request.bytes,
    signal: AbortSignal.timeout(BYTES_TIMEOUT_MS),
  }).catch((e: unknown) => { throw new UploadError('bytes', e instanceof Error ? e.message : String(e)); });
  if (!posted.ok) throw new UploadError('bytes', `HTTP ${posted.status}`);

  await client.files.completeUploadExternal({
    files: [{ id: target.file_id, title: request.title }],
    channel_id: request.channelId,
    ...(request.threadTs ? { thread_ts: request.threadTs } : {}),
    ...(request.comment ? { initial_comment: request.comment } : {}),
  }).catch((e: unknown) => { throw new UploadError('complete', slackError(e)); });
  return { fileId: target.file_id };
}

/** A name Slack and every file system accept: letters, digits, `.`, `_` and `-`. */
export const safeFilename = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'file';

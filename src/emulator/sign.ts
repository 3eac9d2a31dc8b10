import { createHmac } from 'node:crypto';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/** Slack's v0 request signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}`, hex, prefixed `v0=`. */
export function signSlackRequest(signingSecret: string, rawBody: string, timestampSeconds: number): SlackSignatureHeaders {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestampSeconds) };
}

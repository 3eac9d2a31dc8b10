// Slack Web API calls from background jobs: a 429 waits the Retry-After Slack
// asked for (through the injected sleep, so tests do not wait) and tries again;
// errors that no retry can fix are told apart from passing ones.
import { ErrorCode } from '@slack/web-api';

/** Errors about the channel or the app's access: retrying will not help, a person must act. */
const PERMANENT = new Set([
  'not_in_channel', 'channel_not_found', 'is_archived', 'missing_scope', 'invalid_auth', 'account_inactive',
  'token_revoked', 'restricted_action', 'invalid_blocks', 'msg_too_long', 'no_text',
]);

export class SlackCallError extends Error {
  readonly code: string;
  readonly permanent: boolean;
  constructor(code: string) {
    super(`Slack answered ${code}`);
    this.code = code;
    this.permanent = PERMANENT.has(code);
  }
}

const MAX_RATE_LIMITED = 5;

/** Real waiting, for production; tests inject their own and never wait. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function callSlack<T>(deps: { sleep: (ms: number) => Promise<void> }, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const e = error as { code?: string; retryAfter?: number; data?: { error?: string } };
      if (e.code === ErrorCode.RateLimitedError && attempt <= MAX_RATE_LIMITED) {
        await deps.sleep(Math.max(1, e.retryAfter ?? 1) * 1000);
        continue;
      }
      if (e.code === ErrorCode.PlatformError && e.data?.error) throw new SlackCallError(e.data.error);
      throw error;
    }
  }
}

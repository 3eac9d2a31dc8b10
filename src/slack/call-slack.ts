// Slack Web API calls from background jobs: a 429 waits the Retry-After Slack
// asked for (through the injected sleep, so tests do not wait) and tries again;
// errors that no retry can fix are told apart from passing ones, and both from
// a call that got no answer, whose effect is unknown.
import { ErrorCode } from '@slack/web-api';

/** Slack refused this one message (its content): others may go through. */
export const MESSAGE_ERRORS: ReadonlySet<string> = new Set([
  'invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'no_text', 'invalid_metadata_format', 'invalid_metadata_schema',
  'metadata_too_large', 'invalid_attachments', 'too_many_attachments',
]);

/** Errors about the channel or the app's access, and the commonest refusals of a message: retrying will not help. */
const PERMANENT = new Set([
  'not_in_channel', 'channel_not_found', 'is_archived', 'missing_scope', 'invalid_auth', 'account_inactive',
  'token_revoked', 'restricted_action', 'invalid_blocks', 'msg_too_long', 'no_text',
]);

// Slack's own failures, after which "it's possible some aspect of the operation succeeded" (its docs).
const MAY_HAVE_ACTED = new Set(['fatal_error', 'internal_error']);

export class SlackCallError extends Error {
  readonly code: string;
  /** No retry will help: the channel or the app's access (a person must act), or the message itself. */
  readonly permanent: boolean;
  /** The message itself was refused (MESSAGE_ERRORS), not the channel: tell it apart before reading `permanent`. */
  readonly messageRefused: boolean;
  /**
   * Slack answered, but with an error after which the call may still have
   * taken effect. Any other answer with ok: false means Slack did nothing.
   */
  readonly mayHaveActed: boolean;
  constructor(code: string) {
    super(`Slack answered ${code}`);
    this.code = code;
    this.messageRefused = MESSAGE_ERRORS.has(code);
    this.permanent = PERMANENT.has(code);
    this.mayHaveActed = MAY_HAVE_ACTED.has(code);
  }
}

/**
 * Slack gave no answer — the client timed out, the connection dropped, Slack
 * answered with an HTTP error — so the call may or may not have taken effect.
 * Never read it as "not posted".
 */
export class SlackNoAnswerError extends Error {
  constructor(cause: unknown) {
    super(`Slack gave no answer: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

const NO_ANSWER_CODES = new Set<string>([ErrorCode.RequestError, ErrorCode.HTTPError]);
// The client's timeout aborts the request, or reading the answer's body.
const NO_ANSWER_NAMES = new Set(['TimeoutError', 'AbortError']);

const MAX_RATE_LIMITED = 5;

export interface CallOptions {
  /** Runs before every attempt, the first and each one after a 429 wait; throwing stops the call. */
  beforeAttempt?: () => Promise<void>;
}

/** Real waiting, for production; tests inject their own and never wait. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function callSlack<T>(deps: { sleep: (ms: number) => Promise<void> }, call: () => Promise<T>, options: CallOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await options.beforeAttempt?.();
    try {
      return await call();
    } catch (error) {
      const e = error as { code?: string; name?: string; retryAfter?: number; data?: { error?: string } };
      if (e.code === ErrorCode.RateLimitedError) {
        if (attempt > MAX_RATE_LIMITED) throw new SlackCallError('ratelimited');
        await deps.sleep(Math.max(1, e.retryAfter ?? 1) * 1000);
        continue;
      }
      if (e.code === ErrorCode.PlatformError && e.data?.error) throw new SlackCallError(e.data.error);
      if ((e.code && NO_ANSWER_CODES.has(e.code)) || (e.name && NO_ANSWER_NAMES.has(e.name))) throw new SlackNoAnswerError(error);
      throw error;
    }
  }
}

import type { Clock } from './clock.ts';

/**
 * A failure to answer instead of the real one. Keys are Web API method names,
 * plus `upload` (the upload URL) and `response_url`.
 */
export type Fault = { status: 429; retryAfter?: number } | { error: string } | { status: number };

/**
 * A failure of the connection rather than of the answer, keyed like `Fault`.
 * `slow`: the request reaches Slack `ms` later on the emulator clock; a client
 * that gives up first (timeout, abort) leaves nothing behind.
 * `drop_after_accept`: Slack applies the call, then the connection drops
 * before the answer, so the client cannot know the call took effect.
 * `hang`: Slack accepts the connection and never answers nor acts, until the
 * client gives up (its timeout); the call is logged with status 0.
 */
export type ConnectionFault = { kind: 'slow'; ms: number } | { kind: 'drop_after_accept' } | { kind: 'hang' };

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown> | string;
  headers: Record<string, string>;
}

export function rateLimited(retryAfterSeconds: number): HttpAnswer {
  // Slack sends the delay in whole seconds; the WebClient parses it with parseInt.
  return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'Retry-After': String(retryAfterSeconds) } };
}

export function faultAnswer(fault: Fault): HttpAnswer {
  if ('error' in fault) return { status: 200, body: { ok: false, error: fault.error }, headers: {} };
  if (fault.status === 429) return rateLimited('retryAfter' in fault && fault.retryAfter !== undefined ? fault.retryAfter : 1);
  return { status: fault.status, body: `${fault.status} emulated failure`, headers: { 'Content-Type': 'text/plain' } };
}

export class FaultQueue<F = Fault> {
  readonly #queued = new Map<string, F[]>();

  add(key: string, fault: F, times: number): void {
    const list = this.#queued.get(key) ?? [];
    for (let i = 0; i < times; i += 1) list.push(fault);
    this.#queued.set(key, list);
  }

  take(key: string): F | undefined {
    const list = this.#queued.get(key);
    const fault = list?.shift();
    if (list?.length === 0) this.#queued.delete(key);
    return fault;
  }

  clear(): void {
    this.#queued.clear();
  }
}

export interface RateLimitRule {
  /** Sustained rate per channel (or per method when the call names no channel). */
  perChannelPerSecond: number;
  /** Calls allowed back to back before the rate applies; default 1. */
  burst?: number;
}

/** Token buckets per method and channel, on the emulator's clock. */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #rules = new Map<string, RateLimitRule>();
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  set(method: string, rule: RateLimitRule | null): void {
    if (rule === null) this.#rules.delete(method);
    else this.#rules.set(method, rule);
    for (const key of this.#buckets.keys()) if (key.startsWith(`${method} `)) this.#buckets.delete(key);
  }

  /** Takes a slot; answers the seconds to wait when there is none. */
  take(method: string, channel: string | undefined): number | undefined {
    const rule = this.#rules.get(method);
    if (rule === undefined) return undefined;
    const capacity = Math.max(1, rule.burst ?? 1);
    const key = `${method} ${channel ?? '*'}`;
    const now = this.#clock();
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rule.perChannelPerSecond);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rule.perChannelPerSecond));
  }
}

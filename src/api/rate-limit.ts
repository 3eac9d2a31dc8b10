// Requests per token and minute, counted in Redis so that every web process
// shares the count: a fixed window (one counter per token and minute of the
// injected clock). Past the limit a request is answered 429 with Retry-After,
// the seconds left in the minute.
import { Redis } from 'ioredis';

export interface ApiRateLimiter {
  /** Counts one request; `retryAfter` (seconds) when it is over the limit. */
  hit(tokenId: number, now: Date): Promise<{ ok: true } | { ok: false; retryAfter: number; limit: number }>;
  close(): Promise<void>;
}

export function redisApiRateLimiter(redisUrl: string, prefix: string, perMinute: number, onError?: (e: Error) => void): ApiRateLimiter {
  let redis: Redis | null = null;
  // Connected on the first API request: a web process nobody calls the API on opens no connection.
  const client = () => {
    if (!redis) {
      redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      // Reported once per failed request by the caller; the connection retries by itself.
      redis.on('error', (e: Error) => onError?.(e));
    }
    return redis;
  };
  return {
    async hit(tokenId, now) {
      if (perMinute <= 0) return { ok: true };
      const minute = Math.floor(now.getTime() / 60_000);
      const key = `${prefix}:api-rate:${tokenId}:${minute}`;
      const [[, count]] = (await client().multi().incr(key).expire(key, 120).exec()) as [[Error | null, number], unknown];
      if (count <= perMinute) return { ok: true };
      return { ok: false, retryAfter: Math.max(1, Math.ceil(((minute + 1) * 60_000 - now.getTime()) / 1000)), limit: perMinute };
    },
    async close() {
      await redis?.quit().catch(() => {});
    },
  };
}

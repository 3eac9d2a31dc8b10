// The per-workspace pace of reminder e-mails (settings.mailRate a minute): one
// Redis counter per workspace and minute, shared by every worker. A batch asks
// for all its slots in one INCRBY and gives back what the minute cannot hold;
// a mail over the rate is not refused, only told when the next minute starts.
import { Redis } from 'ioredis';

export interface RateGrant {
  /** How many of the slots asked for were granted (0 … count). */
  granted: number;
  /** When some were not: the next minute's start, when they may try again. */
  until: Date | null;
}

export interface RateLimiter {
  /** Takes up to `count` slots of the minute `now` falls in. */
  take(workspaceId: string, now: Date, perMinute: number, count?: number): Promise<RateGrant>;
  close(): Promise<void>;
}

const minuteOf = (now: Date) => Math.floor(now.getTime() / 60_000);

/** Of `count` asked for when the counter reached `total`, how many fit under `perMinute`. */
export const grantedOf = (total: number, count: number, perMinute: number) => Math.max(0, Math.min(count, perMinute - (total - count)));

export function redisRateLimiter(redisUrl: string, prefix: string): RateLimiter {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  return {
    async take(workspaceId, now, perMinute, count = 1) {
      if (count <= 0) return { granted: 0, until: null };
      const minute = minuteOf(now);
      const key = `${prefix}:mail-rate:${workspaceId}:${minute}`;
      const [[, total]] = (await redis.multi().incrby(key, count).expire(key, 120).exec()) as [[Error | null, number], unknown];
      const granted = grantedOf(total, count, perMinute);
      if (granted === count) return { granted, until: null };
      // Given back so that the counter says what was sent, and a later ask in the same minute is not refused for slots nobody used.
      await redis.decrby(key, count - granted);
      return { granted, until: new Date((minute + 1) * 60_000) };
    },
    async close() {
      await redis.quit().catch(() => {});
    },
  };
}

/** No limit at all: tests of other behaviour, and one-off tools. */
export const unlimited: RateLimiter = { take: async (_w, _n, _p, count = 1) => ({ granted: count, until: null }), close: async () => {} };

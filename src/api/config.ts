// The intake API's limits: the part of the environment (src/config/env.ts) it reads.
import type { Env } from '../config/env.ts';

export type ApiConfig = Pick<Env, 'RELANCE_API_BODY_LIMIT' | 'RELANCE_API_BULK_LIMIT' | 'RELANCE_API_RATE_PER_MINUTE'>;

export const apiConfigOf = (env: Env): ApiConfig => ({
  RELANCE_API_BODY_LIMIT: env.RELANCE_API_BODY_LIMIT,
  RELANCE_API_BULK_LIMIT: env.RELANCE_API_BULK_LIMIT,
  RELANCE_API_RATE_PER_MINUTE: env.RELANCE_API_RATE_PER_MINUTE,
});

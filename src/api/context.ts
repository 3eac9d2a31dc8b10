// What every route of the API may use, and what the auth middleware leaves on the request.
import type { HttpBindings } from '@hono/node-server';
import type { Database } from '../db/client.ts';
import type { TokenGrant } from '../db/api-tokens.ts';
import type { Logger } from '../log.ts';
import type { ApiConfig } from './config.ts';
import type { ApiRateLimiter } from './rate-limit.ts';

export interface ApiDeps {
  database: Database;
  clock: () => Date;
  logger: Logger;
  config: ApiConfig;
  rate: ApiRateLimiter;
  /** After a payment: route the case-thread posts its verdicts wrote (optional; the worker's poll finds them anyway). */
  afterWrite?: (workspaceId: string) => void;
}

export interface ApiEnv {
  Bindings: HttpBindings;
  Variables: { grant: TokenGrant };
}

// Bearer tokens: missing, malformed, unknown or revoked → 401 (the answer does
// not say which); a read-only token asking to write → 403; then the token's
// rate. The grant found is the only workspace the request ever sees.
import type { MiddlewareHandler } from 'hono';
import { authenticateToken } from '../services/intake/api-tokens.ts';
import type { ApiDeps, ApiEnv } from './context.ts';
import { apiError, AUTH_EXAMPLE } from './errors.ts';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireToken(deps: ApiDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const unauthorized = (message: string) =>
      apiError(c, 401, 'unauthorized', message, AUTH_EXAMPLE, { headers: { 'WWW-Authenticate': 'Bearer realm="relance"' } });
    if (!header) return unauthorized('no Authorization header: send the workspace\'s API token as "Authorization: Bearer rl_…"');
    if (!match) return unauthorized(`the Authorization header is not "Bearer <token>" (got "${header.split(/\s/)[0]?.slice(0, 20)} …")`);
    const now = deps.clock();
    const grant = await authenticateToken(deps.database.db, match[1]!, now);
    // Never echoes the token back, not even a part of it.
    if (!grant) return unauthorized('this API token is not valid: it is unknown, mistyped or revoked (see relance token list)');
    if (!READ_METHODS.has(c.req.method) && grant.readOnly) {
      return apiError(c, 403, 'forbidden', `the token "${grant.name}" is read-only: it may only GET. Writing needs a token created without --read-only`,
        'relance token create --workspace T0123ABCD --name erp-write');
    }
    try {
      const verdict = await deps.rate.hit(grant.id, now);
      if (!verdict.ok) {
        return apiError(c, 429, 'rate_limited', `more than ${verdict.limit} requests this minute with the token "${grant.name}": retry in ${verdict.retryAfter} s`,
          'send many records in one request: POST /api/v1/bulk/payments (NDJSON or CSV)', { headers: { 'Retry-After': String(verdict.retryAfter) } });
      }
    } catch (e) {
      // Redis away: keeping the ledger current matters more than the pace; the limit resumes with Redis.
      deps.logger.warn({ err: (e as Error).message }, 'API rate limit unavailable (Redis); request let through');
    }
    c.set('grant', grant);
    await next();
  };
}

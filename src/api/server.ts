// The intake API (/api/*), served by Hono on the web role's one HTTP server:
// Bolt's receiver hands every /api/* request to it as a custom route, so Slack
// keeps its endpoint and its signature checks, and the API its own auth.
import type { CustomRoute } from '@slack/bolt';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { requireToken } from './auth.ts';
import type { Env } from '../config/env.ts';
import { apiConfigOf } from './config.ts';
import type { ApiDeps, ApiEnv } from './context.ts';
import { apiError, AUTH_EXAMPLE } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { redisApiRateLimiter, type ApiRateLimiter } from './rate-limit.ts';
import { bulkRoutes } from './routes/bulk.ts';
import { customerRoutes } from './routes/customers.ts';
import { invoiceRoutes } from './routes/invoices.ts';
import { paymentRoutes } from './routes/payments.ts';

export function createApiApp(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const document = openApiDocument(deps.config);
  app.get('/api/v1/openapi.json', (c) => c.json(document));
  app.use('/api/v1/*', requireToken(deps));
  app.route('/api/v1/customers', customerRoutes(deps));
  app.route('/api/v1/invoices', invoiceRoutes(deps));
  app.route('/api/v1/payments', paymentRoutes(deps));
  app.route('/api/v1/bulk', bulkRoutes(deps));
  app.notFound((c) => apiError(c, 404, 'not_found', `${c.req.method} ${new URL(c.req.url).pathname} is not an endpoint of the API; `
    + 'the endpoints are listed at GET /api/v1/openapi.json', `GET /api/v1/invoices/F-2026-0042 with ${AUTH_EXAMPLE}`));
  app.onError((error, c) => {
    // The error only: a request body may carry debtor data and is never logged.
    deps.logger.error({ err: error, method: c.req.method, path: new URL(c.req.url).pathname }, 'intake API request failed');
    return apiError(c, 500, 'internal', 'relance could not complete the request; nothing was changed. Try again, and tell the admin if it persists',
      'GET /api/v1/openapi.json');
  });
  return app;
}

export interface IntakeApi {
  /** /api/* as Bolt custom routes (HTTP and Socket Mode receivers alike). */
  routes: CustomRoute[];
  close(): Promise<void>;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export interface IntakeApiOptions {
  database: ApiDeps['database'];
  clock: ApiDeps['clock'];
  logger: ApiDeps['logger'];
  env: Env;
  afterWrite?: ApiDeps['afterWrite'];
  rate?: ApiRateLimiter;
}

export function createIntakeApi(options: IntakeApiOptions): IntakeApi {
  const config = apiConfigOf(options.env);
  const rate = options.rate ?? redisApiRateLimiter(options.env.REDIS_URL, options.env.RELANCE_QUEUE_PREFIX, config.RELANCE_API_RATE_PER_MINUTE);
  const app = createApiApp({ database: options.database, clock: options.clock, logger: options.logger, config, rate, afterWrite: options.afterWrite });
  // The process's own fetch (Slack's Web API client, OpenAI) keeps Node's Request and Response.
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  return {
    routes: [{
      path: '/api/*rest',
      method: METHODS,
      handler: (req, res) => {
        listener(req, res).catch((error: unknown) => {
          options.logger.error({ err: error }, 'intake API listener failed');
          if (!res.headersSent) res.writeHead(500).end();
        });
      },
    }],
    close: () => rate.close(),
  };
}

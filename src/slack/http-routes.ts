import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { AppDeps } from './deps.ts';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** /healthz: the process is up. /readyz: it can do its work (database and Redis answer). */
export function healthRoutes(deps: Pick<AppDeps, 'readiness'>): CustomRoute[] {
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => json(res, 200, { ok: true }) },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req, res) => {
        deps.readiness().then(
          (report) => json(res, report.ok ? 200 : 503, report),
          (error: unknown) => json(res, 503, { ok: false, error: String(error) }),
        );
      },
    },
  ];
}

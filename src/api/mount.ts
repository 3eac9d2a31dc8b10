// The intake API as the web role mounts it: built from the app's deps, its
// writes kicking the case-thread posters as Slack requests do.
import { kickCasePosts } from '../../jobs/case-threads.ts';
import type { AppDeps } from '../slack/deps.ts';
import { createIntakeApi, type IntakeApi } from './server.ts';

export function mountIntakeApi(deps: AppDeps): IntakeApi {
  return createIntakeApi({
    database: deps.database,
    clock: deps.clock,
    logger: deps.logger,
    env: deps.env,
    afterWrite: (workspaceId) => {
      const queue = deps.postQueue;
      // Not awaited: a Redis that is away must not hold the answer; the worker's poll finds the posts anyway.
      if (queue) void kickCasePosts(queue, workspaceId).catch((e: Error) => deps.logger.warn({ err: e.message }, 'could not kick the case-thread posters'));
    },
  });
}

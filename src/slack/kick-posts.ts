// Case threads follow what people do within a second or so: after every
// request from a workspace (its listeners have run by then), the workspace's
// new posts are routed and their posters started. Use cases only write
// activities; the worker's poll would find them within seconds anyway.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { kickCasePosts } from '../../jobs/case-threads.ts';
import type { AppDeps } from './deps.ts';

export function kickPostsAfterRequests(deps: AppDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ next, context }) => {
    try {
      await next();
    } finally {
      const queue = deps.postQueue;
      if (queue && context.teamId) {
        // One job id per workspace: a kick while one waits or runs adds nothing. Not awaited:
        // a Redis that is away must not hold the request.
        void kickCasePosts(queue, context.teamId)
          .catch((e: Error) => deps.logger.warn({ err: e.message }, 'could not kick the case-thread posters; the worker finds the posts anyway'));
      }
    }
  };
}

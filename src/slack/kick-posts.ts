// Case threads follow what people do within a second or so: after every
// request from a workspace (its listeners have run by then), the workspace's
// new posts are routed and their posters started. Use cases only write
// activities; the worker's poll would find them within seconds anyway.
import { kickCasePosts } from '../../jobs/case-threads.ts';
import { createDebouncer } from './debouncer.ts';
import type { AppDeps } from './deps.ts';

/**
 * At most one kick per workspace in this window, plus one trailing: a kick is a
 * BullMQ job and a query, and under a burst of requests (most of which write
 * nothing, `help` for one) one per request cost the web process about a sixth of
 * its CPU. The window is real time: it bounds work, not business time.
 */
export const KICK_WINDOW_MS = 500;

/** Called once a request's listeners have run (or failed): kicks the workspace's posters, throttled. */
export function postKicker(deps: AppDeps): (teamId: string | undefined) => void {
  const debouncer = createDebouncer({ windowMs: KICK_WINDOW_MS, now: Date.now });
  return (teamId) => {
    const queue = deps.postQueue;
    if (!queue || !teamId) return;
    // One job id per workspace: a kick while one waits or runs adds nothing. Not awaited:
    // a Redis that is away must not hold the request.
    debouncer.touch(teamId, () => {
      void kickCasePosts(queue, teamId)
        .catch((e: Error) => deps.logger.warn({ err: e.message }, 'could not kick the case-thread posters; the worker finds the posts anyway'));
    });
  };
}

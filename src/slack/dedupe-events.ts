// Slack retries an event delivery it thinks failed (X-Slack-Retry-Num) and Bolt
// does not deduplicate: each event_id is processed once, recorded in PostgreSQL
// so the guarantee holds across processes and restarts.
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import { slackEvents } from '../db/schema.ts';
import type { AppDeps } from './deps.ts';

export function dedupeEvents(deps: AppDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, logger }) => {
    const envelope = body as { event_id?: string; team_id?: string; type?: string };
    if (envelope.type !== 'event_callback' || !envelope.event_id) return next();
    const inserted = await deps.database.db.insert(slackEvents)
      .values({ eventId: envelope.event_id, workspaceId: envelope.team_id ?? '' })
      .onConflictDoNothing()
      .returning({ id: slackEvents.eventId });
    if (inserted.length === 0) {
      logger.debug(`event ${envelope.event_id} already processed; ignoring the retry`);
      return;
    }
    await next();
  };
}

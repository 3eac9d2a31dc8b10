// Slack retries an event delivery it thinks failed (X-Slack-Retry-Num) and Bolt
// does not deduplicate: each event_id is processed once, recorded in PostgreSQL
// so the guarantee holds across processes and restarts.
import type { Logger as BoltLogger } from '@slack/bolt';
import { slackEvents } from '../db/schema.ts';
import type { AppDeps } from './deps.ts';

/** Whether a request is the first delivery of its event (anything but an event is); records it if so. */
export function firstDeliveries(deps: AppDeps): (body: unknown, logger: BoltLogger) => true | Promise<boolean> {
  const record = async (eventId: string, workspaceId: string, logger: BoltLogger): Promise<boolean> => {
    const inserted = await deps.database.db.insert(slackEvents)
      .values({ eventId, workspaceId })
      .onConflictDoNothing()
      .returning({ id: slackEvents.eventId });
    if (inserted.length === 0) {
      logger.debug(`event ${eventId} already processed; ignoring the retry`);
      return false;
    }
    return true;
  };
  // Anything but an event is answered without a promise: most requests are not events.
  return (body, logger) => {
    const envelope = body as { event_id?: string; team_id?: string; type?: string };
    if (envelope.type !== 'event_callback' || !envelope.event_id) return true;
    return record(envelope.event_id, envelope.team_id ?? '', logger);
  };
}

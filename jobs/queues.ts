// Queue names and connections, in one place. Every queue lives under the
// RELANCE_QUEUE_PREFIX so installations and test files can share a Redis.
import { Queue, type ConnectionOptions } from 'bullmq';

export const DIGEST_QUEUE = 'digest';
export const MAINTENANCE_QUEUE = 'maintenance';
/** Case threads, DMs and queued messages: one poster per channel (jobs/case-threads.ts). */
export const CHANNEL_POSTS_QUEUE = 'channel-posts';
/** A DM to the assignee when a call falls due (jobs/call-reminder.ts). */
export const CALL_REMINDERS_QUEUE = 'call-reminders';
/** Reminder e-mails, one job per mail (jobs/send-mail.ts). */
export const MAIL_QUEUE = 'mails';

export interface QueueConfig {
  redisUrl: string;
  prefix: string;
}

export function connection(config: QueueConfig): ConnectionOptions {
  const url = new URL(config.redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis: they must wait for it, not fail a request.
    maxRetriesPerRequest: null,
  };
}

export function digestQueue(config: QueueConfig): Queue {
  return new Queue(DIGEST_QUEUE, { connection: connection(config), prefix: config.prefix });
}

export function maintenanceQueue(config: QueueConfig): Queue {
  return new Queue(MAINTENANCE_QUEUE, { connection: connection(config), prefix: config.prefix });
}

export function channelPostsQueue(config: QueueConfig): Queue {
  return new Queue(CHANNEL_POSTS_QUEUE, { connection: connection(config), prefix: config.prefix });
}

export function callRemindersQueue(config: QueueConfig): Queue {
  return new Queue(CALL_REMINDERS_QUEUE, { connection: connection(config), prefix: config.prefix });
}

export function mailQueue(config: QueueConfig): Queue {
  return new Queue(MAIL_QUEUE, { connection: connection(config), prefix: config.prefix });
}

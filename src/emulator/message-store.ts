import { compareTs } from './ids.ts';
import type { Message, MessageRecord } from './types.ts';

type Patch = Partial<Pick<Message, 'text' | 'blocks' | 'attachments' | 'metadata'>>;

/**
 * Channel messages with Slack's thread bookkeeping: replies carry the parent's
 * `thread_ts`, and the parent carries `reply_count`, `reply_users` and
 * `latest_reply`, which history readers rely on.
 */
export class MessageStore {
  readonly #byChannel = new Map<string, MessageRecord[]>();

  all(channel: string): MessageRecord[] {
    return this.#byChannel.get(channel) ?? [];
  }

  get(channel: string, ts: string): MessageRecord | undefined {
    return this.all(channel).find((record) => record.message.ts === ts);
  }

  /** `thread_ts` must already name the parent (see `threadParent`). */
  add(channel: string, message: Message, extra: Partial<MessageRecord> = {}): MessageRecord {
    const record: MessageRecord = { channel, message, revisions: [], ...extra };
    const list = this.#byChannel.get(channel) ?? [];
    list.push(record);
    this.#byChannel.set(channel, list);
    if (message.thread_ts !== undefined && message.thread_ts !== message.ts) {
      const parent = this.get(channel, message.thread_ts);
      if (parent !== undefined) {
        if (parent.message.user !== undefined) message.parent_user_id = parent.message.user;
        this.#refreshThread(channel, parent);
      }
    }
    return record;
  }

  /** The parent a reply should attach to: replying to a reply joins its thread, as in Slack. */
  threadParent(channel: string, threadTs: string): MessageRecord | undefined {
    const target = this.get(channel, threadTs);
    if (target === undefined) return undefined;
    const parentTs = target.message.thread_ts ?? target.message.ts;
    return this.get(channel, parentTs);
  }

  /** Top-level messages and broadcast replies, oldest first — what conversations.history shows. */
  history(channel: string): Message[] {
    return this.all(channel)
      .map((record) => record.message)
      .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts || m.subtype === 'thread_broadcast');
  }

  /** The parent then its replies, oldest first — what conversations.replies shows. */
  thread(channel: string, parentTs: string): Message[] {
    return this.all(channel)
      .map((record) => record.message)
      .filter((m) => m.ts === parentTs || m.thread_ts === parentTs)
      .sort((a, b) => compareTs(a.ts, b.ts));
  }

  update(channel: string, ts: string, patch: Patch, edit: { user: string; ts: string; at: number }): Message | undefined {
    const record = this.get(channel, ts);
    if (record === undefined) return undefined;
    const { message } = record;
    record.revisions.push({ at: edit.at, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
    if (patch.text !== undefined) message.text = patch.text;
    if (patch.blocks !== undefined) message.blocks = patch.blocks;
    if (patch.attachments !== undefined) message.attachments = patch.attachments;
    if (patch.metadata !== undefined) message.metadata = patch.metadata;
    message.edited = { user: edit.user, ts: edit.ts };
    return message;
  }

  /** A parent with replies stays as a tombstone so the thread survives, as in Slack. */
  delete(channel: string, ts: string): boolean {
    const list = this.all(channel);
    const index = list.findIndex((record) => record.message.ts === ts);
    const record = list[index];
    if (record === undefined) return false;
    const { message } = record;
    if (message.thread_ts === message.ts && (message.reply_count ?? 0) > 0) {
      record.message = {
        type: 'message',
        subtype: 'tombstone',
        ts: message.ts,
        team: message.team,
        text: 'This message was deleted.',
        thread_ts: message.ts,
        reply_count: message.reply_count,
        reply_users: message.reply_users,
        reply_users_count: message.reply_users_count,
        latest_reply: message.latest_reply,
      };
      return true;
    }
    list.splice(index, 1);
    if (message.thread_ts !== undefined && message.thread_ts !== message.ts) {
      const parent = this.get(channel, message.thread_ts);
      if (parent !== undefined) this.#refreshThread(channel, parent);
    }
    return true;
  }

  react(channel: string, ts: string, user: string, name: string): 'ok' | 'already_reacted' | 'message_not_found' {
    const record = this.get(channel, ts);
    if (record === undefined) return 'message_not_found';
    const reactions = (record.message.reactions ??= []);
    const existing = reactions.find((r) => r.name === name);
    if (existing?.users.includes(user)) return 'already_reacted';
    if (existing) {
      existing.users.push(user);
      existing.count += 1;
    } else {
      reactions.push({ name, users: [user], count: 1 });
    }
    return 'ok';
  }

  unreact(channel: string, ts: string, user: string, name: string): 'ok' | 'no_reaction' | 'message_not_found' {
    const record = this.get(channel, ts);
    if (record === undefined) return 'message_not_found';
    const reactions = record.message.reactions ?? [];
    const existing = reactions.find((r) => r.name === name);
    if (!existing?.users.includes(user)) return 'no_reaction';
    existing.users = existing.users.filter((u) => u !== user);
    existing.count -= 1;
    const left = reactions.filter((r) => r.count > 0);
    if (left.length > 0) record.message.reactions = left;
    else delete record.message.reactions;
    return 'ok';
  }

  #refreshThread(channel: string, parent: MessageRecord): void {
    const parentTs = parent.message.ts;
    const replies = this.all(channel)
      .map((record) => record.message)
      .filter((m) => m.thread_ts === parentTs && m.ts !== parentTs);
    const message = parent.message;
    message.thread_ts = parentTs;
    if (replies.length === 0) {
      delete message.reply_count;
      delete message.reply_users;
      delete message.reply_users_count;
      delete message.latest_reply;
      return;
    }
    const users = [...new Set(replies.map((m) => m.user).filter((u): u is string => u !== undefined))];
    message.reply_count = replies.length;
    message.reply_users = users;
    message.reply_users_count = users.length;
    message.latest_reply = replies.reduce((latest, m) => (compareTs(m.ts, latest) > 0 ? m.ts : latest), parentTs);
  }
}

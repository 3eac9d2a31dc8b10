import { MESSAGE_LIMITS, validateBlocks } from './blocks.ts';
import type { Clock } from './clock.ts';
import { hex } from './ids.ts';

/** Slack accepts up to 5 posts to a response_url within 30 minutes of the interaction. */
export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

/** Where the interaction that produced the URL happened. */
export interface ResponseUrlMeta {
  teamId: string;
  channelId: string;
  userId: string;
  /** The message the interaction came from, for `replace_original` / `delete_original`. */
  messageTs?: string;
  threadTs?: string;
  isEphemeral?: boolean;
}

export interface ResponseRecord {
  at: number;
  /** 'ack': the message a slash command's ack carried, which Slack shows like a post to the URL. */
  via?: 'ack';
  body: Record<string, unknown>;
  accepted: boolean;
  status: number;
  error?: string;
}

interface Entry {
  meta: ResponseUrlMeta;
  createdAt: number;
  records: ResponseRecord[];
}

export type Verdict = { ok: true; meta: ResponseUrlMeta } | { ok: false; status: number; error: string };

export class ResponseUrlRegistry {
  readonly #clock: Clock;
  readonly #entries = new Map<string, Entry>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  create(meta: ResponseUrlMeta): string {
    const id = `${meta.teamId}/${Date.now().toString().slice(-12)}/${hex(12)}`;
    this.#entries.set(id, { meta, createdAt: this.#clock(), records: [] });
    return id;
  }

  meta(id: string): ResponseUrlMeta | undefined {
    return this.#entries.get(id)?.meta;
  }

  records(id: string): ResponseRecord[] {
    return this.#entries.get(id)?.records ?? [];
  }

  /** Decides whether a post is accepted and records it either way. */
  receive(id: string, body: Record<string, unknown> | undefined, via?: 'ack'): Verdict {
    const entry = this.#entries.get(id);
    if (entry === undefined) return { ok: false, status: 404, error: 'invalid_url' };
    const verdict = this.#judge(entry, body, via);
    entry.records.push({
      at: this.#clock(),
      ...(via ? { via } : {}),
      body: body ?? {},
      accepted: verdict.ok,
      status: verdict.ok ? 200 : verdict.status,
      ...(verdict.ok ? {} : { error: verdict.error }),
    });
    return verdict;
  }

  #judge(entry: Entry, body: Record<string, unknown> | undefined, via?: 'ack'): Verdict {
    // The ack's message comes with the interaction itself: it neither expires nor uses the URL up.
    if (via !== 'ack') {
      if (this.#clock() - entry.createdAt > RESPONSE_URL_TTL_MS) return { ok: false, status: 404, error: 'expired_url' };
      if (entry.records.filter((r) => r.accepted && r.via !== 'ack').length >= RESPONSE_URL_MAX_USES) return { ok: false, status: 404, error: 'used_url' };
    }
    if (body === undefined) return { ok: false, status: 400, error: 'invalid_payload' };
    const empty = body.text === undefined && body.blocks === undefined && body.attachments === undefined;
    if (empty && body.delete_original !== true && body.delete_original !== 'true') return { ok: false, status: 400, error: 'no_text' };
    // Like incoming webhooks: a 400 with the bare error, no details.
    if (body.blocks !== undefined && (!Array.isArray(body.blocks) || validateBlocks(body.blocks, MESSAGE_LIMITS).length > 0)) {
      return { ok: false, status: 400, error: 'invalid_blocks' };
    }
    return { ok: true, meta: entry.meta };
  }
}

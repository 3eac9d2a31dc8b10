import type { ApiDeps } from './api.ts';
import { callApi } from './api.ts';
import { applyResponse, applyViewSubmissionAck } from './effects.ts';
import type { ConnectionFault, Fault, HttpAnswer, RateLimitRule } from './faults.ts';
import { FaultQueue, faultAnswer, RateLimiter } from './faults.ts';
import { multipartParts } from './http-io.ts';
import type { ResponseRecord, ResponseUrlMeta } from './response-urls.ts';
import { ResponseUrlRegistry } from './response-urls.ts';
import type { EmulatorState } from './state.ts';
import { TriggerRegistry } from './triggers.ts';
import type { Args, CallRecord, Ephemeral, Message, UploadedFile } from './types.ts';
import * as actions from './user-actions.ts';
import { waitFor } from './waiters.ts';

type Obj = Record<string, unknown>;

export interface WaitOptions {
  timeoutMs?: number;
  /** Wait for the count-th match (1 = the first), counting matches already there. */
  count?: number;
}

const DEFAULT_WAIT_MS = 5000;

/**
 * The emulated Slack platform: the Web API, upload and response URLs, plus the
 * controls and views that tests use. `server.ts` puts it behind HTTP.
 */
export class SlackEmulator {
  readonly state: EmulatorState;
  /** Base URL, ending in `/`. */
  readonly url: string;
  /** What to give the WebClient as `slackApiUrl`. */
  readonly apiUrl: string;
  readonly #faults = new FaultQueue();
  readonly #connectionFaults = new FaultQueue<ConnectionFault>();
  /** Requests held by a `slow` connection fault, per method. */
  readonly #held = new Map<string, number>();
  readonly #limiter: RateLimiter;
  readonly #triggers: TriggerRegistry;
  readonly #responses: ResponseUrlRegistry;
  readonly #close: () => Promise<void>;

  constructor(state: EmulatorState, url: string, close: () => Promise<void>) {
    this.state = state;
    this.url = url.endsWith('/') ? url : `${url}/`;
    this.apiUrl = `${this.url}api/`;
    this.#limiter = new RateLimiter(state.clock);
    this.#triggers = new TriggerRegistry(state.clock);
    this.#responses = new ResponseUrlRegistry(state.clock);
    this.#close = close;
  }

  close(): Promise<void> {
    return this.#close();
  }

  // --- The platform, called by the HTTP layer -------------------------------

  api(method: string, args: Args, token: string | undefined): HttpAnswer {
    const deps: ApiDeps = {
      state: this.state,
      faults: this.#faults,
      limiter: this.#limiter,
      triggers: this.#triggers,
      emulatorUrl: this.url,
    };
    return callApi(deps, method, args, token);
  }

  /** The bytes of a file, posted to the `upload_url` from files.getUploadURLExternal. */
  upload(uploadToken: string, raw: Buffer, contentType: string | undefined): HttpAnswer {
    const fault = this.#faults.take('upload');
    if (fault !== undefined) return faultAnswer(fault);
    const file = [...this.state.files.values()].find((f) => f.uploadToken === uploadToken);
    if (file === undefined || file.completed) return { status: 404, body: 'not found', headers: {} };
    // The WebClient posts multipart/form-data; curl-style clients post the raw bytes.
    const isMultipart = (contentType ?? '').toLowerCase().startsWith('multipart/form-data');
    const parts = isMultipart ? multipartParts(raw, contentType ?? '') : [];
    file.bytes = isMultipart ? (parts.find((p) => p.filename !== undefined) ?? parts[0])?.data ?? Buffer.alloc(0) : raw;
    this.state.notify();
    return { status: 200, body: `OK - ${file.bytes.length}`, headers: {} };
  }

  respond(id: string, rawBody: string): HttpAnswer {
    const fault = this.#faults.take('response_url');
    if (fault !== undefined) return faultAnswer(fault);
    let body: Obj | undefined;
    try {
      const parsed: unknown = JSON.parse(rawBody);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Obj;
    } catch {
      body = undefined;
    }
    const verdict = this.#responses.receive(id, body);
    if (verdict.ok && body !== undefined) applyResponse(this.state, verdict.meta, body);
    this.state.notify();
    return verdict.ok
      ? { status: 200, body: { ok: true }, headers: {} }
      : { status: verdict.status, body: { ok: false, error: verdict.error }, headers: {} };
  }

  /**
   * A slash command acked with a message: Slack shows it at once, to the person
   * who typed (or to the channel with response_type in_channel), as it shows a
   * post to the command's response_url.
   */
  ackedWith(id: string, body: Obj): void {
    const verdict = this.#responses.receive(id, body, 'ack');
    if (verdict.ok) applyResponse(this.state, verdict.meta, body);
    this.state.notify();
  }

  // --- Test controls -------------------------------------------------------

  /** The next `times` calls of `method` (or `upload`, `response_url`) fail this way and change nothing. */
  failNext(method: string, fault: Fault, times = 1): void {
    this.#faults.add(method, fault, times);
  }

  /** The next `times` calls of `method` meet this connection fault (see ConnectionFault). */
  failConnectionNext(method: string, fault: ConnectionFault, times = 1): void {
    this.#connectionFaults.add(method, fault, times);
  }

  takeConnectionFault(method: string): ConnectionFault | undefined {
    return this.#connectionFaults.take(method);
  }

  /** How many calls of `method` a `slow` fault is holding right now. */
  held(method: string): number {
    return this.#held.get(method) ?? 0;
  }

  /**
   * Holds a request until the emulator clock has moved `ms` on. False when the
   * client gave up first: Slack never saw the call, which is recorded with status 0.
   */
  async arriveLate(method: string, args: Args, ms: number, gaveUp: Promise<void>): Promise<boolean> {
    const due = this.state.now() + ms;
    this.#held.set(method, this.held(method) + 1);
    this.state.notify();
    let timer: NodeJS.Timeout | undefined;
    const arrived = await Promise.race([
      gaveUp.then(() => false),
      // The clock is injected and moves without telling anyone: look at it often.
      new Promise<boolean>((resolve) => {
        timer = setInterval(() => { if (this.state.now() >= due) resolve(true); }, 5);
      }),
    ]);
    clearInterval(timer);
    this.#held.set(method, this.held(method) - 1);
    if (!arrived) {
      const { token: _token, ...logged } = args;
      this.state.calls.push({ method, args: structuredClone(logged), at: this.state.now(), status: 0, response: { error: 'client_gave_up' } });
    }
    this.state.notify();
    return arrived;
  }

  /**
   * Slack's limits on reading history for apps not listed in the Marketplace
   * (SLACK-NOTES.md): conversations.history and conversations.replies once a
   * minute per channel, at most 15 messages a call.
   */
  limitHistoryReads(): void {
    for (const method of ['conversations.history', 'conversations.replies']) this.#limiter.set(method, { perChannelPerSecond: 1 / 60 });
    this.state.historyPageLimit = 15;
  }

  /** Answers 429 + Retry-After past the rate; `null` lifts the limit. */
  rateLimit(method: string, rule: RateLimitRule | null): void {
    this.#limiter.set(method, rule);
  }

  /** A trigger_id views.open accepts once, within 3 s of the emulator clock. */
  issueTrigger(userId: string, teamId?: string): string {
    const team = teamId ?? this.state.user(userId)?.teamId ?? this.state.defaultTeamId ?? '';
    return this.#triggers.issue(team, userId);
  }

  newResponseUrl(meta: ResponseUrlMeta): { id: string; url: string } {
    const id = this.#responses.create(meta);
    return { id, url: `${this.url}respond/${id}` };
  }

  /** Every post to a response URL, refused ones included (`accepted: false`). */
  responses(id: string): ResponseRecord[] {
    return this.#responses.records(id);
  }

  waitForResponse(id: string, options: WaitOptions = {}): Promise<ResponseRecord> {
    const count = options.count ?? 1;
    return waitFor(
      this.state,
      () => this.#responses.records(id).filter((r) => r.accepted)[count - 1],
      options.timeoutMs ?? DEFAULT_WAIT_MS,
      `response #${count} on ${id}`,
    );
  }

  calls(method?: string): CallRecord[] {
    return method === undefined ? [...this.state.calls] : this.state.calls.filter((c) => c.method === method);
  }

  clearCalls(): void {
    this.state.calls.length = 0;
  }

  waitForCall(method: string, options: WaitOptions & { where?: (call: CallRecord) => boolean } = {}): Promise<CallRecord> {
    const count = options.count ?? 1;
    const where = options.where ?? (() => true);
    return waitFor(
      this.state,
      () => this.calls(method).filter(where)[count - 1],
      options.timeoutMs ?? DEFAULT_WAIT_MS,
      `call #${count} of ${method}`,
    );
  }

  /** Waits until `probe` returns something other than undefined. */
  waitFor<T>(probe: () => T | undefined, options: { timeoutMs?: number } = {}): Promise<T> {
    return waitFor(this.state, probe, options.timeoutMs ?? DEFAULT_WAIT_MS, 'a condition');
  }

  // --- What the workspace looks like ------------------------------------------

  /** Channel history oldest first (top level and broadcasts), or one thread with `threadTs`. */
  messages(channelId: string, options: { threadTs?: string } = {}): Message[] {
    const list =
      options.threadTs === undefined
        ? this.state.messages.history(channelId)
        : this.state.messages.thread(channelId, options.threadTs);
    return structuredClone(list);
  }

  message(channelId: string, ts: string): Message | undefined {
    const record = this.state.messages.get(channelId, ts);
    return record === undefined ? undefined : structuredClone(record.message);
  }

  /** Earlier versions of an edited message, oldest first. */
  revisions(channelId: string, ts: string): { at: number; text: string; blocks?: unknown[] }[] {
    return structuredClone(this.state.messages.get(channelId, ts)?.revisions ?? []);
  }

  ephemerals(filter: { channel?: string; user?: string } = {}): Ephemeral[] {
    return structuredClone(
      this.state.ephemerals.filter(
        (e) => (filter.channel === undefined || e.channel === filter.channel) && (filter.user === undefined || e.user === filter.user),
      ),
    );
  }

  /** The user's open modals, root first. */
  openViews(userId: string): Obj[] {
    return [...this.state.views.values()]
      .filter((r) => r.open && r.userId === userId && r.view.type === 'modal')
      .map((r) => structuredClone(r.view));
  }

  view(viewId: string): Obj | undefined {
    const record = this.state.views.get(viewId);
    return record === undefined ? undefined : structuredClone(record.view);
  }

  home(userId: string, teamId?: string): Obj | undefined {
    const team = teamId ?? this.state.user(userId)?.teamId;
    const id = this.state.homes.get(`${team}:${userId}`);
    return id === undefined ? undefined : this.view(id);
  }

  files(): UploadedFile[] {
    return [...this.state.files.values()];
  }

  /** What Slack's client does with the ack of a view_submission. */
  applyViewSubmissionAck(viewId: string, ack: unknown): void {
    applyViewSubmissionAck(this.state, viewId, ack);
    this.state.notify();
  }

  // --- People doing things (each returns the event Slack would send) -------

  addReaction(userId: string, channelId: string, ts: string, name: string): Obj {
    return actions.addReaction(this.state, userId, channelId, ts, name);
  }

  removeReaction(userId: string, channelId: string, ts: string, name: string): Obj {
    return actions.removeReaction(this.state, userId, channelId, ts, name);
  }

  postAsUser(userId: string, channelId: string, text: string, options: { threadTs?: string } = {}): Obj {
    return actions.postAsUser(this.state, userId, channelId, text, options.threadTs);
  }

  appHomeOpened(userId: string): Obj {
    return actions.appHomeOpened(this.state, userId);
  }
}

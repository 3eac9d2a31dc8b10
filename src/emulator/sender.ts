import type { SlackEmulator } from './emulator.ts';
import { hex, slackId } from './ids.ts';
import type { ResponseUrlMeta } from './response-urls.ts';
import { DEMO_VERIFICATION_TOKEN } from './seed.ts';
import { actionPayload, channelName, enterpriseFields, eventEnvelope, findElement, teamRef, userRef, who } from './payloads.ts';
import { deliver } from './deliver.ts';
import { signSlackRequest } from './sign.ts';
import { socketModeHub, type SocketEnvelopeType } from './socket-mode.ts';

type Obj = Record<string, unknown>;

/** `stale`: correctly signed, but with a timestamp 6 minutes old (Slack's window is 5). */
export type SigningMode = 'valid' | 'bad' | 'missing' | 'stale';

export interface SendOptions {
  signing?: SigningMode;
  headers?: Record<string, string>;
  /** Slack gives up after about 3 s; so does the sender unless told otherwise. */
  timeoutMs?: number;
  /** Signs correctly, but dated this many seconds from now (negative: in the past). */
  timestampOffsetSeconds?: number;
}

export interface SenderResult {
  status: number;
  /** Parsed JSON when the app answered JSON, otherwise the text ('' for a bare ack). */
  body: unknown;
  headers: Record<string, string>;
  /** True when the app did not answer within the timeout; Slack would show an error. */
  timedOut: boolean;
  elapsedMs: number;
  responseUrlId?: string;
  responseUrl?: string;
  triggerId?: string;
  /** Over Socket Mode: the envelope that carried the request. */
  envelopeId?: string;
}

/**
 * `http`: signed POSTs to the app's request URL. `socket-mode`: envelopes over the
 * app's Socket Mode connection; the ack's payload plays the HTTP body's part.
 */
export type SenderTransport = 'http' | 'socket-mode';

export interface SlackSenderOptions {
  /** The app's request URL, e.g. http://127.0.0.1:3000/slack/events (HTTP transport only). */
  appUrl?: string;
  /** Default `http`. */
  transport?: SenderTransport;
  signingSecret: string;
  emulator: SlackEmulator;
  clock?: () => Date;
  /** The deprecated verification token Slack still puts in payloads. */
  verificationToken?: string;
  timeoutMs?: number;
}

export interface SlashCommandInput extends SendOptions {
  command?: string;
  text?: string;
  userId: string;
  channelId: string;
  teamId?: string;
}

export interface BlockActionInput extends SendOptions {
  userId: string;
  teamId?: string;
  actionId: string;
  value?: string;
  blockId?: string;
  /** A message in a channel… */
  channelId?: string;
  messageTs?: string;
  threadTs?: string;
  /** …that only this user sees (no `message` in the payload, as in Slack). */
  ephemeral?: boolean;
  /** …or a view (modal or Home tab) instead of a message. */
  viewId?: string;
  /** Defaults to a fresh one from the emulator for message actions. */
  responseUrl?: string;
}

export interface ViewSubmissionInput extends SendOptions {
  userId: string;
  teamId?: string;
  /** A view opened through the emulator; its stored fields are sent, with `values` as state. */
  viewId?: string;
  /** Fields for a view the emulator does not hold, or overrides for a stored one. */
  view?: { callback_id?: string; private_metadata?: string; state?: { values: Obj }; [key: string]: unknown };
}

export interface EventInput extends SendOptions {
  teamId?: string;
  event: Obj;
  eventId?: string;
  retryNum?: number;
  retryReason?: string;
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** Plays Slack's side toward the app: slash commands, interactions and events, signed over HTTP or over Socket Mode. */
export class SlackSender {
  readonly #appUrl: string | undefined;
  readonly #transport: SenderTransport;
  readonly #secret: string;
  readonly #emulator: SlackEmulator;
  readonly #clock: () => Date;
  readonly #token: string;
  readonly #timeoutMs: number;

  constructor(options: SlackSenderOptions) {
    this.#transport = options.transport ?? 'http';
    if (this.#transport === 'http' && options.appUrl === undefined) throw new Error('SlackSender: appUrl is required over HTTP, e.g. http://127.0.0.1:3000/slack/events');
    this.#appUrl = options.appUrl;
    this.#secret = options.signingSecret;
    this.#emulator = options.emulator;
    this.#clock = options.clock ?? (() => new Date());
    this.#token = options.verificationToken ?? DEMO_VERIFICATION_TOKEN;
    this.#timeoutMs = options.timeoutMs ?? 3000;
  }

  async slashCommand(input: SlashCommandInput): Promise<SenderResult> {
    const state = this.#emulator.state;
    const actor = who(state, input.userId, input.teamId);
    const meta: ResponseUrlMeta = { teamId: actor.workspace.id, channelId: input.channelId, userId: input.userId };
    const response = this.#emulator.newResponseUrl(meta);
    const triggerId = this.#emulator.issueTrigger(input.userId, actor.workspace.id);
    const form = new URLSearchParams({
      token: this.#token,
      team_id: actor.workspace.id,
      team_domain: actor.workspace.domain,
      channel_id: input.channelId,
      channel_name: channelName(state, input.channelId),
      user_id: input.userId,
      user_name: actor.user.name,
      command: input.command ?? '/collect',
      text: input.text ?? '',
      api_app_id: actor.workspace.appId,
      is_enterprise_install: 'false',
      response_url: response.url,
      trigger_id: triggerId,
    });
    if (actor.workspace.enterpriseId !== undefined) form.set('enterprise_id', actor.workspace.enterpriseId);
    const result = this.#transport === 'socket-mode'
      ? await this.#envelope('slash_commands', Object.fromEntries(form), true, input)
      : await this.#post(form.toString(), FORM, input);
    const body = result.body;
    if (result.status === 200 && typeof body === 'object' && body !== null && !Array.isArray(body)
      && (typeof (body as Obj).text === 'string' || Array.isArray((body as Obj).blocks))) {
      this.#emulator.ackedWith(response.id, body as Obj);
    }
    return { ...result, responseUrlId: response.id, responseUrl: response.url, triggerId };
  }

  async blockAction(input: BlockActionInput): Promise<SenderResult> {
    const state = this.#emulator.state;
    const actor = who(state, input.userId, input.teamId);
    const triggerId = this.#emulator.issueTrigger(input.userId, actor.workspace.id);
    const actionTs = state.nextTs();
    const base: Obj = {
      type: 'block_actions',
      user: userRef(actor),
      api_app_id: actor.workspace.appId,
      token: this.#token,
      trigger_id: triggerId,
      team: teamRef(actor),
      ...enterpriseFields(actor),
    };
    let payload: Obj;
    let response: { id: string; url: string } | undefined;
    if (input.viewId !== undefined) {
      const view = this.#emulator.view(input.viewId);
      if (view === undefined) throw new Error(`emulator: no view ${input.viewId}`);
      const found = findElement(view.blocks, input.actionId);
      payload = {
        ...base,
        container: { type: 'view', view_id: input.viewId },
        view,
        actions: [actionPayload(found, input, actionTs)],
      };
    } else {
      if (input.channelId === undefined || input.messageTs === undefined) throw new Error('blockAction needs viewId, or channelId and messageTs');
      const message = input.ephemeral ? undefined : this.#emulator.message(input.channelId, input.messageTs);
      const blocks = message?.blocks ?? state.ephemerals.find((e) => e.ts === input.messageTs)?.blocks;
      const threadTs = input.threadTs ?? (message?.thread_ts !== message?.ts ? message?.thread_ts : undefined);
      if (input.responseUrl === undefined) {
        response = this.#emulator.newResponseUrl({
          teamId: actor.workspace.id,
          channelId: input.channelId,
          userId: input.userId,
          messageTs: input.messageTs,
          ...(threadTs !== undefined ? { threadTs } : {}),
          ...(input.ephemeral ? { isEphemeral: true } : {}),
        });
      }
      payload = {
        ...base,
        container: {
          type: 'message',
          message_ts: input.messageTs,
          channel_id: input.channelId,
          is_ephemeral: input.ephemeral ?? false,
          ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
        },
        channel: { id: input.channelId, name: channelName(state, input.channelId) },
        ...(message !== undefined ? { message } : {}),
        state: { values: {} },
        response_url: input.responseUrl ?? response?.url,
        actions: [actionPayload(findElement(blocks, input.actionId), input, actionTs)],
      };
    }
    const result = await this.#interaction(payload, false, input);
    return {
      ...result,
      triggerId,
      ...(response !== undefined ? { responseUrlId: response.id, responseUrl: response.url } : {}),
      ...(input.responseUrl !== undefined ? { responseUrl: input.responseUrl } : {}),
    };
  }

  async viewSubmission(input: ViewSubmissionInput): Promise<SenderResult> {
    const state = this.#emulator.state;
    const actor = who(state, input.userId, input.teamId);
    const stored = input.viewId === undefined ? undefined : this.#emulator.view(input.viewId);
    if (input.viewId !== undefined && stored === undefined) throw new Error(`emulator: no view ${input.viewId}`);
    const view: Obj = {
      id: slackId('V'),
      team_id: actor.workspace.id,
      type: 'modal',
      blocks: [],
      private_metadata: '',
      callback_id: '',
      hash: `${Math.floor(state.now() / 1000)}.${hex(4)}`,
      title: { type: 'plain_text', text: 'Modal' },
      app_id: actor.workspace.appId,
      bot_id: actor.workspace.botId,
      ...stored,
      ...input.view,
      state: input.view?.state ?? stored?.state ?? { values: {} },
    };
    const triggerId = this.#emulator.issueTrigger(input.userId, actor.workspace.id);
    const payload = {
      type: 'view_submission',
      team: teamRef(actor),
      user: userRef(actor),
      api_app_id: actor.workspace.appId,
      token: this.#token,
      trigger_id: triggerId,
      view,
      response_urls: [],
      ...enterpriseFields(actor),
    };
    const result = await this.#interaction(payload, true, input);
    if (stored !== undefined && result.status === 200) this.#emulator.applyViewSubmissionAck(String(stored.id), result.body);
    return { ...result, triggerId };
  }

  async event(input: EventInput): Promise<SenderResult> {
    const state = this.#emulator.state;
    const teamId = input.teamId ?? state.defaultTeamId ?? '';
    const eventTime = Math.floor(this.#clock().getTime() / 1000);
    const envelope = eventEnvelope(state, teamId, input.event, input.eventId, eventTime, this.#token);
    if (this.#transport === 'socket-mode') {
      return this.#envelope('events_api', envelope, false, input, { retryAttempt: input.retryNum ?? 0, retryReason: input.retryReason ?? '' });
    }
    const headers: Record<string, string> = { ...input.headers };
    if (input.retryNum !== undefined) headers['X-Slack-Retry-Num'] = String(input.retryNum);
    if (input.retryReason !== undefined) headers['X-Slack-Retry-Reason'] = input.retryReason;
    return this.#post(JSON.stringify(envelope), JSON_TYPE, { ...input, headers });
  }

  /** Any body, signed as Slack signs (unless told otherwise): for bodies Slack would never send. */
  raw(body: string, contentType: string, options: SendOptions = {}): Promise<SenderResult> {
    return this.#post(body, contentType, options);
  }

  urlVerification(challenge: string, options: SendOptions = {}): Promise<SenderResult> {
    return this.#post(JSON.stringify({ token: this.#token, challenge, type: 'url_verification' }), JSON_TYPE, options);
  }

  #signatureHeaders(body: string, mode: SigningMode, offsetSeconds = 0): Record<string, string> {
    const nowSeconds = Math.floor(this.#clock().getTime() / 1000) + offsetSeconds;
    if (mode === 'missing') return {};
    if (mode === 'stale') return { ...signSlackRequest(this.#secret, body, nowSeconds - 6 * 60) };
    const headers: Record<string, string> = { ...signSlackRequest(this.#secret, body, nowSeconds) };
    if (mode === 'bad') headers['x-slack-signature'] = `v0=${'0'.repeat(64)}`;
    return headers;
  }

  #interaction(payload: Obj, acceptsResponsePayload: boolean, options: SendOptions): Promise<SenderResult> {
    if (this.#transport === 'socket-mode') return this.#envelope('interactive', payload, acceptsResponsePayload, options);
    return this.#post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, options);
  }

  /** One envelope over Socket Mode, waiting (real time) for its first ack, whichever attempt it answers. */
  async #envelope(
    type: SocketEnvelopeType,
    payload: Obj,
    acceptsResponsePayload: boolean,
    options: SendOptions,
    retry: { retryAttempt: number; retryReason: string } = { retryAttempt: 0, retryReason: '' },
  ): Promise<SenderResult> {
    if ((options.signing ?? 'valid') !== 'valid' || options.timestampOffsetSeconds !== undefined || options.headers !== undefined) {
      throw new Error('SlackSender: signing, timestamps and headers are HTTP matters; Socket Mode envelopes carry none');
    }
    const started = performance.now();
    const sent = socketModeHub(this.#emulator.state).send({ type, payload, acceptsResponsePayload, ...retry });
    let timer: NodeJS.Timeout | undefined;
    const ack = await Promise.race([
      sent.acked,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), options.timeoutMs ?? this.#timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    const elapsedMs = performance.now() - started;
    if (ack === undefined) return { status: 0, body: undefined, headers: {}, timedOut: true, elapsedMs, envelopeId: sent.envelopeId };
    // A bare ack() arrives as `{}`; over HTTP it is an empty 200.
    const body = Object.keys(ack.payload).length === 0 ? '' : ack.payload;
    return { status: 200, body, headers: {}, timedOut: false, elapsedMs, envelopeId: sent.envelopeId };
  }

  async #post(body: string, contentType: string, options: SendOptions): Promise<SenderResult> {
    if (this.#appUrl === undefined) throw new Error('SlackSender: raw HTTP requests need appUrl; this sender speaks Socket Mode');
    const headers = {
      'Content-Type': contentType,
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...this.#signatureHeaders(body, options.signing ?? 'valid', options.timestampOffsetSeconds),
      ...options.headers,
    };
    return deliver(this.#appUrl, headers, body, options.timeoutMs ?? this.#timeoutMs);
  }
}

// What Slack's client does when a person acts on the sandbox page: it turns
// the act into the request Slack sends the app (signed, through SlackSender)
// and shows what Slack shows with the answer. Nothing here changes the bot's
// data; only the app, answering those requests, does.

import type { SlackEmulator } from '../emulator/emulator.ts';
import { hex } from '../emulator/ids.ts';
import { channelName, enterpriseFields, teamRef, userRef, who } from '../emulator/payloads.ts';
import { DEMO_VERIFICATION_TOKEN } from '../emulator/seed.ts';
import type { SenderResult, SlackSender } from '../emulator/sender.ts';
import type { ClientNotices } from './client-notices.ts';
import { appDmId } from './snapshot.ts';

type Obj = Record<string, unknown>;

/** What the page reports back: done, or what Slack's client would say went wrong. */
export type ClientResult = { ok: true; errors?: Record<string, string> } | { ok: false; error: string };

const FORM = 'application/x-www-form-urlencoded';

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A request nothing answered (the app is down): Slack's dispatch_failed, never a crash of the page. */
const reached = (request: Promise<SenderResult>): Promise<SenderResult> =>
  request.catch(() => ({ status: 0, body: undefined, headers: {}, timedOut: false, elapsedMs: 0 }));

/** Slack's words when an app does not answer a slash command properly. */
function failure(command: string, sent: SenderResult): string | undefined {
  if (sent.timedOut) return `${command} failed with the error "operation_timeout"`;
  if (sent.status !== 200) return `${command} failed with the error "dispatch_failed"`;
  return undefined;
}

export interface CommandInput { userId: string; channelId: string; threadTs?: string; line: string }

export interface ActionInput {
  userId: string;
  actionId: string;
  blockId?: string;
  /** The element's type: button, static_select, overflow, datepicker, users_select, … */
  type: string;
  value?: string;
  selectedOption?: Obj;
  selectedDate?: string;
  selectedUser?: string;
  /** A message (channel + ts), an ephemeral one, or a view. */
  channelId?: string;
  messageTs?: string;
  threadTs?: string;
  ephemeral?: boolean;
  viewId?: string;
  /** What the person has typed in the view's inputs so far. */
  values?: Obj;
}

export class SlackClient {
  readonly #emulator: SlackEmulator;
  readonly #sender: SlackSender;
  readonly #notices: ClientNotices;
  readonly #command: string;

  constructor(emulator: SlackEmulator, sender: SlackSender, notices: ClientNotices, command: string) {
    this.#emulator = emulator;
    this.#sender = sender;
    this.#notices = notices;
    this.#command = command;
  }

  #slackbotSays(userId: string, channelId: string, text: string, threadTs?: string): void {
    this.#notices.add({ channelId, userId, ts: this.#emulator.state.nextTs(), text, from: 'slackbot', ...(threadTs !== undefined ? { threadTs } : {}) });
  }

  /**
   * The text as Slack sends it: &, < and > escaped, and with should_escape
   * `@marc` and `#general` as `<@U…|marc>` and `<#C…|general>`.
   */
  #escape(typed: string): string {
    const { state } = this.#emulator;
    return typed
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/(^|\s)@([\p{L}\p{N}._-]+)/gu, (whole, space: string, name: string) => {
        const lower = name.toLowerCase();
        const user = [...state.users.values()].find((u) => !u.isBot && (u.name.toLowerCase() === lower || u.displayName.toLowerCase() === lower));
        return user === undefined ? whole : `${space}<@${user.id}|${user.name}>`;
      })
      .replace(/(^|\s)#([a-z0-9_-]+)/g, (whole, space: string, name: string) => {
        const channel = [...state.channels.values()].find((c) => !c.isIm && c.name === name);
        return channel === undefined ? whole : `${space}<#${channel.id}|${channel.name}>`;
      });
  }

  /** The message box: a slash command, or a plain message posted as the person. */
  async send(input: CommandInput): Promise<ClientResult> {
    const line = input.line.trim();
    if (line === '') return { ok: true };
    if (!line.startsWith('/')) {
      if (!this.#isMember(input.userId, input.channelId)) return { ok: false, error: this.#notMember(input.channelId) };
      // The app listens to no message events: the message only shows in the channel.
      this.#emulator.postAsUser(input.userId, input.channelId, line, input.threadTs !== undefined ? { threadTs: input.threadTs } : {});
      return { ok: true };
    }
    const command = line.split(/\s/, 1)[0] ?? '';
    if (command !== this.#command) {
      this.#slackbotSays(input.userId, input.channelId,
        `${command} is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.`, input.threadTs);
      return { ok: true };
    }
    if (input.threadTs !== undefined) {
      this.#slackbotSays(input.userId, input.channelId, `${command} is not supported in threads. Sorry!`, input.threadTs);
      return { ok: true };
    }
    const sent = await reached(this.#sender.slashCommand({ command, text: this.#escape(line.slice(command.length).trim()), userId: input.userId, channelId: input.channelId }));
    const failed = failure(command, sent);
    if (failed !== undefined) {
      this.#slackbotSays(input.userId, input.channelId, failed);
      return { ok: true };
    }
    // An ack that carried a message is shown by the sender itself (Emulator.ackedWith).
    return { ok: true };
  }

  async action(input: ActionInput): Promise<ClientResult> {
    const sent = await reached(input.type === 'button' || input.type === 'workflow_button'
      ? this.#sender.blockAction({
        userId: input.userId,
        actionId: input.actionId,
        ...(input.blockId !== undefined ? { blockId: input.blockId } : {}),
        ...(input.value !== undefined ? { value: input.value } : {}),
        ...(input.viewId !== undefined ? { viewId: input.viewId } : {}),
        ...(input.channelId !== undefined ? { channelId: input.channelId } : {}),
        ...(input.messageTs !== undefined ? { messageTs: input.messageTs } : {}),
        ...(input.threadTs !== undefined ? { threadTs: input.threadTs } : {}),
        ...(input.ephemeral ? { ephemeral: true } : {}),
      })
      : this.#choice(input));
    if (sent.timedOut || sent.status !== 200) return { ok: false, error: 'The app did not respond. Try again?' };
    return { ok: true };
  }

  /** A menu, date or person picked: SlackSender sends buttons only, so the payload is built here the same way. */
  async #choice(input: ActionInput): Promise<SenderResult> {
    const { state } = this.#emulator;
    const actor = who(state, input.userId);
    const action: Obj = { type: input.type, action_id: input.actionId, block_id: input.blockId ?? hex(3), action_ts: state.nextTs() };
    if (input.selectedOption !== undefined) action.selected_option = input.selectedOption;
    if (input.selectedDate !== undefined) action.selected_date = input.selectedDate;
    if (input.selectedUser !== undefined) action.selected_user = input.selectedUser;
    const base: Obj = {
      type: 'block_actions',
      user: userRef(actor),
      api_app_id: actor.workspace.appId,
      token: DEMO_VERIFICATION_TOKEN,
      trigger_id: this.#emulator.issueTrigger(input.userId, actor.workspace.id),
      team: teamRef(actor),
      ...enterpriseFields(actor),
      actions: [action],
    };
    let payload: Obj;
    if (input.viewId !== undefined) {
      const view = this.#emulator.view(input.viewId);
      payload = { ...base, container: { type: 'view', view_id: input.viewId }, view: { ...view, state: { values: input.values ?? {} } } };
    } else {
      const channelId = input.channelId ?? '';
      const messageTs = input.messageTs ?? '';
      const message = input.ephemeral ? undefined : this.#emulator.message(channelId, messageTs);
      const response = this.#emulator.newResponseUrl({
        teamId: actor.workspace.id, channelId, userId: input.userId, messageTs,
        ...(input.threadTs !== undefined ? { threadTs: input.threadTs } : {}),
        ...(input.ephemeral ? { isEphemeral: true } : {}),
      });
      payload = {
        ...base,
        container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: input.ephemeral ?? false },
        channel: { id: channelId, name: channelName(state, channelId) },
        ...(message !== undefined ? { message } : {}),
        state: { values: {} },
        response_url: response.url,
      };
    }
    return this.#sender.raw(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
  }

  /** Submit on a modal: Slack sends the inputs' state and applies the app's `response_action`. */
  async submit(userId: string, viewId: string, values: Obj): Promise<ClientResult> {
    const record = this.#emulator.state.views.get(viewId);
    if (record === undefined || !record.open || record.userId !== userId) return { ok: false, error: 'This view is no longer open.' };
    const sent = await reached(this.#sender.viewSubmission({ userId, viewId, view: { state: { values } } }));
    if (sent.timedOut || sent.status !== 200) return { ok: false, error: 'We had some trouble connecting. Try again?' };
    const body = isObj(sent.body) ? sent.body : {};
    if (body.response_action === 'errors' && isObj(body.errors)) {
      return { ok: true, errors: Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k, String(v)])) };
    }
    return { ok: true };
  }

  /**
   * Close (or ×) on the top modal: Slack's client closes it by itself, going back
   * to the view under it (all of them with clear_on_close), and tells the app
   * only when the view asked with notify_on_close.
   */
  async close(userId: string, viewId: string): Promise<ClientResult> {
    const { state } = this.#emulator;
    const record = state.views.get(viewId);
    if (record === undefined || !record.open || record.userId !== userId) return { ok: true };
    const clear = record.view.clear_on_close === true;
    const closing = clear
      ? [...state.views.values()].filter((r) => r.open && r.userId === userId && r.rootViewId === record.rootViewId && r.view.type === 'modal')
      : [record];
    for (const view of closing) view.open = false;
    state.notify();
    if (record.view.notify_on_close !== true) return { ok: true };
    const actor = who(state, userId);
    const payload = {
      type: 'view_closed',
      team: teamRef(actor),
      user: userRef(actor),
      api_app_id: actor.workspace.appId,
      token: DEMO_VERIFICATION_TOKEN,
      view: structuredClone(record.view),
      is_cleared: clear,
      ...enterpriseFields(actor),
    };
    // Slack tells the person nothing if the app misses it: the view is closed either way.
    await reached(this.#sender.raw(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM));
    return { ok: true };
  }

  /** A reaction added or removed: Slack records it, then sends the app the event. */
  async react(userId: string, channelId: string, ts: string, name: string, add: boolean): Promise<ClientResult> {
    if (!this.#isMember(userId, channelId)) return { ok: false, error: this.#notMember(channelId) };
    let event: Obj;
    try {
      event = add
        ? this.#emulator.addReaction(userId, channelId, ts, name)
        : this.#emulator.removeReaction(userId, channelId, ts, name);
    } catch (error) {
      return { ok: false, error: (error as Error).message.replace(/^emulator: /, '') };
    }
    await reached(this.#sender.event({ event }));
    return { ok: true };
  }

  /** The app's Home tab opened: Slack sends app_home_opened, the app publishes the view. */
  async openHome(userId: string): Promise<ClientResult> {
    const event = this.#emulator.appHomeOpened(userId);
    await reached(this.#sender.event({ event }));
    return { ok: true };
  }

  #isMember(userId: string, channelId: string): boolean {
    return this.#emulator.state.channels.get(channelId)?.members.has(userId) ?? false;
  }

  #notMember(channelId: string): string {
    const name = this.#emulator.state.channels.get(channelId)?.name;
    return `You are not a member of ${name ? `#${name}` : 'this conversation'}: only its members can post and react there.`;
  }

  appDm(userId: string): string | undefined {
    return appDmId(this.#emulator, userId);
  }
}

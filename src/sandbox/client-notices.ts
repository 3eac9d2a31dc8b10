// What Slack's client shows one person without it being a message anyone sent
// through the API: a slash command's immediate answer (the HTTP body of its
// ack), Slackbot's refusals ("… is not supported in threads. Sorry!") and the
// errors Slack shows when an app fails to answer. Kept by the page server, not
// in the emulator's state, because in Slack they live in that client too.

export interface ClientNotice {
  channelId: string;
  userId: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  /** `slackbot` for Slack's own words, `app` for the app's answer. */
  from: 'slackbot' | 'app';
}

/** A person sees at most this many; the oldest go first, as a client forgets on reload. */
const MAX_NOTICES = 200;

export class ClientNotices {
  readonly #notices: ClientNotice[] = [];
  readonly #changed: () => void;

  constructor(changed: () => void) {
    this.#changed = changed;
  }

  add(notice: ClientNotice): void {
    this.#notices.push(notice);
    if (this.#notices.length > MAX_NOTICES) this.#notices.splice(0, this.#notices.length - MAX_NOTICES);
    this.#changed();
  }

  list(): ClientNotice[] {
    return [...this.#notices];
  }
}

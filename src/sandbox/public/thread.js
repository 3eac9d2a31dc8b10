// The thread pane on the right: the parent, its replies (and the person's
// ephemeral replies), and a reply box where slash commands are refused.
import { h } from './dom.js';
import { composer } from './composer.js';
import { renderMessageList } from './messages.js';

export class ThreadPane {
  constructor(root, ui) {
    this.root = root;
    this.ui = ui;
    this.cache = new Map();
    this.key = null;
    this.list = null;
  }

  render(snapshot) {
    const thread = snapshot.thread;
    if (!thread) {
      this.root.hidden = true;
      this.root.replaceChildren();
      this.key = null;
      return;
    }
    const key = `${snapshot.me.key}:${snapshot.channel.id}:${thread.ts}`;
    if (this.key !== key) {
      this.key = key;
      this.list = h('div.thread-messages');
      this.root.replaceChildren(
        h('div.pane-head', {},
          h('div', {}, h('b', {}, 'Thread'), h('span.pane-sub', {}, ` ${snapshot.channel.kind === 'app' ? snapshot.channel.name : `#${snapshot.channel.name}`}`)),
          h('button.modal-x', { type: 'button', title: 'Close thread', onclick: () => this.ui.openThread(null), dataset: { thread: 'close' } }, '×')),
        this.list,
        composer({
          placeholder: 'Reply…',
          disabled: snapshot.channel.kind === 'app',
          onSend: (line) => this.ui.send(line, thread.ts),
        }));
      this.root.hidden = false;
    }
    const before = this.list.querySelectorAll('.message.ephemeral').length;
    const atBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40;
    renderMessageList(this.list, thread.messages, { ...this.ui.messageUi(snapshot), inThread: true }, this.cache);
    const parentCount = thread.messages.filter((m) => m.ts !== thread.ts && !m.ephemeral).length;
    this.list.children[0]?.after(h('div.thread-divider', {}, `${parentCount} ${parentCount === 1 ? 'reply' : 'replies'}`));
    // An answer only you see lands at the end: show it, as Slack does.
    if (atBottom || this.list.querySelectorAll('.message.ephemeral').length > before) this.list.scrollTop = this.list.scrollHeight;
  }
}

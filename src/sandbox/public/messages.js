// One message as Slack's client shows it: author, time, blocks (or mrkdwn text),
// files, reactions, the thread summary, and a hover bar to react or reply.
// Ephemeral messages say "Only visible to you".
import { avatar, h, timeOf } from './dom.js';
import { emojiChar, PICKER } from './emoji.js';
import { renderBlocks } from './blockkit.js';
import { mrkdwn } from './mrkdwn.js';

function fileCard(file) {
  const icon = file.mimetype === 'application/pdf' ? '📄' : file.mimetype.startsWith('image/') ? '🖼️' : '📎';
  return h('a.file-card', { href: file.url, target: '_blank', rel: 'noopener', dataset: { fileId: file.id } },
    h('span.file-icon', {}, icon),
    h('span.file-meta', {}, h('span.file-title', {}, file.title), h('span.file-size', {}, `${file.name} · ${Math.max(1, Math.round(file.size / 1024))} KB`)));
}

function reactionBar(message, ui) {
  if (!message.reactions.length) return null;
  return h('div.reactions', {}, message.reactions.map((r) => h(`button.reaction${r.mine ? '.mine' : ''}`, {
    type: 'button',
    title: `${r.users.map((u) => ui.snapshot.users[u]?.name ?? u).join(', ')} reacted with :${r.name}:`,
    dataset: { reaction: r.name },
    onclick: () => ui.react(message, r.name, !r.mine),
  }, h('span.emoji', {}, emojiChar(r.name)), ` ${r.count}`)));
}

function picker(message, ui, anchor) {
  const menu = h('div.emoji-picker', { role: 'menu' }, PICKER.map((name) => h('button.emoji-choice', {
    type: 'button', title: `:${name}:`, dataset: { emoji: name },
    onclick: () => {
      menu.remove();
      ui.react(message, name, true);
    },
  }, emojiChar(name))));
  anchor.after(menu);
}

function hoverBar(message, ui) {
  const bar = h('div.hover-bar');
  if (message.ephemeral || message.deleted) return bar;
  const add = h('button.hover-button', { type: 'button', title: 'Add reaction', dataset: { hover: 'react' } }, '☺+');
  add.addEventListener('click', (event) => {
    event.stopPropagation();
    const open = bar.parentElement?.querySelector('.emoji-picker');
    if (open) open.remove();
    else picker(message, ui, bar);
  });
  bar.append(add);
  if (!ui.inThread) bar.append(h('button.hover-button', { type: 'button', title: 'Reply in thread', dataset: { hover: 'reply' }, onclick: () => ui.openThread(message.ts) }, '💬'));
  return bar;
}

function threadSummary(message, ui) {
  if (ui.inThread || message.replyCount === 0) return null;
  const faces = message.replyUsers.slice(0, 3).map((id) => avatar(id, ui.snapshot.users[id]?.name ?? id, 20));
  return h('button.thread-summary', { type: 'button', onclick: () => ui.openThread(message.ts), dataset: { thread: message.ts } },
    faces, h('span.reply-count', {}, `${message.replyCount} ${message.replyCount === 1 ? 'reply' : 'replies'}`),
    message.latestReply ? h('span.last-reply', {}, `Last reply ${timeOf(message.latestReply)}`) : null);
}

/**
 * ui: { snapshot, inThread, act(payload, message), react(message, name, add), openThread(ts), dismiss(ts) }.
 */
export function renderMessage(message, ui) {
  const names = { users: ui.snapshot.users, channelNames: ui.snapshot.channelNames };
  const body = message.blocks.length
    ? renderBlocks(message.blocks, { names, act: (payload) => ui.act(payload, message) })
    : h('div.message-text', { html: mrkdwn(message.text, names) });
  const isSlackbot = message.author === 'slackbot';
  return h(`div.message${message.ephemeral ? '.ephemeral' : ''}${message.deleted ? '.deleted' : ''}`, {
    dataset: { ts: message.ts, author: message.author },
  },
  isSlackbot ? h('div.avatar.slackbot', { 'aria-hidden': 'true' }, '🤖') : avatar(message.author, message.authorName),
  h('div.message-main', {},
    h('div.message-head', {},
      h('span.author', {}, message.authorName),
      message.isApp ? h('span.app-badge', {}, 'APP') : null,
      h('span.time', { title: message.ts }, timeOf(message.ts)),
      message.edited ? h('span.edited', {}, '(edited)') : null),
    message.ephemeral ? h('div.only-you', {}, '👁 Only visible to you',
      h('button.dismiss', { type: 'button', onclick: () => ui.dismiss(message.ts) }, 'Dismiss')) : null,
    h('div.message-body', {}, body),
    message.files.length ? h('div.files', {}, message.files.map(fileCard)) : null,
    reactionBar(message, ui),
    threadSummary(message, ui)),
  hoverBar(message, ui));
}

/** Renders a list, reusing the elements of messages that did not change (menus and focus survive a refresh). */
export function renderMessageList(container, messages, ui, cache) {
  const seen = new Set();
  const elements = messages.filter((m) => !ui.dismissed.has(m.ts)).map((m) => {
    const key = `${ui.inThread ? 't' : 'c'}:${JSON.stringify(m)}`;
    seen.add(key);
    let el = cache.get(key);
    if (!el) {
      el = renderMessage(m, ui);
      cache.set(key, el);
    }
    return el;
  });
  for (const key of [...cache.keys()]) if (!seen.has(key)) cache.delete(key);
  container.replaceChildren(...elements);
}

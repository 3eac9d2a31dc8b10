/* global AbortController, URLSearchParams, document, fetch, history, location, setTimeout -- a browser module */
// The sandbox page: a Slack client for the local emulator. It long-polls the
// state one person sees (/api/state?since=version) and re-renders; every act
// is a POST the server turns into what Slack sends the bot.
import { h } from './dom.js';
import { renderBlocks } from './blockkit.js';
import { composer } from './composer.js';
import { renderMessageList } from './messages.js';
import { ModalView } from './modal.js';
import { renderOutbox } from './outbox.js';
import { ThreadPane } from './thread.js';

const params = new URLSearchParams(location.search);
const route = { as: params.get('as') ?? '', channel: params.get('channel') ?? '', thread: params.get('thread') ?? '', tab: params.get('tab') ?? 'home' };

const $ = (id) => document.getElementById(id);
let snapshot = null;
let version = 0;
let poll = null;
const dismissed = new Set();
const channelCache = new Map();
let mainKey = null;

function saveRoute() {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(route)) if (value) query.set(key, value);
  history.replaceState(null, '', `?${query}`);
}

function toast(message) {
  if (!message) return;
  const el = h('div.toast', { role: 'status' }, message);
  $('toasts').append(el);
  setTimeout(() => el.remove(), 6000);
}

async function post(path, body) {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ as: route.as, ...body }) });
    const result = await response.json();
    if (!result.ok && result.error) toast(result.error);
    return result;
  } catch (error) {
    toast(`The sandbox did not answer: ${error.message}`);
    return { ok: false };
  }
}

const ui = {
  post,
  toast,
  act: (payload) => post('/api/action', payload),
  send: (line, thread) => post('/api/send', { channel: route.channel, line, ...(thread ? { thread } : {}) }),
  openThread(ts) {
    route.thread = ts ?? '';
    navigate();
  },
  messageUi(snap) {
    return {
      snapshot: snap,
      inThread: false,
      dismissed,
      dismiss: (ts) => { dismissed.add(ts); render(); },
      act: (payload, message) => post('/api/action', {
        ...payload,
        channel: route.channel,
        messageTs: message.ts,
        ...(message.ephemeral ? { ephemeral: true } : {}),
        ...(message.threadTs && message.threadTs !== message.ts ? { thread: message.threadTs } : {}),
      }),
      react: (message, name, add) => post('/api/react', { channel: route.channel, ts: message.ts, name, add }),
      openThread: (ts) => ui.openThread(ts),
    };
  },
};

const modal = new ModalView($('modal'), ui);
const threadPane = new ThreadPane($('thread'), ui);

function navigate() {
  saveRoute();
  mainKey = null;
  version = 0;
  refresh();
}

function sidebar(snap) {
  const item = (id, label, extra = {}) => h(`button.side-item${route.channel === id ? '.active' : ''}`, {
    type: 'button',
    dataset: { channel: id },
    onclick: () => {
      route.channel = id;
      route.thread = '';
      navigate();
      // Slack sends app_home_opened each time the Home tab is opened.
      if (id === 'app' && route.tab === 'home') void post('/api/home', {});
    },
    ...extra,
  }, label);
  return [
    h('div.workspace-name', {}, 'Demo'),
    h('div.side-title', {}, 'Channels'),
    snap.channels.map((c) => item(c.id, `${c.kind === 'private' ? '🔒' : '#'} ${c.name}`)),
    h('div.side-title', {}, 'Apps'),
    item('app', `● ${snap.channel.kind === 'app' ? snap.channel.name : 'relance'}`),
    snap.hasOutbox ? [h('div.side-title', {}, 'Sandbox'), item('outbox', '✉ Outbox')] : null,
  ];
}

function switcher(snap) {
  const select = h('select#as', { 'aria-label': 'Act as', onchange: () => { route.as = select.value; route.thread = ''; dismissed.clear(); navigate(); } },
    snap.people.map((p) => h('option', { value: p.key, ...(p.key === snap.me.key ? { selected: true } : {}) }, `${p.name} — ${p.role}`)));
  select.value = snap.me.key;
  return h('label.switcher', {}, 'Acting as ', select);
}

function channelMain(snap) {
  const key = `c:${snap.me.key}:${snap.channel.id}`;
  if (mainKey !== key) {
    mainKey = key;
    channelCache.clear();
    const list = h('div.messages#messages');
    $('main').replaceChildren(
      h('div.channel-head', {}, h('b', {}, `${snap.channel.kind === 'private' ? '🔒' : '#'} ${snap.channel.name}`),
        snap.channel.purpose ? h('span.purpose', {}, snap.channel.purpose) : null,
        snap.channel.member ? null : h('span.purpose', {}, ' · you are not a member of this channel')),
      list,
      composer({
        placeholder: `Message #${snap.channel.name}`,
        onSend: (line) => ui.send(line),
        hint: `Type ${snap.command} help to see what the bot can do.`,
      }));
  }
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
  const before = list.querySelectorAll('.message.ephemeral').length;
  renderMessageList(list, snap.messages, ui.messageUi(snap), channelCache);
  if (!snap.messages.length) list.replaceChildren(h('div.empty', {}, `This is the very beginning of #${snap.channel.name}.`));
  if (atBottom || list.querySelectorAll('.message.ephemeral').length > before) list.scrollTop = list.scrollHeight;
}

function appMain(snap) {
  const key = `a:${snap.me.key}:${route.tab}`;
  const tabs = h('div.tabs', {}, ['home', 'messages'].map((tab) => h(`button.tab${route.tab === tab ? '.active' : ''}`, {
    type: 'button', dataset: { tab }, onclick: () => { route.tab = tab; route.thread = ''; navigate(); if (tab === 'home') post('/api/home', {}); },
  }, tab === 'home' ? 'Home' : 'Messages')));
  if (mainKey !== key) {
    mainKey = key;
    channelCache.clear();
    $('main').replaceChildren(...[h('div.channel-head', {}, h('b', {}, snap.channel.name), h('span.app-badge', {}, 'APP')), tabs,
      h('div.messages#messages'),
      route.tab === 'messages' ? composer({ placeholder: 'Sending messages to this app has been turned off.', disabled: true, onSend: () => {} }) : null].filter(Boolean));
  }
  const content = $('messages');
  if (route.tab === 'home') {
    const homeKey = JSON.stringify(snap.home);
    if (content.dataset.home === homeKey) return;
    content.dataset.home = homeKey;
    content.replaceChildren(snap.home
      ? h('div.home', { dataset: { viewId: snap.home.id } }, renderBlocks(snap.home.blocks, {
        names: { users: snap.users, channelNames: snap.channelNames },
        act: (payload) => post('/api/action', { ...payload, viewId: snap.home.id }),
      }))
      : h('div.loading', {}, 'Opening Home…'));
    return;
  }
  renderMessageList(content, snap.messages, ui.messageUi(snap), channelCache);
  if (!snap.messages.length) content.replaceChildren(h('div.empty', {}, 'No messages from the app yet.'));
  content.scrollTop = content.scrollHeight;
}

function render() {
  const snap = snapshot;
  if (!snap) return;
  route.as = snap.me.key;
  document.title = `relance sandbox — ${snap.me.name}`;
  if ($('switcher').dataset.me !== snap.me.key) {
    $('switcher').dataset.me = snap.me.key;
    $('switcher').replaceChildren(switcher(snap));
  }
  $('sidebar').replaceChildren(...sidebar(snap).flat(2).filter(Boolean));
  if (route.channel === 'outbox') {
    if (mainKey !== 'outbox') {
      mainKey = 'outbox';
      const box = h('div.messages');
      $('main').replaceChildren(h('div.channel-head', {}, h('b', {}, '✉ Outbox')), box);
      void renderOutbox(box);
    }
  } else if (snap.channel.kind === 'app') appMain(snap);
  else channelMain(snap);
  threadPane.render(route.channel === 'outbox' ? { ...snap, thread: null } : snap);
  modal.render(snap);
  document.body.dataset.version = String(snap.version);
}

async function refresh() {
  poll?.abort();
  const controller = new AbortController();
  poll = controller;
  while (poll === controller) {
    const query = new URLSearchParams({ since: String(version) });
    if (route.as) query.set('as', route.as);
    if (route.channel && route.channel !== 'outbox') query.set('channel', route.channel);
    if (route.thread) query.set('thread', route.thread);
    try {
      const response = await fetch(`/api/state?${query}`, { signal: controller.signal, cache: 'no-store' });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        toast(body.error ?? `The sandbox answered ${response.status}`);
        if (response.status === 400 && route.as) { route.as = ''; saveRoute(); }
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      const next = await response.json();
      if (poll !== controller) return;
      snapshot = next;
      version = next.version;
      if (!route.channel) route.channel = next.channel.id;
      if (route.thread && !next.thread) route.thread = '';
      saveRoute();
      render();
    } catch (error) {
      if (error.name === 'AbortError') return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

document.addEventListener('click', (event) => {
  if (!event.target.closest('.bk-overflow-wrap')) for (const menu of document.querySelectorAll('.bk-overflow-menu')) menu.hidden = true;
  if (!event.target.closest('.emoji-picker, [data-hover="react"]')) for (const menu of document.querySelectorAll('.emoji-picker')) menu.remove();
});

if (route.channel === 'app' && route.tab === 'home') void post('/api/home', {});
refresh();

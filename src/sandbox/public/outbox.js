/* global fetch -- a browser module */
// The outbox: reminder e-mails the sandbox wrote instead of sending them.
import { h } from './dom.js';

export async function renderOutbox(container) {
  container.replaceChildren(h('div.loading', {}, 'Loading the outbox…'));
  const response = await fetch('/api/outbox', { cache: 'no-store' });
  const { mails = [] } = response.ok ? await response.json() : {};
  container.replaceChildren(
    h('div.outbox-intro', {}, 'E-mails the bot would have sent. In the sandbox they stay here, as .eml files; nothing leaves this machine.'),
    mails.length === 0
      ? h('div.empty', {}, 'No e-mail yet.')
      : h('ul.outbox-list', {}, mails.map((m) => h('li.outbox-item', {},
        h('a', { href: `/outbox/${encodeURIComponent(m.id)}`, target: '_blank', rel: 'noopener' }, m.subject || '(no subject)'),
        h('span.outbox-meta', {}, ` to ${m.to} · ${new Date(m.date).toLocaleString()}`)))));
}

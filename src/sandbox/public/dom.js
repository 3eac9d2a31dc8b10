/* global Node, document -- a browser module */
// A tiny DOM builder: h('div.cls', {attrs}, children…). Text is always set as
// text, never parsed as HTML; only mrkdwn.js produces markup, from escaped text.

export function h(tag, attrs = {}, ...children) {
  const [head, id] = tag.split('#');
  const [name, ...classes] = head.split('.');
  const el = document.createElement(name || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (id) el.id = id;
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'html') el.innerHTML = value;
    else if (key === 'value' && 'value' in el) el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Slack's ts → "14:05" in the viewer's time. */
export function timeOf(ts) {
  const date = new Date(Number(String(ts).split('.')[0]) * 1000);
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

const COLORS = ['#e8912d', '#2bac76', '#1d9bd1', '#e01e5a', '#4a154b', '#36c5f0', '#ecb22e', '#7c3085'];

/** A coloured square with the initial, like Slack's default avatars. */
export function avatar(id, name, size = 36) {
  let hash = 0;
  for (const c of String(id)) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return h('div.avatar', { style: `background:${COLORS[hash % COLORS.length]};width:${size}px;height:${size}px`, 'aria-hidden': 'true' },
    (String(name || '?').trim()[0] || '?').toUpperCase());
}

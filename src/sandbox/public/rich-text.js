/* global document -- a browser module */
// rich_text blocks: sections, lists, quotes and preformatted text, with styled
// runs, links, mentions and emoji.
import { h } from './dom.js';
import { emojiChar } from './emoji.js';

const SAFE_URL = /^(https?:|mailto:|tel:)/i;

function run(el, names) {
  let node;
  switch (el.type) {
    case 'text': node = document.createTextNode(el.text ?? ''); break;
    case 'link': node = SAFE_URL.test(el.url ?? '') ? h('a', { href: el.url, target: '_blank', rel: 'noopener noreferrer' }, el.text || el.url) : document.createTextNode(el.text || el.url || ''); break;
    case 'user': node = h('span.mention', {}, `@${names.users?.[el.user_id]?.name ?? el.user_id}`); break;
    case 'channel': node = h('span.mention.channel', {}, `#${names.channelNames?.[el.channel_id] ?? el.channel_id}`); break;
    case 'usergroup': node = h('span.mention', {}, `@${el.usergroup_id}`); break;
    case 'broadcast': node = h('span.mention', {}, `@${el.range}`); break;
    case 'emoji': node = h('span.emoji', { title: `:${el.name}:` }, el.unicode ? String.fromCodePoint(...el.unicode.split('-').map((c) => parseInt(c, 16))) : emojiChar(el.name)); break;
    case 'date': node = document.createTextNode(el.fallback ?? new Date(el.timestamp * 1000).toLocaleString()); break;
    default: node = document.createTextNode('');
  }
  const style = el.style ?? {};
  if (style.code) node = h('code', {}, node);
  if (style.bold) node = h('b', {}, node);
  if (style.italic) node = h('i', {}, node);
  if (style.strike) node = h('s', {}, node);
  return node;
}

function part(el, names) {
  const runs = (el.elements ?? []).map((e) => (e.type?.startsWith('rich_text_') ? part(e, names) : run(e, names)));
  switch (el.type) {
    case 'rich_text_section': return h('div.rt-section', {}, runs);
    case 'rich_text_quote': return h('blockquote.rt-quote', {}, runs);
    case 'rich_text_preformatted': return h('pre.code-block', {}, runs);
    case 'rich_text_list': return h(el.style === 'ordered' ? 'ol.rt-list' : 'ul.rt-list', { style: `margin-left:${(el.indent ?? 0) * 16}px` }, runs.map((r) => h('li', {}, r)));
    default: return h('span', {}, runs);
  }
}

export function richText(block, names) {
  return (block.elements ?? []).map((e) => part(e, names));
}

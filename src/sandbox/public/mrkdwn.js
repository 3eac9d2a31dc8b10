// Slack's mrkdwn as HTML: *bold*, _italic_, ~strike~, `code`, ```blocks```,
// > quotes, <url|links>, <@U…> and <#C…> mentions shown by name, :emoji:.
// Slack text arrives with &, < and > escaped; everything is decoded, then
// escaped again here, so what the bot sends can never become markup.
import { emojiChar } from './emoji.js';

const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
export const escapeHtml = (s) => String(s)
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const SAFE_URL = /^(https?:|mailto:|tel:|\/)/i;

/** One <…> token: a link, a mention or a special. */
function token(inner, names) {
  const [target, label] = [inner.split('|')[0], inner.split('|').slice(1).join('|')];
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = names.users?.[id]?.name ?? (label || id);
    return `<span class="mention" data-user="${escapeHtml(id)}">@${escapeHtml(decode(name))}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    const name = names.channelNames?.[id] ?? (label || id);
    return `<span class="mention channel">#${escapeHtml(decode(name))}</span>`;
  }
  if (target.startsWith('!')) {
    const special = target.slice(1).split('^')[0];
    if (['here', 'channel', 'everyone'].includes(special)) return `<span class="mention">@${special}</span>`;
    if (special.startsWith('date')) return escapeHtml(decode(label || special));
    return escapeHtml(decode(label || special));
  }
  const url = decode(target);
  if (!SAFE_URL.test(url)) return escapeHtml(decode(label || target));
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(decode(label || target))}</a>`;
}

function emoji(html) {
  return html.replace(/:([a-z0-9_+-]+):/g, (whole, name) => {
    const char = emojiChar(name);
    return char.startsWith(':') ? whole : `<span class="emoji" title=":${name}:">${char}</span>`;
  });
}

const EDGE_BEFORE = '(^|[\\s(\\[{"\'>/,.;:!?-])';
const EDGE_AFTER = '(?=$|[\\s)\\]}"\'<,.;:!?/-])';
const STYLES = [
  [new RegExp(`${EDGE_BEFORE}\\*(?!\\s)([^*\\n]+?)\\*${EDGE_AFTER}`, 'g'), 'b'],
  [new RegExp(`${EDGE_BEFORE}_(?!\\s)([^_\\n]+?)_${EDGE_AFTER}`, 'g'), 'i'],
  [new RegExp(`${EDGE_BEFORE}~(?!\\s)([^~\\n]+?)~${EDGE_AFTER}`, 'g'), 's'],
];

function styled(html) {
  let out = html;
  // Twice, so *_both_* works either way round.
  for (let pass = 0; pass < 2; pass += 1) {
    for (const [pattern, tag] of STYLES) out = out.replace(pattern, (_, before, inner) => `${before}<${tag}>${inner}</${tag}>`);
  }
  return out;
}

/** A stretch of text with no code in it. */
function inline(text, names) {
  const held = [];
  const hold = (html) => `\uE000${held.push(html) - 1}\uE000`;
  let html = text.replace(/<([^<>\n]+)>/g, (_, inner) => hold(token(inner, names)));
  html = escapeHtml(decode(html));
  html = emoji(styled(html));
  // Quotes: lines starting with "> " (escaped by now).
  html = html.split('\n').map((line) => (line.startsWith('&gt; ') || line === '&gt;' ? `<span class="quote">${line.replace(/^&gt; ?/, '')}</span>` : line)).join('\n');
  html = html.replace(/\n/g, '<br>');
  return html.replace(/\uE000(\d+)\uE000/g, (_, i) => held[Number(i)]);
}

/** mrkdwn → HTML. `names` maps user and channel ids to names. */
export function mrkdwn(text, names = {}) {
  const parts = String(text ?? '').split(/(```[\s\S]*?```)/);
  return parts.map((part) => {
    if (part.startsWith('```') && part.endsWith('```') && part.length >= 6) {
      return `<pre class="code-block">${escapeHtml(decode(part.slice(3, -3).replace(/^\n/, '')))}</pre>`;
    }
    return part.split(/(`[^`\n]+`)/).map((piece) => (piece.length > 2 && piece.startsWith('`') && piece.endsWith('`')
      ? `<code>${escapeHtml(decode(piece.slice(1, -1)))}</code>`
      : inline(piece, names))).join('');
  }).join('');
}

/** A plain_text object: shown as is, with :emoji: when `emoji` is not false. */
export function plain(object) {
  const text = escapeHtml(object?.text ?? '');
  return object?.emoji === false ? text : emoji(text);
}

/** A text object of either kind. */
export function textHtml(object, names) {
  if (!object) return '';
  return object.type === 'mrkdwn' ? mrkdwn(object.text, names) : plain(object).replace(/\n/g, '<br>');
}

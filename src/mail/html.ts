// The HTML part of a reminder, made from the approved plain text and nothing
// else: an edit in Slack shows in both parts, and the HTML can never say more
// than the text a person approved. Everything is escaped; only the layout is
// added (paragraphs, the invoice list, links), with inline styles because mail
// clients drop style sheets.
import type { Locale } from '../i18n/messages.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// A URL ends before whitespace or a bracket; the punctuation of the sentence it closes is not part of it.
const LINK = /https?:\/\/[^\s<>"]+/g;
const TRAILING = /[.,;:!?)\]'}»]+$/;

/** A line of text, escaped, with its http(s) URLs as links. */
function inline(line: string): string {
  let out = '';
  let at = 0;
  for (const match of line.matchAll(LINK)) {
    const url = match[0].replace(TRAILING, '');
    const start = match.index;
    out += escape(line.slice(at, start));
    out += `<a href="${escape(url)}" style="${STYLE.link}">${escape(url)}</a>`;
    at = start + url.length;
  }
  return out + escape(line.slice(at));
}

const STYLE = {
  body: 'margin:0;padding:0;background-color:#ffffff;',
  article: 'max-width:640px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;',
  p: 'margin:0 0 16px 0;',
  ul: 'margin:0 0 16px 0;padding:0 0 0 20px;',
  li: 'margin:0 0 6px 0;',
  link: 'color:#0b57d0;text-decoration:underline;',
} as const;

type Block = { kind: 'text'; lines: string[] } | { kind: 'list'; items: string[] };

/** A paragraph's lines, consecutive `- ` lines grouped as a list. */
function blocks(paragraph: string): Block[] {
  const out: Block[] = [];
  for (const line of paragraph.split('\n')) {
    const item = /^- (.*)$/.exec(line);
    const last = out.at(-1);
    if (item) {
      if (last?.kind === 'list') last.items.push(item[1]!);
      else out.push({ kind: 'list', items: [item[1]!] });
    } else if (last?.kind === 'text') {
      last.lines.push(line);
    } else {
      out.push({ kind: 'text', lines: [line] });
    }
  }
  return out;
}

function renderBlock(block: Block): string {
  if (block.kind === 'list') return `<ul style="${STYLE.ul}">\n${block.items.map((i) => `<li style="${STYLE.li}">${inline(i)}</li>`).join('\n')}\n</ul>`;
  return `<p style="${STYLE.p}">${block.lines.map(inline).join('<br>\n')}</p>`;
}

/** The HTML part of a reminder: the approved plain text, escaped, its paragraphs, invoice lines and links laid out. */
export function reminderHtml(input: { subject: string; text: string; locale: Locale }): string {
  const text = input.text.replace(/\r\n?/g, '\n').trim();
  const paragraphs = text === '' ? [] : text.split(/\n[ \t]*\n+/).map((p) => p.replace(/^\n+|\n+$/g, ''));
  const content = paragraphs.flatMap(blocks).map(renderBlock).join('\n');
  const lang = escape(input.locale);
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(input.subject)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div role="article" aria-label="${escape(input.subject)}" lang="${lang}" style="${STYLE.article}">`,
    content,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

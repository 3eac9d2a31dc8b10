// Reading back the PDFs relance writes. `pdfText` is what a reader copies out
// of the page (unpdf, i.e. pdf.js): it folds every kind of space into a plain
// one, as pdf.js does. `drawnText` decodes the glyphs drawn through each
// font's ToUnicode map, so a test can see exactly which characters the page
// carries — a narrow no-break space (U+202F) included.
import { inflateSync } from 'node:zlib';
import { extractText, getDocumentProxy } from 'unpdf';

/** The text of every page, runs of whitespace as one space. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

export async function pageCount(pdf: Buffer): Promise<number> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  return doc.numPages;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      found.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const start = at + 'stream'.length + (body[at + 6] === '\r' ? 2 : 1);
    const data = Buffer.from(body.slice(start, body.lastIndexOf('endstream')).replace(/\r?\n$/, ''), 'latin1');
    found.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(data) : data });
  }
  return found;
}

/** glyph id (hex) → text, from a ToUnicode CMap. */
function cmap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  // A ligature maps to several characters: <0066 0069> is "fi".
  const utf16 = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      const first = parseInt(line[1]!, 16);
      [...line[3]!.matchAll(/<([0-9a-f\s]+)>/gi)].forEach((u, i) => map.set((first + i).toString(16).padStart(4, '0'), utf16(u[1]!)));
    }
  }
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const line of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(line[1]!.toLowerCase().padStart(4, '0'), utf16(line[2]!));
  }
  return map;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1] ?? NaN);

/** Every page's drawn characters, exactly, in drawing order; a new line at each text position. */
export function drawnText(pdf: Buffer): string {
  const all = objects(pdf);
  const fontMaps = new Map<number, Map<string, string>>();
  for (const [id, o] of all) {
    const unicode = ref(o.dict, 'ToUnicode');
    if (/\/Type \/Font/.test(o.dict) && Number.isFinite(unicode)) fontMaps.set(id, cmap(all.get(unicode)?.stream?.toString('latin1') ?? ''));
  }
  let out = '';
  for (const [, page] of [...all].filter(([, o]) => /\/Type \/Page\b(?!s)/.test(o.dict)).sort(([a], [b]) => a - b)) {
    const resourcesId = ref(page.dict, 'Resources');
    const resources = Number.isFinite(resourcesId) ? all.get(resourcesId)?.dict ?? '' : page.dict;
    const fonts = new Map([...(/\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
    const content = all.get(ref(page.dict, 'Contents'))?.stream?.toString('latin1') ?? '';
    let map = new Map<string, string>();
    for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[^\]])*)\] TJ|<([0-9a-f]*)> Tj|\bTm\b|\bTd\b|\bT\*/gi)) {
      if (op[1]) map = fontMaps.get(fonts.get(op[1]) ?? -1) ?? new Map();
      else if (op[2] !== undefined || op[3] !== undefined) {
        const hex = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]).join('') : op[3]!;
        for (const gid of hex.match(/.{4}/g) ?? []) out += map.get(gid.toLowerCase()) ?? '\ufffd';
      } else out += '\n';
    }
  }
  return out;
}

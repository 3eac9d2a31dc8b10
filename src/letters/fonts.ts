// The fonts letters are set in, embedded in every PDF. PDFKit's built-in fonts
// (Helvetica…) cannot draw U+202F, the narrow no-break space French amounts
// group thousands with (FACTS-fr "Formatting"), nor œ or €, so letters embed
// DejaVu Sans from the `dejavu-fonts-ttf` package: it has every glyph French
// formatting produces, and a fresh machine gets it with `npm ci`, no system font.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

const loaded = new Map<FontWeight, Buffer>();

/** The TrueType bytes of a weight, read once per process. */
export function fontBytes(weight: FontWeight): Buffer {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = readFileSync(require.resolve(FILES[weight]));
    loaded.set(weight, bytes);
  }
  return bytes;
}

/** The characters of `text` the font has no glyph for (each once, in order): a letter would show them as boxes. */
export function missingGlyphs(text: string, weight: FontWeight = 'regular'): string[] {
  const font = fontkit.create(fontBytes(weight));
  if (!('hasGlyphForCodePoint' in font)) throw new Error('the letter font is a collection, not a single font');
  const missing = new Set<string>();
  for (const ch of text) {
    if (/\s/u.test(ch) && ch !== '\u00a0' && ch !== '\u202f') continue;
    if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
  }
  return [...missing];
}

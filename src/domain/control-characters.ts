// Characters that act rather than show: the one table relance checks text
// against, wherever it enters (the import refuses them in stored values, Slack
// input loses them) or leaves (names and labels shown in Slack lose them).
//
// C0 and C1 controls (NUL, BEL, ESC, tab, line breaks…), DEL, the line and
// paragraph separators, and the bidirectional embeddings, overrides and
// isolates that can make text read backwards. Left-to-right and right-to-left
// marks (U+200E, U+200F) are not in it: real names in Arabic or Hebrew use them.
//
// Which of them a text may keep depends on the text, not on the table:
// - a stored identifier or name (import): none, not even a tab or a line break;
// - text people type (a command, a call note): line breaks and tabs, which a
//   note may really hold; every other one goes;
// - a value shown within a line (a name in a sentence, a header, a button):
//   none; a line break or a tab becomes a space, so words stay apart.

/** The table, as the inside of a regular expression's character class. */
export const CONTROL_CLASS = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';

const CONTROL = new RegExp(`[${CONTROL_CLASS}]`);
const CONTROLS = new RegExp(`[${CONTROL_CLASS}]`, 'g');

/** The line breaks of every system and of Unicode, which typed text keeps as "\n". */
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;
/** Controls that separate words: a line broken, a tab, a page or line feed of any kind. */
const SEPARATORS = new Set(['\t', '\n', '\u000b', '\u000c', '\r', '\u0085', '\u2028', '\u2029']);

/** The first character of the table in `text`, if any. */
export const firstControl = (text: string): string | undefined => CONTROL.exec(text)?.[0];

/** `text` with each character of the table replaced by what `replace` gives for it. */
export const replaceControls = (text: string, replace: (ch: string) => string): string => text.replace(CONTROLS, replace);

/** Text typed or pasted into Slack: line breaks (as "\n") and tabs kept, every other control removed. */
export const stripControlsKeepingLines = (text: string): string =>
  replaceControls(text.replace(LINE_BREAK, '\n'), (ch) => (ch === '\n' || ch === '\t' ? ch : ''));

/** A value shown within one line: every control removed, those that separate words replaced by a space. */
export const stripControlsToOneLine = (text: string): string =>
  replaceControls(text.replace(/\r\n/g, '\n'), (ch) => (SEPARATORS.has(ch) ? ' ' : ''));

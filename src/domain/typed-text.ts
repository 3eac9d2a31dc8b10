// Text people type or paste into Slack, before it is read or stored.

// Characters nobody means to type: C0 and C1 controls but tab and line breaks
// (NUL also makes PostgreSQL refuse the whole text), DEL, and the bidirectional
// overrides and isolates that make text display in another order than stored.
// eslint-disable-next-line no-control-regex
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export const stripControls = (text: string): string => text.replace(INVISIBLE_CONTROLS, '');

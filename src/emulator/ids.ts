import { randomBytes } from 'node:crypto';

// Slack ids are upper-case base-36-ish strings behind a one-letter kind prefix.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function slackId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

export function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Trigger ids look like `398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c`. */
export function triggerId(): string {
  const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
  return `${digits(12)}.${digits(11)}.${hex(16)}`;
}

/**
 * Message timestamps: strictly increasing strings `seconds.micros` like Slack's,
 * even when the clock stands still or two messages land in the same microsecond.
 */
export class TsGenerator {
  #lastMicros = 0;

  next(nowMs: number): string {
    const micros = Math.max(Math.floor(nowMs) * 1000, this.#lastMicros + 1);
    this.#lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    const fraction = String(micros % 1_000_000).padStart(6, '0');
    return `${seconds}.${fraction}`;
  }
}

export function compareTs(a: string, b: string): number {
  const [as = '0', af = '0'] = a.split('.');
  const [bs = '0', bf = '0'] = b.split('.');
  const bySeconds = Number(as) - Number(bs);
  return bySeconds !== 0 ? bySeconds : Number(af.padEnd(6, '0')) - Number(bf.padEnd(6, '0'));
}

// Structured logs. Debtor contact details and notes are personal data and must
// never reach a log line, whatever a caller passes in.
import { pino, type Logger } from 'pino';

export const redactedPaths = [
  'email', 'phone', 'note', 'notes', 'text',
  '*.email', '*.phone', '*.note', '*.notes', '*.text',
  'customer.email', 'customer.phone', 'body', 'req.body',
];

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { app: 'relance' },
    redact: { paths: redactedPaths, censor: '[redacted]' },
  });
}

export type { Logger };

// Structured logs. Debtor contact details and notes are personal data and must
// never reach a log line, whatever a caller passes in.
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { safeForLog } from './log-redaction.ts';

export const redactedPaths = [
  'email', 'phone', 'note', 'notes', 'text',
  '*.email', '*.phone', '*.note', '*.notes', '*.text',
  'customer.email', 'customer.phone', 'body', 'req.body',
];

/** `destination`: where the lines go (stdout unless told otherwise). */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { app: 'relance' },
    redact: { paths: redactedPaths, censor: '[redacted]' },
    // The hook below has already made errors safe; pino's own error serializer
    // would fold causes' messages back into one string.
    serializers: { err: (value: unknown) => safeForLog(value) },
    hooks: {
      // Every argument of every call, on this logger and its children: errors (a
      // failed query's parameters) are made safe before pino serializes them.
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        if (first instanceof Error) {
          const err = safeForLog(first) as { message: string };
          return method.apply(this, [{ err }, ...(rest.length > 0 ? rest.map((a) => safeForLog(a)) : [err.message])] as Parameters<typeof method>);
        }
        return method.apply(this, args.map((a) => safeForLog(a)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };

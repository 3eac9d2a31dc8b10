import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../log.ts';

/**
 * At debug level Bolt logs whole request bodies (a view submission holds the call
 * note) and its Web API client logs request and response bodies; from the first
 * JSON brace on, a Bolt line is cut. Interpolated errors (`Error details: ${error}`)
 * go too: the error itself reaches our logger, made safe, through app.error.
 */
export function withoutBodies(text: string): string {
  return text
    .replace(/(Error details: |error: )[\s\S]*$/, '$1[redacted]')
    .replace(/[{[][\s\S]*$/, '[body redacted]');
}

/** Bolt logs through our pino logger, so its lines are structured and redacted too. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  const write = (method: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    // Bolt logs a few debug lines per request: below the level, none is built.
    if (!child.isLevelEnabled(method)) return;
    const err = args.find((a) => a instanceof Error);
    const text = args
      .filter((a) => !(a instanceof Error))
      .map((a) => withoutBodies(typeof a === 'string' ? a : JSON.stringify(a) ?? String(a)))
      .join(' ');
    if (err === undefined) child[method](text);
    else if (text === '') child[method]({ err });
    else child[method]({ err }, text);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (l) => { level = l; },
    getLevel: () => level,
    setName: () => {},
  };
}

// The last-resort handler `relance start` installs: an error nothing else caught
// is logged and the process keeps serving. A real child process, since an uncaught
// exception is a process-level event.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const startModule = new URL('../../src/cli/start.ts', import.meta.url).pathname;
const logModule = new URL('../../src/log.ts', import.meta.url).pathname;

const script = `
const { keepServingOnUncaughtErrors } = await import(${JSON.stringify(startModule)});
const { createLogger } = await import(${JSON.stringify(logModule)});
keepServingOnUncaughtErrors(createLogger('info'));
setTimeout(() => { throw new Error('a bug nobody caught'); }, 10);
setTimeout(() => { void Promise.reject(new Error('a promise nobody awaited')); }, 20);
setTimeout(() => { console.log('STILL SERVING'); }, 200);
`;

describe('relance start, last resort', () => {
  it('logs an uncaught exception and an unhandled rejection, and stays up', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('STILL SERVING');
    const lines = child.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; err?: { message: string } });
    expect(lines.map((l) => l.err?.message)).toEqual(['a bug nobody caught', 'a promise nobody awaited']);
    expect(lines.every((l) => l.msg.includes('relance keeps running'))).toBe(true);
  });
});

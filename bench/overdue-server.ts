// Child process of bench/overdue.ts: boots relance (BENCH_MODE=relance) or the
// bare Bolt baseline (BENCH_MODE=bare) and talks to the bench over the IPC
// channel: 'ready' with the port, then answers 'reset' / 'stats' / 'stop'.
// Not meant to be run by hand.
import { bootBare, bootRelance, cpuProfiler, processMeter, type BootedApp } from './overdue-apps.ts';

type Message = { type: 'reset' } | { type: 'stats' } | { type: 'stop' } | { type: 'profile-start' } | { type: 'profile-stop' } | { type: 'heap' };

const need = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`bench/overdue-server: ${name} is not set`);
  return value;
};

async function main(): Promise<void> {
  if (!process.send) throw new Error('bench/overdue-server.ts runs as a child of bench/overdue.ts (IPC channel missing)');
  const send = (msg: unknown) => process.send?.(msg);
  const mode = need('BENCH_MODE');
  const meter = processMeter();
  let profiler: ReturnType<typeof cpuProfiler> | undefined;
  const getProfiler = () => (profiler ??= cpuProfiler());
  let app: BootedApp;
  if (mode === 'relance') {
    app = await bootRelance({
      databaseUrl: need('BENCH_DATABASE_URL'),
      slackApiUrl: need('BENCH_SLACK_API_URL'),
      token: need('BENCH_BOT_TOKEN'),
      now: need('BENCH_NOW'),
      logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
    });
  } else if (mode === 'bare') {
    const reply = process.env.BENCH_REPLY ? (JSON.parse(process.env.BENCH_REPLY) as Record<string, unknown>) : undefined;
    const replyVia = process.env.BENCH_REPLY_VIA === 'ack' ? 'ack' : 'respond';
    app = await bootBare({ slackApiUrl: need('BENCH_SLACK_API_URL'), token: need('BENCH_BOT_TOKEN'), reply, replyVia });
  } else {
    throw new Error(`bench/overdue-server: unknown BENCH_MODE ${mode}`);
  }
  process.on('message', (msg: Message) => {
    if (msg.type === 'reset') {
      meter.reset();
      send({ type: 'reset' });
    } else if (msg.type === 'stats') {
      send({ type: 'stats', stats: meter.read() });
    } else if (msg.type === 'heap') {
      // Started with --expose-gc: the live heap after a full collection.
      (globalThis as { gc?: () => void }).gc?.();
      send({ type: 'heap', mb: process.memoryUsage().heapUsed / 2 ** 20 });
    } else if (msg.type === 'profile-start') {
      void getProfiler().then((p) => p.start()).then(() => send({ type: 'profile-started' }));
    } else if (msg.type === 'profile-stop') {
      void getProfiler().then((p) => p.stop()).then((profile) => send({ type: 'profile', profile }));
    } else if (msg.type === 'stop') {
      void app.stop().finally(() => process.exit(0));
    }
  });
  // The bench going away (crash, Ctrl-C) must not leave this process behind.
  process.on('disconnect', () => {
    void app.stop().finally(() => process.exit(0));
  });
  send({ type: 'ready', port: app.port, pid: process.pid });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

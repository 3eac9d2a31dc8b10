// The two apps bench/overdue drives: relance itself (the real Bolt app of
// src/slack/app.ts against the bench database) and a bare Bolt app that only
// acks, the baseline for the ack path. Booted in a child process by
// bench/overdue-server.ts, or in the bench's own process with --app=inprocess.
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { pino, type Logger } from 'pino';
import { loadEnv } from '../src/config/env.ts';
import { openDatabase } from '../src/db/client.ts';
import { createLogger, redactedPaths } from '../src/log.ts';
import { createSlackApp } from '../src/slack/app.ts';
import type { AppDeps } from '../src/slack/deps.ts';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789';

export interface BootOptions {
  databaseUrl: string;
  slackApiUrl: string;
  token: string;
  /** Fixed app clock (ISO instant): the day the ledger was built for. */
  now: string;
  logLevel: string;
  /** Where pino writes; default stdout (as `relance start` does). */
  logFile?: string;
}

export interface BootedApp {
  port: number;
  stop(): Promise<void>;
}

/** relance as `relance start` builds it, except for the fixed clock and no Redis (not on the request path). */
export async function bootRelance(opts: BootOptions): Promise<BootedApp> {
  const env = loadEnv({
    SLACK_BOT_TOKEN: opts.token,
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: opts.slackApiUrl,
    DATABASE_URL: opts.databaseUrl,
    RELANCE_TZ: 'Europe/Paris',
    RELANCE_LOCALE: 'en',
    LOG_LEVEL: opts.logLevel,
    PORT: '0',
  });
  // Same pool size as production (openDatabase's default).
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL });
  const logger: Logger = opts.logFile
    ? pino({ level: env.LOG_LEVEL, base: { app: 'relance' }, redact: { paths: redactedPaths, censor: '[redacted]' } },
      pino.destination({ dest: opts.logFile, sync: false }))
    : createLogger(env.LOG_LEVEL);
  const now = new Date(opts.now);
  const deps: AppDeps = {
    database,
    env,
    clock: () => now,
    logger,
    readiness: async () => ({ ok: true, checks: { database: { ok: true } } }),
    // Redis-backed queues serve /collect digest only, never overdue or help.
    digestQueue: null,
  };
  const running = await createSlackApp(deps, { token: opts.token, signingSecret: BENCH_SIGNING_SECRET }).start(0);
  return {
    port: running.port,
    async stop() {
      await running.stop().catch(() => {});
      await database.close();
    },
  };
}

/**
 * The baseline: Bolt's HTTPReceiver, the same signature check, a listener that
 * only acks. Diagnostics only: with `reply` and `replyVia: 'respond'` it then
 * posts that body to the response_url, as relance's help does (the cost of
 * respond() alone); with `replyVia: 'ack'` it sends the body as the ack itself.
 */
export async function bootBare(
  opts: Pick<BootOptions, 'slackApiUrl' | 'token'> & { reply?: Record<string, unknown>; replyVia?: 'respond' | 'ack' },
): Promise<BootedApp> {
  const app = new App({
    token: opts.token,
    receiver: new HTTPReceiver({ signingSecret: BENCH_SIGNING_SECRET, endpoints: '/slack/events' }),
    clientOptions: { slackApiUrl: opts.slackApiUrl },
    logLevel: LogLevel.INFO,
  });
  const { reply, replyVia } = opts;
  app.command('/collect', async ({ ack, respond }) => {
    if (reply && replyVia === 'ack') {
      await ack(reply);
      return;
    }
    await ack();
    if (reply) await respond(reply);
  });
  const server = (await app.start(0)) as Server;
  return { port: (server.address() as AddressInfo).port, stop: () => app.stop().then(() => undefined) };
}

export interface ProcessStats {
  /** CPU time (user + system) since the last reset, ms. */
  cpuMs: number;
  /** Share of wall time the event loop was busy since the last reset. */
  elu: number;
  /** Event-loop delay since the last reset (ms): how long a ready callback waited. */
  delayP50: number;
  delayP99: number;
  delayMax: number;
  rssMb: number;
}

/** CPU, event-loop utilisation and delay of the current process, between resets. */
export function processMeter() {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let cpu = process.cpuUsage();
  let elu: EventLoopUtilization = performance.eventLoopUtilization();
  return {
    reset(): void {
      cpu = process.cpuUsage();
      elu = performance.eventLoopUtilization();
      histogram.reset();
    },
    read(): ProcessStats {
      const used = process.cpuUsage(cpu);
      return {
        cpuMs: (used.user + used.system) / 1000,
        elu: performance.eventLoopUtilization(elu).utilization,
        delayP50: histogram.percentile(50) / 1e6,
        delayP99: histogram.percentile(99) / 1e6,
        delayMax: histogram.max / 1e6,
        rssMb: process.memoryUsage().rss / 2 ** 20,
      };
    },
  };
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by where the code lives: a package under node_modules, a project folder, or Node itself. */
  byPlace: { place: string; ms: number }[];
  /** Self time by function, heaviest first. */
  byFunction: { fn: string; ms: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function placeOf(url: string): string {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const nm = url.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const m = /\/(src\/[^/]+|commands|bench|test)\//.exec(url);
  return m ? m[1]! : url.replace(/^file:\/\//, '');
}

/** A V8 CPU profile of this process between start() and stop(), summarised (public node:inspector API). */
export async function cpuProfiler() {
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 1000 });
  let saved = 0;
  return {
    start: () => post<void>('Profiler.start'),
    async stop(top = 15): Promise<ProfileSummary> {
      const { profile } = await post<{ profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } }>('Profiler.stop');
      // The whole profile too, for a viewer (Chrome DevTools, speedscope): one file per stop, numbered.
      const file = process.env.BENCH_PROFILE_FILE;
      if (file) writeFileSync(file.replace(/(\.cpuprofile)?$/, `-${++saved}.cpuprofile`), JSON.stringify(profile));
      const selfUs = new Map<number, number>();
      profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      // Native frames and Node's own internals count for their nearest caller in a
      // package or in the project (postgres.js writing to its socket counts for postgres).
      const placeOfNode = (node: ProfileNode): string => {
        let fallback = '(native)';
        for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
          if (!n.callFrame.url) continue;
          const place = placeOf(n.callFrame.url);
          if (!place.startsWith('node:')) return place;
          if (fallback === '(native)') fallback = place;
        }
        return fallback;
      };
      const byPlace = new Map<string, number>();
      const byFunction = new Map<string, number>();
      let total = 0;
      for (const node of profile.nodes) {
        const us = selfUs.get(node.id) ?? 0;
        const name = node.callFrame.functionName;
        if (!us || name === '(idle)') continue;
        total += us;
        const place = name === '(garbage collector)' || name === '(program)' ? name : placeOfNode(node);
        byPlace.set(place, (byPlace.get(place) ?? 0) + us);
        const where = node.callFrame.url ? `${place}:${node.callFrame.lineNumber + 1}` : `native, called from ${place}`;
        const fn = `${name || '(anonymous)'} (${where})`;
        byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
      }
      const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
      return {
        totalMs: total / 1000,
        byPlace: sorted(byPlace).map(([place, us]) => ({ place, ms: us / 1000 })),
        byFunction: sorted(byFunction).slice(0, top).map(([fn, us]) => ({ fn, ms: us / 1000 })),
      };
    },
  };
}

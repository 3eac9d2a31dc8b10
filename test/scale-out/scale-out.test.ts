// Scale-out, proven: two `relance start --role web` and two `--role worker`
// processes against one PostgreSQL and one Redis, the web processes behind a
// round-robin proxy. 200 channels' digests fall due at once with call
// reminders and a promise check; a worker is SIGKILLed mid-run and started
// again. Each digest, reminder DM and promise verdict must happen exactly once,
// read from what the Slack emulator received and from the database.
//
// The processes run on the real clock shifted by RELANCE_TEST_CLOCK_OFFSET_MS
// (NODE_ENV=test only, src/cli/start.ts): it is Tuesday 1 December 2026, 09:00:05
// in Paris when they start, so the 09:00 digests are due at once. Leases and
// locks are short (RELANCE_TEST_WORKER_TIMINGS) so the killed worker's jobs are
// taken over within seconds.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { activities, cases, channelPosts, digestEntries, digests, digestSchedules, members, promises, tasks } from '../../src/db/schema.ts';
import { SlackSender } from '../../src/emulator/sender.ts';
import { DIGEST_EVENT } from '../../src/services/post-digest.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import {
  DEMO_BOT_TOKEN, DEMO_BOT_USER_ID, DEMO_MANAGER_ID, DEMO_SIGNING_SECRET, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { reminderKey, scheduleCallReminder, type CallReminderJobData } from '../../jobs/call-reminder.ts';
import { PROMISE_CHECK_JOB } from '../../jobs/promise-check.ts';
import { callRemindersQueue, channelPostsQueue, digestQueue, mailQueue, maintenanceQueue } from '../../jobs/queues.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';

const TODAY = '2026-12-01';
/** Tuesday 1 December 2026, 09:00:05 in Paris: the 09:00 digests are due. */
const FAKE_START = Date.parse('2026-12-01T08:00:05Z');
const CHANNELS = Array.from({ length: 200 }, (_, i) => `C0SCALE${String(i + 1).padStart(3, '0')}`);
/** Where a manager asks for `/collect digest now` through the proxy: the web → Redis → worker path. */
const MANUAL_CHANNEL = 'C0SCALEMANUAL';
const CALLERS = Array.from({ length: 20 }, (_, i) => `U0CALLER${String(i + 1).padStart(2, '0')}`);
/** The first half's calls stand before the workers start (their reconcile queues them); the rest are given out as the worker dies. */
const EARLY_CALLERS = CALLERS.slice(0, 10);
const LATE_CALLERS = CALLERS.slice(10);
const REDIS_URL = 'redis://127.0.0.1:6379';
const REPO = new URL('../../', import.meta.url).pathname;
const prefix = `relance-test-${randomBytes(4).toString('hex')}`;
// A killed worker's jobs come back within about a second and its digests' leases run out in three.
const TIMINGS = { lockDurationMs: 2000, stalledIntervalMs: 1000, leaseMs: 3000, callTimeoutMs: 1000, pacingMs: 0, postPollMs: 200 };

let testDb: TestDatabase;
let db: Database['db'];
let emulator: SlackEmulator;
let proxy: { server: Server; port: number; served: number[] };
let dataDir: string;
let offsetMs: number;
let caseIds: number[];
const processes = new Map<string, ChildProcess & { port?: number }>();
/** CPU seconds each process had used when it was ready: what it used for jobs is counted from there. */
const cpuAtReady = new Map<string, number>();
const promiseIds: number[] = [];
const reminders: { taskId: number; dueAtMs: number; userId: string }[] = [];

type Meta = { event_payload?: { part?: string; business_date?: string; case_id?: number } } | undefined;
const payload = (m: { metadata?: unknown }) => (m.metadata as Meta)?.event_payload;

/** `relance start --role <role>`, resolved once it says it serves Slack (web: its port) or runs jobs (worker). */
function startRelance(name: string, role: 'web' | 'worker'): Promise<ChildProcess & { port?: number }> {
  const child: ChildProcess & { port?: number } = spawn(process.execPath, ['src/cli/relance.mjs', 'start', '--role', role], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: testDb.url, REDIS_URL, RELANCE_QUEUE_PREFIX: prefix,
      SLACK_API_URL: emulator.apiUrl, SLACK_BOT_TOKEN: DEMO_BOT_TOKEN, SLACK_SIGNING_SECRET: DEMO_SIGNING_SECRET,
      PORT: '0', LOG_LEVEL: 'info', RELANCE_TZ: 'Europe/Paris', RELANCE_LOCALE: 'en', RELANCE_DATA_DIR: dataDir,
      RELANCE_TEST_CLOCK_OFFSET_MS: String(offsetMs), RELANCE_TEST_WORKER_TIMINGS: JSON.stringify(TIMINGS), WORKER_NAME: name,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  processes.set(name, child);
  const errors: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => { errors.push(chunk.toString()); });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { msg?: string; port?: number; level?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      if ((entry.level ?? 0) >= 50) errors.push(line);
      if (role === 'web' && entry.msg?.startsWith('relance is serving Slack')) {
        child.port = entry.port;
        cpuAtReady.set(name, cpuSeconds(child.pid));
        resolve(child);
      }
      if (role === 'worker' && entry.msg?.startsWith('worker started')) {
        cpuAtReady.set(name, cpuSeconds(child.pid));
        resolve(child);
      }
    });
    child.once('exit', (code, signal) => reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${errors.join('')}`)));
  });
}

/** Round robin over the web processes, counting what each served. */
async function startProxy(ports: number[]): Promise<typeof proxy> {
  const served = ports.map(() => 0);
  let next = 0;
  const server = createServer((req, res) => {
    const i = next++ % ports.length;
    served[i]! += 1;
    const upstream = request({ host: '127.0.0.1', port: ports[i], path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502).end(); });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, served };
}

async function seed(): Promise<void> {
  const ids = await seedLedger(testDb.database, DEMO_TEAM_ID, TODAY, debtors(2, TODAY));
  await db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' });
  // The schedules stood long before today's 09:00: a worker that starts after it catches the day up.
  const before = new Date('2026-11-20T00:00:00Z');
  await db.insert(digestSchedules).values(CHANNELS.map((channelId) => ({
    workspaceId: DEMO_TEAM_ID, channelId, localTime: '09:00', timezone: 'Europe/Paris', enabledBy: DEMO_MANAGER_ID, createdAt: before, updatedAt: before,
  })));
  caseIds = await Promise.all(['D01', 'D02'].map(async (ref) => {
    const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.customerId, ids.get(ref)!));
    return row!.id;
  }));
  // Calls due as the workers start, which both workers' reconcile queue under one id: one caller each, so one DM each.
  await addCalls(EARLY_CALLERS, FAKE_START);
  // Promised for 20 November and unpaid: broken, once the check runs.
  const promiseRows = await db.insert(promises).values(caseIds.map((caseId) => ({
    workspaceId: DEMO_TEAM_ID, caseId, amountCents: 50_000, currency: 'EUR', dueOn: '2026-11-20', takenBy: DEMO_MANAGER_ID,
  }))).returning({ id: promises.id });
  promiseIds.push(...promiseRows.map((p) => p.id));
}

/** Open calls, one per caller, due `firstDueMs` on, 200 ms apart. */
async function addCalls(callers: string[], firstDueMs: number): Promise<CallReminderJobData[]> {
  const rows = await db.insert(tasks).values(callers.map((userId, i) => ({
    workspaceId: DEMO_TEAM_ID, caseId: caseIds[i % caseIds.length]!, kind: 'call' as const, assigneeId: userId,
    dueAt: new Date(firstDueMs + i * 200), createdBy: DEMO_MANAGER_ID,
  }))).returning({ id: tasks.id, dueAt: tasks.dueAt, assigneeId: tasks.assigneeId });
  for (const t of rows) reminders.push({ taskId: t.id, dueAtMs: t.dueAt.getTime(), userId: t.assigneeId! });
  return rows.map((t) => ({ workspaceId: DEMO_TEAM_ID, taskId: t.id, dueAtMs: t.dueAt.getTime() }));
}

async function waitUntil(what: string, done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** CPU seconds a process has used so far (user + system), from /proc (Linux; NaN elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

beforeAll(async () => {
  testDb = await openTestDatabase(5);
  db = testDb.database.db;
  dataDir = mkdtempSync(join(tmpdir(), 'relance-scale-'));
  offsetMs = FAKE_START - Date.now();
  // Slack's clock is the processes' clock: message timestamps and their "now" agree, as in production.
  emulator = await startSlackEmulator({ clock: () => Date.now() + offsetMs });
  for (const id of [...CHANNELS, MANUAL_CHANNEL]) emulator.state.addChannel({ id, name: id.toLowerCase(), botMember: true, members: [DEMO_MANAGER_ID] });
  for (const id of CALLERS) emulator.state.addUser({ id, name: id.toLowerCase(), realName: `Caller ${id.slice(-2)}`, tz: 'Europe/Paris' });
  await seed();
  const booting = Date.now();
  const [web1, web2] = await Promise.all([
    startRelance('web1', 'web'), startRelance('web2', 'web'), startRelance('w1', 'worker'), startRelance('w2', 'worker'),
  ]);
  proxy = await startProxy([web1!.port!, web2!.port!]);
  console.log(`scale-out: 2 web and 2 worker processes ready in ${((Date.now() - booting) / 1000).toFixed(1)} s`);
  // Booting is most of the time, and slow on a loaded machine: four processes load the app at once.
}, 150_000);

afterAll(async () => {
  // Gone before their queues are: a worker still alive would put its job schedulers back.
  await Promise.all([...processes.values()].filter((child) => child.exitCode === null && child.signalCode === null)
    .map((child) => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGKILL'); })));
  proxy?.server.close();
  const config = { redisUrl: REDIS_URL, prefix };
  for (const queue of [digestQueue(config), maintenanceQueue(config), channelPostsQueue(config), callRemindersQueue(config), mailQueue(config)]) {
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
  }
  await emulator?.close();
  await testDb?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('two web and two worker processes, a worker killed mid-run', () => {
  it('posts each digest, DMs each call reminder and records each promise verdict exactly once', async () => {
    const started = Date.now();
    const sender = new SlackSender({ appUrl: `http://127.0.0.1:${proxy.port}/slack/events`, signingSecret: DEMO_SIGNING_SECRET, emulator });
    const maintenance = maintenanceQueue({ redisUrl: REDIS_URL, prefix });
    const digestJobs = digestQueue({ redisUrl: REDIS_URL, prefix });
    const reminderJobs = callRemindersQueue({ redisUrl: REDIS_URL, prefix });
    try {
      // A manager asks for a digest now, through the proxy, while the scheduled ones go out.
      const asked = await sender.slashCommand({ userId: DEMO_MANAGER_ID, channelId: MANUAL_CHANNEL, text: 'digest now' });
      expect(asked.status).toBe(200);
      const answer = await emulator.waitForResponse(asked.responseUrlId!, { timeoutMs: 10_000 });
      expect(JSON.stringify(answer.body)).toContain('Posting today\'s digest');

      // A third of the digest posts are out: kill the first worker, with whatever it holds, and start it again.
      await emulator.waitForCall('chat.postMessage', { count: 200, timeoutMs: 30_000 });
      const digestsHeld = (await digestJobs.getJobs(['active'])).filter((j) => j.processedBy === 'w1').length;
      const killedAt = emulator.calls('chat.postMessage').length;
      const w1Cpu = cpuSeconds(processes.get('w1')?.pid) - cpuAtReady.get('w1')!;
      processes.get('w1')!.kill('SIGKILL');
      const killed = Date.now();
      // Calls given out now, falling due over the next two seconds, queued as a web process does after /collect assign.
      const fakeNow = new Date(Date.now() + offsetMs);
      for (const data of await addCalls(LATE_CALLERS, fakeNow.getTime() + 300)) await scheduleCallReminder(reminderJobs, data, fakeNow);
      // Promise checks while a worker is down and comes back, besides the scheduler's own run.
      await Promise.all([1, 2, 3].map((n) => maintenance.add(PROMISE_CHECK_JOB, {}, { jobId: `scale-promise-check-${n}` })));
      // Web traffic through the proxy meanwhile: every request answered, whichever process serves it.
      const reads = await Promise.all(Array.from({ length: 20 }, () => sender.slashCommand({ userId: DEMO_MANAGER_ID, channelId: CHANNELS[0]!, text: 'help' })));
      expect(reads.every((r) => r.status === 200 && !r.timedOut)).toBe(true);
      await startRelance('w1-again', 'worker');

      await waitUntil('every digest posted', async () => {
        const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(digests)
          .where(and(eq(digests.businessDate, TODAY), eq(digests.status, 'posted')));
        return row!.n === CHANNELS.length + 1;
      }, 90_000);
      const digestsDone = Date.now();
      await waitUntil('every reminder DM posted', async () => {
        const rows = await db.select({ status: channelPosts.status }).from(channelPosts).where(like(channelPosts.dedupeKey, 'reminder.%'));
        return rows.length >= reminders.length && rows.every((r) => r.status === 'posted');
      }, 30_000);
      await waitUntil('every promise decided', async () => {
        const rows = await db.select({ status: promises.status }).from(promises).where(inArray(promises.id, promiseIds));
        return rows.every((r) => r.status !== 'pending');
      }, 30_000);
      // Let any late duplicate surface before counting.
      await new Promise((r) => setTimeout(r, 1000));

      // Digests: one parent per channel, each case reply once, the database agreeing with Slack.
      const rows = await db.select().from(digests).where(eq(digests.businessDate, TODAY));
      const entries = await db.select().from(digestEntries);
      for (const channel of [...CHANNELS, MANUAL_CHANNEL]) {
        const parents = emulator.messages(channel).filter((m) => payload(m)?.part === 'parent' && payload(m)?.business_date === TODAY);
        expect(parents, `digest parents in ${channel}`).toHaveLength(1);
        const row = rows.find((r) => r.channelId === channel)!;
        expect(row.messageTs).toBe(parents[0]!.ts);
        const replies = emulator.messages(channel, { threadTs: parents[0]!.ts }).filter((m) => m.ts !== parents[0]!.ts);
        const caseIds = replies.map((m) => payload(m)!.case_id!);
        const expected = entries.filter((e) => e.digestId === row.id);
        expect(new Set(caseIds).size, `distinct replies in ${channel}`).toBe(caseIds.length);
        expect(caseIds.sort(), `replies in ${channel}`).toEqual(expected.map((e) => e.caseId).sort());
        expect(expected.every((e) => e.messageTs && replies.some((m) => m.ts === e.messageTs))).toBe(true);
      }
      // Nothing else reached those channels twice: every accepted digest post is accounted for above.
      const accepted = emulator.calls('chat.postMessage').filter((c) => c.status === 200 && (c.response as { ok?: boolean }).ok
        && (c.args.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_EVENT);
      expect(accepted.length).toBe(rows.length + entries.length);

      // Call reminders: one DM to each caller, one outbox row each.
      const posts = await db.select().from(channelPosts).where(like(channelPosts.dedupeKey, 'reminder.%'));
      expect(posts.map((p) => p.dedupeKey).sort()).toEqual(reminders.map((r) => reminderKey(r.taskId, r.dueAtMs)).sort());
      for (const r of reminders) {
        const dm = emulator.state.openDm(DEMO_TEAM_ID, DEMO_BOT_USER_ID, r.userId);
        expect(dm.created, `a DM channel for ${r.userId}`).toBe(false);
        const sent = emulator.messages(dm.channel.id).filter((m) => m.text.startsWith('Time to call'));
        expect(sent, `reminder DMs to ${r.userId}`).toHaveLength(1);
      }

      // Promise verdicts: one timeline entry each, whatever the number of checks that ran.
      const verdicts = await db.select({ promiseId: sql<number>`(${activities.data}->>'promise_id')::bigint`, kind: activities.kind }).from(activities)
        .where(inArray(activities.kind, ['promise_kept', 'promise_broken']));
      for (const id of promiseIds) expect(verdicts.filter((v) => Number(v.promiseId) === id), `verdicts of promise ${id}`).toEqual([{ promiseId: expect.anything(), kind: 'promise_broken' }]);

      // The web tier: both processes served requests.
      expect(proxy.served.every((n) => n > 0)).toBe(true);

      // How often the app had to read a channel back to find a post whose fate it did not know (a kill mid-call).
      const historyReads = emulator.calls('conversations.history').length;
      const seconds = (from: number, to = Date.now()) => ((to - from) / 1000).toFixed(1);
      // Digest posts per 5 s of the run (the emulator's clock is the processes' shifted one), the kill marked.
      const buckets: number[] = [];
      for (const c of accepted) buckets[Math.floor((c.at - offsetMs - started) / 5000)] = (buckets[Math.floor((c.at - offsetMs - started) / 5000)] ?? 0) + 1;
      const killBucket = Math.floor((killed - started) / 5000);
      const jobCpu = (name: string) => cpuSeconds(processes.get(name)?.pid) - cpuAtReady.get(name)!;
      const workerCpu = w1Cpu + jobCpu('w2') + jobCpu('w1-again');
      const jobs = rows.length + reminders.length;
      console.log([
        `scale-out: ${rows.length} digests (${entries.length} replies), ${reminders.length} reminder DMs, ${promiseIds.length} verdicts in ${seconds(started)} s`,
        `  w1 killed after ${killedAt} posts holding ${digestsHeld} digest job(s); all digests posted ${seconds(killed, digestsDone)} s after the kill`,
        `  digest posts per 5 s: ${Array.from(buckets, (n, i) => `${i === killBucket ? '[kill] ' : ''}${n ?? 0}`).join(' ')}`,
        `  conversations.history reads: ${historyReads}; web requests per process: ${proxy.served.join('/')}`,
        `  worker CPU after boot: ${workerCpu.toFixed(2)} s, ${((workerCpu / jobs) * 1000).toFixed(1)} ms per job (digest or reminder); `
          + `web ${jobCpu('web1').toFixed(2)}/${jobCpu('web2').toFixed(2)} s`,
      ].join('\n'));
    } finally {
      await maintenance.close();
      await digestJobs.close();
      await reminderJobs.close();
    }
  }, 180_000);
});

// /collect digest: scheduling mirrors PostgreSQL into BullMQ; a flushed Redis is rebuilt.
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSchedule } from '../../src/db/digest-schedules.ts';
import { findWorkspace } from '../../src/db/workspaces.ts';
import { scheduleDigest, stopDigest } from '../../src/services/digest-schedule.ts';
import { members } from '../../src/db/schema.ts';
import {
  DEMO_BOT_USER_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_GENERAL_CHANNEL_ID, DEMO_MANAGER_ID, DEMO_PRIVATE_CHANNEL_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { reconcileSchedules } from '../../jobs/scheduler.ts';
import { digestProcessor, type DigestJobData } from '../../jobs/digest.ts';
import { connection, DIGEST_QUEUE } from '../../jobs/queues.ts';
import { queueConfig, slackClientForJobs } from '../../jobs/workers.ts';
import { createLogger } from '../../src/log.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
const MONDAY = '2026-11-23';

async function collect(userId: string, text: string, channelId = CHANNEL) {
  const sent = await t.sender.slashCommand({ userId, channelId, text });
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  return reply.body as { text: string; blocks?: unknown[] };
}

/** Runs the queued digest jobs through `processor` until `until` says stop. */
async function work<T>(processor: (job: Job<DigestJobData>) => Promise<unknown>, until: (w: Worker) => Promise<T>): Promise<T> {
  const config = queueConfig(t.env);
  const w = new Worker(DIGEST_QUEUE, processor, { connection: connection(config), prefix: config.prefix });
  try {
    return await until(w);
  } finally {
    await w.close();
  }
}
const finished = (w: Worker) => new Promise<void>((resolve) => { w.once('failed', () => resolve()); w.once('completed', () => resolve()); });
/** Slack down all morning: the job used up its attempts. */
const failing = {
  failed: async () => { throw new UnrecoverableError('Slack was down all morning'); },
};
/** Until the job `jobId` has run once more, with what it returned. */
const ran = (jobId: string) => (w: Worker) => new Promise<unknown>((resolve, reject) => {
  w.on('completed', (job, result) => { if (job.id === jobId) resolve(result); });
  w.on('failed', (job, error) => { if (job?.id === jobId) reject(error); });
});
const realDigest = () => digestProcessor({
  db: t.database.db, client: slackClientForJobs(t.env), clock: () => t.clock.now, sleep: async () => {}, logger: createLogger('silent'),
}, async () => {});
const parentOf = (day: string) => t.emulator.messages(CHANNEL)
  .filter((m) => (m.metadata as { event_payload?: { part?: string; business_date?: string } })?.event_payload?.business_date === day);

const pendingDigests = async () => (await t.queue.getJobs(['delayed', 'waiting'])).map((j) => ({ id: j.id, delay: j.opts.delay }));

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T10:00:00Z'); // Monday 11:00 in Paris
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(3, MONDAY));
  await t.database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe('/collect digest', () => {
  it('schedules the channel at a local time on business days, as one delayed job for the next run', async () => {
    const reply = await collect(DEMO_MANAGER_ID, 'digest schedule 08:30 Europe/Paris mon-fri');
    expect(reply.text).toContain(`<#${CHANNEL}> at *08:30* (Europe/Paris) on weekdays`);
    expect(await findSchedule(t.database.db, DEMO_TEAM_ID, CHANNEL)).toMatchObject({ localTime: '08:30', timezone: 'Europe/Paris', weekdays: [1, 2, 3, 4, 5] });
    // Next run: Tuesday 24 November, 08:30 in Paris = 07:30 UTC, 21.5 hours from now.
    expect(await pendingDigests()).toEqual([{ id: `digest.${DEMO_TEAM_ID}.${CHANNEL}.2026-11-24.0830.Europe_Paris`, delay: 21.5 * 3600_000 }]);
    expect((await collect(DEMO_COLLECTOR_ID, 'digest')).text).toContain('gets the digest at *08:30*');
  });

  it('moves the pending run when the time changes, and rebuilds it after Redis loses it', async () => {
    await collect(DEMO_MANAGER_ID, 'digest schedule 07:45');
    expect(await pendingDigests()).toEqual([{ id: `digest.${DEMO_TEAM_ID}.${CHANNEL}.2026-11-24.0745.Europe_Paris`, delay: (20 * 60 + 45) * 60_000 }]);
    const job = (await t.queue.getJobs(['delayed']))[0]!;
    expect(job.data).toMatchObject({ localTime: '07:45', timezone: 'Europe/Paris' });

    await t.queue.obliterate({ force: true });
    expect(await pendingDigests()).toEqual([]);
    await reconcileSchedules(t.queue, t.database.db, t.clock.now);
    expect(await pendingDigests()).toEqual([{ id: `digest.${DEMO_TEAM_ID}.${CHANNEL}.2026-11-24.0745.Europe_Paris`, delay: (20 * 60 + 45) * 60_000 }]);
    // Registering again changes nothing.
    await reconcileSchedules(t.queue, t.database.db, t.clock.now);
    expect(await pendingDigests()).toHaveLength(1);
  });

  it('catches up today\'s digest when Redis comes back after its time', async () => {
    await t.queue.obliterate({ force: true });
    t.clock.set('2026-11-24T09:00:00Z'); // Tuesday 10:00 in Paris, the 08:45 slot has passed
    await reconcileSchedules(t.queue, t.database.db, t.clock.now);
    expect(await pendingDigests()).toEqual([{ id: `digest.${DEMO_TEAM_ID}.${CHANNEL}.2026-11-24.0745.Europe_Paris`, delay: 0 }]);
    t.clock.set('2026-11-23T10:00:00Z');
  });

  it('needs a manager to schedule, post or stop; anyone on the team can preview', async () => {
    expect((await collect(DEMO_COLLECTOR_ID, 'digest schedule 09:00')).text).toContain('needs the *manager* role');
    const preview = await collect(DEMO_COLLECTOR_ID, 'digest preview');
    expect(JSON.stringify(preview.blocks)).toContain('Preview: only you see this');
    expect(JSON.stringify(preview.blocks)).toContain('Debtor 03');
    expect(t.emulator.calls('chat.postMessage')).toHaveLength(0);
  });

  it('queues today\'s digest on "now"', async () => {
    const reply = await collect(DEMO_MANAGER_ID, 'digest now');
    expect(reply.text).toContain('Posting today\'s digest');
    const job = await t.queue.getJob(`digest-now.${DEMO_TEAM_ID}.${CHANNEL}.${MONDAY}`);
    expect(job?.data).toMatchObject({ manual: true, businessDate: MONDAY });
  });

  it('tells how to invite the bot into a private channel, and schedules nothing there', async () => {
    const reply = await collect(DEMO_MANAGER_ID, 'digest schedule 09:00', DEMO_PRIVATE_CHANNEL_ID);
    expect(reply.text).toMatch(/invite/i);
    expect(await findSchedule(t.database.db, DEMO_TEAM_ID, DEMO_PRIVATE_CHANNEL_ID)).toBeUndefined();
  });

  it('joins a public channel it is not in yet', async () => {
    const reply = await collect(DEMO_MANAGER_ID, 'digest schedule 09:00', DEMO_GENERAL_CHANNEL_ID);
    expect(reply.text).toContain('at *09:00*');
    expect(t.emulator.calls('conversations.join').some((c) => c.args.channel === DEMO_GENERAL_CHANNEL_ID)).toBe(true);
    await collect(DEMO_MANAGER_ID, 'digest off', DEMO_GENERAL_CHANNEL_ID);
  });

  it('quotes a bad schedule and changes nothing', async () => {
    const before = await findSchedule(t.database.db, DEMO_TEAM_ID, CHANNEL);
    expect((await collect(DEMO_MANAGER_ID, 'digest schedule 25:00')).text).toContain('"25:00" is not a time of day');
    expect((await collect(DEMO_MANAGER_ID, 'digest schedule 09:00 Mars/Olympus')).text).toContain('"Mars/Olympus" is not a time zone');
    expect((await collect(DEMO_MANAGER_ID, 'digest schedule 09:00 someday')).text).toContain('"someday" is not a set of weekdays');
    expect(await findSchedule(t.database.db, DEMO_TEAM_ID, CHANNEL)).toEqual(before);
  });

  it('revives today\'s run when it failed for good, at the next refresh of the schedules', async () => {
    const day = '2026-11-25';
    await t.queue.obliterate({ force: true });
    t.clock.set(`${day}T05:00:00Z`); // 06:00 in Paris
    await collect(DEMO_MANAGER_ID, 'digest schedule 08:00');
    await t.queue.obliterate({ force: true }); // Redis lost the run…
    t.clock.set(`${day}T09:00:00Z`);
    const [run] = await reconcileSchedules(t.queue, t.database.db, t.clock.now); // …and the refresh queued it at once
    await work(failing.failed, finished);
    expect(await (await t.queue.getJob(run!.jobId))!.getState()).toBe('failed');

    await reconcileSchedules(t.queue, t.database.db, t.clock.now);
    expect(await (await t.queue.getJob(run!.jobId))!.getState()).toBe('waiting');
    await work(realDigest(), () => t.emulator.waitFor(() => parentOf(day)[0], { timeoutMs: 10_000 }).then(() => {}));
    expect(parentOf(day)).toHaveLength(1);
  });

  it('posts the day\'s digest in a private channel once the bot is invited, after runs that found it not there', async () => {
    const day = '2026-11-26';
    const privateParents = () => t.emulator.messages(DEMO_PRIVATE_CHANNEL_ID)
      .filter((m) => (m.metadata as { event_payload?: { part?: string; business_date?: string } })?.event_payload?.part === 'parent');
    await t.queue.obliterate({ force: true });
    t.clock.set(`${day}T07:00:00Z`); // 08:00 in Paris
    await stopDigest(t.database.db, t.queue, DEMO_TEAM_ID, CHANNEL);
    // Scheduled before relance was removed from the channel (the command itself would have said to invite it).
    const workspace = (await findWorkspace(t.database.db, DEMO_TEAM_ID))!;
    await scheduleDigest(t.database.db, null, {
      workspace, channelId: DEMO_PRIVATE_CHANNEL_ID, localTime: '09:00', by: DEMO_MANAGER_ID, now: new Date(`${day}T06:00:00Z`),
    });
    t.clock.set(`${day}T08:00:00Z`); // 09:00: the run is due, relance is not in the channel
    const [run] = await reconcileSchedules(t.queue, t.database.db, t.clock.now);
    expect(await work(realDigest(), ran(run!.jobId))).toMatchObject({ kind: 'channel_error' });

    t.clock.set(`${day}T08:05:00Z`); // the refresh five minutes later runs it again: still not there
    await reconcileSchedules(t.queue, t.database.db, t.clock.now);
    expect(await work(realDigest(), ran(run!.jobId))).toMatchObject({ kind: 'channel_error' });
    expect(privateParents()).toHaveLength(0);

    t.emulator.state.addMember(DEMO_PRIVATE_CHANNEL_ID, DEMO_BOT_USER_ID); // /invite @relance at 09:30
    t.clock.set(`${day}T08:30:00Z`);
    await reconcileSchedules(t.queue, t.database.db, t.clock.now);
    expect(await work(realDigest(), ran(run!.jobId))).toMatchObject({ kind: 'posted' });
    expect(privateParents()).toHaveLength(1);

    await stopDigest(t.database.db, t.queue, DEMO_TEAM_ID, DEMO_PRIVATE_CHANNEL_ID);
    await collect(DEMO_MANAGER_ID, 'digest schedule 08:00');
  });

  it('queues "now" again after a run of the day failed', async () => {
    t.clock.set('2026-11-27T09:00:00Z'); // Friday
    await collect(DEMO_MANAGER_ID, 'digest now');
    const id = `digest-now.${DEMO_TEAM_ID}.${CHANNEL}.2026-11-27`;
    await work(failing.failed, finished);
    expect(await (await t.queue.getJob(id))!.getState()).toBe('failed');
    expect((await collect(DEMO_MANAGER_ID, 'digest now')).text).toContain('Posting today\'s digest');
    expect(await (await t.queue.getJob(id))!.getState()).toBe('waiting');
  });

  it('says there is no digest on a weekend or a public holiday, and when the next business day is', async () => {
    t.clock.set('2026-11-28T09:00:00Z');
    expect((await collect(DEMO_MANAGER_ID, 'digest now')).text)
      .toBe('Saturday 28 Nov 2026 is not a business day: there is no digest that day. The next business day is Monday 30 Nov 2026.');
    t.clock.set('2026-12-25T09:00:00Z');
    expect((await collect(DEMO_MANAGER_ID, 'digest now')).text).toContain('Friday 25 Dec 2026 is not a business day');
    expect((await collect(DEMO_MANAGER_ID, 'digest now')).text).toContain('Monday 28 Dec 2026');
    const queued = (await t.queue.getJobs(['waiting', 'delayed'])).map((j) => j.id);
    expect(queued.filter((id) => id?.includes('2026-11-28') || id?.includes('2026-12-25'))).toEqual([]);
  });

  it('stops the digest and its pending run', async () => {
    const reply = await collect(DEMO_MANAGER_ID, 'digest off');
    expect(reply.text).toContain('No more digests');
    expect(await findSchedule(t.database.db, DEMO_TEAM_ID, CHANNEL)).toBeUndefined();
    expect((await pendingDigests()).filter((j) => j.id?.startsWith('digest.'))).toEqual([]);
  });
});

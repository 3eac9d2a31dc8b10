// bench/capacity: what one Redis spends per BullMQ job, as relance's queues use
// it (a job id per job, the default retention, a worker taking them as they
// come), so the README's scaling section can say how many jobs one Redis core
// carries. Redis's own CPU is read from INFO before and after, so the figure is
// Redis's work, not the wall time of a shared machine.
//   npx tsx bench/capacity.ts [--jobs 20000] [--concurrency 8] [--redis-url redis://127.0.0.1:6379]
import { parseArgs } from 'node:util';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { connection } from '../jobs/queues.ts';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '8' },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('npx tsx bench/capacity.ts [--jobs N] [--concurrency N] [--redis-url URL]');
  process.exit(0);
}
const jobs = Number(values.jobs);
const concurrency = Number(values.concurrency);
const config = { redisUrl: values['redis-url'], prefix: `relance-capacity-${process.pid}` };
const admin = new Redis(values['redis-url']);

async function redisCounters(): Promise<{ cpuMs: number; commands: number }> {
  const info = await admin.info();
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return { cpuMs: (field('used_cpu_user') + field('used_cpu_sys')) * 1000, commands: field('total_commands_processed') };
}

const queue = new Queue('capacity', { connection: connection(config), prefix: config.prefix });
let done = 0;
let finished!: () => void;
const allDone = new Promise<void>((resolve) => { finished = resolve; });
const before = await redisCounters();
const nodeBefore = process.cpuUsage();
const started = performance.now();
const worker = new Worker('capacity', async () => {
  done += 1;
  if (done === jobs) finished();
}, { connection: connection(config), prefix: config.prefix, concurrency });
// Added one by one with an id each, as relance's schedulers and kicks add them.
for (let i = 0; i < jobs; i += 1) await queue.add('job', { n: i }, { jobId: `job-${i}`, removeOnComplete: true, removeOnFail: 1000 });
await allDone;
const wallMs = performance.now() - started;
const after = await redisCounters();
const node = process.cpuUsage(nodeBefore);
await worker.close();
await queue.obliterate({ force: true });
await queue.close();
admin.disconnect();

const redisUsPerJob = ((after.cpuMs - before.cpuMs) * 1000) / jobs;
const figures = {
  jobs,
  jobsPerSecond: Math.round(jobs / (wallMs / 1000)),
  redisCpuUsPerJob: Math.round(redisUsPerJob),
  redisCommandsPerJob: +((after.commands - before.commands) / jobs).toFixed(1),
  nodeCpuUsPerJob: Math.round((node.user + node.system) / jobs),
  // One Redis core, all of it for relance's queues.
  jobsPerRedisCoreSecond: Math.round(1e6 / redisUsPerJob),
};
console.log(JSON.stringify(figures));
console.log(`one Redis core: about ${figures.jobsPerRedisCoreSecond.toLocaleString('en')} jobs/s (${figures.redisCpuUsPerJob} µs of Redis CPU and ${figures.redisCommandsPerJob} commands per job)`);

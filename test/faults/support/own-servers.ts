// This suite's own PostgreSQL and Redis: real processes in a temporary folder on
// free ports, so the tests can stop and restart them without touching the shared
// servers other test files use. Same port and data folder across restarts, so
// clients reconnect to the server they knew.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A port nobody listens on right now (the kernel picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on the port, or throws after `timeoutMs`. */
async function waitForPort(port: number, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function pgBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  throw new Error(`The fault suite needs PostgreSQL's server programs (initdb, pg_ctl) and found none under ${root}/<version>/bin. `
    + 'Fix: install them (Debian/Ubuntu: "apt-get install postgresql"), which CI images with a local PostgreSQL already have.');
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** initdb and pg_ctl refuse to run as root: as root, run them as the `postgres` user. */
async function asServerUser(bin: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  if (!isRoot) return run(bin, args, { timeout: 60_000 });
  try {
    return await run('runuser', ['-u', 'postgres', '--', bin, ...args], { timeout: 60_000 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code !== 'ENOENT' && !/user postgres does not exist|unknown user|no such user/i.test(e.stderr ?? '')) throw error;
  }
  try {
    const quoted = [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    return await run('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { timeout: 60_000 });
  } catch (error) {
    throw new Error(`The fault suite runs as root, and initdb refuses root, so it runs initdb as the "postgres" user; `
      + `neither "runuser -u postgres" nor "su postgres" worked (${(error as Error).message.split('\n')[0]}). `
      + 'Fix: create a "postgres" system user (installing the postgresql package does), or run the tests as a non-root user.', { cause: error });
  }
}

export interface OwnPostgres {
  port: number;
  /** URL of the `postgres` database on this server (user postgres, trust). */
  adminUrl: string;
  urlFor(database: string): string;
  /** `fast`: sessions are ended cleanly; `immediate`: as a crash (no shutdown checkpoint). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  restart(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops the server if it runs and deletes its folder. */
  destroy(): Promise<void>;
}

/** initdb + pg_ctl in a temporary folder on a free port: trust auth, fsync off. */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = pgBinDir();
  const root = mkdtempSync(join(tmpdir(), 'relance-faults-pg-'));
  chmodSync(root, 0o777); // the postgres user writes here when the tests run as root
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  const port = await freePort();
  if (isRoot) await run('chown', ['postgres:postgres', root]);
  await asServerUser(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '--no-instructions', '-E', 'UTF8', '--locale=C']);
  // fsync off: only an operating-system crash could lose data, and the tests never cause one. synchronous_commit
  // stays on: an immediate stop is a server crash, and a commit the tests saw must survive it.
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  let running = false;
  const server: OwnPostgres = {
    port,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    urlFor: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await asServerUser(join(bin, 'pg_ctl'), ['start', '-w', '-t', '30', '-D', dataDir, '-l', logFile, '-o', options]);
      running = true;
    },
    async stop(mode = 'fast') {
      await asServerUser(join(bin, 'pg_ctl'), ['stop', '-w', '-t', '30', '-m', mode, '-D', dataDir]);
      running = false;
    },
    async restart(mode = 'fast') {
      await server.stop(mode);
      await server.start();
    },
    async destroy() {
      if (running) await server.stop('immediate').catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await server.start();
  } catch (error) {
    await server.destroy();
    throw error;
  }
  return server;
}

export interface OwnRedis {
  port: number;
  url: string;
  /** Like a crash or a restart without persistence: everything in memory is gone. */
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

/** redis-server on a free port, nothing persisted (`--save '' --appendonly no`). */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'relance-faults-redis-'));
  let child: ChildProcess | undefined;
  const server: OwnRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
      const failed = new Promise<never>((_, reject) => started.once('error', (e) => reject(new Error(`redis-server could not start (${e.message}). Fix: install it (Debian/Ubuntu: "apt-get install redis-server").`))));
      child = started;
      await Promise.race([waitForPort(port, 10_000, 'redis-server'), failed]);
    },
    async stop() {
      const current = child;
      child = undefined;
      if (!current || current.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.kill('SIGKILL');
      await exited;
    },
    async restart() {
      await server.stop();
      await server.start();
    },
    async destroy() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

export interface OwnServers {
  pg: OwnPostgres;
  redis: OwnRedis;
  /** Stops both and deletes their folders; safe to call after a failed start. */
  destroy(): Promise<void>;
}

/** Both servers, started side by side; if one fails the other is cleaned up. */
export async function startOwnServers(): Promise<OwnServers> {
  const [pg, redis] = await Promise.allSettled([startOwnPostgres(), startOwnRedis()]);
  const destroy = async () => {
    await Promise.allSettled([pg.status === 'fulfilled' ? pg.value.destroy() : undefined, redis.status === 'fulfilled' ? redis.value.destroy() : undefined]);
  };
  if (pg.status === 'rejected' || redis.status === 'rejected') {
    await destroy();
    throw (pg.status === 'rejected' ? pg.reason : (redis as PromiseRejectedResult).reason) as Error;
  }
  return { pg: pg.value, redis: redis.value, destroy };
}

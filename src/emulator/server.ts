import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from './clock.ts';
import { SlackEmulator } from './emulator.ts';
import { parseArgs, readBody, send } from './http-io.ts';
import { seedDemo } from './seed.ts';
import { socketModeHub } from './socket-mode.ts';
import { EmulatorState } from './state.ts';

export interface SlackEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only by default: the emulator has no authentication of its own. */
  host?: string;
  /** Emulator time for trigger, response_url and rate-limit windows; default real time. */
  clock?: Clock;
  /** Seed the demo workspace (default true). */
  seed?: boolean;
}

export { SlackEmulator };

async function route(emulator: SlackEmulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', emulator.url);
  const raw = await readBody(req);
  const path = url.pathname;
  if (path.startsWith('/api/')) {
    const method = decodeURIComponent(path.slice('/api/'.length));
    let args;
    try {
      args = parseArgs(req.headers['content-type'], raw, url.searchParams);
    } catch {
      send(res, { status: 200, body: { ok: false, error: 'invalid_json' }, headers: {} });
      return;
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const connectionFault = emulator.takeConnectionFault(method);
    if (connectionFault?.kind === 'slow' || connectionFault?.kind === 'hang') {
      const gaveUp = new Promise<void>((resolve) => res.once('close', () => resolve()));
      // A hung call is one that would arrive never: only the client giving up ends it.
      const ms = connectionFault.kind === 'hang' ? Number.POSITIVE_INFINITY : connectionFault.ms;
      if (!(await emulator.arriveLate(method, args, ms, gaveUp))) return;
    }
    const answer = emulator.api(method, args, bearer);
    if (connectionFault?.kind === 'drop_after_accept') {
      res.destroy();
      return;
    }
    send(res, answer);
    return;
  }
  if (req.method === 'POST' && path.startsWith('/upload/v1/')) {
    send(res, emulator.upload(path.slice('/upload/v1/'.length), raw, req.headers['content-type']));
    return;
  }
  if (req.method === 'POST' && path.startsWith('/respond/')) {
    send(res, emulator.respond(path.slice('/respond/'.length), raw.toString('utf8')));
    return;
  }
  if (req.method === 'GET' && path.startsWith('/files/')) {
    const file = emulator.state.files.get(path.split('/')[2] ?? '');
    if (file?.bytes === undefined) {
      send(res, { status: 404, body: 'file not found', headers: {} });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(file.bytes.length) });
    res.end(file.bytes);
    return;
  }
  if (req.method === 'GET' && path === '/') {
    send(res, { status: 200, body: { ok: true, emulator: 'slack', api_url: emulator.apiUrl }, headers: {} });
    return;
  }
  send(res, { status: 404, body: 'not found', headers: {} });
}

export async function startSlackEmulator(options: SlackEmulatorOptions = {}): Promise<SlackEmulator> {
  const state = new EmulatorState(options.clock);
  if (options.seed ?? true) seedDemo(state);
  // Requests cannot arrive before the port is known, but the handler is set first.
  const ready: { emulator?: SlackEmulator } = {};
  const server = createServer((req, res) => {
    const { emulator } = ready;
    if (emulator === undefined) {
      res.writeHead(503).end();
      return;
    }
    route(emulator, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: `emulator error: ${String(error)}`, headers: {} });
      else res.destroy();
    });
  });
  // Socket Mode's WebSocket (the URL apps.connections.open hands out); nothing else upgrades.
  server.on('upgrade', (req, socket, head) => {
    if (!socketModeHub(state).upgrade(req, socket, head)) socket.destroy();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      socketModeHub(state).close();
      server.close((error) => (error ? reject(error) : resolve()));
      // fetch keeps connections alive; without this close() waits for them to time out.
      server.closeAllConnections();
    });
  ready.emulator = new SlackEmulator(state, `http://${host.includes(':') ? `[${host}]` : host}:${port}/`, close);
  return ready.emulator;
}

// The sandbox page: a web page that plays Slack's client over the local Slack
// emulator. It serves the static page (src/sandbox/public, plain ES modules)
// and a small JSON API: the state one person sees (long-polled by version),
// and what they do (a command, a click, a submitted modal, a reaction, the
// Home tab), which goes to the real bot as signed HTTP through SlackSender.
// No authentication: it binds to loopback, refuses other Host names (a page on
// another site cannot reach it by DNS rebinding) and takes JSON bodies only (a
// cross-site form cannot post one).
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SlackEmulator } from '../emulator/emulator.ts';
import type { SlackSender } from '../emulator/sender.ts';
import { ClientNotices } from './client-notices.ts';
import { APP_CHANNEL, buildSnapshot, mimeTypeOf, type PersonView } from './snapshot.ts';
import { SlackClient, type ClientResult } from './slack-client.ts';

export interface SandboxPeople { [key: string]: { id: string; name: string; role: string } }

export interface OutboxMail { id: string; to: string; subject: string; date: string; file: string }

export interface SandboxPageOptions {
  emulator: SlackEmulator;
  sender: SlackSender;
  people: SandboxPeople;
  defaultChannelId: string;
  port: number;
  /** Loopback by default: the page has no authentication. */
  host?: string;
  command: string;
  outbox?: () => Promise<OutboxMail[]>;
}

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
/** A long poll answers at the latest after this long, so proxies and browsers never give up first. */
const LONG_POLL_MS = 20_000;
const MAX_BODY_BYTES = 1024 * 1024;

type Obj = Record<string, unknown>;

class BadRequest extends Error {}

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Obj> {
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    throw new BadRequest('send a JSON body with Content-Type: application/json, e.g. {"as":"collector","channel":"C0COLLECTIONS","line":"/collect overdue"}');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest(`the body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('the body is not JSON, e.g. {"as":"collector","viewId":"V123","values":{}}');
  }
  if (!isObj(parsed)) throw new BadRequest('the body must be a JSON object, e.g. {"as":"collector"}');
  return parsed;
}

const text = (body: Obj, key: string): string | undefined => (typeof body[key] === 'string' ? body[key] : undefined);

function need(body: Obj, key: string, example: string): string {
  const value = text(body, key);
  if (value === undefined || value === '') throw new BadRequest(`"${key}" is missing, e.g. "${key}":"${example}"`);
  return value;
}

/** Hosts the page answers to: the loopback names, and the one it was bound to. */
function allowedHost(hostHeader: string | undefined, boundHost: string): boolean {
  const name = (hostHeader ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  // Bound to every interface on purpose: any name the machine is reached by.
  if (boundHost === '0.0.0.0' || boundHost === '::') return true;
  return ['127.0.0.1', 'localhost', '::1', boundHost.toLowerCase()].includes(name);
}

export async function startSandboxPage(opts: SandboxPageOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { emulator } = opts;
  const host = opts.host ?? '127.0.0.1';
  let version = 1;
  const waiters = new Set<() => void>();
  const bump = () => {
    version += 1;
    for (const wake of [...waiters]) wake();
  };
  const unsubscribe = emulator.state.subscribe(bump);
  const notices = new ClientNotices(bump);
  const client = new SlackClient(emulator, opts.sender, notices, opts.command);
  const people: PersonView[] = Object.entries(opts.people).map(([key, p]) => ({ key, ...p }));

  /** No key: the first person, as the page opens. */
  function person(key: string | undefined): PersonView {
    const found = key === undefined || key === '' ? people[0] : people.find((p) => p.key === key);
    if (found === undefined) throw new BadRequest(`no person "${key ?? ''}" in this sandbox; use one of: ${people.map((p) => p.key).join(', ')}`);
    return found;
  }

  /** The app's DM stands for the channel `app` on the page. */
  const realChannel = (me: PersonView, channelId: string | undefined): string | undefined =>
    (channelId === APP_CHANNEL ? client.appDm(me.id) : channelId);

  async function state(url: URL, res: ServerResponse): Promise<void> {
    const me = person(url.searchParams.get('as') ?? undefined);
    const since = Number(url.searchParams.get('since') ?? '0');
    if (since === version) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, LONG_POLL_MS);
        waiters.add(wake);
        res.once('close', wake);
      });
      if (res.destroyed) return;
    }
    const thread = url.searchParams.get('thread');
    const snapshot = buildSnapshot(emulator, {
      version,
      me,
      people,
      command: opts.command,
      hasOutbox: opts.outbox !== undefined,
      channelId: url.searchParams.get('channel') || opts.defaultChannelId,
      ...(thread ? { threadTs: thread } : {}),
      notices: notices.list(),
    });
    sendJson(res, 200, snapshot);
  }

  async function act(path: string, body: Obj): Promise<ClientResult> {
    const me = person(text(body, 'as'));
    switch (path) {
      case '/api/send': {
        const channelId = realChannel(me, need(body, 'channel', opts.defaultChannelId));
        if (channelId === undefined) return { ok: false, error: 'Nothing to send to yet.' };
        const threadTs = text(body, 'thread');
        return client.send({ userId: me.id, channelId, line: text(body, 'line') ?? '', ...(threadTs ? { threadTs } : {}) });
      }
      case '/api/action': {
        const viewId = text(body, 'viewId');
        const channelId = viewId === undefined ? realChannel(me, need(body, 'channel', opts.defaultChannelId)) : undefined;
        return client.action({
          userId: me.id,
          actionId: need(body, 'actionId', 'claim_call'),
          type: text(body, 'type') ?? 'button',
          ...(text(body, 'blockId') !== undefined ? { blockId: text(body, 'blockId')! } : {}),
          ...(text(body, 'value') !== undefined ? { value: text(body, 'value')! } : {}),
          ...(isObj(body.selectedOption) ? { selectedOption: body.selectedOption } : {}),
          ...(text(body, 'selectedDate') !== undefined ? { selectedDate: text(body, 'selectedDate')! } : {}),
          ...(text(body, 'selectedUser') !== undefined ? { selectedUser: text(body, 'selectedUser')! } : {}),
          ...(viewId !== undefined ? { viewId } : {}),
          ...(channelId !== undefined ? { channelId } : {}),
          ...(text(body, 'messageTs') !== undefined ? { messageTs: text(body, 'messageTs')! } : {}),
          ...(text(body, 'thread') ? { threadTs: text(body, 'thread')! } : {}),
          ...(body.ephemeral === true ? { ephemeral: true } : {}),
          ...(isObj(body.values) ? { values: body.values } : {}),
        });
      }
      case '/api/submit':
        return client.submit(me.id, need(body, 'viewId', 'V0123ABC'), isObj(body.values) ? body.values : {});
      case '/api/close':
        return client.close(me.id, need(body, 'viewId', 'V0123ABC'));
      case '/api/react': {
        const channelId = realChannel(me, need(body, 'channel', opts.defaultChannelId));
        if (channelId === undefined) return { ok: false, error: 'No such message.' };
        const name = need(body, 'name', 'raising_hand');
        if (!/^[a-z0-9_+-]{1,100}$/.test(name)) throw new BadRequest(`"${name}" is not an emoji name, e.g. "raising_hand"`);
        return client.react(me.id, channelId, need(body, 'ts', '1700000000.000100'), name, body.add !== false);
      }
      case '/api/home':
        return client.openHome(me.id);
      default:
        throw new BadRequest(`no API ${path}`);
    }
  }

  async function serveFile(path: string, res: ServerResponse): Promise<void> {
    const id = path.split('/')[2] ?? '';
    const file = emulator.state.files.get(id);
    if (file?.bytes === undefined) {
      sendText(res, 404, 'file not found');
      return;
    }
    const type = mimeTypeOf(file.filename);
    const safeName = file.filename.replace(/["\\\r\n]/g, '_');
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String(file.bytes.length),
      // Shown in the browser when it can (the PDF letters), downloaded otherwise.
      'Content-Disposition': `${type === 'application/octet-stream' ? 'attachment' : 'inline'}; filename="${safeName}"`,
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(file.bytes);
  }

  async function serveOutbox(path: string, res: ServerResponse): Promise<void> {
    if (opts.outbox === undefined) {
      sendText(res, 404, 'no outbox in this sandbox');
      return;
    }
    const mails = await opts.outbox();
    if (path === '/api/outbox') {
      sendJson(res, 200, { mails: mails.map(({ id, to, subject, date }) => ({ id, to, subject, date })) });
      return;
    }
    const mail = mails.find((m) => m.id === decodeURIComponent(path.slice('/outbox/'.length)));
    if (mail === undefined) {
      sendText(res, 404, 'no such mail in the outbox');
      return;
    }
    sendText(res, 200, await readFile(mail.file, 'utf8').catch(() => `(the file ${mail.file} is gone)`));
  }

  async function serveStatic(path: string, res: ServerResponse): Promise<void> {
    const name = path === '/' ? 'index.html' : path.slice('/static/'.length);
    if (!/^[a-z0-9-]+\.(html|js|css|svg)$/.test(name)) {
      sendText(res, 404, 'not found');
      return;
    }
    try {
      const body = await readFile(join(PUBLIC_DIR, name));
      res.writeHead(200, { 'Content-Type': STATIC_TYPES[extname(name)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', 'Content-Length': body.length });
      res.end(body);
    } catch {
      sendText(res, 404, 'not found');
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHost(req.headers.host, host)) {
      sendText(res, 421, 'this sandbox answers on its own address only');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const path = url.pathname;
    if (req.method === 'GET') {
      if (path === '/api/state') return state(url, res);
      if (path.startsWith('/files/')) return serveFile(path, res);
      if (path === '/api/outbox' || path.startsWith('/outbox/')) return serveOutbox(path, res);
      return serveStatic(path, res);
    }
    if (req.method === 'POST' && path.startsWith('/api/')) {
      const result = await act(path, await readJson(req));
      sendJson(res, 200, result);
      return;
    }
    sendText(res, 405, 'method not allowed');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof BadRequest) sendJson(res, 400, { ok: false, error: error.message });
      else sendJson(res, 500, { ok: false, error: `the sandbox failed: ${(error as Error).message}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close: () => new Promise<void>((resolve) => {
      unsubscribe();
      for (const wake of [...waiters]) wake();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

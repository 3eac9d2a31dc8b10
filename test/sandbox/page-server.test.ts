// The sandbox page's server on its own, without the bot: what a person sees,
// what Slack's client answers by itself (a command in a thread, an unknown
// command), what it sends the app (read here by a listener standing where the
// app would be), files with their content type, the outbox, the long poll,
// and the refusals of a server that has no login.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ADMIN_ID, DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_OUTSIDER_ID,
} from '../../src/emulator/seed.ts';
import { SlackSender } from '../../src/emulator/sender.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import { startSandboxPage } from '../../src/sandbox/page-server.ts';
import type { Snapshot } from '../../src/sandbox/snapshot.ts';

const PEOPLE = {
  collector: { id: DEMO_COLLECTOR_ID, name: 'Chloé Bernard', role: 'collector' },
  manager: { id: DEMO_MANAGER_ID, name: 'Marc Dubois', role: 'manager' },
  admin: { id: DEMO_ADMIN_ID, name: 'Alice Martin', role: 'admin' },
  stranger: { id: DEMO_OUTSIDER_ID, name: 'Oscar Reed', role: 'not on the team' },
};

let emulator: SlackEmulator;
/** Where the app would listen: every request Slack's side sends, acknowledged with an empty 200. */
let appSide: Server;
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
let page: { url: string; close(): Promise<void> };
const dir = mkdtempSync(join(tmpdir(), 'relance-page-'));
const eml = join(dir, 'reminder.eml');

beforeAll(async () => {
  emulator = await startSlackEmulator();
  appSide = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => appSide.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(appSide.address() as AddressInfo).port}/slack/events`;
  const sender = new SlackSender({ appUrl, signingSecret: 'page-server-test-secret', emulator });
  writeFileSync(eml, 'Subject: Invoice DEMO-0001 is overdue\r\n\r\nHello,\r\n');
  page = await startSandboxPage({
    emulator, sender, people: PEOPLE, defaultChannelId: DEMO_COLLECTIONS_CHANNEL_ID, port: 0, command: '/collect',
    outbox: async () => [{ id: '7', to: 'accounts@client.example', subject: 'Invoice DEMO-0001 is overdue', date: '2026-11-30T09:00:00.000Z', file: eml }],
  });
});

afterAll(async () => {
  await page?.close();
  await emulator?.close();
  appSide?.closeAllConnections();
  await new Promise((resolve) => appSide?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(new URL(path, page.url));
const post = (path: string, body: unknown) =>
  fetch(new URL(path, page.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const state = async (query: string): Promise<Snapshot> => (await get(`/api/state?${query}`)).json() as Promise<Snapshot>;

describe('the sandbox page server', () => {
  it('serves the page and shows each person the channels they can open', async () => {
    const html = await (await get('/')).text();
    expect(html).toContain('Local sandbox — nothing leaves this machine');
    expect((await get('/static/app.js')).headers.get('content-type')).toContain('text/javascript');
    expect((await get('/static/../page-server.ts')).status).toBe(404);

    const first = await state('');
    expect(first.me.key).toBe('collector');
    expect(first.channel.id).toBe(DEMO_COLLECTIONS_CHANNEL_ID);
    expect(first.channels.map((c) => c.name)).toEqual(['collections', 'general']);
    expect((await state('as=admin')).channels.map((c) => c.name)).toEqual(['board', 'collections', 'general']);
  });

  it('answers on its own address only, takes JSON only, and names the people it knows', async () => {
    // fetch will not set Host: a page on another site reaching 127.0.0.1 by DNS rebinding sends its own name.
    const rebound = await new Promise<number>((resolve, reject) => {
      request(new URL('/api/state', page.url), { headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject).end();
    });
    expect(rebound).toBe(421);
    const form = await fetch(new URL('/api/send', page.url), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'as=collector' });
    expect(form.status).toBe(400);
    expect(((await form.json()) as { error: string }).error).toContain('Content-Type: application/json');
    const nobody = await post('/api/send', { as: 'nobody', channel: DEMO_COLLECTIONS_CHANNEL_ID, line: '/collect help' });
    expect(nobody.status).toBe(400);
    expect(((await nobody.json()) as { error: string }).error).toBe('no person "nobody" in this sandbox; use one of: collector, manager, admin, stranger');
  });

  it('refuses a slash command inside a thread, and an unknown command, with Slack\'s words', async () => {
    const parent = emulator.postAsUser(DEMO_COLLECTOR_ID, DEMO_COLLECTIONS_CHANNEL_ID, 'Who calls Acme today?');
    const ts = String(parent.ts);
    expect(await (await post('/api/send', { as: 'collector', channel: DEMO_COLLECTIONS_CHANNEL_ID, thread: ts, line: '/collect overdue' })).json()).toEqual({ ok: true });
    await post('/api/send', { as: 'collector', channel: DEMO_COLLECTIONS_CHANNEL_ID, line: '/colect overdue' });

    const seen = await state(`as=collector&thread=${ts}`);
    const refusal = seen.thread!.messages.find((m) => m.ephemeral);
    expect(refusal).toMatchObject({ author: 'slackbot', text: '/collect is not supported in threads. Sorry!', threadTs: ts });
    expect(seen.messages.find((m) => m.ephemeral)?.text).toBe('/colect is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.');
    // Only the person who typed sees them.
    expect((await state(`as=manager&thread=${ts}`)).thread!.messages.filter((m) => m.ephemeral)).toEqual([]);
  });

  it('serves an uploaded PDF with its content type, to open in the browser', async () => {
    const bytes = Buffer.from('%PDF-1.7\n% a formal notice\n');
    const started = emulator.api('files.getUploadURLExternal', { filename: 'mise-en-demeure-C-1001.pdf', length: bytes.length }, DEMO_BOT_TOKEN).body as { upload_url: string; file_id: string };
    emulator.upload(started.upload_url.split('/').pop()!, bytes, 'application/pdf');
    emulator.api('files.completeUploadExternal', { files: [{ id: started.file_id, title: 'Formal notice' }], channel_id: DEMO_COLLECTIONS_CHANNEL_ID }, DEMO_BOT_TOKEN);

    const file = (await state('as=collector')).messages.flatMap((m) => m.files).find((f) => f.id === started.file_id)!;
    expect(file).toMatchObject({ title: 'Formal notice', mimetype: 'application/pdf', url: `/files/${started.file_id}/mise-en-demeure-C-1001.pdf` });
    const served = await get(file.url);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toBe('inline; filename="mise-en-demeure-C-1001.pdf"');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
    expect((await get('/files/F0NOPE/x.pdf')).status).toBe(404);
  });

  it('lists the outbox without file paths and opens a mail as text', async () => {
    const listed = (await (await get('/api/outbox')).json()) as { mails: Record<string, string>[] };
    expect(listed.mails).toEqual([{ id: '7', to: 'accounts@client.example', subject: 'Invoice DEMO-0001 is overdue', date: '2026-11-30T09:00:00.000Z' }]);
    const mail = await get('/outbox/7');
    expect(mail.headers.get('content-type')).toContain('text/plain');
    expect(await mail.text()).toContain('Subject: Invoice DEMO-0001 is overdue');
    expect((await get('/outbox/8')).status).toBe(404);
  });

  it('holds a poll until something changes, then answers with the new version', async () => {
    const before = await state('as=manager');
    const polled = state(`as=manager&since=${before.version}`);
    emulator.postAsUser(DEMO_MANAGER_ID, DEMO_COLLECTIONS_CHANNEL_ID, 'Back from lunch');
    const after = await polled;
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.messages.at(-1)).toMatchObject({ text: 'Back from lunch', authorName: 'Marc', ephemeral: false });
  });

  it('sends the app what Slack sends: escaped command text with people as ids, reaction events, view_closed', async () => {
    received.length = 0;
    await post('/api/send', { as: 'manager', channel: DEMO_COLLECTIONS_CHANNEL_ID, line: '/collect assign Acme <&> @chloe #general tomorrow' });
    const form = new URLSearchParams(received.at(-1)!.body);
    expect(form.get('command')).toBe('/collect');
    expect(form.get('text')).toBe(`assign Acme &lt;&amp;&gt; <@${DEMO_COLLECTOR_ID}|chloe> <#C0GENERAL|general> tomorrow`);
    expect(form.get('user_id')).toBe(DEMO_MANAGER_ID);
    expect(received.at(-1)!.headers['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);

    const ts = String(emulator.postAsUser(DEMO_COLLECTOR_ID, DEMO_COLLECTIONS_CHANNEL_ID, 'Acme paid').ts);
    expect(await (await post('/api/react', { as: 'manager', channel: DEMO_COLLECTIONS_CHANNEL_ID, ts, name: 'tada' })).json()).toEqual({ ok: true });
    expect(JSON.parse(received.at(-1)!.body).event).toMatchObject({ type: 'reaction_added', user: DEMO_MANAGER_ID, reaction: 'tada', item: { channel: DEMO_COLLECTIONS_CHANNEL_ID, ts } });
    expect((await state('as=manager')).messages.find((m) => m.ts === ts)?.reactions).toEqual([{ name: 'tada', count: 1, mine: true, users: [DEMO_MANAGER_ID] }]);
    await post('/api/react', { as: 'manager', channel: DEMO_COLLECTIONS_CHANNEL_ID, ts, name: 'tada', add: false });
    expect(JSON.parse(received.at(-1)!.body).event).toMatchObject({ type: 'reaction_removed', reaction: 'tada' });
    const stranger = await (await post('/api/react', { as: 'stranger', channel: DEMO_COLLECTIONS_CHANNEL_ID, ts, name: 'tada' })).json();
    expect(stranger).toEqual({ ok: false, error: 'You are not a member of #collections: only its members can post and react there.' });

    const opened = emulator.api('views.open', {
      trigger_id: emulator.issueTrigger(DEMO_MANAGER_ID),
      view: { type: 'modal', callback_id: 'survey', notify_on_close: true, title: { type: 'plain_text', text: 'Survey' }, blocks: [] },
    }, DEMO_BOT_TOKEN).body as { view: { id: string } };
    expect((await state('as=manager')).modals.map((v) => v.id)).toEqual([opened.view.id]);
    await post('/api/close', { as: 'manager', viewId: opened.view.id });
    expect((await state('as=manager')).modals).toEqual([]);
    const closed = JSON.parse(new URLSearchParams(received.at(-1)!.body).get('payload')!);
    expect(closed).toMatchObject({ type: 'view_closed', is_cleared: false, user: { id: DEMO_MANAGER_ID }, view: { id: opened.view.id, callback_id: 'survey' } });
  });
});

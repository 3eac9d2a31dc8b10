import type { WebAPIPlatformError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock, SlackEmulator } from '../../src/emulator/index.ts';
import {
  createManualClock,
  DEMO_BOT_USER_ID,
  DEMO_COLLECTIONS_CHANNEL_ID,
  DEMO_COLLECTOR_ID,
  DEMO_MANAGER_ID,
  startSlackEmulator,
} from '../../src/emulator/index.ts';
import { botClient } from './support.ts';

let emulator: SlackEmulator;
let clock: ManualClock;
let client: ReturnType<typeof botClient>;

beforeEach(async () => {
  clock = createManualClock();
  emulator = await startSlackEmulator({ clock: clock.now });
  client = botClient(emulator);
});

afterEach(async () => {
  await emulator.close();
});

const errorOf = async (promise: Promise<unknown>) => ((await promise.catch((e: unknown) => e)) as WebAPIPlatformError).data?.error;

describe('file uploads', () => {
  it('runs filesUploadV2 end to end into a thread', async () => {
    const parent = await client.chat.postMessage({ channel: DEMO_COLLECTIONS_CHANNEL_ID, text: 'Case ACME' });
    const pdf = Buffer.from('%PDF-1.7\nmise en demeure\n%%EOF');
    const result = await client.filesUploadV2({
      channel_id: DEMO_COLLECTIONS_CHANNEL_ID,
      thread_ts: parent.ts!,
      file: pdf,
      filename: 'mise-en-demeure.pdf',
      title: 'Mise en demeure ACME',
      initial_comment: 'Formal notice attached',
    });
    expect(result.ok).toBe(true);

    const [stored] = emulator.files();
    expect(stored).toMatchObject({ filename: 'mise-en-demeure.pdf', title: 'Mise en demeure ACME', completed: true, threadTs: parent.ts });
    expect(stored?.bytes?.equals(pdf)).toBe(true);

    const thread = emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID, { threadTs: parent.ts! });
    expect(thread).toHaveLength(2);
    expect(thread[1]).toMatchObject({
      subtype: 'file_share',
      user: DEMO_BOT_USER_ID,
      text: 'Formal notice attached',
      thread_ts: parent.ts,
      files: [{ id: stored?.id, name: 'mise-en-demeure.pdf', mimetype: 'application/pdf', size: pdf.length }],
    });
    // The file can be downloaded from its url_private.
    const file = (thread[1]?.files?.[0] ?? {}) as { url_private?: string };
    const download = await fetch(file.url_private ?? '');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('refuses to complete an upload whose bytes never arrived', async () => {
    const { file_id } = await client.files.getUploadURLExternal({ filename: 'a.csv', length: 3 });
    expect(await errorOf(client.files.completeUploadExternal({ files: [{ id: file_id! }], channel_id: DEMO_COLLECTIONS_CHANNEL_ID }))).toBe('file_not_found');
  });
});

describe('views', () => {
  const modal = {
    type: 'modal' as const,
    callback_id: 'log_call',
    title: { type: 'plain_text' as const, text: 'Log a call' },
    submit: { type: 'plain_text' as const, text: 'Save' },
    blocks: [{ type: 'input', block_id: 'note', label: { type: 'plain_text', text: 'Note' }, element: { type: 'plain_text_input', action_id: 'v' } }],
  };

  it('accepts a trigger once, within 3 seconds', async () => {
    const trigger = emulator.issueTrigger(DEMO_COLLECTOR_ID);
    const opened = await client.views.open({ trigger_id: trigger, view: modal });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), callback_id: 'log_call', type: 'modal' });
    expect(emulator.openViews(DEMO_COLLECTOR_ID)).toHaveLength(1);
    expect(await errorOf(client.views.open({ trigger_id: trigger, view: modal }))).toBe('expired_trigger_id');

    const late = emulator.issueTrigger(DEMO_COLLECTOR_ID);
    clock.advance(3001);
    expect(await errorOf(client.views.open({ trigger_id: late, view: modal }))).toBe('expired_trigger_id');
    expect(await errorOf(client.views.open({ trigger_id: '123.456.abc', view: modal }))).toBe('invalid_trigger_id');
  });

  it('leaves the trigger usable when the view is refused', async () => {
    const trigger = emulator.issueTrigger(DEMO_COLLECTOR_ID);
    const tooLong = { ...modal, title: { type: 'plain_text' as const, text: 'A title much longer than Slack allows' } };
    expect(await errorOf(client.views.open({ trigger_id: trigger, view: tooLong }))).toBe('invalid_arguments');
    await expect(client.views.open({ trigger_id: trigger, view: modal })).resolves.toMatchObject({ ok: true });
  });

  it('updates with hash checks and pushes up to three views', async () => {
    const { view } = await client.views.open({ trigger_id: emulator.issueTrigger(DEMO_COLLECTOR_ID), view: modal });
    const updated = await client.views.update({ view_id: view!.id!, hash: view!.hash!, view: { ...modal, private_metadata: 'case=1' } });
    expect(updated.view?.private_metadata).toBe('case=1');
    expect(await errorOf(client.views.update({ view_id: view!.id!, hash: view!.hash!, view: modal }))).toBe('hash_conflict');
    await client.views.push({ trigger_id: emulator.issueTrigger(DEMO_COLLECTOR_ID), view: modal });
    await client.views.push({ trigger_id: emulator.issueTrigger(DEMO_COLLECTOR_ID), view: modal });
    expect(await errorOf(client.views.push({ trigger_id: emulator.issueTrigger(DEMO_COLLECTOR_ID), view: modal }))).toBe('push_limit_reached');
    expect(emulator.openViews(DEMO_COLLECTOR_ID)).toHaveLength(3);
  });

  it('publishes a Home tab per user', async () => {
    const home = { type: 'home' as const, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*My calls today*' } }] };
    const published = await client.views.publish({ user_id: DEMO_MANAGER_ID, view: home });
    expect(published.view).toMatchObject({ type: 'home', blocks: home.blocks });
    expect(emulator.home(DEMO_MANAGER_ID)).toMatchObject({ type: 'home', id: published.view?.id });
    expect(emulator.home(DEMO_COLLECTOR_ID)).toBeUndefined();
    expect(await errorOf(client.views.publish({ user_id: DEMO_MANAGER_ID, view: { ...home, blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) } }))).toBe('invalid_arguments');
  });
});

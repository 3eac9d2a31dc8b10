// A mistyped /collect subcommand: the ack itself says which one was meant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID } from '../../src/emulator/seed.ts';
import { t } from '../../src/i18n/messages.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.close();
});

async function ackText(text: string): Promise<string> {
  const sent = await app.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text });
  expect(sent.status).toBe(200);
  // Answered in the ack itself (a bare ack has an empty body): no response_url round trip, no database.
  return (sent.body as { text: string }).text;
}

describe('an unknown subcommand', () => {
  it('suggests the subcommand a typo is close to', async () => {
    expect(await ackText('overdeu mine')).toBe('Unknown subcommand "overdeu" — did you mean `overdue`? `/collect help` lists them all.');
  });

  it('suggests a French alias as written, and two subcommands a prefix starts', async () => {
    expect(await ackText('retrad')).toContain('did you mean `retard`?');
    expect(await ackText('esc acme')).toContain('did you mean `escalate` or `escalations`?');
  });

  it('suggests in `help <topic>` too, and points to the list when nothing is close', async () => {
    expect(await ackText('help overdeu')).toContain('did you mean `overdue`?');
    expect(await ackText('help frobnicate')).toContain('`/collect help`');
    expect(await ackText('help frobnicate')).not.toContain('did you mean');
  });

  it('points to help when nothing is close', async () => {
    expect(await ackText('frobnicate now')).toBe('I don\'t know the command "frobnicate". Try `/collect help` to see what I can do.');
  });

  it('is said in French too', () => {
    expect(t('fr', 'error.unknownSubSuggest', { input: 'retrad', suggestion: 'retard', command: '/collect' }))
      .toBe('Sous-commande inconnue « retrad » — vouliez-vous dire `retard` ? `/collect help` les liste toutes.');
  });
});

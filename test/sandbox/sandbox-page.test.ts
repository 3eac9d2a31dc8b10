// The sandbox as a newcomer uses it, in a real browser: the page plays Slack's
// client, the real bot answers over signed HTTP. One browser for the file, one
// page per scenario; no fixed waits, only selectors. Screenshots go to
// test-artifacts/sandbox/.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.ts';
import { DEMO_BOT_TOKEN } from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start.ts';
import { createTestDatabase } from '../support/pg.ts';
import { launchBrowser, screenshot, type Browser } from './browser.ts';

let browser: Browser | undefined;
let sandbox: RunningSandbox | undefined;
let drop: (() => Promise<void>) | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'relance-sandbox-'));
const pages: Page[] = [];
const queuePrefix = `relance-test-${randomBytes(4).toString('hex')}`;
let redisUrl = '';

beforeAll(async () => {
  // The browser first: without chromium the file fails at once, with the reason.
  browser = await launchBrowser();
  const database = await createTestDatabase();
  drop = database.drop;
  const env = loadEnv({
    DATABASE_URL: database.url,
    RELANCE_QUEUE_PREFIX: queuePrefix,
    RELANCE_DATA_DIR: dataDir,
    RELANCE_LOCALE: 'en',
    RELANCE_TZ: 'Europe/Paris',
    LOG_LEVEL: 'silent',
  });
  redisUrl = env.REDIS_URL;
  sandbox = await startSandbox(env, { port: 0, logger: createLogger('silent') });
}, 60_000);

afterAll(async () => {
  for (const page of pages) await page.close().catch(() => {});
  await browser?.close();
  await sandbox?.close();
  await drop?.();
  rmSync(dataDir, { recursive: true, force: true });
  // The sandbox's queues and schedules go with the file.
  if (redisUrl) {
    const redis = new Redis(redisUrl);
    for await (const keys of redis.scanStream({ match: `${queuePrefix}*`, count: 500 })) if ((keys as string[]).length) await redis.del(...(keys as string[]));
    await redis.quit();
  }
});

/** A scenario on its own page; a failure leaves a screenshot of what the page showed. */
function scenario(name: string, title: string, fn: (open: (as: string) => Promise<Page>) => Promise<void>, timeoutMs = 30_000): void {
  it(title, async () => {
    let page: Page | undefined;
    try {
      await fn(async (as) => (page = await open(as)));
    } catch (error) {
      if (page) await screenshot(page, `${name}-failed`).catch(() => {});
      throw error;
    }
  }, timeoutMs);
}

async function open(as: string, query = ''): Promise<Page> {
  const page = await browser!.newPage();
  pages.push(page);
  page.setDefaultTimeout(10_000);
  await page.goto(`${sandbox!.url}?as=${as}${query}`);
  await page.locator('.main .composer-input').waitFor();
  return page;
}

async function type(page: Page, line: string, where: 'main' | 'thread' = 'main'): Promise<void> {
  const box = page.locator(`.${where} .composer-input`);
  await box.fill(line);
  await box.press('Enter');
}

async function actAs(page: Page, who: string): Promise<void> {
  await page.locator('#as').selectOption(who);
  await page.locator(`#switcher[data-me="${who}"]`).waitFor();
}

/** The message in the channel (or the thread pane) that contains this text. */
const message = (page: Page, text: string | RegExp, where = '.main'): Locator => page.locator(`${where} .message`, { hasText: text });

/**
 * Hovers a message and opens its reaction picker. The message may be re-rendered
 * under the pointer (an update arriving from the bot), which takes the hover bar
 * away: then it is hovered again.
 */
async function openReactionPicker(entry: Locator): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await entry.hover();
    try {
      await entry.locator('[data-hover="react"]').click({ timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

describe('the sandbox page', () => {
  scenario('overdue', 'says it is a local sandbox and shows the worklist for /collect overdue', async (open) => {
    const page = await open('collector');
    await expect(page.locator('.banner').textContent()).resolves.toContain('Local sandbox — nothing leaves this machine');
    await expect(page.locator('.banner').getAttribute('title')).resolves.toMatch(/no login.*127\.0\.0\.1/);
    await type(page, '/collect overdue');
    const worklist = message(page, 'Boulangerie Martin SARL').last();
    await worklist.waitFor();
    await expect(worklist.getAttribute('class')).resolves.toContain('ephemeral');
    await expect(worklist.textContent()).resolves.toContain('Only visible to you');
    await expect(worklist.locator('button.bk-button', { hasText: 'Open case' }).count()).resolves.toBeGreaterThan(3);
    await screenshot(page, 'overdue');
  });

  scenario('digest', 'posts a digest, and a call is claimed by button and by reaction; a command in its thread is refused', async (open) => {
    const page = await open('admin');
    await type(page, '/collect digest now');
    const digest = message(page, 'Overdue digest');
    // The digest is a queued job, paced as Slack requires: the one wait longer than a click.
    await digest.locator('.thread-summary').waitFor({ timeout: 30_000 });
    await digest.locator('.thread-summary').click();
    const thread = page.locator('.thread');
    // A call with no owner yet: claimed by button, released by taking the reaction off, claimed again by reaction.
    const unowned = message(page, 'no owner', '.thread').filter({ has: page.locator('button', { hasText: 'Claim call' }) }).first();
    await unowned.waitFor();
    const name = (await unowned.locator('.bk-text b').first().textContent())!;
    // That very message (the thread can hold more than one about the same customer).
    const entry = page.locator(`.thread .message[data-ts="${await unowned.getAttribute('data-ts')}"]`);
    const told = (text: string) => page.locator('.message.ephemeral', { hasText: text });
    await screenshot(page, 'digest');

    await entry.locator('button', { hasText: 'Claim call' }).click();
    await told(`You have the call to ${name}`).waitFor();
    await entry.filter({ hasText: 'Call claimed by @Alice' }).waitFor();

    await openReactionPicker(entry);
    await entry.locator('[data-emoji="raising_hand"]').click();
    await told(`You already have the call to ${name}`).waitFor();
    await entry.locator('.reaction.mine[data-reaction="raising_hand"]').click();
    await told(`You released the call to ${name}`).waitFor();
    await entry.filter({ hasNotText: 'Call claimed by' }).waitFor();
    await expect(entry.locator('.reaction').count()).resolves.toBe(0);

    await openReactionPicker(entry);
    await entry.locator('[data-emoji="raising_hand"]').click();
    await told(`You have the call to ${name}`).nth(1).waitFor();
    await entry.filter({ hasText: 'Call claimed by @Alice' }).waitFor();
    await screenshot(page, 'digest-claimed');

    await type(page, '/collect overdue', 'thread');
    await thread.locator('.message.ephemeral', { hasText: '/collect is not supported in threads. Sorry!' }).waitFor();
    await screenshot(page, 'thread-command-refused');
  }, 60_000);

  scenario('log-call', 'logs a call through the modal, with the bot\'s field errors shown on the form', async (open) => {
    const page = await open('collector');
    await type(page, '/collect log C-1002');
    const modal = page.locator('.modal[data-callback-id="log_call_modal"]');
    const outcome = modal.locator('.bk-input-block[data-block-id="outcome"] select');
    await outcome.waitFor();
    await outcome.selectOption({ label: 'promised to pay' });
    await modal.locator('[data-modal="submit"]').click();
    await modal.locator('.bk-input-block.has-error .bk-error').first().waitFor();
    await screenshot(page, 'log-call-errors');

    await outcome.selectOption({ label: 'no answer' });
    await modal.locator('.bk-input-block[data-block-id="note"] textarea').fill('Voicemail, will try again tomorrow');
    await modal.locator('[data-modal="submit"]').click();
    await modal.waitFor({ state: 'detached' });
    await page.locator('.message', { hasText: 'Call to' }).first().waitFor();
    await screenshot(page, 'log-call-done');
  });

  scenario('escalation', 'refuses the escalations to the collector who asked, approves one as the manager, and tells the requester', async (open) => {
    const page = await open('collector');
    await type(page, '/collect escalate C-1001 notice They stopped answering our calls');
    await page.locator('.message.ephemeral', { hasText: 'Request sent: formal notice for Boulangerie Martin SARL' }).waitFor();
    await type(page, '/collect escalations');
    await page.locator('.message.ephemeral', { hasText: '/collect escalations needs the manager role' }).waitFor();
    await screenshot(page, 'escalation-refused');

    await actAs(page, 'manager');
    await type(page, '/collect escalations');
    // Oldest first, a page at a time: the request just made is on the last page.
    const row = page.locator('.message.ephemeral .bk-section', { hasText: 'They stopped answering our calls' });
    const list = page.locator('.message.ephemeral', { hasText: 'Escalations waiting for a decision' }).last();
    await list.waitFor();
    while (!(await row.count())) {
      const shown = Number(/Page (\d+) of/.exec((await list.textContent()) ?? '')?.[1] ?? '0');
      await list.locator('button', { hasText: 'Next page' }).click();
      await list.filter({ hasText: `Page ${shown + 1} of` }).waitFor();
    }
    await row.locator('xpath=following-sibling::div[1]').locator('button', { hasText: 'Approve' }).click();
    await page.locator('.message.ephemeral', { hasText: 'Approved: formal notice for Boulangerie Martin SARL' }).waitFor();
    await screenshot(page, 'escalation-approved');

    await actAs(page, 'collector');
    await page.locator('.side-item[data-channel="app"]').click();
    await page.locator('.tab[data-tab="messages"]').click();
    await message(page, 'Your request for a formal notice on Boulangerie Martin SARL (C-1001) was approved by @Marc').waitFor();
    await screenshot(page, 'escalation-requester-told');
  });

  scenario('block-kit', 'draws the Block Kit and mrkdwn the bot may send, and asks before a confirmed button acts', async (open) => {
    // Posted with the bot's token as the bot would: the page must draw whatever Slack accepts.
    const posted = sandbox!.emulator.api('chat.postMessage', {
      channel: 'C0GENERAL',
      text: 'Block Kit sampler',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Sampler :tada:' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*bold* _italic_ ~struck~ `code` <https://example.com|a link> <@U0MANAGER> <#C0COLLECTIONS> :raising_hand: 5 &lt; 6' },
          accessory: { type: 'overflow', action_id: 'more', options: [{ text: { type: 'plain_text', text: 'Snooze' }, value: 'snooze' }] } },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*Balance*\n€1,200.00' }, { type: 'mrkdwn', text: '*Owner*\n<@U0COLLECTOR>' }] },
        { type: 'divider' },
        { type: 'actions', elements: [
          { type: 'static_select', action_id: 'pick', placeholder: { type: 'plain_text', text: 'Pick a stage' }, options: [{ text: { type: 'plain_text', text: 'Reminder 1' }, value: 'r1' }] },
          { type: 'datepicker', action_id: 'when', initial_date: '2026-12-01' },
          { type: 'button', action_id: 'wipe', style: 'danger', text: { type: 'plain_text', text: 'Write off' }, value: '1',
            confirm: { title: { type: 'plain_text', text: 'Write it off?' }, text: { type: 'mrkdwn', text: 'This *cannot* be undone.' }, confirm: { type: 'plain_text', text: 'Write off' }, deny: { type: 'plain_text', text: 'Keep it' } } },
        ] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Updated just now' }] },
        { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'Rich ', style: { bold: true } }, { type: 'user', user_id: 'U0ADMIN' }] }] },
      ],
    }, DEMO_BOT_TOKEN);
    expect((posted.body as { ok: boolean }).ok).toBe(true);

    const page = await open('stranger');
    await page.locator('.side-item[data-channel="C0GENERAL"]').click();
    const sampler = message(page, 'Sampler');
    await sampler.waitFor();
    const text = sampler.locator('.bk-section .bk-text').first();
    await expect(text.innerHTML()).resolves.toMatch(/<b>bold<\/b> <i>italic<\/i> <s>struck<\/s> <code>code<\/code> <a href="https:\/\/example.com"[^>]*>a link<\/a>/);
    await expect(text.textContent()).resolves.toContain('@Marc #collections 🙋 5 < 6');
    await expect(sampler.locator('.bk-fields .bk-field').count()).resolves.toBe(2);
    await expect(sampler.locator('.bk-rich-text').textContent()).resolves.toBe('Rich @Alice');
    await expect(sampler.locator('select[data-action-id="pick"] option').allTextContents()).resolves.toEqual(['Pick a stage', 'Reminder 1']);
    await expect(sampler.locator('input[data-action-id="when"]').inputValue()).resolves.toBe('2026-12-01');
    await sampler.locator('[data-action-id="more"]').click();
    await sampler.locator('.bk-overflow-item', { hasText: 'Snooze' }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 200 } });

    await sampler.locator('button[data-action-id="wipe"]').click();
    const dialog = page.locator('.confirm-dialog');
    await expect(dialog.textContent()).resolves.toContain('This cannot be undone.');
    await screenshot(page, 'block-kit');
    await dialog.locator('[data-confirm="no"]').click();
    await dialog.waitFor({ state: 'detached' });
  });

  scenario('app-home', 'opens the App Home tab', async (open) => {
    const page = await open('collector');
    await page.locator('.side-item[data-channel="app"]').click();
    const home = page.locator('.home');
    await home.waitFor();
    await expect(home.textContent()).resolves.toContain('My calls today');
    await screenshot(page, 'app-home');
  });
});

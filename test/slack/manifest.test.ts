// slack/manifest.json creates the app in a real workspace: it must ask for
// every scope, event and command the code uses, and nothing more. The code is
// read as text, so a new `client.x.y(` call or `app.event('…')` listener fails
// here until the manifest (and src/slack/scopes.ts) say what it needs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { envSchema } from '../../src/config/env.ts';
import { RELANCE_BOT_SCOPES } from '../../src/emulator/state.ts';
import {
  CLIENT_HELPERS, COMMAND_SCOPES, EVENT_SCOPES, METHOD_SCOPES, missingScopes, readManifest, requiredBotScopes,
} from '../../src/slack/scopes.ts';

const root = new URL('../../', import.meta.url).pathname;
const manifest = readManifest();

/** The app's own sources: what runs against real Slack (the emulator stands in for Slack and is left out). */
function appSources(): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join('src', 'emulator')) walk(path);
      } else if (entry.name.endsWith('.ts')) {
        files.push({ path, text: readFileSync(join(root, path), 'utf8') });
      }
    }
  };
  for (const dir of ['src', 'jobs', 'commands']) walk(dir);
  return files;
}

const sources = appSources();

function matches(pattern: RegExp): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { path, text } of sources) {
    for (const m of text.matchAll(pattern)) {
      const name = m.slice(1).filter(Boolean).join('.');
      found.set(name, [...(found.get(name) ?? []), path]);
    }
  }
  return found;
}

/** Web API methods called as `client.chat.postMessage(` (any receiver ending in `client`). */
const calledMethods = matches(/\bclient\.([a-z]+)\.([a-zA-Z]+)(?:\.([a-zA-Z]+))?\(/g);
const calledHelpers = matches(/\bclient\.(filesUploadV2|paginate)\(/g);
const apiCalls = matches(/\.apiCall\(\s*'([a-zA-Z.]+)'/g);
const listenedEvents = matches(/\.event\(\s*'([a-z_]+)'/g);

describe('slack/manifest.json', () => {
  it('finds the calls and listeners it checks (the scan itself works)', () => {
    expect([...calledMethods.keys()]).toEqual(expect.arrayContaining(['chat.postMessage', 'views.publish', 'users.info']));
    expect([...listenedEvents.keys()]).toEqual(expect.arrayContaining(['app_home_opened', 'reaction_added']));
  });

  it('knows the scopes of every Web API method the code calls', () => {
    const methods = new Set([...calledMethods.keys(), ...apiCalls.keys()]);
    for (const helper of calledHelpers.keys()) for (const method of CLIENT_HELPERS[helper] ?? [`(unknown helper ${helper})`]) methods.add(method);
    const unknown = [...methods].filter((m) => !Object.hasOwn(METHOD_SCOPES, m))
      .map((m) => `${m} (called in ${[...new Set(calledMethods.get(m) ?? apiCalls.get(m) ?? [])].join(', ')})`);
    expect(unknown, 'add these methods and their scopes to METHOD_SCOPES in src/slack/scopes.ts').toEqual([]);
  });

  it('asks for every bot scope the code needs, and no other', () => {
    const bot = manifest.oauth_config.scopes.bot;
    expect(missingScopes(requiredBotScopes(), bot), 'scopes the code needs but the manifest does not ask for').toEqual([]);
    expect(missingScopes(bot, requiredBotScopes()), 'scopes the manifest asks for but no method or event needs').toEqual([]);
    expect(new Set(bot).size).toBe(bot.length);
    for (const scope of COMMAND_SCOPES) expect(bot).toContain(scope);
  });

  it('subscribes to every event the app listens to, and no other', () => {
    const events = manifest.settings.event_subscriptions?.bot_events ?? [];
    expect([...events].sort()).toEqual([...listenedEvents.keys()].sort());
    for (const event of events) expect(Object.hasOwn(EVENT_SCOPES, event), `EVENT_SCOPES lacks ${event}`).toBe(true);
  });

  it('lists every subcommand in the usage hint, within Slack\'s limits', () => {
    const [command, ...others] = manifest.features.slash_commands ?? [];
    expect(others).toEqual([]);
    expect(command!.command).toBe(envSchema.shape.RELANCE_COMMAND.parse(undefined));
    const hintWords = new Set(command!.usage_hint!.split(/[^a-z-]+/));
    expect(commands.map((c) => c.name).filter((name) => !hintWords.has(name)), 'subcommands missing from usage_hint').toEqual([]);
    // Slack's manifest schema: usage_hint ≤ 1,000 characters, description ≤ 2,000; the hint shows on one line, so it stays short.
    expect(command!.usage_hint!.length).toBeLessThanOrEqual(250);
    expect(command!.description.length).toBeLessThanOrEqual(2000);
    expect(command!.should_escape).toBe(true);
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description!.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description!.length).toBeGreaterThanOrEqual(175);
    expect(manifest.display_information.long_description!.length).toBeLessThanOrEqual(4000);
  });

  it('turns on the App Home, interactivity and one request URL for everything (Bolt\'s /slack/events)', () => {
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
    expect(manifest.features.bot_user?.display_name).toBeTruthy();
    expect(manifest.settings.interactivity?.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    const urls = [
      manifest.features.slash_commands?.[0]?.url,
      manifest.settings.event_subscriptions?.request_url,
      manifest.settings.interactivity?.request_url,
    ];
    for (const url of urls) expect(url).toBe('https://YOUR-HOST/slack/events');
  });

  it('is what the emulator grants its demo bot token', () => {
    expect([...RELANCE_BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });
});

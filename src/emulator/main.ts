import { DEMO_BOT_TOKEN, DEMO_SIGNING_SECRET, DEMO_TEAM_ID } from './seed.ts';
import type { SlackEmulator, SlackEmulatorOptions } from './server.ts';
import { startSlackEmulator } from './server.ts';

/** Starts the emulator with the demo workspace and says where it listens. */
export async function runSlackEmulator(
  options: SlackEmulatorOptions = {},
  print: (line: string) => void = (line) => console.log(line),
): Promise<SlackEmulator> {
  const emulator = await startSlackEmulator({ ...options, seed: options.seed ?? true });
  print(`Slack emulator listening on ${emulator.url}`);
  print(`  slackApiUrl:    ${emulator.apiUrl}`);
  print(`  team:           ${DEMO_TEAM_ID}`);
  print(`  bot token:      ${DEMO_BOT_TOKEN} (any xoxb- token is accepted)`);
  print(`  signing secret: ${DEMO_SIGNING_SECRET}`);
  return emulator;
}

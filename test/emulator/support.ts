import type { Logger, WebClientOptions } from '@slack/web-api';
import { LogLevel, WebClient } from '@slack/web-api';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { DEMO_BOT_TOKEN } from '../../src/emulator/index.ts';

/** Keeps the WebClient's warnings (missing text, [ERROR] metadata) out of test output. */
export const quietLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

export function botClient(emulator: SlackEmulator, options: WebClientOptions = {}, token = DEMO_BOT_TOKEN): WebClient {
  return new WebClient(token, { slackApiUrl: emulator.apiUrl, logger: quietLogger, retryConfig: { retries: 0 }, ...options });
}

// The emulator's public surface, for tests and the sandbox.
export { createManualClock, realClock } from './clock.ts';
export type { Clock, ManualClock } from './clock.ts';
export { SlackEmulator } from './emulator.ts';
export type { WaitOptions } from './emulator.ts';
export type { ConnectionFault, Fault, RateLimitRule } from './faults.ts';
export { runSlackEmulator } from './main.ts';
export { RESPONSE_URL_MAX_USES, RESPONSE_URL_TTL_MS } from './response-urls.ts';
export type { ResponseRecord, ResponseUrlMeta } from './response-urls.ts';
export * from './seed.ts';
export { SlackSender } from './sender.ts';
export type {
  BlockActionInput,
  EventInput,
  SendOptions,
  SenderResult,
  SenderTransport,
  SigningMode,
  SlackSenderOptions,
  SlashCommandInput,
  ViewSubmissionInput,
} from './sender.ts';
export { startSlackEmulator } from './server.ts';
export type { SlackEmulatorOptions } from './server.ts';
export { signSlackRequest } from './sign.ts';
export { SOCKET_MODE_ACK_TIMEOUT_MS, SOCKET_MODE_MAX_RETRIES, SOCKET_MODE_PATH, SocketModeHub, socketModeHub } from './socket-mode.ts';
export type {
  SocketAck,
  SocketConnectionInfo,
  SocketDisconnectReason,
  SocketEnvelope,
  SocketEnvelopeType,
  SocketFrame,
} from './socket-mode.ts';
export type { SlackSignatureHeaders } from './sign.ts';
export { EmulatorState, RELANCE_BOT_SCOPES } from './state.ts';
export type { ChannelInput, UserInput, WorkspaceInput } from './state.ts';
export { TRIGGER_TTL_MS } from './triggers.ts';
export type * from './types.ts';

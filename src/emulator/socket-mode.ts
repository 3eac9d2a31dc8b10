// Slack's side of Socket Mode: apps.connections.open hands out one-use tickets,
// the emulator's HTTP server upgrades `/link/?ticket=…` to a WebSocket, says
// hello, pushes envelopes and takes the app's acks. An events_api envelope not
// acknowledged within 3 s of the emulator clock is sent again with
// retry_attempt + 1, as Slack does, at most SOCKET_MODE_MAX_RETRIES times;
// a slash command or interaction is given up (the person would see an error).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { EmulatorState } from './state.ts';
import { waitFor } from './waiters.ts';

type Obj = Record<string, unknown>;

/** The WebSocket path apps.connections.open points at, as on wss-primary.slack.com. */
export const SOCKET_MODE_PATH = '/link/';
/** Slack waits this long for an envelope's ack before it counts the delivery as failed. */
export const SOCKET_MODE_ACK_TIMEOUT_MS = 3000;
/** Slack retries an unacknowledged event 3 times, then gives up. */
export const SOCKET_MODE_MAX_RETRIES = 3;
/** Slack refreshes a connection after a few hours; hello announces it in seconds. */
const APPROXIMATE_CONNECTION_SECONDS = 18_060;
const HOST = 'applink-emulator';

export type SocketEnvelopeType = 'slash_commands' | 'interactive' | 'events_api';
export type SocketDisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

/** One frame Slack pushes to the app. */
export interface SocketEnvelope {
  envelope_id: string;
  type: SocketEnvelopeType;
  payload: Obj;
  accepts_response_payload: boolean;
  /** Events only. */
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketAck {
  envelopeId: string;
  /** What the app put in `payload` (Bolt sends `{}` for a bare ack()). */
  payload: Obj;
  at: number;
  connectionId: string;
}

export interface SocketFrame {
  connectionId: string;
  at: number;
  envelope: SocketEnvelope;
}

export interface SocketConnectionInfo {
  id: string;
  appId: string;
  teamId: string;
  openedAt: number;
  open: boolean;
  closedAt?: number;
}

export interface SendEnvelopeInput {
  type: SocketEnvelopeType;
  payload: Obj;
  acceptsResponsePayload: boolean;
  /** For an event the test wants to look like Slack's own retry. */
  retryAttempt?: number;
  retryReason?: string;
}

export interface SentEnvelope {
  envelopeId: string;
  /** Settles with the first ack taken, whichever attempt it answered. */
  acked: Promise<SocketAck>;
}

interface Ticket {
  appId: string;
  teamId: string;
}

interface Connection extends SocketConnectionInfo {
  socket: WebSocket;
}

interface Pending {
  envelope: SocketEnvelope;
  /** Emulator time of the last delivery; undefined while waiting for a connection. */
  deliveredAt?: number;
  ackTimeoutMs: number;
  resolve: (ack: SocketAck) => void;
}

const hubs = new WeakMap<EmulatorState, SocketModeHub>();

/**
 * The Socket Mode side of one emulated Slack. Method handlers only see the
 * state, so the hub hangs off it rather than off the SlackEmulator.
 */
export function socketModeHub(state: EmulatorState): SocketModeHub {
  let hub = hubs.get(state);
  if (hub === undefined) {
    hub = new SocketModeHub(state);
    hubs.set(state, hub);
  }
  return hub;
}

export class SocketModeHub {
  readonly #state: EmulatorState;
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #tickets = new Map<string, Ticket>();
  readonly #connections: Connection[] = [];
  readonly #pending = new Map<string, Pending>();
  readonly #frames: SocketFrame[] = [];
  readonly #acks: SocketAck[] = [];
  readonly #lostAcks: SocketAck[] = [];
  #acksToLose = 0;
  #ackTimer: NodeJS.Timeout | undefined;
  /** How long an envelope waits for its ack, in emulator time. */
  ackTimeoutMs = SOCKET_MODE_ACK_TIMEOUT_MS;

  constructor(state: EmulatorState) {
    this.#state = state;
  }

  // --- apps.connections.open and the upgrade ---------------------------------

  /** A one-use WebSocket URL on this emulator, as apps.connections.open returns. */
  issueUrl(emulatorUrl: string, appId: string, teamId: string): string {
    const ticket = randomUUID();
    this.#tickets.set(ticket, { appId, teamId });
    const base = new URL(SOCKET_MODE_PATH, emulatorUrl);
    base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    base.search = new URLSearchParams({ ticket, app_id: appId }).toString();
    return base.toString();
  }

  /** For the HTTP server's `upgrade` event; false when the path is not Socket Mode's. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (url.pathname !== SOCKET_MODE_PATH) return false;
    const ticketId = url.searchParams.get('ticket') ?? '';
    const ticket = this.#tickets.get(ticketId);
    if (ticket === undefined) {
      // An unknown or already used ticket: Slack refuses the handshake.
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    this.#tickets.delete(ticketId);
    this.#server.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, ticket));
    return true;
  }

  #accept(socket: WebSocket, ticket: Ticket): void {
    const connection: Connection = {
      id: randomUUID(),
      appId: ticket.appId,
      teamId: ticket.teamId,
      openedAt: this.#state.now(),
      open: true,
      socket,
    };
    this.#connections.push(connection);
    socket.on('message', (data, isBinary) => {
      if (!isBinary) this.#onMessage(connection, Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
    });
    socket.on('close', () => this.#onClose(connection));
    socket.on('error', () => socket.terminate());
    socket.send(JSON.stringify({
      type: 'hello',
      num_connections: this.#openConnections().length,
      debug_info: { host: HOST, build_number: 1, approximate_connection_time: APPROXIMATE_CONNECTION_SECONDS },
      connection_info: { app_id: ticket.appId },
    }));
    // Envelopes that found no connection go out on the new one, as Slack's queue does.
    for (const pending of this.#pending.values()) if (pending.deliveredAt === undefined) this.#push(pending);
    this.#state.notify();
  }

  #onClose(connection: Connection): void {
    connection.open = false;
    connection.closedAt = this.#state.now();
    // Events that went out on the dead connection unanswered wait for the next one;
    // a command or interaction is not sent twice (the person saw an error).
    for (const pending of this.#pending.values()) {
      if (pending.envelope.type !== 'events_api') continue;
      const frame = this.#frames.findLast((f) => f.envelope.envelope_id === pending.envelope.envelope_id);
      if (frame?.connectionId === connection.id) pending.deliveredAt = undefined;
    }
    const next = this.#openConnections().at(-1);
    if (next !== undefined) for (const pending of this.#pending.values()) if (pending.deliveredAt === undefined) this.#push(pending);
    this.#state.notify();
  }

  #onMessage(connection: Connection, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { envelope_id: envelopeId, payload } = message as { envelope_id?: unknown; payload?: unknown };
    if (typeof envelopeId !== 'string') return;
    const ack: SocketAck = {
      envelopeId,
      payload: typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Obj) : {},
      at: this.#state.now(),
      connectionId: connection.id,
    };
    if (this.#acksToLose > 0) {
      this.#acksToLose -= 1;
      this.#lostAcks.push(ack);
      this.#state.notify();
      return;
    }
    this.#acks.push(ack);
    const pending = this.#pending.get(envelopeId);
    if (pending !== undefined) {
      this.#pending.delete(envelopeId);
      pending.resolve(ack);
    }
    this.#state.notify();
  }

  // --- Delivering envelopes ----------------------------------------------------

  /** Pushes an envelope to the newest open connection (or the next one to open). */
  send(input: SendEnvelopeInput): SentEnvelope {
    const envelope: SocketEnvelope = {
      envelope_id: randomUUID(),
      type: input.type,
      payload: input.payload,
      accepts_response_payload: input.acceptsResponsePayload,
      ...(input.type === 'events_api' ? { retry_attempt: input.retryAttempt ?? 0, retry_reason: input.retryReason ?? '' } : {}),
    };
    let resolve: (ack: SocketAck) => void = () => {};
    const acked = new Promise<SocketAck>((r) => {
      resolve = r;
    });
    const pending: Pending = { envelope, ackTimeoutMs: this.ackTimeoutMs, resolve };
    this.#pending.set(envelope.envelope_id, pending);
    this.#push(pending);
    return { envelopeId: envelope.envelope_id, acked };
  }

  #push(pending: Pending): void {
    const connection = this.#openConnections().at(-1);
    if (connection === undefined) return;
    pending.deliveredAt = this.#state.now();
    this.#frames.push({ connectionId: connection.id, at: pending.deliveredAt, envelope: structuredClone(pending.envelope) });
    connection.socket.send(JSON.stringify(pending.envelope));
    this.#watchAcks();
    this.#state.notify();
  }

  /**
   * The emulator clock is injected and moves without telling anyone: while an
   * envelope waits for its ack, look at the clock often (as `arriveLate` does).
   */
  #watchAcks(): void {
    if (this.#ackTimer !== undefined) return;
    this.#ackTimer = setInterval(() => this.#retryOverdue(), 5);
    this.#ackTimer.unref();
  }

  #retryOverdue(): void {
    const now = this.#state.now();
    let waiting = false;
    for (const [id, pending] of this.#pending) {
      const { envelope, deliveredAt } = pending;
      if (deliveredAt === undefined) continue;
      waiting = true;
      if (now < deliveredAt + pending.ackTimeoutMs) continue;
      if (envelope.type !== 'events_api' || (envelope.retry_attempt ?? 0) >= SOCKET_MODE_MAX_RETRIES) {
        // Slack gives up: commands and interactions are never retried (the person sees
        // an error), events after the last retry. A late ack changes nothing now.
        this.#pending.delete(id);
        this.#state.notify();
        continue;
      }
      envelope.retry_attempt = (envelope.retry_attempt ?? 0) + 1;
      envelope.retry_reason = 'timeout';
      this.#push(pending);
    }
    if (!waiting) {
      clearInterval(this.#ackTimer);
      this.#ackTimer = undefined;
    }
  }

  // --- Test controls -------------------------------------------------------------

  /** Sends `{type: 'disconnect', reason}` on every open connection (or one), then closes it. */
  disconnect(reason: SocketDisconnectReason, connectionId?: string): void {
    for (const connection of this.#openConnections()) {
      if (connectionId !== undefined && connection.id !== connectionId) continue;
      connection.socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: HOST } }));
      connection.socket.close(1000, reason);
    }
  }

  /** The next `count` acks are lost on the way, as if the app never answered. */
  loseNextAcks(count = 1): void {
    this.#acksToLose += count;
  }

  /** Every envelope pushed, retries included, oldest first. */
  frames(): SocketFrame[] {
    return structuredClone(this.#frames);
  }

  acks(): SocketAck[] {
    return structuredClone(this.#acks);
  }

  lostAcks(): SocketAck[] {
    return structuredClone(this.#lostAcks);
  }

  connections(): SocketConnectionInfo[] {
    return this.#connections.map(({ socket: _socket, ...info }) => ({ ...info }));
  }

  /** Envelopes sent and not acknowledged yet. */
  unacknowledged(): SocketEnvelope[] {
    return [...this.#pending.values()].map((p) => structuredClone(p.envelope));
  }

  /** Waits until `count` connections have been opened in all (1 = the first). */
  waitForConnection(options: { count?: number; timeoutMs?: number } = {}): Promise<SocketConnectionInfo> {
    const count = options.count ?? 1;
    return waitFor(
      this.#state,
      () => {
        const connection = this.connections()[count - 1];
        return connection?.open ? connection : undefined;
      },
      options.timeoutMs ?? 5000,
      `Socket Mode connection #${count}`,
    );
  }

  /** Closes every connection and forgets pending envelopes (emulator shutdown). */
  close(): void {
    clearInterval(this.#ackTimer);
    this.#ackTimer = undefined;
    this.#pending.clear();
    for (const connection of this.#connections) if (connection.open) connection.socket.terminate();
    this.#server.close();
  }

  /** Connections that can take a frame: not closed, and not closing after a disconnect. */
  #openConnections(): Connection[] {
    return this.#connections.filter((c) => c.open && c.socket.readyState === WebSocket.OPEN);
  }
}

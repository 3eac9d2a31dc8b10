// Assembles the Bolt app: receiver (HTTP or Socket Mode), middleware, listeners.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, defaultBodyLimit, HTTPReceiver, SocketModeReceiver, type CustomRoute } from '@slack/bolt';
import { commands } from '../../commands/index.ts';
import { createAccessResolver } from './access.ts';
import { registerActions } from './actions.ts';
import { registerDigestInteractions } from './digest-interactions.ts';
import { registerEscalationInteractions } from './escalation-interactions.ts';
import { registerReminderInteractions } from './reminder-interactions.ts';
import { closeNoteConfirmation, registerNoteConfirmation } from './note-confirmation.ts';
import { boltLogger } from './bolt-logger.ts';
import type { AppDeps } from './deps.ts';
import { firstDeliveries } from './dedupe-events.ts';
import { homeRefresher, registerHome } from './home.ts';
import { postKicker } from './kick-posts.ts';
import { healthRoutes } from './http-routes.ts';
import { mountIntakeApi } from '../api/mount.ts';
import { guardSlackRequests } from './request-guard.ts';
import { registerSlashCommand } from './router.ts';
import { createWorkspaceCache } from './workspace-cache.ts';

export interface SlackCredentials {
  token: string;
  signingSecret: string;
  appToken?: string;
}

export interface RunningSlackApp {
  app: InstanceType<typeof App>;
  /** The port the HTTP server listens on (health routes in Socket Mode). */
  port: number;
  stop(): Promise<void>;
}

const SLACK_ENDPOINT = '/slack/events';

export interface SlackAppOptions {
  /**
   * Socket Mode: how long the client waits for a pong, and before reconnecting
   * after Slack closes the connection (Bolt's default 5000 ms); tests shorten it.
   */
  socketModeClientPingTimeoutMs?: number;
}

/** Bolt's route paths: exact, or a prefix with a trailing wildcard such as `/api/*rest`. */
function routeMatches(pattern: string, path: string): boolean {
  const wildcard = /\/\*\w*$/.exec(pattern);
  return wildcard ? path.startsWith(pattern.slice(0, wildcard.index + 1)) : pattern === path;
}

/** Socket Mode has no request URL to share: the health routes get a small server of their own. */
function serveRoutes(routes: CustomRoute[], port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((r) => routeMatches(r.path, path) && [r.method].flat().includes(req.method ?? 'GET'));
    if (route === undefined) res.writeHead(404).end();
    else route.handler(req, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}

function httpReceiver(deps: AppDeps, signingSecret: string, customRoutes: ReturnType<typeof healthRoutes>, logger: ReturnType<typeof boltLogger>) {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: SLACK_ENDPOINT,
    customRoutes,
    logger,
    bodyLimit: defaultBodyLimit,
    // Acks go out as soon as a listener calls ack(); slow work never holds the response.
    processBeforeResponse: false,
  });
  // HTTPReceiver's server calls `requestListener` per request: the guard goes in front of it.
  receiver.requestListener = guardSlackRequests(receiver.requestListener, {
    signingSecret, endpoints: [SLACK_ENDPOINT], bodyLimit: defaultBodyLimit, logger: deps.logger,
  });
  return receiver;
}

export function createSlackApp(deps: AppDeps, credentials: SlackCredentials, options: SlackAppOptions = {}) {
  const logger = boltLogger(deps.logger);
  // The intake API (/api/*) shares the port: one HTTP server, Slack's endpoint and checks untouched.
  const api = mountIntakeApi(deps);
  const customRoutes = [...healthRoutes(deps), ...api.routes];
  const clientOptions = deps.env.SLACK_API_URL ? { slackApiUrl: deps.env.SLACK_API_URL } : {};
  // Socket Mode requests come over Slack's own websocket, unsigned: no HTTP guard there.
  // Its client calls apps.connections.open with the clientOptions under installerOptions.
  const receiver = credentials.appToken
    ? new SocketModeReceiver({
      appToken: credentials.appToken, logger, installerOptions: { clientOptions }, clientPingTimeout: options.socketModeClientPingTimeoutMs,
    })
    : httpReceiver(deps, credentials.signingSecret, customRoutes, logger);
  const app = new App({
    token: credentials.token,
    receiver,
    logger,
    clientOptions,
    // Bolt's in-memory conversation store runs on every request and nothing here reads it.
    convoStore: false,
  });
  const services = {
    deps,
    workspaces: createWorkspaceCache(deps.database.db, { timezone: deps.env.RELANCE_TZ, locale: deps.env.RELANCE_LOCALE }),
    resolveAccess: createAccessResolver({ bootstrapAdmins: deps.env.RELANCE_ADMINS }),
  };
  const isFirstDelivery = firstDeliveries(deps);
  const kickPosts = postKicker(deps);
  const homes = homeRefresher(services);
  // What every request needs around its listeners, in one middleware: each Bolt middleware is
  // a promise chain and a copy of the request's arguments, and three of them took about a
  // sixth of the ack path's CPU.
  app.use(async ({ body, context, client, logger, next }) => {
    const first = isFirstDelivery(body, logger);
    if (first !== true && !(await first)) return;
    try {
      await next();
      homes.afterRequest(body, context.teamId, client);
    } finally {
      kickPosts(context.teamId);
    }
  });
  registerActions(app, services);
  registerDigestInteractions(app, services);
  registerEscalationInteractions(app, services);
  registerReminderInteractions(app, services);
  registerNoteConfirmation(app, services);
  registerHome(app, services, homes);
  // Last of the global middleware, so the one above wraps it: see router.ts.
  registerSlashCommand(app, services, commands);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled Slack listener error');
  });

  return {
    app,
    async start(port = deps.env.PORT): Promise<RunningSlackApp> {
      const health = credentials.appToken ? await serveRoutes(customRoutes, port) : undefined;
      const closeHealth = () => new Promise<void>((resolve) => {
        if (health === undefined) return resolve();
        health.close(() => resolve());
        health.closeAllConnections();
      });
      const started = (await app.start(port).catch(async (error: unknown) => {
        await closeHealth();
        throw error;
      })) as Server | undefined;
      const address = (health ?? started)?.address?.() as AddressInfo | null | undefined;
      return { app, port: address?.port ?? port, stop: () => app.stop().then(closeHealth).then(() => closeNoteConfirmation(deps.env)).finally(() => api.close()) };
    },
  };
}

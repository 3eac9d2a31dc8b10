// Assembles the Bolt app: receiver (HTTP or Socket Mode), middleware, listeners.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, defaultBodyLimit, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { commands } from '../../commands/index.ts';
import { createAccessResolver } from './access.ts';
import { registerActions } from './actions.ts';
import { registerDigestInteractions } from './digest-interactions.ts';
import { registerEscalationInteractions } from './escalation-interactions.ts';
import { registerReminderInteractions } from './reminder-interactions.ts';
import { closeNoteConfirmation, registerNoteConfirmation } from './note-confirmation.ts';
import { boltLogger } from './bolt-logger.ts';
import type { AppDeps } from './deps.ts';
import { dedupeEvents } from './dedupe-events.ts';
import { registerHome } from './home.ts';
import { kickPostsAfterRequests } from './kick-posts.ts';
import { healthRoutes } from './http-routes.ts';
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

export function createSlackApp(deps: AppDeps, credentials: SlackCredentials) {
  const logger = boltLogger(deps.logger);
  const customRoutes = healthRoutes(deps);
  // Socket Mode requests come over Slack's own websocket, unsigned: no HTTP guard there.
  const receiver = credentials.appToken
    ? new SocketModeReceiver({ appToken: credentials.appToken, customRoutes, logger, installerOptions: { port: deps.env.PORT } })
    : httpReceiver(deps, credentials.signingSecret, customRoutes, logger);
  const app = new App({
    token: credentials.token,
    receiver,
    logger,
    clientOptions: deps.env.SLACK_API_URL ? { slackApiUrl: deps.env.SLACK_API_URL } : {},
  });
  const services = {
    deps,
    workspaces: createWorkspaceCache(deps.database.db, { timezone: deps.env.RELANCE_TZ, locale: deps.env.RELANCE_LOCALE }),
    resolveAccess: createAccessResolver({ bootstrapAdmins: deps.env.RELANCE_ADMINS }),
  };
  app.use(dedupeEvents(deps));
  app.use(kickPostsAfterRequests(deps));
  registerSlashCommand(app, services, commands);
  registerActions(app, services);
  registerDigestInteractions(app, services);
  registerEscalationInteractions(app, services);
  registerReminderInteractions(app, services);
  registerNoteConfirmation(app, services);
  registerHome(app, services);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled Slack listener error');
  });

  return {
    app,
    async start(port = deps.env.PORT): Promise<RunningSlackApp> {
      const started = (await app.start(port)) as Server | undefined;
      const address = started?.address?.() as AddressInfo | null | undefined;
      return { app, port: address?.port ?? port, stop: () => app.stop().then(() => closeNoteConfirmation(deps.env)) };
    },
  };
}

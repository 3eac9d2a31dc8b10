// The App Home tab. Published when someone opens it, and refreshed after they
// act through relance (a command, a button, a form, a reaction): at most one
// views.publish per person per window, plus one trailing publish so the last
// change always shows. What other people change shows at the next open or
// action: a Home is never republished per row written. The window, and who
// has opened their Home, live in memory in the web process: after a restart a
// Home is refreshed again once its owner has opened it.
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { ensureBalancesFresh } from '../db/balances.ts';
import { loadHome } from '../db/home.ts';
import { addDays, zonedTimeToUtc } from '../domain/dates.ts';
import { hasRole } from './access.ts';
import { HOME_LIMITS, homeView, refusalHomeView } from './blocks/home.ts';
import { createDebouncer } from './debouncer.ts';
import { buildContext, refusal, type RequestServices } from './request-context.ts';

type Trigger = 'opened' | 'refresh';

/** Builds and publishes one person's Home. A stranger who opens it sees the refusal; one who acts gets no publish. */
export async function publishHome(services: RequestServices, client: WebClient, teamId: string, userId: string, trigger: Trigger): Promise<void> {
  const ctx = await buildContext(services, { teamId, userId, channelId: '', triggerId: '', client });
  const denied = refusal(ctx, 'collector', 'home');
  if (denied) {
    if (trigger === 'opened') await client.views.publish({ user_id: userId, view: refusalHomeView(ctx.t, denied.text) });
    return;
  }
  const tz = ctx.workspace.timezone;
  // After an action the request's own listener has already brought the balances to today.
  if (trigger === 'opened') await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
  const data = await loadHome(ctx.db, {
    workspaceId: ctx.workspace.id,
    userId,
    today: ctx.today,
    endOfToday: zonedTimeToUtc(addDays(ctx.today, 1), '00:00', tz),
    isManager: hasRole(ctx.role, 'manager'),
    limits: HOME_LIMITS,
  });
  const view = homeView(data, { t: ctx.t, locale: ctx.locale, timezone: tz, today: ctx.today, now: ctx.now });
  await client.views.publish({ user_id: userId, view });
}

type Body = Record<string, unknown> & {
  user_id?: string; user?: { id?: string }; type?: string; event?: { type?: string; user?: string };
};

/** Who acted through relance in this request, if anyone: the Home open itself publishes on its own. */
function actor(body: Body): string | undefined {
  if (typeof body.user_id === 'string' && typeof (body as { command?: unknown }).command === 'string') return body.user_id;
  if (body.type === 'block_actions' || body.type === 'view_submission') return body.user?.id;
  const event = body.event;
  if (event && (event.type === 'reaction_added' || event.type === 'reaction_removed')) return event.user;
  return undefined;
}

export interface HomeRefresher {
  /** Whose Home was opened since this process started: only those are refreshed, the others are published when first opened. */
  opened: Set<string>;
  /** Called once a request's listeners have run: refreshes the Home of whoever acted, throttled. */
  afterRequest(body: unknown, teamId: string | undefined, client: WebClient): void;
}

export function homeRefresher(services: RequestServices): HomeRefresher {
  const { deps } = services;
  const debouncer = createDebouncer({ windowMs: deps.env.RELANCE_HOME_REFRESH_MS, now: () => deps.clock().getTime() });
  const opened = new Set<string>();
  return {
    opened,
    afterRequest(body, teamId, client) {
      const userId = actor(body as Body);
      if (!userId || !teamId || !opened.has(`${teamId}:${userId}`)) return;
      debouncer.touch(`${teamId}:${userId}`, () => {
        void publishHome(services, client, teamId, userId, 'refresh')
          .catch((e: unknown) => deps.logger.warn({ err: e }, 'could not refresh the App Home'));
      });
    },
  };
}

export function registerHome(app: App, services: RequestServices, { opened }: HomeRefresher): void {
  app.event('app_home_opened', async ({ event, context, client }) => {
    if (event.tab !== 'home' || !context.teamId) return;
    opened.add(`${context.teamId}:${event.user}`);
    try {
      await publishHome(services, client, context.teamId, event.user, 'opened');
    } catch (error) {
      services.deps.logger.error({ err: error }, 'could not publish the App Home');
    }
  });
}

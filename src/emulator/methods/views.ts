import { VIEW_LIMITS, validateBlocks } from '../blocks.ts';
import { hex, slackId } from '../ids.ts';
import type { MethodContext, MethodHandler } from '../method-context.ts';
import { ApiError, str } from '../method-context.ts';
import type { ViewRecord } from '../types.ts';

type Obj = Record<string, unknown>;
type Kind = 'modal' | 'home';

/** A modal stack holds at most 3 views. */
const MAX_STACK = 3;

function invalid(problems: string[]): ApiError {
  return new ApiError('invalid_arguments', { response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
}

function plainText(value: unknown, max: number, pointer: string, problems: string[]): void {
  const ok = typeof value === 'object' && value !== null && (value as Obj).type === 'plain_text' && typeof (value as Obj).text === 'string';
  if (!ok) problems.push(`must be a plain_text object [json-pointer:${pointer}]`);
  else if (((value as Obj).text as string).length > max) problems.push(`must be less than ${max + 1} characters [json-pointer:${pointer}/text]`);
}

function validateView(input: unknown, kind: Kind): Obj {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalid(['failed to match all allowed schemas [json-pointer:/view]']);
  const view = input as Obj;
  const problems: string[] = [];
  if (view.type !== kind) problems.push(`must be "${kind}" [json-pointer:/view/type]`);
  const blocks = Array.isArray(view.blocks) ? view.blocks : undefined;
  if (blocks === undefined) problems.push('must provide an array [json-pointer:/view/blocks]');
  else problems.push(...validateBlocks(blocks, VIEW_LIMITS, '/view/blocks'));
  if (kind === 'modal') {
    plainText(view.title, 24, '/view/title', problems);
    if (view.submit !== undefined) plainText(view.submit, 24, '/view/submit', problems);
    if (view.close !== undefined) plainText(view.close, 24, '/view/close', problems);
    if (view.submit === undefined && blocks?.some((b) => (b as Obj | null)?.type === 'input')) {
      problems.push('must provide submit when the view has input blocks [json-pointer:/view/submit]');
    }
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) {
    problems.push('must be less than 3001 characters [json-pointer:/view/private_metadata]');
  }
  if (typeof view.callback_id === 'string' && view.callback_id.length > 255) {
    problems.push('must be less than 256 characters [json-pointer:/view/callback_id]');
  }
  if (problems.length > 0) throw invalid(problems);
  return view;
}

/** The view as Slack returns it. */
export function wireView(ctx: Pick<MethodContext, 'workspace' | 'now'>, input: Obj, id: string, links: { root: string; previous: string | null }, state: unknown): Obj {
  return {
    id,
    team_id: ctx.workspace.id,
    type: input.type,
    blocks: input.blocks,
    private_metadata: input.private_metadata ?? '',
    callback_id: input.callback_id ?? '',
    state: state ?? { values: {} },
    hash: `${Math.floor(ctx.now / 1000)}.${hex(4)}`,
    title: input.title ?? null,
    clear_on_close: input.clear_on_close ?? false,
    notify_on_close: input.notify_on_close ?? false,
    close: input.close ?? null,
    submit: input.submit ?? null,
    previous_view_id: links.previous,
    root_view_id: links.root,
    app_id: ctx.workspace.appId,
    external_id: input.external_id ?? '',
    app_installed_team_id: ctx.workspace.id,
    bot_id: ctx.workspace.botId,
  };
}

function checkExternalId(ctx: MethodContext, input: Obj, exceptId?: string): void {
  if (typeof input.external_id !== 'string' || input.external_id === '') return;
  for (const record of ctx.state.views.values()) {
    if (record.id !== exceptId && record.teamId === ctx.workspace.id && record.view.external_id === input.external_id) {
      throw new ApiError('duplicate_external_id');
    }
  }
}

/** The user's open modal views, root first. */
export function modalStack(ctx: Pick<MethodContext, 'state'>, teamId: string, userId: string): ViewRecord[] {
  return [...ctx.state.views.values()].filter((r) => r.open && r.teamId === teamId && r.userId === userId && r.view.type === 'modal');
}

function useTrigger(ctx: MethodContext): string {
  const id = str(ctx.args, 'trigger_id') ?? str(ctx.args, 'interactivity_pointer');
  const check = ctx.triggers.check(id, ctx.workspace.id);
  if (!check.ok) throw new ApiError(check.error);
  return check.userId;
}

function findView(ctx: MethodContext): ViewRecord {
  const viewId = str(ctx.args, 'view_id');
  const externalId = str(ctx.args, 'external_id');
  for (const record of ctx.state.views.values()) {
    if (record.teamId !== ctx.workspace.id) continue;
    if (viewId !== undefined ? record.id === viewId : externalId !== undefined && record.view.external_id === externalId) return record;
  }
  throw new ApiError('not_found');
}

export const viewMethods: Record<string, MethodHandler> = {
  'views.open': (ctx) => {
    const userId = useTrigger(ctx);
    const input = validateView(ctx.args.view, 'modal');
    checkExternalId(ctx, input);
    ctx.triggers.consume(str(ctx.args, 'trigger_id') ?? str(ctx.args, 'interactivity_pointer') ?? '');
    // A new modal replaces whatever stack the user had open.
    for (const record of modalStack(ctx, ctx.workspace.id, userId)) record.open = false;
    const id = slackId('V');
    const view = wireView(ctx, input, id, { root: id, previous: null }, undefined);
    ctx.state.views.set(id, { id, teamId: ctx.workspace.id, userId, view, rootViewId: id, previousViewId: null, open: true });
    return { view };
  },

  'views.push': (ctx) => {
    const userId = useTrigger(ctx);
    const input = validateView(ctx.args.view, 'modal');
    checkExternalId(ctx, input);
    const stack = modalStack(ctx, ctx.workspace.id, userId);
    if (stack.length >= MAX_STACK) throw new ApiError('push_limit_reached');
    ctx.triggers.consume(str(ctx.args, 'trigger_id') ?? str(ctx.args, 'interactivity_pointer') ?? '');
    const id = slackId('V');
    const top = stack[stack.length - 1];
    const root = stack[0]?.id ?? id;
    const view = wireView(ctx, input, id, { root, previous: top?.id ?? null }, undefined);
    ctx.state.views.set(id, { id, teamId: ctx.workspace.id, userId, view, rootViewId: root, previousViewId: top?.id ?? null, open: true });
    return { view };
  },

  'views.update': (ctx) => {
    const record = findView(ctx);
    const hash = str(ctx.args, 'hash');
    if (hash !== undefined && hash !== record.view.hash) throw new ApiError('hash_conflict');
    const input = validateView(ctx.args.view, record.view.type === 'home' ? 'home' : 'modal');
    checkExternalId(ctx, input, record.id);
    record.view = wireView(ctx, input, record.id, { root: record.rootViewId, previous: record.previousViewId }, record.view.state);
    return { view: record.view };
  },

  'views.publish': (ctx) => {
    const userId = str(ctx.args, 'user_id') ?? '';
    const user = ctx.state.user(userId);
    if (user === undefined || user.teamId !== ctx.workspace.id) throw new ApiError('user_not_found');
    const input = validateView(ctx.args.view, 'home');
    const key = `${ctx.workspace.id}:${userId}`;
    const existing = ctx.state.homes.get(key);
    const record = existing === undefined ? undefined : ctx.state.views.get(existing);
    const hash = str(ctx.args, 'hash');
    if (hash !== undefined && record !== undefined && hash !== record.view.hash) throw new ApiError('hash_conflict');
    const id = record?.id ?? slackId('V');
    const view = wireView(ctx, input, id, { root: id, previous: null }, record?.view.state);
    ctx.state.views.set(id, { id, teamId: ctx.workspace.id, userId, view, rootViewId: id, previousViewId: null, open: true });
    ctx.state.homes.set(key, id);
    return { view };
  },
};

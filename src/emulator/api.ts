import type { FaultQueue, HttpAnswer, RateLimiter } from './faults.ts';
import { faultAnswer, rateLimited } from './faults.ts';
import type { MethodHandler } from './method-context.ts';
import { ApiError, str } from './method-context.ts';
import { appMethods } from './methods/apps.ts';
import { chatMethods } from './methods/chat.ts';
import { conversationMethods } from './methods/conversations.ts';
import { fileMethods } from './methods/files.ts';
import { identityMethods } from './methods/identity.ts';
import { viewMethods } from './methods/views.ts';
import type { EmulatorState } from './state.ts';
import type { TriggerRegistry } from './triggers.ts';
import type { Args, TokenGrant } from './types.ts';

export const METHODS: Record<string, MethodHandler> = {
  ...identityMethods,
  ...conversationMethods,
  ...chatMethods,
  ...viewMethods,
  ...fileMethods,
  ...appMethods,
};

export interface ApiDeps {
  state: EmulatorState;
  faults: FaultQueue;
  limiter: RateLimiter;
  triggers: TriggerRegistry;
  emulatorUrl: string;
}

function json(body: Record<string, unknown>, grant?: TokenGrant): HttpAnswer {
  // The WebClient turns this header into response_metadata.scopes.
  const headers: Record<string, string> = grant?.scopes ? { 'X-OAuth-Scopes': [...grant.scopes].join(',') } : {};
  return { status: 200, body, headers };
}

function answer(deps: ApiDeps, method: string, args: Args, headerToken: string | undefined): { answer: HttpAnswer; grant?: TokenGrant } {
  if (method === 'api.test') return { answer: json({ ok: true, args }) };
  const handler = METHODS[method];
  if (handler === undefined) return { answer: json({ ok: false, error: 'unknown_method', req_method: method }) };
  const token = headerToken ?? str(args, 'token');
  if (token === undefined || token === '') return { answer: json({ ok: false, error: 'not_authed' }) };
  const grant = deps.state.resolveToken(token);
  if (grant === undefined) return { answer: json({ ok: false, error: 'invalid_auth' }) };
  const fault = deps.faults.take(method);
  if (fault !== undefined) return { answer: faultAnswer(fault), grant };
  const retryAfter = deps.limiter.take(method, str(args, 'channel') ?? str(args, 'channel_id'));
  if (retryAfter !== undefined) return { answer: rateLimited(retryAfter), grant };
  const workspace = deps.state.workspace(grant.teamId);
  try {
    const result = handler({
      state: deps.state,
      args,
      grant,
      workspace,
      now: deps.state.now(),
      emulatorUrl: deps.emulatorUrl,
      triggers: deps.triggers,
    });
    return { answer: json({ ok: true, ...result }, grant), grant };
  } catch (error) {
    if (error instanceof ApiError) return { answer: json({ ok: false, error: error.code, ...error.extra }, grant), grant };
    // An emulator bug, reported the way Slack reports its own.
    return { answer: json({ ok: false, error: 'internal_error', detail: String(error) }, grant), grant };
  }
}

/** Runs one Web API call and records it, whatever the outcome. */
export function callApi(deps: ApiDeps, method: string, rawArgs: Args, headerToken: string | undefined): HttpAnswer {
  const { token: bodyToken, ...args } = rawArgs;
  const token = headerToken ?? (typeof bodyToken === 'string' ? bodyToken : undefined);
  const logged = structuredClone(args);
  const result = answer(deps, method, args, token);
  deps.state.calls.push({
    method,
    args: logged,
    at: deps.state.now(),
    ...(result.grant ? { teamId: result.grant.teamId, userId: result.grant.userId } : {}),
    status: result.answer.status,
    response: typeof result.answer.body === 'string' ? { body: result.answer.body } : result.answer.body,
  });
  deps.state.notify();
  return result.answer;
}

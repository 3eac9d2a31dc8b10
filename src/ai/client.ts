// The one door to a language model (issue #15, SPEC §3): the official `openai`
// SDK, chat completions with a strict JSON-schema response format (what
// OpenAI-compatible servers speak too), the answer validated with zod. Errors
// are values: a caller gets `{ ok: false, error: 'timeout' }`, never an
// exception, and falls back to its rules. Never on Slack's ack path: callers
// ask after the ack.
//
// What reaches the logs: the failure kind, the HTTP status, the model and how
// long it took. Never a prompt, a note, the model's answer or the SDK's error
// body (which may quote them); the SDK's own logger is off.
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { z } from 'zod';
import type { Env } from '../config/env.ts';
import { err, ok, type Result } from '../domain/result.ts';
import type { Logger } from '../log.ts';

export type AiFailure = 'no_key' | 'timeout' | 'http_error' | 'invalid_output';

export interface AiMessage {
  role: 'system' | 'user';
  content: string;
}

/** A JSON schema as the response format names it; strict: every property required, no others. */
export interface AiJsonSchema {
  name: string;
  schema: Record<string, unknown>;
}

export interface AiClient {
  readonly model: string;
  /**
   * One answer, parsed as JSON and checked against `schema`. `timeoutMs`
   * (default OPENAI_TIMEOUT_MS) bounds the whole ask, its one retry included.
   */
  ask<T>(schema: z.ZodType<T>, jsonSchema: AiJsonSchema, messages: readonly AiMessage[], opts?: { signal?: AbortSignal }): Promise<Result<T, AiFailure>>;
}

/** One retry, on what the SDK deems transient (connection errors, 408, 409, 429, 5xx), within the deadline. */
export const AI_MAX_RETRIES = 1;

export interface AiClientOptions {
  logger?: Logger;
  /** Overrides OPENAI_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** The client the environment describes; null without OPENAI_API_KEY (the rules answer). */
export function createAiClient(env: Pick<Env, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_TIMEOUT_MS'>, opts: AiClientOptions = {}): AiClient | null {
  if (!env.OPENAI_API_KEY) return null;
  const timeoutMs = opts.timeoutMs ?? env.OPENAI_TIMEOUT_MS;
  const sdk = new OpenAI({
    apiKey: env.OPENAI_API_KEY,
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    timeout: timeoutMs,
    maxRetries: AI_MAX_RETRIES,
    // The SDK logs requests and bodies at debug (OPENAI_LOG=debug): a note must never reach a log.
    logLevel: 'off',
  });
  const model = env.OPENAI_MODEL;
  const log = opts.logger?.child({ ai: model });

  return {
    model,
    async ask(schema, jsonSchema, messages, askOpts = {}) {
      const started = Date.now();
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = askOpts.signal ? AbortSignal.any([askOpts.signal, deadline]) : deadline;
      const failed = <T>(failure: Exclude<AiFailure, 'no_key'>, detail: Record<string, unknown> = {}): Result<T, AiFailure> => {
        log?.warn({ failure, schema: jsonSchema.name, ms: Date.now() - started, ...detail }, 'model answer not used');
        return err(failure);
      };
      let content: string | null | undefined;
      try {
        const completion = await sdk.chat.completions.create({
          model,
          messages: messages.map((m) => ({ role: m.role, content: m.content })),
          response_format: { type: 'json_schema', json_schema: { name: jsonSchema.name, strict: true, schema: jsonSchema.schema } },
        }, { signal });
        content = completion.choices?.[0]?.message?.content;
      } catch (error) {
        if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError || signal.aborted) return failed('timeout');
        // Only the status: the body of an error answer may quote the request.
        if (error instanceof APIError) return failed('http_error', { status: error.status ?? null });
        return failed('http_error', { error: error instanceof Error ? error.constructor.name : typeof error });
      }
      if (typeof content !== 'string' || content === '') return failed('invalid_output', { reason: 'no content' });
      let json: unknown;
      try {
        json = JSON.parse(content);
      } catch {
        return failed('invalid_output', { reason: 'not JSON' });
      }
      const parsed = schema.safeParse(json);
      // Where the answer is wrong, not what it says.
      if (!parsed.success) return failed('invalid_output', { reason: 'schema', issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}:${i.code}`) });
      log?.debug({ schema: jsonSchema.name, ms: Date.now() - started }, 'model answered');
      return ok(parsed.data);
    },
  };
}

// One client per running app's environment (the SDK keeps its HTTP agent), made on first use.
const clients = new WeakMap<object, AiClient | null>();

/** The client for this environment, made once; null without a key. */
export function aiClientFor(env: Env, logger?: Logger): AiClient | null {
  if (!clients.has(env)) clients.set(env, createAiClient(env, logger ? { logger } : {}));
  return clients.get(env) ?? null;
}

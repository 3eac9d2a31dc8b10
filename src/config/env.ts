// Configuration comes only from the environment, validated in one place so that a
// bad deployment stops at start-up with every problem listed, not at 3 a.m.
import { z } from 'zod';

const slackId = /^[UW][A-Z0-9]{2,}$/;

const optionalText = z.string().trim().min(1).optional().catch(undefined);

export const envSchema = z.object({
  SLACK_BOT_TOKEN: z.string().trim().regex(/^xoxb-/, 'must start with "xoxb-" (Bot User OAuth Token, OAuth & Permissions page)').optional(),
  SLACK_SIGNING_SECRET: z.string().trim().min(8, 'looks too short (Basic Information → App Credentials → Signing Secret)').optional(),
  SLACK_APP_TOKEN: z.string().trim().regex(/^xapp-/, 'must start with "xapp-" (Basic Information → App-Level Tokens, scope connections:write)').optional(),
  SLACK_API_URL: z.url({ message: 'must be a URL such as https://slack.com/api/' }).optional(),
  DATABASE_URL: z.string().trim().regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/relance').optional(),
  RELANCE_DATA_DIR: z.string().trim().min(1).default('.data'),
  REDIS_URL: z.string().trim().regex(/^rediss?:\/\//, 'must be a Redis URL such as redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
  // Several relance installations (or test files) can share one Redis under different prefixes.
  RELANCE_QUEUE_PREFIX: z.string().trim().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only, e.g. relance').default('relance'),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  // One model answer (call note reading), retries included: past it, the rules answer instead.
  OPENAI_TIMEOUT_MS: z.coerce.number({ message: 'must be milliseconds such as 8000' }).int().min(50).max(120_000).default(8000),
  // Reminder e-mails; unset: they are written to the outbox (RELANCE_DATA_DIR/outbox) and nothing leaves the machine.
  SMTP_URL: z.string().trim().regex(/^smtps?:\/\/[^/]/, 'must be an SMTP URL such as smtp://user:password@smtp.example.com:587 or smtps://smtp.example.com:465').optional(),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  PORT: z.coerce.number({ message: 'must be a port number such as 3000' }).int().min(0).max(65535).default(3000),
  RELANCE_TZ: z.string().trim().refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris').default('Europe/Paris'),
  RELANCE_LOCALE: z.enum(['en', 'fr'], { message: 'must be "en" or "fr"' }).default('en'),
  RELANCE_ADMINS: z.string().default('').transform((s, ctx) => {
    const ids = s.split(/[\s,]+/).filter(Boolean);
    for (const id of ids) {
      if (!slackId.test(id)) ctx.addIssue({ code: 'custom', message: `"${id}" is not a Slack user id (e.g. U012ABCDEF); separate ids with commas` });
    }
    return ids;
  }),
  RELANCE_COMMAND: z.string().trim().regex(/^\/[a-z0-9_-]+$/, 'must be a slash command such as /collect').default('/collect'),
  // App Home refresh after someone acts: at most one views.publish per person per window, plus one trailing.
  RELANCE_HOME_REFRESH_MS: z.coerce.number({ message: 'must be milliseconds such as 10000' }).int().min(0).default(10_000),
  // The intake API (/api/v1): a single record's body, a bulk request's body (bytes), requests per token and minute (0: no limit).
  RELANCE_API_BODY_LIMIT: z.coerce.number({ message: 'must be a number of bytes such as 1048576' }).int().min(1024, 'must be at least 1024 bytes (e.g. 1048576)').default(1 << 20),
  RELANCE_API_BULK_LIMIT: z.coerce.number({ message: 'must be a number of bytes such as 67108864' }).int().min(1024, 'must be at least 1024 bytes (e.g. 67108864)').default(64 << 20),
  RELANCE_API_RATE_PER_MINUTE: z.coerce.number({ message: 'must be a number of requests such as 600' }).int().min(0).default(600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`relance cannot start: the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Parses the environment; empty strings count as unset, as in most .env files. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      const value = name && cleaned[name] !== undefined ? ` (got "${redact(name, String(cleaned[name]))}")` : '';
      return `${name}: ${i.message}${value}`;
    });
    throw new ConfigError(problems);
  }
  return parsed.data;
}

/** Secrets are never echoed back, only their first characters. */
function redact(name: string, value: string): string {
  if (/TOKEN|SECRET|KEY/.test(name)) return value.length > 6 ? `${value.slice(0, 5)}…` : '…';
  if (name === 'DATABASE_URL' || name === 'REDIS_URL') return value.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return value;
}

/** The Slack credentials needed to serve Slack; reported together with any other problem. */
export function requireSlack(env: Env): { token: string; signingSecret: string; appToken?: string } {
  const problems: string[] = [];
  if (!env.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: missing; copy the Bot User OAuth Token (xoxb-…) from your Slack app\'s OAuth & Permissions page');
  if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    problems.push('SLACK_SIGNING_SECRET: missing; copy it from Basic Information → App Credentials (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (problems.length) throw new ConfigError(problems);
  return { token: env.SLACK_BOT_TOKEN!, signingSecret: env.SLACK_SIGNING_SECRET ?? 'socket-mode', appToken: env.SLACK_APP_TOKEN };
}

// API tokens: `rl_` + 32 random bytes in base64url. Only their SHA-256 is
// stored; a request's token is hashed and looked up by that hash, and the
// stored hash is compared again in constant time before anything is granted.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { findLiveToken, insertApiToken, touchApiToken, type ApiTokenRow, type TokenGrant } from '../../db/api-tokens.ts';

export const TOKEN_PREFIX = 'rl_';
/** `rl_` and 43 base64url characters (32 bytes). */
const TOKEN_SHAPE = /^rl_[A-Za-z0-9_-]{43}$/;
/** Names people give tokens: the system that uses them (erp, billing-sync). */
export const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export type CreateTokenResult =
  | { kind: 'created'; token: string; row: ApiTokenRow }
  | { kind: 'bad_name' }
  | { kind: 'name_taken' };

export async function createApiToken(
  db: Queryable, input: { workspaceId: string; name: string; readOnly: boolean; now: Date },
): Promise<CreateTokenResult> {
  if (!TOKEN_NAME.test(input.name)) return { kind: 'bad_name' };
  const token = newToken();
  const saved = await insertApiToken(db, { ...input, hash: hashToken(token) });
  return saved.kind === 'created' ? { kind: 'created', token, row: saved.row } : saved;
}

/** The grant of a presented token, or null (malformed, unknown or revoked: the caller cannot tell which). */
export async function authenticateToken(db: Queryable, presented: string, now: Date): Promise<TokenGrant | null> {
  if (!TOKEN_SHAPE.test(presented)) return null;
  const hash = hashToken(presented);
  const grant = await findLiveToken(db, hash);
  if (!grant || !timingSafeEqual(Buffer.from(grant.hash, 'hex'), Buffer.from(hash, 'hex'))) return null;
  // Last use is kept to the minute: a busy integration does not write the row on every request.
  if (!grant.lastUsedAt || now.getTime() - grant.lastUsedAt.getTime() >= 60_000) await touchApiToken(db, grant.id, now);
  return grant;
}

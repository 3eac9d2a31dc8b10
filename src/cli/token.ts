// `relance token create|list|revoke --workspace W …`: the intake API's tokens
// (src/api). A token is printed once, at creation; relance keeps only its hash.
import { parseArgs } from 'node:util';
import type { Db } from '../db/client.ts';
import { listApiTokens, revokeApiToken, type ApiTokenRow } from '../db/api-tokens.ts';
import { findWorkspace, listWorkspaces } from '../db/workspaces.ts';
import { createApiToken } from '../services/intake/api-tokens.ts';

export interface TokenIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  now: () => Date;
}

export const TOKEN_USAGE = `Usage:
  relance token create --workspace T0123ABCD --name erp [--read-only]
  relance token list   --workspace T0123ABCD
  relance token revoke --workspace T0123ABCD --name erp

create  prints a new API token once (relance keeps only its hash); --read-only: GET requests only
list    the workspace's tokens: name, access, created, last used, revoked
revoke  the token stops working at once

Example: relance token create --workspace T0123ABCD --name erp`;

const stamp = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '—');

export async function runTokenCommand(argv: string[], db: Db, io: TokenIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action !== 'create' && action !== 'list' && action !== 'revoke') {
    const got = action === undefined ? 'nothing' : `"${action}"`;
    io.stderr.write(`relance token takes create, list or revoke (got ${got}).\n${TOKEN_USAGE}\n`);
    return 2;
  }
  let values: { workspace?: string; name?: string; 'read-only'?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { workspace: { type: 'string' }, name: { type: 'string' }, 'read-only': { type: 'boolean', default: false } },
    }));
  } catch (e) {
    io.stderr.write(`${(e as Error).message}. Nothing was changed.\n${TOKEN_USAGE}\n`);
    return 2;
  }
  if (!values.workspace) {
    const known = (await listWorkspaces(db)).map((w) => w.id);
    io.stderr.write(`Say which workspace with --workspace${known.length ? ` (known: ${known.join(', ')})` : ''}. Nothing was changed.\n`
      + `Example: relance token ${action} --workspace ${known[0] ?? 'T0123ABCD'}${action === 'list' ? '' : ' --name erp'}\n`);
    return 2;
  }
  const workspace = await findWorkspace(db, values.workspace);
  if (!workspace) {
    const known = (await listWorkspaces(db)).map((w) => w.id);
    io.stderr.write(`There is no workspace "${values.workspace}"${known.length ? ` (known: ${known.join(', ')})` : ''}. Nothing was changed.\n`);
    return 2;
  }
  if (action === 'list') return list(await listApiTokens(db, workspace.id), workspace.id, io);
  if (!values.name) {
    io.stderr.write(`Give the token a name with --name (the system that will use it). Nothing was changed.\n`
      + `Example: relance token ${action} --workspace ${workspace.id} --name erp\n`);
    return 2;
  }
  if (action === 'revoke') {
    const revoked = await revokeApiToken(db, workspace.id, values.name, io.now());
    if (!revoked) {
      io.stderr.write(`Workspace ${workspace.id} has no live token named "${values.name}". Nothing was changed.\n`
        + `See them with: relance token list --workspace ${workspace.id}\n`);
      return 2;
    }
    io.stdout.write(`Revoked token "${revoked.name}" of workspace ${workspace.id}: requests presenting it now get 401.\n`);
    return 0;
  }
  const created = await createApiToken(db, { workspaceId: workspace.id, name: values.name, readOnly: values['read-only'] ?? false, now: io.now() });
  switch (created.kind) {
    case 'bad_name':
      io.stderr.write(`"${values.name}" is not a token name: letters, digits, ".", "_" and "-", at most 64, starting with a letter or digit. `
        + `Nothing was changed.\nExample: relance token create --workspace ${workspace.id} --name erp\n`);
      return 2;
    case 'name_taken':
      io.stderr.write(`Workspace ${workspace.id} already has a live token named "${values.name}". Nothing was changed.\n`
        + `Pick another name, or revoke it first: relance token revoke --workspace ${workspace.id} --name ${values.name}\n`);
      return 2;
    case 'created':
      io.stdout.write(`Created ${created.row.readOnly ? 'read-only ' : ''}token "${created.row.name}" for workspace ${workspace.id}. `
        + `It is shown only this once; store it now:\n\n${created.token}\n\n`
        + `Send it as: Authorization: Bearer ${created.token.slice(0, 6)}…\n`);
      return 0;
  }
}

function list(rows: ApiTokenRow[], workspaceId: string, io: TokenIo): number {
  if (rows.length === 0) {
    io.stdout.write(`Workspace ${workspaceId} has no API token. Create one: relance token create --workspace ${workspaceId} --name erp\n`);
    return 0;
  }
  const width = Math.max(4, ...rows.map((r) => r.name.length));
  const lines = [`${'name'.padEnd(width)}  access      created           last used         revoked`];
  for (const r of rows) {
    lines.push(`${r.name.padEnd(width)}  ${(r.readOnly ? 'read-only' : 'read-write').padEnd(10)}  ${stamp(r.createdAt).padEnd(16)}  `
      + `${stamp(r.lastUsedAt).padEnd(16)}  ${stamp(r.revokedAt)}`);
  }
  io.stdout.write(`${lines.join('\n')}\n(times in UTC)\n`);
  return 0;
}

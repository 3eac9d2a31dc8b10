// The letters table: what relance generated, kept as evidence (migration 0016
// refuses deletes and changes to what was generated), and where Slack has it.
import { and, asc, eq } from 'drizzle-orm';
import type { IsoDate } from '../domain/dates.ts';
import type { Locale } from '../i18n/messages.ts';
import type { Queryable } from './client.ts';
import { letters } from './schema.ts';

export type LetterKind = (typeof letters.$inferSelect)['kind'];

export interface NewLetter {
  workspaceId: string;
  caseId: number;
  customerId: number;
  kind: LetterKind;
  locale: Locale;
  filename: string;
  content: Buffer;
  sha256: string;
  deadlineOn: IsoDate | null;
  createdBy: string;
  now: Date;
}

export async function insertLetter(db: Queryable, letter: NewLetter): Promise<number> {
  const [row] = await db.insert(letters).values({
    workspaceId: letter.workspaceId, caseId: letter.caseId, customerId: letter.customerId, kind: letter.kind, locale: letter.locale,
    filename: letter.filename, content: letter.content, sha256: letter.sha256, deadlineOn: letter.deadlineOn,
    createdBy: letter.createdBy, createdAt: letter.now,
  }).returning({ id: letters.id });
  if (!row) throw new Error('a letter insert returned no row');
  return row.id;
}

/** Where the letter landed in Slack. */
export async function recordLetterUpload(db: Queryable, letterId: number, where: { fileId: string; channelId: string; threadTs: string | null }): Promise<void> {
  await db.update(letters).set({ slackFileId: where.fileId, slackChannelId: where.channelId, slackThreadTs: where.threadTs })
    .where(eq(letters.id, letterId));
}

export type StoredLetter = typeof letters.$inferSelect;

/** A case's letters, oldest first, with their bytes (the case file carries them). */
export async function caseLetters(db: Queryable, workspaceId: string, caseId: number): Promise<StoredLetter[]> {
  return db.select().from(letters)
    .where(and(eq(letters.workspaceId, workspaceId), eq(letters.caseId, caseId)))
    .orderBy(asc(letters.createdAt), asc(letters.id));
}

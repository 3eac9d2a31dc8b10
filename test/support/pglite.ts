// PGlite test databases cloned from a migrated data directory made once per
// run (global-setup.ts): creating a PGlite cluster costs ~15 s of initdb, a
// copy of a ready one a fraction of that.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

/** A fresh directory holding a copy of this run's migrated PGlite database; pass it as `dataDir`. */
export function migratedPgliteDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(inject('pgliteTemplateDir'), 'pglite'), join(dir, 'pglite'), { recursive: true });
  return dir;
}

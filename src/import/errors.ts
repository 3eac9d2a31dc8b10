import { MAX_LISTED_ERRORS, type RowError } from './types.ts';

/** Keeps the first errors in line order and counts the rest, so a file of bad rows cannot exhaust memory. */
export class ErrorList {
  readonly listed: RowError[] = [];
  total = 0;

  add(error: RowError): void {
    this.total += 1;
    if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push(error);
  }

  /** The first errors of both lists, in line order, and how many more there are. */
  static merge(a: ErrorList, b: ErrorList): { errors: RowError[]; moreErrors: number } {
    const errors = [...a.listed, ...b.listed]
      .sort((x, y) => x.line - y.line)
      .slice(0, MAX_LISTED_ERRORS);
    return { errors, moreErrors: a.total + b.total - errors.length };
  }
}

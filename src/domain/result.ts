// Errors as values at the edges: parsers return a Result, callers render the
// failure in the user's language (src/i18n) with the bad input quoted.

export type Ok<T> = { ok: true; value: T };
export type Err<E> = { ok: false; error: E };
export type Result<T, E = InputError> = Ok<T> | Err<E>;

/**
 * A rejected piece of user input. `code` selects the message in the catalogue
 * (src/i18n/messages.ts); `input` is the exact text that was wrong, quoted back
 * to the user; `params` fill the message.
 */
export interface InputError {
  code: string;
  input: string;
  params?: Record<string, string | number>;
}

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E = InputError>(error: E): Err<E> => ({ ok: false, error });
export const inputError = (code: string, input: string, params?: InputError['params']): Err<InputError> =>
  err({ code, input, ...(params ? { params } : {}) });

export type DomainErrorKind = 'invalid' | 'conflict' | 'notFound' | 'forbidden';

/** A broken business rule. `code` is stable: tests, the API and the UI map it to words. */
export class DomainError extends Error {
  readonly code: string;
  readonly kind: DomainErrorKind;

  constructor(code: string, kind: DomainErrorKind, message: string = code) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.kind = kind;
  }
}

export const invalid = (code: string, message?: string) => new DomainError(code, 'invalid', message);
export const conflict = (code: string, message?: string) => new DomainError(code, 'conflict', message);
export const notFound = (code: string, message?: string) => new DomainError(code, 'notFound', message);

/**
 * Raised by any store adapter when its backend cannot be reached or times out.
 * The bot turns it into "temporarily unavailable, nothing was changed": every
 * write is one atomic step, so a failed call has changed nothing.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StoreUnavailableError';
  }
}

export function isStoreUnavailable(err: unknown): err is StoreUnavailableError {
  return err instanceof Error && err.name === 'StoreUnavailableError';
}

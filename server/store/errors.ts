/** The store's failures that are not a reader's fault, with stable codes: the caller answers UNAVAILABLE. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** A caller's input the store cannot use (a cursor of another sort, or not one it issued): the caller answers INVALID_INPUT on `field`. */
export class StoreInputError extends Error {
  readonly code = 'STORE_INPUT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreInputError';
  }
}

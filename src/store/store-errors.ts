/** The browser refused to store more (QuotaExceededError). What was stored before is kept. */
export class StorageQuotaError extends Error {
  override readonly name = 'StorageQuotaError';
  constructor(options?: { cause?: unknown }) {
    super('The browser has no room left to store Atlas data. Nothing already saved was lost; export and delete old data to free space.', options);
  }
}

/** The database was written by a newer Atlas (or a migration failed): it is left untouched. */
export class StoreVersionError extends Error {
  override readonly name = 'StoreVersionError';
}

/** An action with values Atlas would not be able to export and import back (NaN, out of range). */
export class InvalidActionError extends Error {
  override readonly name = 'InvalidActionError';
}

/** Any other storage failure (IndexedDB unavailable, a transaction aborted...). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

function errorName(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : null;
}

export function isQuotaError(error: unknown): boolean {
  if (errorName(error) === 'QuotaExceededError') return true;
  // Some browsers abort the transaction and put the quota error in its `error`/`cause`.
  return typeof error === 'object' && error !== null && 'cause' in error && errorName(error.cause) === 'QuotaExceededError';
}

/** Maps a failure from IndexedDB to one of the typed errors above (leaves typed ones as they are). */
export function toStoreError(error: unknown): Error {
  if (error instanceof StorageQuotaError || error instanceof StoreVersionError || error instanceof StoreError) return error;
  if (isQuotaError(error)) return new StorageQuotaError({ cause: error });
  if (errorName(error) === 'VersionError') {
    return new StoreVersionError('The saved data comes from a newer version of Atlas; update the app to open it.', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError(`Storage failed: ${message}`, { cause: error });
}

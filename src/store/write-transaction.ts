import type { IDBPTransaction, StoreNames } from 'idb';
import type { AtlasDb, AtlasDbSchema } from './atlas-db-schema';
import { toStoreError } from './store-errors';

export type AtlasWriteTx<Names extends StoreNames<AtlasDbSchema>[]> = IDBPTransaction<AtlasDbSchema, Names, 'readwrite'>;

/**
 * Runs `body` in one readwrite transaction: all of its writes land, or none do. A failure
 * (including a synchronous throw after some puts were issued) aborts the transaction, and the
 * error comes back typed (StorageQuotaError for a full disk).
 */
export async function writeTransaction<Names extends StoreNames<AtlasDbSchema>[], T>(
  db: AtlasDb,
  storeNames: Names,
  body: (tx: AtlasWriteTx<Names>) => Promise<T>,
): Promise<T> {
  let tx: AtlasWriteTx<Names>;
  try {
    tx = db.transaction(storeNames, 'readwrite');
  } catch (error) {
    throw toStoreError(error);
  }
  try {
    const result = await body(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already committed or aborted by the browser: nothing left to undo.
    }
    await tx.done.catch(() => undefined);
    throw toStoreError(error);
  }
}

/**
 * Request promises issued inside a transaction. If a later request throws, the transaction
 * aborts and the earlier requests reject with AbortError; marking them handled as they are
 * added keeps those expected rejections from surfacing as unhandled.
 */
export class WriteBatch {
  private readonly requests: Promise<unknown>[] = [];

  add(request: Promise<unknown>): void {
    request.catch(() => undefined);
    this.requests.push(request);
  }

  async settle(): Promise<void> {
    await Promise.all(this.requests);
  }
}

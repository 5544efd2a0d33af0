import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { ATLAS_DB_NAME, type AtlasDb, type AtlasDbSchema } from './atlas-db-schema';
import { ATLAS_MIGRATIONS, latestVersion, pendingMigrations, type Migration } from './migrations';
import { StoreVersionError, toStoreError } from './store-errors';

export interface OpenAtlasDbOptions {
  readonly name?: string;
  /** The schema's history; tests pass extra steps to exercise the upgrade path. */
  readonly migrations?: readonly Migration[];
}

/**
 * Opens (creating or upgrading) the database. All pending migrations run inside the single
 * upgrade transaction: if one fails, the transaction aborts and the data stays at its old
 * version. Another tab asking for a newer version makes this connection close itself.
 */
export async function openAtlasDb(options: OpenAtlasDbOptions = {}): Promise<AtlasDb> {
  const migrations = options.migrations ?? ATLAS_MIGRATIONS;
  const version = latestVersion(migrations);
  let migrationFailure: unknown = null;
  try {
    const db = await openDB<AtlasDbSchema>(options.name ?? ATLAS_DB_NAME, version, {
      upgrade(database, oldVersion, newVersion, transaction) {
        const untypedDb = database as unknown as IDBPDatabase;
        const untypedTx = transaction as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
        // An aborted upgrade is reported through openDB's rejection below, not through `done`.
        transaction.done.catch(() => undefined);
        const steps = pendingMigrations(migrations, oldVersion, newVersion ?? version);
        steps
          .reduce<Promise<void>>((previous, step) => previous.then(() => step.migrate(untypedDb, untypedTx)), Promise.resolve())
          .catch((error: unknown) => {
            migrationFailure = error;
            transaction.abort();
          });
      },
      blocking(_currentVersion, _blockedVersion, event) {
        (event.target as IDBDatabase | null)?.close();
      },
    });
    return db;
  } catch (error) {
    if (migrationFailure !== null) {
      throw new StoreVersionError('Upgrading the saved data failed; it was left at its previous version.', {
        cause: migrationFailure,
      });
    }
    throw toStoreError(error);
  }
}

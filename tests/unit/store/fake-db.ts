import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';

/** A fresh, empty in-memory IndexedDB for each test (fake-indexeddb, Vitest's node environment). */
export function useFreshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

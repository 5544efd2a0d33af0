export declare class TaskBundleError extends Error {}
export declare function zipTaskBundle(entries: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array;
export declare function readTaskBundle(bytes: Uint8Array, expectedEntries: readonly string[]): Record<string, Uint8Array>;

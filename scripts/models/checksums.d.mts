export interface Recorded {
  readonly sha256: string;
  readonly bytes: number;
}
export declare class ChecksumMismatchError extends Error {}
export declare function sha256(bytes: Uint8Array): string;
export declare function checkRecorded(label: string, bytes: Uint8Array, recorded: Recorded | undefined): boolean;

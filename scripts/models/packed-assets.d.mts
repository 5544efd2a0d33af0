export interface PackedAssetEntry {
  readonly filename: string;
  readonly start: number;
  readonly end: number;
}
export declare class PackedAssetError extends Error {}
export declare function readPackedAssetIndex(loaderSource: string): PackedAssetEntry[];
export declare function extractPackedAsset(
  index: readonly PackedAssetEntry[],
  data: Uint8Array,
  basename: string,
): { range: { start: number; end: number }; bytes: Uint8Array };

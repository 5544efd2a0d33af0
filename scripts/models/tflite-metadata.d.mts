export interface ImageModelMetadata {
  readonly name: string;
  readonly description: string;
  readonly author: string;
  /** normalized = (pixel - mean) / std, pixel in 0..255 */
  readonly input: { readonly name: string; readonly description: string; readonly mean: number; readonly std: number };
  readonly outputs: ReadonlyArray<{ readonly name: string; readonly description: string }>;
}
export declare const METADATA_FILE_IDENTIFIER: 'M001';
export declare const METADATA_NAME: 'TFLITE_METADATA';
export declare function buildImageModelMetadata(spec: ImageModelMetadata): Uint8Array;

export interface LandmarkGather {
  /** landmarks in the model's output (each x, y, z) */
  readonly sourceLandmarks: number;
  /** source landmark index for each output landmark */
  readonly indices: readonly number[];
  readonly outputName: string;
}
export interface RewriteOptions {
  /** a finished ModelMetadata flatbuffer, stored as the TFLITE_METADATA buffer */
  readonly metadata: Uint8Array;
  readonly landmarkGather?: LandmarkGather;
}
export declare class ModelRewriteError extends Error {}
export declare function rewriteModel(source: Uint8Array, options: RewriteOptions): Uint8Array;

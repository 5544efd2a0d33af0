export interface SourceFile {
  /** name@version */
  readonly package: string;
  /** file in the package (and the packed entry it holds) */
  readonly file: string;
  /** byte range within `file` */
  readonly start: number;
  readonly end: number;
  readonly bytes: Uint8Array;
}
export interface Sources {
  readonly poseDetector: SourceFile;
  readonly poseLandmarkLite: SourceFile;
  readonly poseLandmarkFull: SourceFile;
  readonly faceDetector: SourceFile;
  readonly faceLandmark: SourceFile;
  readonly faceGeometry: SourceFile;
}
export declare const SOURCE_PACKAGES: {
  readonly pose: { readonly name: string; readonly version: string };
  readonly faceMesh: { readonly name: string; readonly version: string };
};
export declare class SourceMissingError extends Error {}
export declare function loadSources(nodeModules: string): Sources;

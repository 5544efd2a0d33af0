import type { Recorded } from './checksums.mjs';
export declare const CHECKSUMS_FILE: 'checksums.json';
export interface ChecksumFile {
  readonly bundles: Record<string, Recorded>;
  readonly sources: Record<string, Recorded & { package: string; file: string; start: number; end: number }>;
}
export declare class BuildModelsError extends Error {
  constructor(message: string, remedy: readonly string[]);
  readonly remedy: readonly string[];
}
export declare function readChecksums(modelsDir: string): ChecksumFile | undefined;
export declare function runBuildModels(options: {
  mode: 'build' | 'verify' | 'record';
  nodeModules: string;
  modelsDir: string;
  log: (line: string) => void;
}): void;

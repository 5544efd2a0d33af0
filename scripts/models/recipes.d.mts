import type { Sources } from './sources.mjs';
export declare const FACE_MESH_LANDMARKS: 468;
export declare const RIGHT_IRIS_STAND_INS: readonly number[];
export declare const LEFT_IRIS_STAND_INS: readonly number[];
export declare const FACE_LANDMARK_GATHER: readonly number[];
export type BundleName = 'pose_landmarker_lite.task' | 'pose_landmarker_full.task' | 'face_landmarker.task';
export declare const BUNDLE_ENTRIES: Readonly<Record<BundleName, readonly string[]>>;
export declare function buildBundles(nodeModules: string): { bundles: Record<BundleName, Uint8Array>; sources: Sources };

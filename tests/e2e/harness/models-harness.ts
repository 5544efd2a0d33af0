import { FaceLandmarker, FilesetResolver, PoseLandmarker } from '@mediapipe/tasks-vision';

/**
 * Test-only page: runs tasks-vision landmarkers from given bundle URLs on a given image, so
 * tests/e2e/models-crosscheck.spec.ts can compare bundles. Exposed as `window.atlasModels`.
 */
export interface PoseRun {
  readonly poses: number;
  readonly landmarks: ReadonlyArray<readonly [number, number, number]>;
  readonly worldLandmarks: ReadonlyArray<readonly [number, number, number]>;
}

export interface FaceRun {
  readonly faces: number;
  readonly landmarkCount: number;
  readonly matrices: ReadonlyArray<readonly number[]>;
}

export interface ModelsHarness {
  runPose(modelUrl: string, imageUrl: string): Promise<PoseRun>;
  runFace(modelUrl: string, imageUrl: string): Promise<FaceRun>;
  /** Tries to create a landmarker from raw bytes; resolves to the error message, or '' if it loaded. */
  loadError(kind: 'pose' | 'face', bytes: readonly number[]): Promise<string>;
}

declare global {
  interface Window {
    atlasModels?: ModelsHarness;
  }
}

const WASM_BASE = '/wasm';

async function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return image;
}

const filesetPromise = FilesetResolver.forVisionTasks(WASM_BASE);

async function createPose(asset: { modelAssetPath: string } | { modelAssetBuffer: Uint8Array }): Promise<PoseLandmarker> {
  return PoseLandmarker.createFromOptions(await filesetPromise, {
    baseOptions: { ...asset, delegate: 'CPU' },
    runningMode: 'IMAGE',
    numPoses: 1,
  });
}

async function createFace(asset: { modelAssetPath: string } | { modelAssetBuffer: Uint8Array }): Promise<FaceLandmarker> {
  return FaceLandmarker.createFromOptions(await filesetPromise, {
    baseOptions: { ...asset, delegate: 'CPU' },
    runningMode: 'IMAGE',
    numFaces: 1,
    outputFacialTransformationMatrixes: true,
  });
}

const harness: ModelsHarness = {
  async runPose(modelUrl, imageUrl) {
    const landmarker = await createPose({ modelAssetPath: modelUrl });
    try {
      const result = landmarker.detect(await loadImage(imageUrl));
      const first = result.landmarks[0] ?? [];
      const world = result.worldLandmarks[0] ?? [];
      return {
        poses: result.landmarks.length,
        landmarks: first.map((l) => [l.x, l.y, l.z] as const),
        worldLandmarks: world.map((l) => [l.x, l.y, l.z] as const),
      };
    } finally {
      landmarker.close();
    }
  },
  async runFace(modelUrl, imageUrl) {
    const landmarker = await createFace({ modelAssetPath: modelUrl });
    try {
      const result = landmarker.detect(await loadImage(imageUrl));
      return {
        faces: result.faceLandmarks.length,
        landmarkCount: result.faceLandmarks[0]?.length ?? 0,
        matrices: (result.facialTransformationMatrixes ?? []).map((m) => Array.from(m.data)),
      };
    } finally {
      landmarker.close();
    }
  },
  async loadError(kind, bytes) {
    const asset = { modelAssetBuffer: Uint8Array.from(bytes) };
    try {
      const landmarker = kind === 'pose' ? await createPose(asset) : await createFace(asset);
      landmarker.close();
      return '';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  },
};

window.atlasModels = harness;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';

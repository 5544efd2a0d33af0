import { FaceLandmarker } from '@mediapipe/tasks-vision';
import { matrixToAngles } from '../../src/core/geometry/euler';
import { createLandmarker, type VideoLandmarker } from '../../src/vision/landmarkers';
import { loadVisionWasm, type VisionWasm } from '../../src/vision/vision-wasm';
import { POSE } from '../../src/core/pose-indices';
import { CLIPGEN_GLOBAL, type ClipgenApi, type ClipgenMeasurement, type ClipgenSetup, type FramePose, type ScanSetup } from './clipgen-api';
import type { Position } from './core/lying-rig';
import type { ScanCamera } from './core/scan-rig';
import type { ScanLighting } from './core/trajectory';
import { ScanScene } from './scan-scene';
import { FACE_POINT } from './core/head-shape';
import { trianglesFromTesselation } from './core/mesh-triangles';
import { i420Size, rgbaToI420 } from './core/y4m';
import { HeadScene, type PhotoShoulders } from './head-scene';
import { unpackPoints } from '../../src/core/packed-points';

/** The analyzer's pose model (src/analyze/observation-detector.ts): measure what it would see. */
const POSE_MODEL = 'full';

/** Spacing of the VIDEO-mode timestamps given to the measuring landmarkers (30 fps). */
const MEASURE_FRAME_MS = 1000 / 30;

function base64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** What a frame is rendered from: the photo head or the scan, behind one face. */
interface RenderedSubject {
  render(pose: FramePose): void;
  readPixelsBottomUp(): Uint8Array;
  dispose(): void;
}

function photoSubject(scene: HeadScene): RenderedSubject {
  return {
    render: (pose) => {
      if ((pose.trunkYawDeg ?? 0) !== 0) throw new Error('the photo head has no trunk to turn');
      if (pose.body !== undefined) throw new Error('the photo head has no body to move');
      scene.render(pose, pose.arms);
    },
    readPixelsBottomUp: () => scene.readPixelsBottomUp(),
    dispose: () => scene.dispose(),
  };
}

function scanSubject(scene: ScanScene): RenderedSubject {
  return {
    render: (pose) => {
      const arms = pose.arms ?? 'rest';
      if (pose.body === undefined && arms !== 'rest') throw new Error(`arm pose ${arms}: the scan's arms need a body`);
      scene.render(pose, pose.trunkYawDeg ?? 0, pose.body === undefined ? null : { ...pose.body, arms, tMs: pose.tMs ?? 0 });
    },
    readPixelsBottomUp: () => scene.readPixelsBottomUp(),
    dispose: () => scene.dispose(),
  };
}

class ClipgenPage implements ClipgenApi {
  private scene: RenderedSubject | null = null;
  private scan: ScanScene | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private wasm: VisionWasm | null = null;
  private faceMeter: VideoLandmarker | null = null;
  private poseMeter: VideoLandmarker | null = null;
  private measureTMs = 0;

  private async runtime(): Promise<VisionWasm> {
    this.wasm ??= await loadVisionWasm(new URL('/wasm/', location.href).href);
    return this.wasm;
  }

  async setup(photoUrl: string, width: number, height: number): Promise<ClipgenSetup> {
    const response = await fetch(photoUrl);
    if (!response.ok) throw new Error(`photo ${photoUrl}: HTTP ${response.status}`);
    const photo = await createImageBitmap(await response.blob());
    const finder = await createLandmarker({ kind: 'face', maxPeople: 1 }, await this.runtime());
    const found = finder.detect(photo, 0);
    finder.close();
    const face = found?.kind === 'face' ? found.faces[0] : undefined;
    if (face === undefined) throw new Error('the face landmarker found no face in the photo');
    const shoulders = await this.photoShoulders(photo);
    const triangles = trianglesFromTesselation(FaceLandmarker.FACE_LANDMARKS_TESSELATION);
    const canvas = this.freshCanvas(width, height);
    const landmarks = unpackPoints(face.points);
    const head = new HeadScene(canvas, { photo, landmarks, triangles, width, height, shoulders });
    this.scene = photoSubject(head);
    const shape = head.shape;
    return {
      photoWidth: photo.width,
      photoHeight: photo.height,
      landmarkCount: landmarks.length,
      triangleCount: triangles.length / 3,
      faceWidthPx: shape.faceWidthPx,
      faceHeightPx: shape.faceHeightPx,
      depthScale: shape.depthScale,
      foreheadY: (landmarks[FACE_POINT.foreheadTop]?.y ?? Number.NaN) * photo.height,
      chinY: (landmarks[FACE_POINT.chin]?.y ?? Number.NaN) * photo.height,
      photoPose: face.matrix ? matrixToAngles(face.matrix) : null,
      shouldersFound: shoulders !== null,
    };
  }

  /** A new canvas (a WebGL context belongs to one renderer); the previous subject is disposed. */
  private freshCanvas(width: number, height: number): HTMLCanvasElement {
    this.scene?.dispose();
    this.scene = null;
    this.scan = null;
    this.canvas?.remove();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    document.body.append(canvas);
    this.canvas = canvas;
    return canvas;
  }

  async setupScan(baseUrl: string, width: number, height: number): Promise<ScanSetup> {
    const canvas = this.freshCanvas(width, height);
    const scan = await ScanScene.load(canvas, width, height, { baseUrl });
    this.scan = scan;
    this.scene = scanSubject(scan);
    return { vertexCount: scan.vertexCount };
  }

  setScanView(camera: ScanCamera, lighting: ScanLighting, position: Position = 'upright'): void {
    if (this.scan === null) throw new Error('call setupScan() first');
    this.scan.setView(camera, lighting, position);
  }

  /** The photo's shoulders as the pose landmarker finds them; null when it finds no person. */
  private async photoShoulders(photo: ImageBitmap): Promise<PhotoShoulders | null> {
    const finder = await createLandmarker({ kind: 'pose', poseModel: POSE_MODEL, maxPeople: 1 }, await this.runtime());
    const found = finder.detect(photo, 0);
    finder.close();
    const pose = found?.kind === 'pose' ? found.poses[0] : undefined;
    const left = pose?.landmarks[POSE.leftShoulder];
    const right = pose?.landmarks[POSE.rightShoulder];
    return left === undefined || right === undefined ? null : { left: { x: left.x, y: left.y }, right: { x: right.x, y: right.y } };
  }

  private ready(): { scene: RenderedSubject; canvas: HTMLCanvasElement } {
    if (this.scene === null || this.canvas === null) throw new Error('call setup() first');
    return { scene: this.scene, canvas: this.canvas };
  }

  renderI420(poses: readonly FramePose[]): string {
    const { scene, canvas } = this.ready();
    const size = i420Size(canvas.width, canvas.height);
    const out = new Uint8Array(size * poses.length);
    poses.forEach((pose, i) => {
      scene.render(pose);
      out.set(rgbaToI420(scene.readPixelsBottomUp(), canvas.width, canvas.height, true), i * size);
    });
    return base64(out);
  }

  async renderPng(pose: FramePose): Promise<string> {
    const { scene, canvas } = this.ready();
    scene.render(pose);
    return canvas.toDataURL('image/png');
  }

  async measure(pose: FramePose, withPose: boolean, frames: number, fresh: boolean): Promise<ClipgenMeasurement> {
    const { scene, canvas } = this.ready();
    scene.render(pose);
    return this.measureSource(canvas, withPose, frames, fresh);
  }

  async measureImage(url: string, withPose: boolean): Promise<ClipgenMeasurement> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`image ${url}: HTTP ${response.status}`);
    const image = await createImageBitmap(await response.blob());
    try {
      return await this.measureSource(image, withPose, 1, true);
    } finally {
      image.close();
    }
  }

  private async measureSource(source: HTMLCanvasElement | ImageBitmap, withPose: boolean, frames: number, fresh: boolean): Promise<ClipgenMeasurement> {
    if (fresh) {
      // A new landmarker's first frame is a full detection, independent of earlier frames.
      this.faceMeter?.close();
      this.poseMeter?.close();
      this.faceMeter = null;
      this.poseMeter = null;
    }
    this.faceMeter ??= await createLandmarker({ kind: 'face', maxPeople: 1 }, await this.runtime());
    if (withPose) this.poseMeter ??= await createLandmarker({ kind: 'pose', poseModel: POSE_MODEL, maxPeople: 1 }, await this.runtime());
    let result: ClipgenMeasurement = { faceFound: false, faceAngles: null, poseFound: null, poseLandmarks: null };
    for (let i = 0; i < Math.max(1, frames); i++) {
      this.measureTMs += MEASURE_FRAME_MS;
      const frame = await createImageBitmap(source);
      try {
        const faceResult = this.faceMeter.detect(frame, this.measureTMs);
        const face = faceResult?.kind === 'face' ? faceResult.faces[0] : undefined;
        const poseResult = withPose ? this.poseMeter?.detect(frame, this.measureTMs) : undefined;
        const person = poseResult?.kind === 'pose' ? poseResult.poses[0] : undefined;
        result = {
          faceFound: face !== undefined,
          faceAngles: face?.matrix ? matrixToAngles(face.matrix) : null,
          poseFound: poseResult === undefined ? null : person !== undefined,
          poseLandmarks: person?.landmarks ?? null,
        };
      } finally {
        frame.close();
      }
    }
    return result;
  }
}

// tasks-vision's Emscripten loader, served as an ES module (strict), declares its debug printer
// `custom_dbg` inside a block, so it is not in scope where it is called: the first message the wasm
// prints (the face model does print one) throws "custom_dbg is not defined". A global avoids that.
if (!('custom_dbg' in globalThis)) Reflect.set(globalThis, 'custom_dbg', (...parts: unknown[]) => console.warn(...parts));

Reflect.set(window, CLIPGEN_GLOBAL, new ClipgenPage());

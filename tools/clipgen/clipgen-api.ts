import type { HeadAngles } from '../../src/core/head-pose/head-angles';
import type { Landmark } from '../../src/core/landmarks';
import type { ArmPose } from './core/arm-pose';
import type { BodyPose } from './core/body-timeline';
import type { Position } from './core/lying-rig';
import type { ScanCamera } from './core/scan-rig';
import type { ScanLighting } from './core/trajectory';

/** What the scan's body does besides its arms' pose (core/scan-arms.ts BodyMotion). */
export type FrameBody = BodyPose;

/**
 * One frame to render: the head's angles relative to the trunk, what the arms do (photo head;
 * default `rest`: the photo's own), the trunk's yaw (scan; default 0) and, for the scan, its body
 * (absent: the bare bust, no arms) with the frame's time (the self-massage's rubbing follows it).
 */
export interface FramePose extends HeadAngles {
  readonly arms?: ArmPose;
  readonly trunkYawDeg?: number;
  readonly body?: FrameBody;
  readonly tMs?: number;
}

export interface ScanSetup {
  readonly vertexCount: number;
}

/** The global through which scripts and tests drive clipgen.html (Playwright `page.evaluate`). */
export const CLIPGEN_GLOBAL = 'atlasClipgen';

export interface ClipgenSetup {
  readonly photoWidth: number;
  readonly photoHeight: number;
  readonly landmarkCount: number;
  readonly triangleCount: number;
  readonly faceWidthPx: number;
  readonly faceHeightPx: number;
  /** Factor applied to MediaPipe's z so the face is as deep as the canonical face. */
  readonly depthScale: number;
  /** Photo rows of the mesh's top point (forehead) and chin, for sizing checks. */
  readonly foreheadY: number;
  readonly chinY: number;
  /** The photo's own head pose as the face landmarker reads it (null without a matrix). */
  readonly photoPose: HeadAngles | null;
  /** Whether the pose landmarker found the photo's shoulders (needed to pose arms). */
  readonly shouldersFound: boolean;
}

/** What the landmarkers read on one rendered frame (raw: relative to the camera, not to neutral). */
export interface ClipgenMeasurement {
  readonly faceFound: boolean;
  readonly faceAngles: HeadAngles | null;
  /** Null when the pose landmarker was not asked. */
  readonly poseFound: boolean | null;
  /** The first person's 33 pose landmarks (normalised, unmirrored), null when none or not asked. */
  readonly poseLandmarks: readonly Landmark[] | null;
}

export interface ClipgenApi {
  setup(photoUrl: string, width: number, height: number): Promise<ClipgenSetup>;
  /** Loads the scanned bust from a folder URL (ending '/') instead of a photo; the frames that follow show it. */
  setupScan(baseUrl: string, width: number, height: number): Promise<ScanSetup>;
  /** Scan only: camera placement, lighting and the body's position (default upright) of the frames that follow. */
  setScanView(camera: ScanCamera, lighting: ScanLighting, position?: Position): void;
  /** Renders frames and returns them as I420 (yuv420p) bytes, one after the other, base64. */
  renderI420(poses: readonly FramePose[]): string;
  /** Renders one frame and returns it as a PNG data URL (for looking at it). */
  renderPng(angles: FramePose): Promise<string>;
  /**
   * Renders the pose and runs the face (and optionally the pose landmarker, the analyzer's `full`
   * model) on it in VIDEO mode,
   * `frames` times in a row (tracking needs a few frames to catch up after a jump); the last counts.
   * `fresh` starts from new landmarkers (the first frame is then a full detection, as in a new clip).
   */
  measure(angles: FramePose, withPose: boolean, frames: number, fresh: boolean): Promise<ClipgenMeasurement>;
  /** The same reading on an image served by the page's origin (a real photo), fresh landmarkers. */
  measureImage(url: string, withPose: boolean): Promise<ClipgenMeasurement>;
}

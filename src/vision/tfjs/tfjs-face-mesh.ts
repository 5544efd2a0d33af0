import type { FaceObservation, Landmark } from '../../core/landmarks';
import type { LandmarkerImage } from '../landmarkers';
import { BLAZEFACE_INPUT_SIZE, blazefaceAnchors, detectFaces, type Anchor } from './blazeface-decoder';
import { CropCanvas, imageSize } from '../crop/crop-canvas';
import { padToFaceLandmarkerLayout } from './face-mesh-layout';
import { sameFace, withNewFaces } from './face-tracks';
import { roiFromBox, roiFromLandmarks } from './face-roi';
import { cropToImage, type Point2, type SquareCrop } from '../crop/square-crop';
import type { FaceSeed } from '../face-seed';
import { seedCrop } from '../crop/seed-crop';
import { runDetector, runLandmarkModel, type TwoStageModels } from './graph-runs';

export const FACE_MESH_INPUT_SIZE = 192;
export const MIN_FACE_DETECTION_SCORE = 0.5;
/** FaceMesh's face-presence score under which the track is dropped and the detector runs again. */
export const MIN_FACE_PRESENCE = 0.5;
/** Mesh vertices at the outer eye corners (subject's right, left): they set the crop's rotation. */
const RIGHT_EYE_OUTER = 33;
const LEFT_EYE_OUTER = 263;
/** The mesh model's outputs by their converted names: face flag, mesh. */
const MESH_OUTPUTS = ['Identity_1:0', 'Identity_2:0'];

/** Faces meshed at most: the person followed and one more, so that "two people" can be reported. */
export const MAX_FACES = 2;
/**
 * While faces are tracked the detector still runs every this many frames (~0.5 s at 30 fps), to
 * notice a second person coming into view; MediaPipe's runs on every frame until it tracks as
 * many faces as it may report.
 */
export const DETECT_EVERY_FRAMES = 15;

/**
 * BlazeFace (short range) finds the faces; FaceMesh gives 468 points in a crop turned by the eye
 * line; later frames reuse the crop around the previous mesh (ROI tracking, as MediaPipe does), and
 * the detector runs when no face is tracked and every DETECT_EVERY_FRAMES frames. Up to MAX_FACES
 * faces, the one followed first. When the detector finds no face in the whole frame and the body
 * landmarker has seen one (`seed`), it looks again in a crop around the body's face points, where a
 * distant face is large enough for it (face-seed.ts).
 */
export class FaceMeshRunner {
  private readonly detectorCanvas = new CropCanvas(BLAZEFACE_INPUT_SIZE);
  private readonly meshCanvas = new CropCanvas(FACE_MESH_INPUT_SIZE);
  private readonly anchors: readonly Anchor[] = blazefaceAnchors();
  private tracked: SquareCrop[] = [];
  private framesSinceDetection = 0;

  constructor(
    private readonly models: TwoStageModels,
    /** false: run the detector on every frame (IMAGE-like). */
    private readonly tracking: boolean,
  ) {}

  resetTracking(): void {
    this.tracked = [];
  }

  detect(image: LandmarkerImage, seed: FaceSeed | null = null): FaceObservation[] {
    const size = imageSize(image);
    let crops: SquareCrop[] = this.tracking ? this.tracked : [];
    this.framesSinceDetection += 1;
    if (crops.length === 0 || this.framesSinceDetection >= DETECT_EVERY_FRAMES) {
      crops = withNewFaces(crops, this.detectFaces(image, size.width, size.height), MAX_FACES);
      this.framesSinceDetection = 0;
    }
    const around = crops.length === 0 && seed !== null ? seedCrop(seed, size.width, size.height) : null;
    if (around !== null) crops = this.detectFaces(image, size.width, size.height, around).slice(0, 1);
    const faces: FaceObservation[] = [];
    const next: SquareCrop[] = [];
    for (const crop of crops) {
      const points = this.meshIn(image, crop);
      if (!points) continue;
      const roi = roiFromLandmarks(points, points[RIGHT_EYE_OUTER] as Point2, points[LEFT_EYE_OUTER] as Point2);
      // Two crops that have drifted onto one face: keep the first.
      if (next.some((other) => sameFace(other, roi))) continue;
      next.push(roi);
      const landmarks = points.map((p): Landmark => ({ x: p.x / size.width, y: p.y / size.height, z: p.z / size.width }));
      // No facial transformation matrix here: the head-pose estimator fits the canonical face instead.
      faces.push({ points: padToFaceLandmarkerLayout(landmarks), matrix: null });
    }
    this.tracked = next;
    return faces;
  }

  /** The faces the detector finds in the whole image, or in `crop`. */
  private detectFaces(image: LandmarkerImage, width: number, height: number, crop?: SquareCrop): SquareCrop[] {
    const { raw, region, toImage } = runDetector(this.models, this.detectorCanvas, image, width, height, crop);
    const pixelsPerUnit = region.size;
    return detectFaces(raw, this.anchors, MIN_FACE_DETECTION_SCORE, MAX_FACES).map((face) => {
      const center = toImage({ x: face.centerX, y: face.centerY });
      return roiFromBox(
        { centerX: center.x, centerY: center.y, width: face.width * pixelsPerUnit, height: face.height * pixelsPerUnit },
        toImage(face.keypoints[0] as Anchor),
        toImage(face.keypoints[1] as Anchor),
      );
    });
  }

  /** 468 points in image pixels (z in the same pixel scale), or null when FaceMesh sees no face. */
  private meshIn(image: LandmarkerImage, crop: SquareCrop): { x: number; y: number; z: number }[] | null {
    const [flag, values] = runLandmarkModel(this.models, this.meshCanvas, image, crop, MESH_OUTPUTS) as [Float32Array, Float32Array];
    // Already a probability: the graph ends its face-flag head with a Sigmoid.
    const presence = flag[0] as number;
    if (presence < MIN_FACE_PRESENCE) return null;
    const scale = crop.size / FACE_MESH_INPUT_SIZE;
    const points: { x: number; y: number; z: number }[] = [];
    for (let i = 0; i < values.length; i += 3) {
      const p = cropToImage(crop, FACE_MESH_INPUT_SIZE, { x: values[i] as number, y: values[i + 1] as number });
      points.push({ x: p.x, y: p.y, z: (values[i + 2] as number) * scale });
    }
    return points;
  }
}

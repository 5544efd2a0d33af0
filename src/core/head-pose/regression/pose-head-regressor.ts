import type { PoseObservation } from '../../landmarks';
import { POSE } from '../../pose-indices';
import { rotationToAngles } from '../../geometry/euler';
import type { Mat3 } from '../../geometry/mat3';
import { mat3Buffer, multiplyMat3Into, toMat3, type Mat3Buffer } from '../../geometry/mat3-kernels';
import { rotationFromSixDInto, SIX_D_SIZE } from '../../geometry/six-d-rotation';
import { DEFAULT_VERTICAL_FOV_DEG, imagePointRayCorrectionInto, type ImageSize } from '../camera-space';
import type { HeadAngles } from '../head-angles';
import type { SourceEstimate } from '../source-estimate';
import { DenseNetwork, denseWeights, type DenseNetworkJson, type DenseWeights } from './dense-network';
import { HEAD_POINTS, poseHeadFeatures, POSE_HEAD_FEATURE_COUNT } from './pose-head-features';

/**
 * The rotation taking the head's orthographic appearance to its pose in the camera's axes: a head
 * off the optical axis is seen along an oblique ray (camera-space.ts). The features are
 * position-free, so the network reads the appearance and this puts the ray back; training labels
 * are R_rayᵀ · R_true for the same reason (scripts/head-regressor/training-set.ts).
 */
function headRayInto(out: Mat3Buffer, pose: PoseObservation, size: ImageSize): Mat3Buffer {
  let x = 0, y = 0;
  for (let k = 0; k < HEAD_POINTS.length; k += 1) {
    const l = pose.landmarks[HEAD_POINTS[k] as number];
    x += l?.x ?? 0.5;
    y += l?.y ?? 0.5;
  }
  return imagePointRayCorrectionInto(out, x / HEAD_POINTS.length, y / HEAD_POINTS.length, size, DEFAULT_VERTICAL_FOV_DEG, 1);
}

/** headRayInto as a value. */
export function headRay(pose: PoseObservation, size: ImageSize): Mat3 {
  return toMat3(headRayInto(mat3Buffer(), pose, size));
}

/**
 * The head's rotation from BlazePose's head points by a small learned network (trained by
 * scripts/train-head-regressor.ts on rendered frames of a scanned head with exact angles; see
 * docs/head-pose.md). Unlike a rigid-model fit it learns how BlazePose actually places the eyes,
 * ears and mouth as the head turns, which is what carries the turn past the face mesh's range.
 * Owns its buffers: one instance per tracker (not re-entrant within one instance).
 */
export class PoseHeadRegressor {
  private readonly network: DenseNetwork;
  private readonly features = new Float64Array(POSE_HEAD_FEATURE_COUNT);
  private readonly output = new Float64Array(SIX_D_SIZE);
  private readonly ray = mat3Buffer();
  private readonly appearance = mat3Buffer();
  private readonly head = mat3Buffer();

  constructor(weights: DenseWeights | DenseNetworkJson, private readonly maxConfidence = 0.8) {
    this.network = new DenseNetwork(weights);
    if (this.network.inputs !== POSE_HEAD_FEATURE_COUNT || this.network.outputs !== SIX_D_SIZE) {
      throw new Error(`head regressor weights take ${this.network.inputs} inputs and give ${this.network.outputs} (want ${POSE_HEAD_FEATURE_COUNT} and ${SIX_D_SIZE})`);
    }
  }

  /** The head's rotation in the camera's axes into this.head; false when the head points are missing or degenerate. */
  private rotationInto(pose: PoseObservation, size: ImageSize): boolean {
    if (!poseHeadFeatures(pose.landmarks, size.width, size.height, this.features)) return false;
    this.network.run(this.features, this.output);
    // The network gives the head's rotation as two of its axes (six-d-rotation.ts), not as angles.
    if (!rotationFromSixDInto(this.appearance, this.output)) return false;
    multiplyMat3Into(this.head, headRayInto(this.ray, pose, size), this.appearance);
    return true;
  }

  /** The head's rotation in the camera's axes, or null when the head points are missing or degenerate. */
  rotation(pose: PoseObservation, size: ImageSize): Mat3 | null {
    return this.rotationInto(pose, size) ? toMat3(this.head) : null;
  }

  /** Head angles relative to the camera, or null when the head points are missing or degenerate. */
  angles(pose: PoseObservation, size: ImageSize): HeadAngles | null {
    return this.rotationInto(pose, size) ? rotationToAngles(this.head) : null;
  }

  /**
   * As a fusion source: confidence from how sure BlazePose is of the nose and the better-seen
   * ear (in profile the far ear is hidden, the near one is not), at most `maxConfidence`.
   */
  estimate(pose: PoseObservation, size: ImageSize): SourceEstimate | null {
    if (!this.rotationInto(pose, size)) return null;
    const seen = Math.min(visibilityOf(pose, POSE.nose), Math.max(visibilityOf(pose, POSE.leftEar), visibilityOf(pose, POSE.rightEar)));
    return { angles: rotationToAngles(this.head), confidence: this.maxConfidence * seen };
  }
}

function visibilityOf(pose: PoseObservation, index: number): number {
  const v = pose.landmarks[index]?.visibility;
  return v === undefined || !Number.isFinite(v) ? 1 : Math.min(1, Math.max(0, v));
}

/**
 * A maker of regressors with `weights`, laid out once and shared read-only (each estimator owns
 * its regressor: it keeps per-frame buffers).
 */
export function poseHeadRegressorMaker(weights: DenseNetworkJson): () => PoseHeadRegressor {
  const laidOut = denseWeights(weights);
  return () => new PoseHeadRegressor(laidOut);
}

import type { PoseObservation } from '../../landmarks';
import { POSE } from '../../pose-indices';
import { rotationToAngles } from '../../geometry/euler';
import { multiplyMat3, type Mat3 } from '../../geometry/mat3';
import { DEFAULT_VERTICAL_FOV_DEG, directionToCamera, rayCorrection, type ImageSize } from '../camera-space';
import type { HeadAngles } from '../head-angles';
import { anglesToRotation } from '../rotation-kernels';
import type { SourceEstimate } from '../source-estimate';
import { DenseNetwork, type DenseNetworkJson } from './dense-network';
import { HEAD_POINTS, poseHeadFeatures, POSE_HEAD_FEATURE_COUNT } from './pose-head-features';

/**
 * The rotation taking the head's orthographic appearance to its pose in the camera's axes: a head
 * off the optical axis is seen along an oblique ray (camera-space.ts). The features are
 * position-free, so the network reads the appearance and this puts the ray back; training labels
 * are R_rayᵀ · R_true for the same reason (scripts/head-regressor/training-set.ts).
 */
export function headRay(pose: PoseObservation, size: ImageSize): Mat3 {
  let x = 0, y = 0;
  for (const index of HEAD_POINTS) {
    x += pose.landmarks[index]?.x ?? 0.5;
    y += pose.landmarks[index]?.y ?? 0.5;
  }
  return rayCorrection(directionToCamera(x / HEAD_POINTS.length, y / HEAD_POINTS.length, size, DEFAULT_VERTICAL_FOV_DEG), 1);
}

/**
 * The head's angles from BlazePose's head points by a small learned network (trained by
 * scripts/train-head-regressor.ts on rendered frames of a scanned head with exact angles; see
 * docs/head-pose.md). Unlike a rigid-model fit it learns how BlazePose actually places the eyes,
 * ears and mouth as the head turns, which is what carries the turn past the face mesh's range.
 * Owns its buffers: one instance per tracker (not re-entrant within one instance).
 */
export class PoseHeadRegressor {
  private readonly network: DenseNetwork;
  private readonly features = new Float64Array(POSE_HEAD_FEATURE_COUNT);
  private readonly output = new Float64Array(3);

  constructor(weights: DenseNetworkJson, private readonly maxConfidence = 0.8) {
    this.network = new DenseNetwork(weights);
    if (this.network.inputs !== POSE_HEAD_FEATURE_COUNT || this.network.outputs !== 3) {
      throw new Error(`head regressor weights take ${this.network.inputs} inputs and give ${this.network.outputs} (want ${POSE_HEAD_FEATURE_COUNT} and 3)`);
    }
  }

  /** The head's rotation in the camera's axes, or null when the head points are missing or degenerate. */
  rotation(pose: PoseObservation, size: ImageSize): Mat3 | null {
    if (!poseHeadFeatures(pose.landmarks, size.width, size.height, this.features)) return null;
    this.network.run(this.features, this.output);
    const yawDeg = this.output[0] as number, pitchDeg = this.output[1] as number, rollDeg = this.output[2] as number;
    if (!Number.isFinite(yawDeg + pitchDeg + rollDeg)) return null;
    return multiplyMat3(headRay(pose, size), anglesToRotation({ yawDeg, pitchDeg, rollDeg }));
  }

  /** Head angles relative to the camera, or null when the head points are missing or degenerate. */
  angles(pose: PoseObservation, size: ImageSize): HeadAngles | null {
    const rotation = this.rotation(pose, size);
    return rotation ? rotationToAngles(rotation) : null;
  }

  /**
   * As a fusion source: confidence from how sure BlazePose is of the nose and the better-seen
   * ear (in profile the far ear is hidden, the near one is not), at most `maxConfidence`.
   */
  estimate(pose: PoseObservation, size: ImageSize): SourceEstimate | null {
    const rotation = this.rotation(pose, size);
    if (!rotation) return null;
    const seen = Math.min(visibilityOf(pose, POSE.nose), Math.max(visibilityOf(pose, POSE.leftEar), visibilityOf(pose, POSE.rightEar)));
    return { rotation, angles: rotationToAngles(rotation), confidence: this.maxConfidence * seen };
  }
}

function visibilityOf(pose: PoseObservation, index: number): number {
  const v = pose.landmarks[index]?.visibility;
  return v === undefined || !Number.isFinite(v) ? 1 : Math.min(1, Math.max(0, v));
}

import { mat3Buffer } from '../geometry/mat3-kernels';
import { canonicalFaceWorkspace } from './canonical-face-fit';

/** The face reading's scratch (from-face.ts): one per estimator, not shared between readings in flight. */
export class FaceWorkspace {
  readonly fit = canonicalFaceWorkspace();
  /** MediaPipe's rotation (ray-corrected), the landmark fit's (ray-corrected), their blend. */
  readonly matrixRotation = mat3Buffer();
  readonly landmarkRotation = mat3Buffer();
  readonly blend = mat3Buffer();
  readonly correction = mat3Buffer();
}

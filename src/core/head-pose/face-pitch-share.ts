import { rampDown } from './ramp';

/** Where the face mesh's pitch is believed, by its own reading (degrees, camera-relative; < 0 flexion). */
export interface FacePitchBand {
  /** Flexion (as a positive angle) up to which the face's pitch is believed in full… */
  readonly fullFlexionDeg: number;
  /** …and from which the body's is. */
  readonly noFlexionDeg: number;
  readonly fullExtensionDeg: number;
  readonly noExtensionDeg: number;
}

/**
 * The face mesh under-reads flexion long before it is lost: on the training renders of the scan
 * (train-01…24, |yaw| < 25°, bias against the truth) its pitch was off by +1.5° at 10–20° of
 * flexion, +3.4° at 20–30°, +7.4° at 30–40° and +14.5° at 40–50°, while the body network stayed
 * within 2.5°. In extension it read within 3.4° up to 50°. Effect: docs/head-pose.md.
 */
export const DEFAULT_FACE_PITCH_BAND: FacePitchBand = {
  fullFlexionDeg: 15,
  noFlexionDeg: 30,
  fullExtensionDeg: 45,
  noExtensionDeg: 55,
};

/** 0..1: the face's share of the pitch, given the pitch it reads itself. */
export function facePitchShare(facePitchDeg: number, band: FacePitchBand = DEFAULT_FACE_PITCH_BAND): number {
  return facePitchDeg < 0 ? rampDown(-facePitchDeg, band.fullFlexionDeg, band.noFlexionDeg) : rampDown(facePitchDeg, band.fullExtensionDeg, band.noExtensionDeg);
}

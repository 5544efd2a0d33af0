import type { WorldPoint } from './camera-rig';

/**
 * The scan's body in model units (../shared/assets/head-scan/LeePerrySmith.glb: Y up, face toward
 * +Z, the subject's left toward +X; 1 unit = 4.79 cm, core/scan-rig.ts). Measured on the mesh by
 * slices of its vertices: the shoulders' outline is widest (x ±4.28) at y −2.9, their top runs from
 * y −1.7 at |x| 2.4 to −2.4 at |x| 4.0, the bust's depth there is z −2.3…0.5; the skull is ±1.6
 * wide, its top at y 4.0, its back at z −1.85; the forehead's front is at z 2.1 at y 2.6; the ears
 * at x ±1.85, y 1.4; the neck ±1.2 wide at y −0.6. Limb lengths are an adult man's (upper arm
 * 29 cm, forearm 25 cm, hand 18 cm).
 */
export const UNITS_PER_CM = 3.13 / 15;

export const SCAN_BODY = {
  /** The left shoulder joint (the arm's root); the right one is mirrored. */
  shoulderJoint: [3.55, -2.75, -0.9],
  /** The top of the left shoulder (acromion), where the finger tips rest in shoulder circles. */
  shoulderTop: [3.2, -2.05, -0.75],
  upperArm: 29 * UNITS_PER_CM,
  forearm: 25 * UNITS_PER_CM,
  /** Wrist to finger tips (open), and to the knuckles' front (fist). */
  hand: 18 * UNITS_PER_CM,
  fist: 9 * UNITS_PER_CM,
  radii: {
    /** A short shirt sleeve over the upper arm, then bare skin. */
    shoulder: 5.4 * UNITS_PER_CM,
    elbow: 4.2 * UNITS_PER_CM,
    wrist: 2.9 * UNITS_PER_CM,
    handWidth: 8.5 * UNITS_PER_CM,
    handThickness: 2.8 * UNITS_PER_CM,
  },
} as const;

/** Points on the head (model units at neutral): they turn with the head (core/neck-bend.ts, w = 1). */
export const SCAN_HEAD_POINTS = {
  /** The forehead's upper middle, above the brows (a palm here leaves the eyes free). */
  forehead: [0, 3.1, 2.0],
  /** The left temple; the right one is mirrored. */
  temple: [1.5, 2.3, 0.95],
  /** The left side of the head above the ear. */
  aboveEar: [1.5, 3.0, -0.1],
  skullTop: [0, 4.05, 0],
  skullBack: [0, 2.2, -1.9],
} as const satisfies Record<string, WorldPoint>;

/** The left side of the back of the neck (below the skull; it stays with the trunk). */
export const SCAN_NAPE_SIDE: WorldPoint = [0.85, -0.55, -1.05];

/** Mirrors a left-side point to the given side (+1 left, −1 right). */
export function onSide(p: WorldPoint, out: number): WorldPoint {
  return [out * p[0], p[1], p[2]];
}

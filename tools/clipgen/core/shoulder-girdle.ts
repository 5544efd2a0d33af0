import type { WorldPoint } from './camera-rig';
import { smoothstep } from './neck-bend';
import { UNITS_PER_CM } from './scan-body';

/**
 * The shoulder girdle (collar bones and shoulder blades) moves the shoulders relative to the trunk:
 * up (elevation: shrugs), forward (protraction) or back (retraction), or round in circles. The scan
 * is one rigid mesh below the neck, so its shoulder vertices follow the girdle by a skinning weight,
 * as the neck's follow the head (neck-bend.ts): w = 1 from the shoulder's outer part (|x| ≥ 2.9
 * units, 14 cm from the midline) out, 0 inside the neck's width (|x| ≤ 1.0) and above the neck's
 * base (y ≥ −0.9, so the head and ears never move with it), smoothstep in between.
 */
export const GIRDLE_WEIGHT = { innerX: 1.0, outerX: 2.9, fullBelowY: -1.6, noneAboveY: -0.9 } as const;

export function girdleWeight(x: number, y: number): number {
  const G = GIRDLE_WEIGHT;
  return smoothstep(G.innerX, G.outerX, Math.abs(x)) * (1 - smoothstep(G.fullBelowY, G.noneAboveY, y));
}

/** How far the shoulders are moved, cm: elevation > 0 up, protraction > 0 forward (< 0 back). */
export interface GirdleOffset {
  readonly elevationCm: number;
  readonly protractionCm: number;
}

export const GIRDLE_AT_REST: GirdleOffset = { elevationCm: 0, protractionCm: 0 };

/**
 * Shoulder blades slide round the rib cage: protraction brings the shoulders forward and in toward
 * the midline (the chest narrows), retraction back and out. Inward share of the forward movement:
 */
export const PROTRACTION_INWARD = 0.35;

/** The girdle's displacement in model units on the side of `x` (the sign of the vertex's or joint's x). */
export function girdleDisplacement(offset: GirdleOffset, x: number): WorldPoint {
  const p = offset.protractionCm * UNITS_PER_CM;
  return [-Math.sign(x) * PROTRACTION_INWARD * p, offset.elevationCm * UNITS_PER_CM, p];
}

/** A point of the shoulder moved with the girdle (its weight 1: the arm's root, the shoulder top). */
export function withGirdle(p: WorldPoint, offset: GirdleOffset): WorldPoint {
  const d = girdleDisplacement(offset, p[0]);
  return [p[0] + d[0], p[1] + d[1], p[2] + d[2]];
}

/**
 * Moves every vertex by its weight's share of its side's girdle displacement (positions: xyz
 * triples in model units; weights from girdleWeight per vertex, computed once). Normals are
 * unchanged (a translation).
 */
export function moveGirdle(positions: ArrayLike<number>, weights: ArrayLike<number>, offset: GirdleOffset, out: Float32Array): void {
  const [dx, dy, dz] = girdleDisplacement(offset, 1);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0;
    const j = 3 * i;
    out[j] = (positions[j] ?? 0) + w * Math.sign(positions[j] ?? 0) * dx;
    out[j + 1] = (positions[j + 1] ?? 0) + w * dy;
    out[j + 2] = (positions[j + 2] ?? 0) + w * dz;
  }
}

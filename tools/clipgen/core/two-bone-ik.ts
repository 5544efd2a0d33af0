import type { WorldPoint } from './camera-rig';
import { add3, cross3, distance3, dot3, scale3, sub3, unit3 } from './point3';

/**
 * Two-bone inverse kinematics (shoulder → elbow → wrist) with exact segment lengths: the wrist
 * goes to `target` when it is within reach (else as far toward it as the arm allows), the elbow to
 * the side of the shoulder–wrist line where `pole` is.
 */
export function twoBoneIk(shoulder: WorldPoint, target: WorldPoint, upper: number, lower: number, pole: WorldPoint): { elbow: WorldPoint; wrist: WorldPoint } {
  const toTarget = sub3(target, shoulder);
  // A target on the shoulder itself has no direction: fold the arm downward.
  const axis = Math.hypot(...toTarget) > 1e-9 ? unit3(toTarget) : ([0, -1, 0] as const);
  // Keep a sliver of bend at both ends so the elbow's side stays defined.
  const reach = Math.min(upper + lower - 1e-6, Math.max(Math.abs(upper - lower) + 1e-6, distance3(target, shoulder)));
  const along = (upper * upper - lower * lower + reach * reach) / (2 * reach);
  const height = Math.sqrt(Math.max(0, upper * upper - along * along));
  const toPole = sub3(pole, shoulder);
  let side = sub3(toPole, scale3(axis, dot3(toPole, axis)));
  if (Math.hypot(...side) < 1e-9) side = cross3(axis, Math.abs(axis[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0]);
  const elbow = add3(add3(shoulder, scale3(axis, along)), scale3(unit3(side), height));
  return { elbow, wrist: add3(shoulder, scale3(axis, reach)) };
}

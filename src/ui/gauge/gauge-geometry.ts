/**
 * Where an angle sits on the gauge's dial. The dial is a half circle of radius 1 around (0, 0),
 * in SVG coordinates (y down).
 * - horizontal (turns, side tilts): 0° points up; a positive angle (the subject's LEFT, see
 *   head-angles.ts) is drawn to the screen's LEFT, as in the mirrored camera view the user sees.
 * - vertical (pitch): 0° points right; a positive angle (chin up) is drawn up.
 */
export type GaugeOrientation = 'horizontal' | 'vertical';

export interface DialPoint {
  readonly x: number;
  readonly y: number;
}

export function clampAngle(angleDeg: number, rangeDeg: number): number {
  return Math.max(-rangeDeg, Math.min(rangeDeg, angleDeg));
}

export function dialPoint(angleDeg: number, rangeDeg: number, orientation: GaugeOrientation, radius = 1): DialPoint {
  const share = clampAngle(angleDeg, rangeDeg) / rangeDeg;
  const polarRad = ((orientation === 'horizontal' ? 90 : 0) + share * 90) * (Math.PI / 180);
  return { x: radius * Math.cos(polarRad), y: -radius * Math.sin(polarRad) };
}

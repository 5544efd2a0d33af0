/**
 * The side (direction) a repetition or hold belongs to, from the subject's own point of view.
 * `none` is used by exercises that are not counted per side (chin-to-chest, nods, holds).
 */
export const REP_SIDES = { left: 'left', right: 'right', none: 'none' } as const;
export type RepSide = (typeof REP_SIDES)[keyof typeof REP_SIDES];
export const ALL_REP_SIDES: readonly RepSide[] = [REP_SIDES.left, REP_SIDES.right, REP_SIDES.none];

export function isRepSide(value: unknown): value is RepSide {
  return typeof value === 'string' && (ALL_REP_SIDES as readonly string[]).includes(value);
}

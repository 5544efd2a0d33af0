import { DIRECTIONS, type Direction } from '../protocol/exercise-definition';

/**
 * The side (direction) a repetition or hold belongs to: the protocol's directions, from the
 * subject's own point of view (`none` for exercises not counted per direction).
 */
export type RepSide = Direction;
export const ALL_REP_SIDES: readonly RepSide[] = Object.values(DIRECTIONS);

export function isRepSide(value: unknown): value is RepSide {
  return typeof value === 'string' && (ALL_REP_SIDES as readonly string[]).includes(value);
}

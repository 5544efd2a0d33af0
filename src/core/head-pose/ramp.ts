/**
 * 1 for value ≤ start, 0 for value ≥ end, a smooth (C¹, smoothstep) fall in between.
 * Used to let a confidence fade out instead of switching, so hand-overs have no jumps.
 */
export function rampDown(value: number, start: number, end: number): number {
  if (value <= start) return 1;
  if (value >= end) return 0;
  const t = (value - start) / (end - start);
  return 1 - t * t * (3 - 2 * t);
}

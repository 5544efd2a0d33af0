/**
 * Math.hypot of 2 and 3 numbers, without its per-call cost: V8's builtin copies its arguments
 * into a fresh array on every call (≈ 50 ns, and garbage), and the estimator makes ≈ 25 calls a
 * frame. The algorithm is V8's own (v8/src/builtins/math.tq: every magnitude divided by the
 * largest, then a Kahan-compensated sum of squares), step for step, so in V8 the results are
 * Math.hypot's to the last bit (tests/unit/core/geometry/hypot.test.ts).
 */

export function hypot2(a: number, b: number): number {
  const x = Math.abs(a), y = Math.abs(b);
  let max = 0;
  if (x > max) max = x;
  if (y > max) max = y;
  // Infinity wins over NaN; NaN over everything else.
  if (max === Number.POSITIVE_INFINITY) return max;
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (max === 0) return 0;
  let sum = 0, compensation = 0;
  let n = x / max, summand = n * n - compensation, preliminary = sum + summand;
  compensation = preliminary - sum - summand; sum = preliminary;
  n = y / max; summand = n * n - compensation; preliminary = sum + summand;
  sum = preliminary;
  return Math.sqrt(sum) * max;
}

export function hypot3(a: number, b: number, c: number): number {
  const x = Math.abs(a), y = Math.abs(b), z = Math.abs(c);
  let max = 0;
  if (x > max) max = x;
  if (y > max) max = y;
  if (z > max) max = z;
  if (max === Number.POSITIVE_INFINITY) return max;
  if (Number.isNaN(x) || Number.isNaN(y) || Number.isNaN(z)) return Number.NaN;
  if (max === 0) return 0;
  let sum = 0, compensation = 0;
  let n = x / max, summand = n * n - compensation, preliminary = sum + summand;
  compensation = preliminary - sum - summand; sum = preliminary;
  n = y / max; summand = n * n - compensation; preliminary = sum + summand;
  compensation = preliminary - sum - summand; sum = preliminary;
  n = z / max; summand = n * n - compensation; preliminary = sum + summand;
  sum = preliminary;
  return Math.sqrt(sum) * max;
}

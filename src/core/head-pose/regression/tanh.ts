/**
 * tanh in plain arithmetic, for the network's activations: V8's Math.tanh is a call into C that
 * cost ≈ 40 ns here, over half of the head network (64 calls a run). tanh|x| = (1 − e)/(1 + e)
 * with e = exp(−2|x|) ≤ 1, and exp(y) = 2^(k/64) · exp(r), k = round(64·y/ln 2), |r| ≤ ln 2/128,
 * exp(r) by its Taylor polynomial to r⁵ (truncation < 4e-17). Within 4e-16 of Math.tanh everywhere
 * (tests/unit/core/head-pose/regression/tanh.test.ts); ±1 from |x| ≥ 19, where tanh rounds to ±1.
 */
const STEPS = 64;
/** 2^(j/64), j = 0..63. */
const FRACTION_POWERS = Float64Array.from({ length: STEPS }, (_, j) => 2 ** (j / STEPS));
/** 2^−i, i = 0..63 (k ≥ −64·38/ln 2 > −3,600, so −floor(k/64) < 57). */
const INTEGER_POWERS = Float64Array.from({ length: 64 }, (_, i) => 2 ** -i);
const STEPS_PER_LN = STEPS / Math.LN2;
const LN_PER_STEP = Math.LN2 / STEPS;

export function tanh(x: number): number {
  const a = x < 0 ? -x : x;
  if (!(a < 19)) return Number.isNaN(x) ? x : x < 0 ? -1 : 1;
  const y = -2 * a;
  const k = Math.round(y * STEPS_PER_LN);
  const r = y - k * LN_PER_STEP;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  // k = 64·(k >> 6) + (k & 63), both parts ≤ 0 and ≥ 0 respectively.
  const e = (INTEGER_POWERS[-(k >> 6)] as number) * (FRACTION_POWERS[k & 63] as number) * p;
  const t = (1 - e) / (1 + e);
  return x < 0 ? -t : t;
}

import { describe, expect, it } from 'vitest';
import { movementMetrics } from '../../../../src/core/reps/rep-metrics';
import { countSpeedPeaks, logDimensionlessJerk, sparc } from '../../../../src/core/reps/smoothness';
import { minimumJerk } from '../../../support/traces/synthetic-traces';

const RATE_HZ = 60;
/** Tolerance on SPARC values, dimensionless. */
const SPARC_TOLERANCE = 0.1;

/** Speed of a minimum-jerk stroke of 30 units over T seconds: 30·30u²(1-u)²/T. */
function minimumJerkSpeed(durationS: number, rateHz = RATE_HZ): number[] {
  const n = Math.round(durationS * rateHz);
  return Array.from({ length: n + 1 }, (_, i) => {
    const u = i / n;
    return (30 * 30 * u * u * (1 - u) * (1 - u)) / durationS;
  });
}

function trajectory(position: (tMs: number) => number, durationMs: number, rateHz = 30): { tMs: number[]; values: number[] } {
  const tMs: number[] = [];
  const values: number[] = [];
  for (let t = 0; t <= durationMs + 1e-9; t += 1000 / rateHz) {
    tMs.push(t);
    values.push(position(t));
  }
  return { tMs, values };
}

const outAndBack = (t: number): number => (t < 1000 ? 60 * minimumJerk(t / 1000) : 60 * (1 - minimumJerk((t - 1000) / 1000)));

describe('SPARC (Balasubramanian et al. 2012/2015)', () => {
  it('scores one minimum-jerk stroke about -1.4, whatever its duration or amplitude', () => {
    expect(sparc(minimumJerkSpeed(1), RATE_HZ)).toBeCloseTo(-1.4, 1);
    expect(Math.abs(sparc(minimumJerkSpeed(2), RATE_HZ) - sparc(minimumJerkSpeed(1), RATE_HZ))).toBeLessThan(SPARC_TOLERANCE);
    const doubled = minimumJerkSpeed(1).map((v) => 2 * v);
    expect(Math.abs(sparc(doubled, RATE_HZ) - sparc(minimumJerkSpeed(1), RATE_HZ))).toBeLessThan(1e-9);
  });

  it('is lower for two strokes than one, and lower still with stop-and-go', () => {
    const one = sparc(minimumJerkSpeed(1), RATE_HZ);
    const two = movementMetrics(trajectory(outAndBack, 2000)).sparc;
    const stopGo = (t: number): number => {
      const s = outAndBack(t) / 60;
      return (60 * (Math.floor(s * 4) + minimumJerk((s * 4) % 1))) / 4;
    };
    const choppy = movementMetrics(trajectory(stopGo, 2000)).sparc;
    expect(two).toBeLessThan(one);
    expect(choppy).toBeLessThan(two);
  });

  it('is NaN for a profile that never moves or is too short', () => {
    expect(sparc([0, 0, 0, 0, 0], RATE_HZ)).toBeNaN();
    expect(sparc([1, 2], RATE_HZ)).toBeNaN();
  });
});

describe('log dimensionless jerk', () => {
  it('is higher (smoother) for a minimum-jerk stroke than for the same stroke with tremor', () => {
    const smooth = minimumJerkSpeed(1);
    const shaky = smooth.map((v, i) => v + 5 * Math.sin((2 * Math.PI * 6 * i) / RATE_HZ) ** 2);
    expect(logDimensionlessJerk(smooth, RATE_HZ)).toBeGreaterThan(logDimensionlessJerk(shaky, RATE_HZ));
  });

  it('does not depend on the amplitude', () => {
    const a = logDimensionlessJerk(minimumJerkSpeed(1), RATE_HZ);
    const b = logDimensionlessJerk(minimumJerkSpeed(1).map((v) => 3 * v), RATE_HZ);
    expect(Math.abs(a - b)).toBeLessThan(1e-9);
  });
});

describe('speed peaks', () => {
  it('counts one per smooth stroke and more for stop-and-go', () => {
    expect(countSpeedPeaks(minimumJerkSpeed(1))).toBe(1);
    expect(movementMetrics(trajectory(outAndBack, 2000)).velocityPeaks).toBe(2);
    const fourSteps = (t: number): number => (60 * (Math.floor(t / 500) + minimumJerk((t % 500) / 500))) / 4;
    expect(movementMetrics(trajectory(fourSteps, 1999)).velocityPeaks).toBe(4);
  });

  it('reports the peak speed of a minimum-jerk stroke (1.875 · amplitude / duration)', () => {
    const PEAK_SPEED_TOLERANCE_DEG_S = 6;
    const stroke = (t: number): number => 60 * minimumJerk(t / 1000);
    expect(Math.abs(movementMetrics(trajectory(stroke, 1000)).peakVelDegS - 112.5)).toBeLessThan(PEAK_SPEED_TOLERANCE_DEG_S);
  });
});

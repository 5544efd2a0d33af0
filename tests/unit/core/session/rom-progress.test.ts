import { describe, expect, it } from 'vitest';
import {
  compareRomSamples,
  compareWithLastSession,
  countTodaysSessions,
  localDay,
  pooledSd,
  ROM_NOISE_RULE,
  romProgressByDay,
  type PeakSample,
} from '../../../../src/core/session';

/** toBeCloseTo digits: equal to 1e-9 degrees. */
const DEG_DIGITS = 9;

describe('the ROM noise rule', () => {
  it('pooled SD matches the textbook formula', () => {
    const a = { n: 4, meanDeg: 0, sdDeg: 2, bestDeg: 0 };
    const b = { n: 6, meanDeg: 0, sdDeg: 4, bestDeg: 0 };
    expect(pooledSd(a, b)).toBeCloseTo(Math.sqrt((3 * 4 + 5 * 16) / 8), DEG_DIGITS);
  });

  it('calls a change progress only above max(MDC, 2 × pooled SD)', () => {
    // Noisy days: SD ≈ 8.2° each, so 2 × pooled SD ≈ 16.3°: a 15° gain is within noise.
    const noisyBase = [40, 50, 60, 50];
    const noisyLater = noisyBase.map((peak) => peak + 15);
    const noisy = compareRomSamples(noisyBase, noisyLater);
    expect(noisy.deltaDeg).toBeCloseTo(15, DEG_DIGITS);
    expect(noisy.pooledSdDeg).toBeCloseTo(Math.sqrt(200 / 3), DEG_DIGITS);
    expect(noisy.thresholdDeg).toBeCloseTo(2 * Math.sqrt(200 / 3), DEG_DIGITS);
    expect(noisy.verdict).toBe('within-noise');
    // Tight days: the same 15° gain is progress.
    const tight = compareRomSamples([49, 50, 51], [64, 65, 66]);
    expect(tight.verdict).toBe('progress');
    expect(compareRomSamples([64, 65, 66], [49, 50, 51]).verdict).toBe('decline');
  });

  it('uses the minimal detectable change as a floor when reps are very regular', () => {
    const belowFloor = ROM_NOISE_RULE.minDetectableChangeDeg - 1;
    const change = compareRomSamples([50, 50, 50], [50 + belowFloor, 50 + belowFloor, 50 + belowFloor]);
    expect(change.pooledSdDeg).toBeCloseTo(0, DEG_DIGITS);
    expect(change.thresholdDeg).toBe(ROM_NOISE_RULE.minDetectableChangeDeg);
    expect(change.verdict).toBe('within-noise');
  });

  it('does not compare groups with too few reps', () => {
    expect(compareRomSamples([40, 41], [70, 71, 72]).verdict).toBe('insufficient-data');
    expect(compareRomSamples([], [70, 71, 72]).verdict).toBe('insufficient-data');
  });
});

const sample = (sessionId: string, atIso: string, peakDeg: number, side: PeakSample['side'] = 'left'): PeakSample => ({
  sessionId,
  exerciseId: 'head-turns',
  side,
  peakDeg,
  atIso,
});

describe('romProgressByDay', () => {
  it('groups per exercise, direction and local day, and compares the first and last usable day', () => {
    const samples = [
      sample('a', '2026-11-20T08:00:00Z', 40),
      sample('a', '2026-11-20T08:00:10Z', 41),
      sample('a', '2026-11-20T08:00:20Z', 42),
      sample('b', '2026-11-21T08:00:00Z', 60), // one rep only: shown but not used
      sample('c', '2026-11-22T23:30:00Z', 55), // 23:30 UTC = next day at UTC+2
      sample('c', '2026-11-22T23:30:10Z', 56),
      sample('c', '2026-11-22T23:30:20Z', 57),
      sample('a', '2026-11-20T08:00:30Z', 20, 'right'),
    ];
    const series = romProgressByDay(samples, 120);
    const left = series.find((s) => s.side === 'left');
    expect(left?.days.map((d) => d.day)).toEqual(['2026-11-20', '2026-11-21', '2026-11-23']);
    expect(left?.days[0]?.meanDeg).toBeCloseTo(41, DEG_DIGITS);
    expect(left?.days[0]?.sdDeg).toBeCloseTo(1, DEG_DIGITS);
    expect(left?.change.deltaDeg).toBeCloseTo(15, DEG_DIGITS);
    expect(left?.change.verdict).toBe('progress');
    const right = series.find((s) => s.side === 'right');
    expect(right?.change.verdict).toBe('insufficient-data');
  });
});

describe('compareWithLastSession', () => {
  it('compares with the most recent earlier session of the same exercise and direction', () => {
    const samples = [
      ...[30, 31, 32].map((p, i) => sample('old', `2026-11-20T08:00:0${i}Z`, p)),
      ...[50, 51, 52].map((p, i) => sample('prev', `2026-11-21T08:00:0${i}Z`, p)),
      ...[52, 53, 54].map((p, i) => sample('now', `2026-11-22T08:00:0${i}Z`, p)),
      ...[10, 11, 12].map((p, i) => sample('later', `2026-11-23T08:00:0${i}Z`, p)),
    ];
    const [comparison] = compareWithLastSession(samples, 'now');
    expect(comparison?.previousSessionId).toBe('prev');
    expect(comparison?.change.deltaDeg).toBeCloseTo(2, DEG_DIGITS);
    expect(comparison?.change.pooledSdDeg).toBeCloseTo(1, DEG_DIGITS);
    expect(comparison?.change.verdict).toBe('within-noise');
    const [first] = compareWithLastSession(samples, 'old');
    expect(first?.previousSessionId).toBeNull();
    expect(first?.change.verdict).toBe('insufficient-data');
  });
});

describe('daily session count', () => {
  it('counts only sessions with reps on the local day, against 3–4', () => {
    const sessions = [
      { startedAtIso: '2026-11-24T06:00:00Z', countedReps: 10 },
      { startedAtIso: '2026-11-24T12:00:00Z', countedReps: 0 },
      { startedAtIso: '2026-11-24T18:00:00Z', countedReps: 4 },
      { startedAtIso: '2026-11-24T23:30:00Z', countedReps: 4 }, // next day at UTC+1
      { startedAtIso: '2026-11-23T22:30:00Z', countedReps: 4 }, // this day at UTC+2
    ];
    expect(countTodaysSessions(sessions, '2026-11-24T20:00:00Z', 0)).toEqual({
      day: '2026-11-24',
      count: 3,
      min: 3,
      max: 4,
      status: 'within',
    });
    expect(countTodaysSessions(sessions, '2026-11-24T20:00:00Z', 120).count).toBe(3);
    expect(countTodaysSessions(sessions, '2026-11-24T20:00:00Z', 60).status).toBe('below');
    expect(localDay('not a date', 0)).toBeNull();
  });
});

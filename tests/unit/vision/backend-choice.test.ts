import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKEND_IDS,
  DEFAULT_BACKEND_POLICY,
  chooseBackend,
  frameBudgetMs,
  frameCostMs,
  parseStoredChoice,
  serializeChoice,
  type BackendTrial,
} from '../../../src/vision/backend-choice';

const ok = (id: BackendTrial['id'], poseMs: number, faceMs: number): BackendTrial => ({ id, started: true, poseMs, faceMs });
const failed = (id: BackendTrial['id']): BackendTrial => ({ id, started: false, error: 'Aborted()', poseMs: null, faceMs: null });
const policy = DEFAULT_BACKEND_POLICY;

describe('chooseBackend', () => {
  it('takes pose full when it fits the frame budget (a fast machine)', () => {
    expect(frameBudgetMs(policy)).toBeCloseTo(26.67, 2);
    expect(chooseBackend([ok('mediapipe-lite', 12, 5), ok('mediapipe-full', 20, 5), ok('tfjs', 10, 4)])).toEqual({ id: 'mediapipe-full', reason: 'full-fits-budget', frameCostMs: 20 });
  });

  it('on this kind of machine (full 41 ms, lite 30 ms, TF.js 27 ms) keeps MediaPipe lite: TF.js is not clearly faster', () => {
    const choice = chooseBackend([ok('mediapipe-lite', 30, 10), ok('mediapipe-full', 41, 10), ok('tfjs', 27, 5)]);
    expect(choice).toEqual({ id: 'mediapipe-lite', reason: 'fastest', frameCostMs: 30 });
  });

  it('takes TF.js when it is clearly faster', () => {
    expect(chooseBackend([ok('mediapipe-lite', 60, 10), ok('tfjs', 30, 8)]).id).toBe('tfjs');
  });

  it('falls back to TF.js when MediaPipe does not start, and to nothing when nothing does', () => {
    expect(chooseBackend([failed('mediapipe-lite'), failed('mediapipe-full'), ok('tfjs', 80, 20)])).toEqual({ id: 'tfjs', reason: 'mediapipe-failed', frameCostMs: 80 });
    expect(chooseBackend([failed('mediapipe-lite'), failed('tfjs')])).toEqual({ id: null, reason: 'none-started', frameCostMs: null });
  });

  it('counts pose + face when they cannot run in parallel', () => {
    expect(frameCostMs(ok('mediapipe-lite', 30, 10), { ...policy, parallel: false })).toBe(40);
    expect(frameCostMs(ok('mediapipe-lite', 30, 10), policy)).toBe(30);
    expect(frameCostMs({ id: 'tfjs', started: true, poseMs: Number.NaN, faceMs: 3 }, policy)).toBeNull();
  });

  it('always picks a backend that started, never a slower MediaPipe variant than another that fits', () => {
    const trial = fc.record({
      id: fc.constantFrom(...BACKEND_IDS),
      started: fc.boolean(),
      poseMs: fc.double({ min: 1, max: 300, noNaN: true }),
      faceMs: fc.double({ min: 1, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(trial, { maxLength: 5 }), (trials) => {
        const choice = chooseBackend(trials);
        const started = trials.filter((t) => t.started);
        if (started.length === 0) {
          expect(choice.id).toBeNull();
          return;
        }
        expect(started.map((t) => t.id)).toContain(choice.id);
        const costs = started.map((t) => frameCostMs(t, policy) ?? Infinity);
        // The choice is never more than the TF.js margin slower than the fastest candidate, unless it is full within budget.
        if (choice.reason !== 'full-fits-budget') expect(choice.frameCostMs!).toBeLessThanOrEqual(Math.min(...costs) * policy.tfjsMinSpeedup + 1e-9);
      }),
    );
  });
});

describe('remembered choice', () => {
  const ua = 'Mozilla/5.0 Chromium/140';

  it('round-trips in the same browser and is dropped in another browser or when malformed', () => {
    const stored = { id: 'tfjs' as const, userAgent: ua, frameCostMs: 31.5 };
    expect(parseStoredChoice(serializeChoice(stored), ua)).toEqual(stored);
    expect(parseStoredChoice(serializeChoice(stored), 'Firefox')).toBeNull();
    expect(parseStoredChoice(null, ua)).toBeNull();
    expect(parseStoredChoice('{not json', ua)).toBeNull();
    expect(parseStoredChoice(JSON.stringify({ id: 'webgpu', userAgent: ua, frameCostMs: 1 }), ua)).toBeNull();
    expect(parseStoredChoice(JSON.stringify({ id: 'tfjs', userAgent: ua, frameCostMs: 'fast' }), ua)).toBeNull();
  });
});

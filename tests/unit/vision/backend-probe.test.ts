import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKEND_CHOICE_STORAGE_KEY, BACKEND_IDS, DEFAULT_BACKEND_POLICY, forgetBackendChoice, frameBudgetMs, nextProbeCandidate, parseStoredChoice, type BackendId, type BackendTrial } from '../../../src/vision/backend-choice';
import { probeAndRemember, probeBackends, type LandmarkerTimer } from '../../../src/vision/backend-probe';
import type { LandmarkerKind } from '../../../src/vision/landmarkers';

type Timings = Partial<Record<BackendId, { pose: number; face: number } | 'fails'>>;

/** A timer over fixed per-backend timings that records what it was asked to time. */
function fakeTimer(timings: Timings): { time: LandmarkerTimer; asked: string[] } {
  const asked: string[] = [];
  const time: LandmarkerTimer = (id: BackendId, kind: LandmarkerKind) => {
    asked.push(`${id}/${kind}`);
    const t = timings[id];
    if (t === undefined || t === 'fails') return Promise.reject(new Error(`${id} did not start`));
    return Promise.resolve(t[kind]);
  };
  return { time, asked };
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('the staged first-run probe', () => {
  it('on a fast machine times lite then full, never TF.js, and keeps full when it fits', async () => {
    const { time, asked } = fakeTimer({ 'mediapipe-lite': { pose: 12, face: 6 }, 'mediapipe-full': { pose: 20, face: 6 }, tfjs: { pose: 5, face: 3 } });
    const report = await probeBackends({ time });
    expect(report.choice).toMatchObject({ id: 'mediapipe-full', reason: 'full-fits-budget' });
    // The face model is shared by lite and full: timed once. The bodies again in reverse order (load drift).
    expect(asked).toEqual(['mediapipe-lite/pose', 'mediapipe-lite/face', 'mediapipe-full/pose', 'mediapipe-full/pose', 'mediapipe-lite/pose']);
  });

  it('on a machine like this one (lite 30 ms) skips full and gives TF.js its chance', async () => {
    const { time, asked } = fakeTimer({ 'mediapipe-lite': { pose: 30, face: 10 }, 'mediapipe-full': { pose: 41, face: 10 }, tfjs: { pose: 20, face: 8 } });
    const report = await probeBackends({ time });
    expect(asked).toEqual(['mediapipe-lite/pose', 'mediapipe-lite/face', 'tfjs/pose', 'tfjs/face', 'tfjs/pose', 'mediapipe-lite/pose']);
    expect(report.choice).toMatchObject({ id: 'tfjs', reason: 'fastest', frameCostMs: 20 });
  });

  it('falls back to TF.js when MediaPipe does not start, and reports nothing when nothing does', async () => {
    expect((await probeBackends({ time: fakeTimer({ 'mediapipe-lite': 'fails', tfjs: { pose: 40, face: 9 } }).time })).choice).toMatchObject({ id: 'tfjs', reason: 'mediapipe-failed' });
    const none = await probeBackends({ time: fakeTimer({}).time });
    expect(none.choice.id).toBeNull();
    expect(none.trials.map((t) => t.id)).toEqual(['mediapipe-lite', 'tfjs']);
    expect(none.trials.every((t) => !t.started && typeof t.error === 'string')).toBe(true);
  });

  it('times exactly the candidates it is given (the bench)', async () => {
    const { time, asked } = fakeTimer({ 'mediapipe-lite': { pose: 12, face: 6 }, 'mediapipe-full': { pose: 20, face: 6 }, tfjs: { pose: 5, face: 3 } });
    await probeBackends({ time, candidates: ['tfjs', 'mediapipe-full'] });
    expect(asked).toEqual(['tfjs/pose', 'tfjs/face', 'mediapipe-full/pose', 'mediapipe-full/face', 'mediapipe-full/pose', 'tfjs/pose']);
  });

  it('is not fooled by a load that eases off while it measures (A B B A, each keeps its faster run)', async () => {
    // True pose times: lite 30 ms, TF.js 27 ms (not clearly faster: lite stays). The machine's load
    // halves from the first timing to the last.
    const truth: Record<BackendId, number> = { 'mediapipe-lite': 30, 'mediapipe-full': 41, tfjs: 27 };
    const loadFactors = [2, 1.5, 1.2, 1];
    let poseCalls = 0;
    const time: LandmarkerTimer = (id, kind) => Promise.resolve(kind === 'face' ? 8 : truth[id] * (loadFactors[poseCalls++] ?? 1));
    const report = await probeBackends({ time });
    expect(report.trials.map((t) => [t.id, t.poseMs])).toEqual([['mediapipe-lite', 30], ['tfjs', 27 * 1.2]]);
    expect(report.choice.id).toBe('mediapipe-lite');
    // Timed once each, in order, the TF.js body (40.5 ms) would have looked clearly faster than lite's (60 ms).
    expect(27 * 1.5 * DEFAULT_BACKEND_POLICY.tfjsMinSpeedup).toBeLessThan(30 * 2);
  });

  it('never tries a backend twice and always ends (any timings, any failures)', () => {
    const timing = fc.oneof(fc.constant('fails' as const), fc.record({ pose: fc.double({ min: 0, max: 200, noNaN: true }), face: fc.double({ min: 0, max: 200, noNaN: true }) }));
    return fc.assert(
      fc.asyncProperty(fc.record({ 'mediapipe-lite': timing, 'mediapipe-full': timing, tfjs: timing }), async (timings) => {
        const report = await probeBackends({ time: fakeTimer(timings).time });
        const ids = report.trials.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids[0]).toBe('mediapipe-lite');
        if (report.choice.id !== null) expect(report.trials.find((t) => t.id === report.choice.id)?.started).toBe(true);
      }),
    );
  });
});

describe('nextProbeCandidate', () => {
  const ok = (id: BackendId, poseMs: number, faceMs: number): BackendTrial => ({ id, started: true, poseMs, faceMs });
  it('goes to full only when lite keeps up with the camera, to TF.js otherwise', () => {
    const budget = frameBudgetMs(DEFAULT_BACKEND_POLICY);
    expect(nextProbeCandidate([])).toBe('mediapipe-lite');
    expect(nextProbeCandidate([ok('mediapipe-lite', budget, 5)])).toBe('mediapipe-full');
    expect(nextProbeCandidate([ok('mediapipe-lite', budget + 0.1, 5)])).toBe('tfjs');
    expect(nextProbeCandidate([ok('mediapipe-lite', 10, 5), ok('mediapipe-full', 50, 5)])).toBeNull();
    expect(nextProbeCandidate([ok('mediapipe-lite', 40, 5), ok('tfjs', 50, 5)])).toBeNull();
    // In series (one core) pose and face add up.
    expect(nextProbeCandidate([ok('mediapipe-lite', 20, 10)], { ...DEFAULT_BACKEND_POLICY, parallel: false })).toBe('tfjs');
  });
});

describe('probeAndRemember', () => {
  it('remembers the choice for this browser, where the pipeline reads it back', async () => {
    const storage = memoryStorage();
    const chosen = await probeAndRemember(fakeTimer({ 'mediapipe-lite': { pose: 12, face: 6 }, 'mediapipe-full': { pose: 30, face: 6 } }).time, storage, 'UA 1');
    expect(chosen).toEqual({ id: 'mediapipe-lite', userAgent: 'UA 1', frameCostMs: 12 });
    expect(parseStoredChoice(storage.values.get(BACKEND_CHOICE_STORAGE_KEY) ?? null, 'UA 1')).toEqual(chosen);
    expect(BACKEND_IDS).toContain(chosen?.id);
  });

  it('can be forgotten, so that the next start probes again', async () => {
    const storage = { ...memoryStorage(), removeItem(key: string): void { storage.values.delete(key); } };
    await probeAndRemember(fakeTimer({ 'mediapipe-lite': { pose: 12, face: 6 }, 'mediapipe-full': { pose: 30, face: 6 } }).time, storage, 'UA');
    expect(storage.values.has(BACKEND_CHOICE_STORAGE_KEY)).toBe(true);
    forgetBackendChoice(storage);
    expect(storage.values.has(BACKEND_CHOICE_STORAGE_KEY)).toBe(false);
    expect(() => forgetBackendChoice({ removeItem: () => { throw new DOMException('denied', 'SecurityError'); } })).not.toThrow();
  });

  it('remembers nothing when no backend starts, and survives storage that refuses to write', async () => {
    const storage = memoryStorage();
    expect(await probeAndRemember(fakeTimer({}).time, storage, 'UA')).toBeNull();
    expect(storage.values.size).toBe(0);
    const refusing = { getItem: () => null, setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    expect(await probeAndRemember(fakeTimer({ 'mediapipe-lite': { pose: 40, face: 6 } }).time, refusing, 'UA')).toMatchObject({ id: 'mediapipe-lite' });
  });
});

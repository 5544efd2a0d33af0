import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeadAngles } from '../../../../src/core/head-pose/head-angles';
import type { FrameObservation } from '../../../../src/core/landmarks';
import {
  DEFAULT_QUALITY_OPTIONS,
  INITIAL_QUALITY_STATE,
  QUALITY_PROBLEMS,
  QUALITY_STATUSES,
  allowsCounting,
  updateQuality,
  type QualityState,
  type TrackingQuality,
} from '../../../../src/core/quality';
import { TILT_COMPARED_BELOW_YAW_DEG } from '../../../../src/core/head-pose/head-step';
import { emptyFrame, face, frame, personFrame, pose } from './quality-frames';

const { enterMs: ENTER_MS, exitMs: EXIT_MS } = DEFAULT_QUALITY_OPTIONS;
/** A 30 fps webcam. */
const FRAME_MS = 1000 / 30;

interface Fed {
  readonly state: QualityState;
  readonly history: readonly TrackingQuality[];
}

function feed(frames: readonly FrameObservation[], heads: readonly (HeadAngles | null)[] = [], start: QualityState = INITIAL_QUALITY_STATE): Fed {
  let state = start;
  const history: TrackingQuality[] = [];
  frames.forEach((f, i) => {
    state = updateQuality(state, f, heads[i] ?? null).state;
    history.push(state.quality);
  });
  return { state, history };
}

/** Frames at 30 fps from `fromMs` for `durationMs`, each made by `make`. */
function run(fromMs: number, durationMs: number, make: (tMs: number, i: number) => FrameObservation): FrameObservation[] {
  const count = Math.round(durationMs / FRAME_MS);
  return Array.from({ length: count }, (_, i) => make(fromMs + i * FRAME_MS, i));
}

const reasonOf = (quality: TrackingQuality): string | null => (quality.status === QUALITY_STATUSES.poor ? quality.reason : null);

describe('updateQuality: hysteresis', () => {
  it('a person moving gently stays good throughout', () => {
    const frames = run(0, 5000, (t) => personFrame(t, { cx: 0.5 + 0.1 * Math.sin(t / 500) }));
    const { history } = feed(frames);
    expect(history.every(allowsCounting)).toBe(true);
  });

  it('a person missing for less than enterMs is not reported; for longer, "no-person" once it has lasted enterMs', () => {
    const short = feed([...run(0, 1000, (t) => personFrame(t)), ...run(1000, ENTER_MS - 2 * FRAME_MS, emptyFrame), ...run(1300, 1000, (t) => personFrame(t))]);
    expect(short.history.every(allowsCounting)).toBe(true);

    const long = feed([...run(0, 1000, (t) => personFrame(t)), ...run(1000, 2000, emptyFrame)]);
    const firstPoor = long.history.findIndex((q) => !allowsCounting(q));
    expect(reasonOf(long.state.quality)).toBe(QUALITY_PROBLEMS.noPerson);
    const poorAt = long.state.quality.sinceMs ?? Number.NaN;
    expect(poorAt - 1000).toBeGreaterThanOrEqual(ENTER_MS);
    expect(poorAt - 1000).toBeLessThan(ENTER_MS + FRAME_MS);
    expect(long.history.slice(firstPoor).every((q) => reasonOf(q) === QUALITY_PROBLEMS.noPerson)).toBe(true);
  });

  it('the poor status clears only after exitMs of good frames', () => {
    const absent = feed([...run(0, 500, (t) => personFrame(t)), ...run(500, 1000, emptyFrame)]);
    expect(allowsCounting(absent.state.quality)).toBe(false);
    const back = feed(run(1500, 2000, (t) => personFrame(t)), [], absent.state);
    const firstGood = back.history.findIndex(allowsCounting);
    expect(firstGood).toBeGreaterThan(0);
    const clearedAt = back.history[firstGood]?.sinceMs ?? Number.NaN;
    expect(clearedAt - 1500).toBeGreaterThanOrEqual(EXIT_MS);
    expect(clearedAt - 1500).toBeLessThan(EXIT_MS + FRAME_MS);
  });

  it('a bad frame while poor restarts the exit wait', () => {
    const absent = feed([...run(0, 500, (t) => personFrame(t)), ...run(500, 1000, emptyFrame)]).state;
    const frames = [...run(1500, EXIT_MS - 100, (t) => personFrame(t)), emptyFrame(1500 + EXIT_MS - 50), ...run(1500 + EXIT_MS, EXIT_MS - 100, (t) => personFrame(t))];
    expect(feed(frames, [], absent).history.some(allowsCounting)).toBe(false);
  });

  it('an edge-of-detection person (found every other frame) never makes the status flicker', () => {
    const frames = run(0, 10_000, (t, i) => (i % 2 === 0 ? personFrame(t) : emptyFrame(t)));
    const { history } = feed(frames);
    const changes = history.filter((q, i) => i > 0 && q.status !== history[i - 1]?.status).length;
    expect(changes).toBe(0);
  });

  it('a second reason replaces the first only once it has lasted enterMs', () => {
    const twoPeople = (t: number): FrameObservation => frame(t, [face(), face({ cx: 0.2 })], [pose()]);
    const start = feed([...run(0, 500, (t) => personFrame(t)), ...run(500, 1000, emptyFrame)]).state;
    const brief = feed(run(1500, ENTER_MS - 2 * FRAME_MS, twoPeople), [], start);
    expect(brief.history.every((q) => reasonOf(q) === QUALITY_PROBLEMS.noPerson)).toBe(true);
    const lasting = feed(run(1500, 1000, twoPeople), [], start);
    expect(reasonOf(lasting.state.quality)).toBe(QUALITY_PROBLEMS.severalPeople);
  });

  it('between two changes of status (good/poor) there is always at least enterMs (random presence patterns)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('person', 'nobody', 'two', 'occluded'), { minLength: 1, maxLength: 300 }), (kinds) => {
        const frames = kinds.map((kind, i) => {
          const t = i * FRAME_MS;
          if (kind === 'person') return personFrame(t);
          if (kind === 'nobody') return emptyFrame(t);
          if (kind === 'two') return frame(t, [face(), face({ cx: 0.2 })], []);
          return frame(t, [], [pose({ rightHand: { x: 0.5, y: 0.36 } })]);
        });
        const { history } = feed(frames);
        let lastChangeMs = 0;
        history.forEach((q, i) => {
          if (i > 0 && q.status !== history[i - 1]?.status) {
            const at = q.sinceMs ?? Number.NaN;
            expect(at - lastChangeMs).toBeGreaterThanOrEqual(ENTER_MS - 1e-9);
            lastChangeMs = at;
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('updateQuality: jumps and invalid data are reported at once', () => {
  it('the face landmarks leaping across the image in one frame: "jumpy" at that frame, good again after exitMs', () => {
    const before = run(0, 1000, (t) => personFrame(t, { cx: 0.3 }));
    const after = run(1000, 2000, (t) => personFrame(t, { cx: 0.7 }));
    const { history } = feed([...before, ...after]);
    expect(history.slice(0, before.length).every(allowsCounting)).toBe(true);
    expect(reasonOf(history[before.length] as TrackingQuality)).toBe(QUALITY_PROBLEMS.jumpy);
    const clearedAt = history.slice(before.length).find(allowsCounting)?.sinceMs ?? Number.NaN;
    expect(clearedAt - 1000).toBeGreaterThanOrEqual(EXIT_MS);
  });

  it('the same displacement spread over a second is a real movement, not a jump', () => {
    const frames = run(0, 1000, (t) => personFrame(t, { cx: 0.3 + (0.4 * t) / 1000 }));
    expect(feed(frames).history.every(allowsCounting)).toBe(true);
  });

  it('head angles: 40 deg in one frame is a jump, 40 deg over a second is not, and 179 → -179 is a 2 deg step', () => {
    const frames = run(0, 1000, (t) => personFrame(t));
    const snap = frames.map((_, i): HeadAngles => ({ yawDeg: i < 15 ? 0 : 40, pitchDeg: 0, rollDeg: 0 }));
    const snapped = feed(frames, snap).history;
    expect(reasonOf(snapped[15] as TrackingQuality)).toBe(QUALITY_PROBLEMS.jumpy);
    expect(snapped.slice(0, 15).every(allowsCounting)).toBe(true);
    const gradual = frames.map((_, i): HeadAngles => ({ yawDeg: (40 * i) / frames.length, pitchDeg: 0, rollDeg: 0 }));
    expect(feed(frames, gradual).history.every(allowsCounting)).toBe(true);
    const wrap = frames.map((_, i): HeadAngles => ({ yawDeg: i % 2 === 0 ? 179 : -179, pitchDeg: 0, rollDeg: 0 }));
    expect(feed(frames, wrap).history.every(allowsCounting)).toBe(true);
  });

  it('a 26 deg roll step is a jump facing the camera, not once the head is turned past the face-to-body hand-over', () => {
    const frames = run(0, 1000, (t) => personFrame(t));
    const step = (yawDeg: number) => frames.map((_, i): HeadAngles => ({ yawDeg, pitchDeg: 0, rollDeg: i < 15 ? -11 : 15 }));
    expect(reasonOf(feed(frames, step(10)).history[15] as TrackingQuality)).toBe(QUALITY_PROBLEMS.jumpy);
    expect(feed(frames, step(TILT_COMPARED_BELOW_YAW_DEG + 10)).history.every(allowsCounting)).toBe(true);
    expect(feed(frames, step(-(TILT_COMPARED_BELOW_YAW_DEG + 10))).history.every(allowsCounting)).toBe(true);
  });

  it('with head angles not compared (a side view of a lying body), a 90 deg head flip is no jump; a landmark jump still is', () => {
    const options = { ...DEFAULT_QUALITY_OPTIONS, headAnglesCompared: false };
    const frames = run(0, 1000, (t) => personFrame(t));
    const flip = frames.map((_, i): HeadAngles => ({ yawDeg: i % 10 < 5 ? 50 : 140, pitchDeg: 0, rollDeg: 0 }));
    const feedWith = (fs: readonly FrameObservation[], heads: readonly HeadAngles[]): TrackingQuality[] => {
      let state = INITIAL_QUALITY_STATE;
      return fs.map((f, i) => (state = updateQuality(state, f, heads[i] ?? null, options).state).quality);
    };
    expect(feedWith(frames, flip).every(allowsCounting)).toBe(true);
    expect(feed(frames, flip).history.some((q) => reasonOf(q) === QUALITY_PROBLEMS.jumpy)).toBe(true);
    const moved = run(0, 1000, (t, i) => personFrame(t, { cx: i < 15 ? 0.3 : 0.7 }));
    expect(reasonOf(feedWith(moved, []).at(15) as TrackingQuality)).toBe(QUALITY_PROBLEMS.jumpy);
  });

  it('frames far apart (a hidden tab) are not compared: no jump after a pause', () => {
    const frames = [...run(0, 500, (t) => personFrame(t, { cx: 0.3 })), ...run(3000, 500, (t) => personFrame(t, { cx: 0.7 }))];
    expect(feed(frames).history.every(allowsCounting)).toBe(true);
  });

  it('one garbage frame makes the status poor at once ("invalid-data")', () => {
    const nanFrame: FrameObservation = { ...personFrame(1000), imageWidth: Number.NaN };
    const { history } = feed([...run(0, 1000, (t) => personFrame(t)), nanFrame]);
    expect(reasonOf(history.at(-1) as TrackingQuality)).toBe(QUALITY_PROBLEMS.invalidData);
  });
});

describe('updateQuality: time', () => {
  it('repeated, earlier and non-finite timestamps return the same state object', () => {
    const { state } = feed(run(0, 500, (t) => personFrame(t)));
    const last = state.lastTMs ?? 0;
    for (const tMs of [last, last - 100, Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]) {
      expect(updateQuality(state, emptyFrame(tMs)).state).toBe(state);
    }
  });

  it('is pure: the input state is not changed', () => {
    const { state } = feed(run(0, 500, (t) => personFrame(t)));
    const copy = structuredClone(state);
    updateQuality(state, emptyFrame(10_000));
    expect(state).toEqual(copy);
  });
});

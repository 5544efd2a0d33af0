import { describe, expect, it } from 'vitest';
import { LOOP_INITIAL, stepLoop, type LoopConfig, type LoopState, type PathPoint } from '../../../../src/core/reps/loop-counter';
import type { RawRep } from '../../../../src/core/reps/raw-rep';

const BASE: LoopConfig = {
  minRadius: 15,
  centreTauMs: 3000,
  centreLength: null,
  medianOfThree: false,
  closeAtDeg: 360,
  reverseDeg: 90,
  maxLoopMs: 10_000,
  negativeDirection: 'forward',
  positiveDirection: 'back',
};
const FRAME_MS = 1000 / 15;
const ORIGIN: PathPoint = { x: 0, y: 0 };

function run(config: LoopConfig, points: readonly PathPoint[]): { reps: RawRep[]; state: LoopState } {
  let state = LOOP_INITIAL;
  const reps: RawRep[] = [];
  points.forEach((p, i) => {
    const step = stepLoop(config, state, i * FRAME_MS, p, ORIGIN);
    state = step.state;
    reps.push(...step.reps);
  });
  return { reps, state };
}

/** `turns` circles of `radius` about the origin from its top, 2 s each (30 frames), top → front → bottom (mathematically clockwise). */
function circles(turns: number, radius: number): PathPoint[] {
  return Array.from({ length: turns * 30 + 1 }, (_, i) => {
    const a = Math.PI / 2 - (2 * Math.PI * i) / 30;
    return { x: radius * Math.cos(a), y: radius * Math.sin(a) };
  });
}

const hold = (frames: number, p: PathPoint): PathPoint[] => Array.from({ length: frames }, () => p);
const complete = (reps: readonly RawRep[]): number => reps.filter((r) => r.complete).length;

describe('loop counter', () => {
  it('counts circles of the right direction', () => {
    const { reps } = run(BASE, circles(2, 60));
    expect(complete(reps)).toBe(2);
    expect(reps.every((r) => r.side === 'forward')).toBe(true);
  });

  it('a loop given up after closeAtDeg of turning counts as a full one', () => {
    // 345° forward from the top, then back the other way: a circle that ended just short of where it began.
    const at = (deg: number): PathPoint => ({ x: 60 * Math.cos(((90 - deg) * Math.PI) / 180), y: 60 * Math.sin(((90 - deg) * Math.PI) / 180) });
    const turnedBack = [...Array.from({ length: 24 }, (_, i) => at(i * 15)), ...Array.from({ length: 8 }, (_, i) => at(345 - (i + 1) * 15))];
    const strict = run(BASE, turnedBack).reps;
    expect(complete(strict)).toBe(0);
    expect(strict.some((r) => !r.complete && r.side === 'forward')).toBe(true);
    const tolerant = run({ ...BASE, closeAtDeg: 330 }, turnedBack).reps;
    expect(tolerant.filter((r) => r.complete).map((r) => r.side)).toEqual(['forward']);
  });

  it('winds the median of three points when asked: a frame dropping to the centre now and then loses no winding', () => {
    // Every third frame reads the rest position (inside the minimum radius: it does not wind, and
    // the turn across it is lost).
    const dropping = circles(3, 60).map((p, i) => (i % 3 === 1 ? ORIGIN : p));
    expect(complete(run(BASE, dropping).reps)).toBeLessThan(3);
    expect(complete(run({ ...BASE, medianOfThree: true }, dropping).reps)).toBe(3);
  });

  it('a centre that follows the path length stays put while the path lingers at the top of its circles', () => {
    const top: PathPoint = { x: 0, y: 40 };
    const path = [...hold(15, ORIGIN), ...hold(8, { x: 0, y: 20 }), ...hold(75, top), ...circles(1, 40), ...hold(75, top), ...circles(1, 40)];
    const byTime = run(BASE, path);
    const byLength = run({ ...BASE, centreLength: 1000 }, path);
    // 5 s at the top pulls a 3 s time-constant centre most of the way up, where the circle's top
    // passes within the minimum radius and its winding is lost.
    expect(complete(byTime.reps)).toBeLessThan(2);
    expect(complete(byLength.reps)).toBe(2);
    expect(Math.hypot(byLength.state.centre?.x ?? Infinity, byLength.state.centre?.y ?? Infinity)).toBeLessThan(10);
  });
});

import { describe, expect, it } from 'vitest';
import type { Landmark } from '../../../../src/core/landmarks';
import { POSE } from '../../../../src/core/pose-indices';
import { countRises, farEarDrop, quarterTurnOf, runningMedian, toClipPixels } from '../../../../scripts/prone/side-reading';

const W = 640;
const H = 480;

/** A pose with the given landmarks in clip pixels, the others at the origin. */
function poseAt(points: Readonly<Partial<Record<number, { x: number; y: number }>>>): Landmark[] {
  return Array.from({ length: 33 }, (_, i) => {
    const p = points[i] ?? { x: 0, y: 0 };
    return { x: p.x / W, y: p.y / H, z: 0, visibility: 1 };
  });
}

/** The same pose as seen on the frame turned clockwise (ffmpeg transpose=1: x' = H − y, y' = x). */
function turnedClockwise(pose: readonly Landmark[]): Landmark[] {
  return pose.map((p) => ({ ...p, x: 1 - p.y, y: p.x }));
}

describe('a side camera\'s reading face down', () => {
  it('knows a turned trace by its swapped size, and which way the head was put up', () => {
    expect(quarterTurnOf('left', W, H, W, H)).toBe('none');
    expect(quarterTurnOf('left', H, W, W, H)).toBe('clockwise');
    expect(quarterTurnOf('right', H, W, W, H)).toBe('counterclockwise');
    expect(() => quarterTurnOf('left', 320, 240, W, H)).toThrow(/neither/);
  });

  it('turns a landmark of a turned frame back to the clip\'s pixels', () => {
    // The head at the image's left (x 100) is at the top of the clockwise-turned frame.
    const back = toClipPixels({ x: 1 - 200 / H, y: 100 / W }, 'clockwise', W, H);
    expect(back.x).toBeCloseTo(100, 9);
    expect(back.y).toBeCloseTo(200, 9);
    expect(toClipPixels({ x: 200 / H, y: 1 - 100 / W }, 'counterclockwise', W, H).x).toBeCloseTo(100, 9);
    expect(toClipPixels({ x: 200 / H, y: 1 - 100 / W }, 'counterclockwise', W, H).y).toBeCloseTo(200, 9);
  });

  it('reads the far ear\'s drop in % of the near shoulder–ear distance, the same on the turned frame', () => {
    // Camera at the left: the left ear near, the right (far) ear 30 px lower, the left shoulder 100 px from the ear.
    const pose = poseAt({ [POSE.leftEar]: { x: 200, y: 250 }, [POSE.rightEar]: { x: 205, y: 280 }, [POSE.leftShoulder]: { x: 300, y: 250 } });
    expect(farEarDrop(pose, 'left', 'none', W, H)).toBeCloseTo(30, 9);
    expect(farEarDrop(turnedClockwise(pose), 'left', 'clockwise', W, H)).toBeCloseTo(30, 9);
    // Seen from the right the near ear is the right one: the same picture reads the left ear 30 px higher.
    const right = poseAt({ [POSE.rightEar]: { x: 200, y: 280 }, [POSE.leftEar]: { x: 205, y: 250 }, [POSE.rightShoulder]: { x: 300, y: 280 } });
    expect(farEarDrop(right, 'right', 'none', W, H)).toBeCloseTo(-30, 9);
  });

  it('reads nothing when the shoulder sits on the ear', () => {
    const pose = poseAt({ [POSE.leftEar]: { x: 200, y: 250 }, [POSE.rightEar]: { x: 205, y: 280 }, [POSE.leftShoulder]: { x: 200, y: 250 } });
    expect(farEarDrop(pose, 'left', 'none', W, H)).toBeNull();
  });
});

describe('the drop\'s count with no neutral', () => {
  it('counts each rise that stays at the threshold for the frames asked, once', () => {
    expect(countRises([0, 50, 50, 50, 0, 0, 50, 50, 0], 40, 2)).toBe(2);
    // One frame over is noise, not a turn.
    expect(countRises([0, 50, 0, 50, 0, 50, 0], 40, 2)).toBe(0);
    expect(countRises([], 40, 2)).toBe(0);
  });

  it('takes a running median, so a single wild frame is dropped', () => {
    expect(runningMedian([0, 0, 90, 0, 0], 5)).toEqual([0, 0, 0, 0, 0]);
    expect(runningMedian([10, 20, 30, 40, 50], 3)).toEqual([20, 20, 30, 40, 50]);
  });
});

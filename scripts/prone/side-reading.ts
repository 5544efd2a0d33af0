import type { Landmark } from '../../src/core/landmarks';
import { POSE } from '../../src/core/pose-indices';

/**
 * What a floor camera at the subject's side reads face down (docs/clipgen.md, face down), in the
 * clip's own upright frame. A trace made on the frame turned a quarter turn so that the head is up
 * (the clip's width and height swapped: `ffmpeg -vf transpose=1` when the camera is at the left,
 * the head toward the image's left; `transpose=2` at the right) is turned back first.
 */
export type CameraSide = 'left' | 'right';
export type QuarterTurn = 'none' | 'clockwise' | 'counterclockwise';

/** The quarter turn that puts the head up for a camera on `side`, or none when the trace is not turned. */
export function quarterTurnOf(side: CameraSide, traceWidth: number, traceHeight: number, clipWidth: number, clipHeight: number): QuarterTurn {
  if (traceWidth === clipWidth && traceHeight === clipHeight) return 'none';
  if (traceWidth !== clipHeight || traceHeight !== clipWidth) throw new Error(`trace ${traceWidth}×${traceHeight} is neither the clip's ${clipWidth}×${clipHeight} nor turned`);
  return side === 'left' ? 'clockwise' : 'counterclockwise';
}

/** A landmark of a turned frame, in the clip's pixels (x right, y down). */
export function toClipPixels(p: Pick<Landmark, 'x' | 'y'>, turn: QuarterTurn, clipWidth: number, clipHeight: number): { x: number; y: number } {
  if (turn === 'clockwise') return { x: p.y * clipWidth, y: (1 - p.x) * clipHeight };
  if (turn === 'counterclockwise') return { x: (1 - p.y) * clipWidth, y: p.x * clipHeight };
  return { x: p.x * clipWidth, y: p.y * clipHeight };
}

/**
 * The far ear's drop below the near one in % of the near shoulder–ear distance in the image: about
 * level face down, large when the face turns toward the camera (the far ear toward the floor).
 */
export function farEarDrop(pose: readonly Landmark[], side: CameraSide, turn: QuarterTurn, clipWidth: number, clipHeight: number): number | null {
  const [nearEar, farEar, nearShoulder] = side === 'left' ? [POSE.leftEar, POSE.rightEar, POSE.leftShoulder] : [POSE.rightEar, POSE.leftEar, POSE.rightShoulder];
  const at = (i: number): { x: number; y: number } | null => {
    const p = pose[i];
    return p === undefined ? null : toClipPixels(p, turn, clipWidth, clipHeight);
  };
  const near = at(nearEar);
  const far = at(farEar);
  const shoulder = at(nearShoulder);
  if (near === null || far === null || shoulder === null) return null;
  const scale = Math.hypot(shoulder.x - near.x, shoulder.y - near.y);
  return scale < 1 ? null : ((far.y - near.y) / scale) * 100;
}

/** A running median over `width` frames (centred; fewer at the ends). */
export function runningMedian(values: readonly number[], width: number): number[] {
  const half = Math.floor(width / 2);
  return values.map((_, i) => {
    const window = values.slice(Math.max(0, i - half), i + half + 1).sort((a, b) => a - b);
    return window[Math.floor(window.length / 2)] ?? 0;
  });
}

/** How many times `values` rise to `threshold` or more for at least `minFrames` frames in a row. */
export function countRises(values: readonly number[], threshold: number, minFrames: number): number {
  let count = 0;
  let run = 0;
  for (const v of values) {
    run = v >= threshold ? run + 1 : 0;
    if (run === minFrames) count++;
  }
  return count;
}

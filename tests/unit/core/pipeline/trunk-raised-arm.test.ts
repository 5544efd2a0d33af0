import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateTrunk } from '../../../../src/core/head-pose/trunk';
import { FrameProcessor } from '../../../../src/core/pipeline/frame-to-sample';
import { POSE } from '../../../../src/core/pose-indices';
import { parsePoseTrace } from '../../../support/traces/pose-trace';

/**
 * fixtures/traces/assisted-lateral-stretch-scan-incomplete.poses.jsonl: the rendered scan (trunk
 * still) tilting its head 6° to each side with the other hand over the head (MediaPipe, full).
 */
const TRACE = path.resolve(import.meta.dirname, '../../../../fixtures/traces/assisted-lateral-stretch-scan-incomplete.poses.jsonl');
const { header, frames } = parsePoseTrace(readFileSync(TRACE, 'utf8'));
const size = { width: header.width, height: header.height };

function elbowAboveShoulder(frame: (typeof frames)[number]): boolean {
  const lm = frame.poses[0]?.landmarks;
  if (lm === undefined) return false;
  const above = (shoulder: number, elbow: number): boolean => (lm[elbow]?.y ?? 1) < (lm[shoulder]?.y ?? 0) - 0.1;
  return above(POSE.leftShoulder, POSE.leftElbow) || above(POSE.rightShoulder, POSE.rightElbow);
}

describe('the trunk with an arm over the head (recorded)', () => {
  it('has both kinds of frames: arms down and one hand over the head', () => {
    expect(frames.filter(elbowAboveShoulder).length).toBeGreaterThan(40);
    expect(frames.filter((f) => !elbowAboveShoulder(f)).length).toBeGreaterThan(30);
  });

  it('does not read the raised arm’s lifted shoulder as a lean of the trunk', () => {
    const processor = new FrameProcessor();
    const rolls = frames.map((frame) => processor.process(frame).sample.trunkTurn?.rollDeg ?? 0);
    // Before: the shoulder line read 13–15° of lean on those frames, −6.4° and +5.3° past the deadband.
    expect(Math.max(...rolls.map(Math.abs))).toBeLessThan(1);
  });

  it('still reads the shoulder line with the arms down', () => {
    const down = frames.filter((f) => f.poses.length > 0 && !elbowAboveShoulder(f));
    for (const frame of down) expect(estimateTrunk(frame.poses[0]!, size)).not.toBeNull();
    for (const frame of frames.filter(elbowAboveShoulder)) expect(estimateTrunk(frame.poses[0]!, size)).toBeNull();
  });
});

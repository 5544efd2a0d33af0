import { describe, expect, it } from 'vitest';
import { clipOfLine, collectResults } from '../../../tools/clipgen/node/analyzer-run';
import type { OutputLine } from '../../../scripts/analyze/output-lines';

const frame = (file: string, tMs: number): OutputLine => ({ type: 'frame', file, tMs, face: true, pose: true, yawDeg: 1, pitchDeg: 2, rollDeg: 3 });

describe('collectResults: the analyzer\'s lines per clip', () => {
  const here = ['/work/wt/fixtures/generated/range/scan-pitch.mp4', '/work/wt/fixtures/generated/range/scan-roll.mp4'];
  // A trace recorded in another checkout names that checkout's clips.
  const replayed = [frame('/work/main/fixtures/generated/range/scan-pitch.mp4', 0), frame('/work/main/fixtures/generated/range/scan-roll.mp4', 0), frame('/work/main/fixtures/generated/range/scan-roll.mp4', 33)];

  it('matches a run\'s lines by path, so another checkout\'s clips are not taken for these', () => {
    const results = collectResults(here, replayed);
    expect(results.get(here[0] as string)?.frames).toHaveLength(0);
    expect(results.get(here[1] as string)?.frames).toHaveLength(0);
    expect(collectResults(here, [frame(here[1] as string, 0)]).get(here[1] as string)?.frames).toHaveLength(1);
  });

  it('matches a replay\'s lines by the clip\'s name, wherever the trace was recorded', () => {
    const results = collectResults(here, replayed, clipOfLine(here, true));
    expect(results.get(here[0] as string)?.frames).toHaveLength(1);
    expect(results.get(here[1] as string)?.frames.map((f) => f.tMs)).toEqual([0, 33]);
    expect(clipOfLine(here, true)('/elsewhere/scan-turn-tilt.mp4')).toBeUndefined();
  });
});

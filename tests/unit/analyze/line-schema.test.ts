import { describe, expect, it } from 'vitest';
import type { RepEvent } from '../../../src/core/reps/exercise-events';
import { formatLine, linesOfType, parseOutputLines, repLine, summaryLine } from '../../../scripts/analyze/output-lines';

function rep(overrides: Partial<RepEvent>): RepEvent {
  return { type: 'rep', kind: 'movement', tMs: 1000, side: 'left', peakDeg: 41.23456, durationMs: 1234.5678, peakVelDegS: 88.8888, sparc: Number.NaN, ldj: -5, velocityPeaks: 1, complete: true, ...overrides } as RepEvent;
}

describe('the analyzer line schema', () => {
  it('writes rep and summary lines that parse back to the same lines, in order', () => {
    const reps = [repLine('a.mp4', rep({})), repLine('a.mp4', rep({ side: 'right', complete: false }))];
    const summary = summaryLine('a.mp4', 'head-turns', { reps: 1, bySide: { left: 1 }, incomplete: 1, activeMs: 0, timedComplete: false }, 'tfjs', false);
    const text = [...reps, summary].map((line) => formatLine(line, 'jsonl', [])).join('\n');
    const parsed = parseOutputLines(`${text}\nnot json\n{"type":"other","file":"x"}\n`);
    expect(parsed).toEqual([...reps, summary]);
    expect(linesOfType(parsed, 'rep').map((line) => line.side)).toEqual(['left', 'right']);
    expect(reps[0]?.peakDeg).toBe(41.235);
    expect(reps[0]?.sparc).toBeNull();
    expect(linesOfType(parsed, 'summary')[0]?.backend).toBe('tfjs');
    expect(summary.activeMs).toBeNull();
  });

  it("prints a timed exercise's active time (rounded like every time), and reads it back", () => {
    const summary = summaryLine('b.mp4', 'supine-breathing', { reps: 0, bySide: {}, incomplete: 0, activeMs: 9366.66666, timedComplete: false }, 'mediapipe', true);
    const parsed = linesOfType(parseOutputLines(formatLine(summary, 'jsonl', [])), 'summary')[0];
    expect(parsed?.activeMs).toBe(9366.667);
    expect(parsed?.reps).toBe(0);
  });
});

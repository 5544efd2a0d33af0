import { describe, expect, it } from 'vitest';
import { angleErrorDeg, evaluatePoses, parseAnalyzerJsonl, parseLabelsCsv } from '../../../../src/core/head-pose/pose-eval';

const LABELS = ['file,yaw_deg,pitch_deg,roll_deg,aflw_yaw_deg', 'a.jpg,10,0,-5,-10', '', 'b.jpg,-40,20,3,40', 'c.jpg,0,0,0,0', ''].join('\r\n');

describe('parseLabelsCsv', () => {
  it('reads columns by name and ignores extra columns and blank lines', () => {
    expect(parseLabelsCsv(LABELS)).toEqual([
      { file: 'a.jpg', yawDeg: 10, pitchDeg: 0, rollDeg: -5 },
      { file: 'b.jpg', yawDeg: -40, pitchDeg: 20, rollDeg: 3 },
      { file: 'c.jpg', yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    ]);
  });

  it('rejects a missing column or a non-number', () => {
    expect(() => parseLabelsCsv('file,yaw_deg,pitch_deg\na.jpg,1,2')).toThrow(/roll_deg/);
    expect(() => parseLabelsCsv('file,yaw_deg,pitch_deg,roll_deg\na.jpg,1,x,2')).toThrow(/line 2/);
  });
});

describe('parseAnalyzerJsonl', () => {
  it('keeps frame lines, matches by base name, and treats missing angles as not found', () => {
    const text = [
      '> atlas@0.1.0 analyze',
      '{"type":"frame","file":"/x/a.jpg","tMs":0,"face":true,"pose":true,"yawDeg":12,"pitchDeg":1,"rollDeg":-4}',
      '{"type":"summary","files":2}',
      '{"type":"frame","file":"/x/b.jpg","tMs":0,"face":false,"pose":false,"yawDeg":null,"pitchDeg":null,"rollDeg":null}',
      'not json {',
    ].join('\n');
    expect(parseAnalyzerJsonl(text)).toEqual([
      { file: 'a.jpg', angles: { yawDeg: 12, pitchDeg: 1, rollDeg: -4 } },
      { file: 'b.jpg', angles: null },
    ]);
  });
});

describe('evaluatePoses', () => {
  it('computes per-axis MAE over the files found', () => {
    const predictions = [
      { file: 'a.jpg', angles: { yawDeg: 12, pitchDeg: 1, rollDeg: -4 } },
      { file: 'b.jpg', angles: { yawDeg: -36, pitchDeg: 26, rollDeg: 3 } },
    ];
    const { files, summary } = evaluatePoses(parseLabelsCsv(LABELS), predictions);
    expect(summary).toEqual({ n: 3, found: 2, yawMae: 3, pitchMae: 3.5, rollMae: 0.5, meanMae: 7 / 3 });
    expect(files[2]).toEqual({ file: 'c.jpg', yawDeg: null, pitchDeg: null, rollDeg: null });
  });

  it('measures errors the short way round', () => {
    expect(angleErrorDeg(179, -179)).toBeCloseTo(2, 9);
    expect(angleErrorDeg(-10, 10)).toBeCloseTo(20, 9);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALL_COLUMNS,
  FRAME_COLUMNS,
  csvColumns,
  csvHeader,
  formatLine,
  roundOutput,
  type FrameLine,
  type SummaryLine,
} from '../../../scripts/analyze/output-lines';

/** Printed values keep 3 decimals: half a thousandth is the most rounding may move them. */
const PRINT_TOLERANCE = 0.0005;

const FRAME: FrameLine = {
  type: 'frame',
  file: 'clip.mp4',
  tMs: 33.367,
  face: true,
  pose: false,
  yawDeg: 12.5,
  pitchDeg: -3.25,
  rollDeg: null,
};

/** A minimal RFC 4180 row reader, to check what formatLine writes can be read back. */
function readCsvRow(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < row.length; i += 1) {
    const c = row[i];
    if (quoted) {
      if (c === '"' && row[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

describe('formatLine', () => {
  it('jsonl: the line is the object, keys in the documented order', () => {
    const text = formatLine(FRAME, 'jsonl', FRAME_COLUMNS);
    expect(JSON.parse(text)).toEqual(FRAME);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([...FRAME_COLUMNS]);
  });

  it('csv: the same columns; null is an empty cell', () => {
    expect(csvHeader(csvColumns(false))).toBe('type,file,tMs,face,pose,yawDeg,pitchDeg,rollDeg');
    expect(formatLine(FRAME, 'csv', csvColumns(false))).toBe('frame,clip.mp4,33.367,true,false,12.5,-3.25,');
  });

  it('csv with an exercise: one header for all row types; bySide as JSON', () => {
    const summary: SummaryLine = { type: 'summary', file: 'a.mp4', exercise: 'no-shakes', reps: 3, bySide: { left: 2, right: 1 }, incomplete: 1, backend: 'tfjs', activeMs: null };
    const cells = readCsvRow(formatLine(summary, 'csv', csvColumns(true)));
    expect(cells).toHaveLength(ALL_COLUMNS.length);
    expect(cells[ALL_COLUMNS.indexOf('bySide')]).toBe('{"left":2,"right":1}');
    expect(cells[ALL_COLUMNS.indexOf('reps')]).toBe('3');
    expect(cells[ALL_COLUMNS.indexOf('tMs')]).toBe('');
    expect(cells[ALL_COLUMNS.indexOf('backend')]).toBe('tfjs');
    expect(cells[ALL_COLUMNS.indexOf('activeMs')]).toBe('');
    const timed = readCsvRow(formatLine({ ...summary, exercise: 'neck-self-massage', activeMs: 8000 }, 'csv', csvColumns(true)));
    expect(timed[ALL_COLUMNS.indexOf('activeMs')]).toBe('8000');
  });

  it('csv quotes any file name so that it reads back unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (file) => {
        const cells = readCsvRow(formatLine({ ...FRAME, file }, 'csv', FRAME_COLUMNS));
        expect(cells[1]).toBe(file); // unchanged, quotes and newlines included
        expect(cells).toHaveLength(FRAME_COLUMNS.length);
      }),
    );
  });
});

describe('roundOutput', () => {
  it('keeps three decimals and never prints -0; non-finite becomes null', () => {
    expect(roundOutput(-0.0001)).toBe(0);
    expect(Object.is(roundOutput(-0.0001), -0)).toBe(false);
    expect(roundOutput(Number.NaN)).toBeNull();
    expect(roundOutput(null)).toBeNull();
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        expect(Math.abs((roundOutput(value) ?? Number.NaN) - value)).toBeLessThanOrEqual(PRINT_TOLERANCE + 1e-9);
      }),
    );
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_END, TABLE_START, exerciseTableMarkdown, withExerciseTable } from '../../../scripts/docs/exercise-table';
import { PROTOCOL } from '../../../src/core/protocol/protocol';

const README = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

describe("the README's exercise table", () => {
  it('is the one the code gives (run `npm run docs:exercises` after changing exercises, positions or backends)', () => {
    expect(withExerciseTable(README)).toBe(README);
  });

  it('has a row for each of the 22 exercises, both backends, and says which are guided only (none now)', () => {
    const rows = exerciseTableMarkdown().split('\n').slice(2);
    expect(rows).toHaveLength(PROTOCOL.exercises.length);
    expect(rows.filter((line) => line.includes('guided only')).map((line) => line.split('|')[2]?.trim())).toEqual([]);
    const prone = rows.find((line) => line.split('|')[2]?.trim() === 'prone-ear-to-floor') ?? '';
    expect(prone).toContain('camera on the floor at one side, then at the other');
    expect(prone.split('|').slice(5, 7).map((cell) => cell.trim())).toEqual(['measured', 'measured']);
    for (const line of rows) expect(line.split('|').length, line).toBe(8);
  });

  it('refuses a README without its markers', () => {
    expect(() => withExerciseTable('# no table here')).toThrow(TABLE_START);
    expect(README.indexOf(TABLE_END)).toBeGreaterThan(README.indexOf(TABLE_START));
  });
});

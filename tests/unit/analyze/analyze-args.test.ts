import { describe, expect, it } from 'vitest';
import { parseAnalyzeArgs } from '../../../scripts/analyze/analyze-args';

describe('parseAnalyzeArgs', () => {
  it('defaults: jsonl, no exercise, no trace', () => {
    expect(parseAnalyzeArgs(['a.mp4', 'b.jpg'])).toEqual({
      ok: true,
      args: { exercise: null, format: 'jsonl', listExercises: false, trace: null, help: false, files: ['a.mp4', 'b.jpg'] },
    });
  });

  it('takes options as "--flag value" and "--flag=value", anywhere', () => {
    const parsed = parseAnalyzeArgs(['a.mp4', '--exercise', 'no-shakes', '--format=csv', '--trace', 'out.jsonl', 'b.mp4']);
    expect(parsed).toEqual({
      ok: true,
      args: { exercise: 'no-shakes', format: 'csv', listExercises: false, trace: 'out.jsonl', help: false, files: ['a.mp4', 'b.mp4'] },
    });
  });

  it('"--" ends the options (a file may start with a dash)', () => {
    const parsed = parseAnalyzeArgs(['--', '--odd-name.mp4']);
    expect(parsed.ok && parsed.args.files).toEqual(['--odd-name.mp4']);
  });

  it('--list-exercises and --help need no file', () => {
    expect(parseAnalyzeArgs(['--list-exercises'])).toMatchObject({ ok: true, args: { listExercises: true } });
    expect(parseAnalyzeArgs(['-h'])).toMatchObject({ ok: true, args: { help: true } });
  });

  it.each([
    [[], 'no FILE'],
    [['--format', 'xml', 'a.mp4'], '--format'],
    [['--exercise'], '--exercise'],
    [['--exercise', '--format', 'csv', 'a.mp4'], '--exercise'],
    [['--trace'], '--trace'],
    [['--frobnicate', 'a.mp4'], 'unknown option --frobnicate'],
  ])('refuses %j with a message naming the problem', (argv, fragment) => {
    const parsed = parseAnalyzeArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(fragment);
  });
});

import { describe, expect, it } from 'vitest';
import { parseAnalyzeArgs } from '../../../scripts/analyze/analyze-args';

describe('parseAnalyzeArgs', () => {
  it('defaults: jsonl, no exercise, no trace, a face-down camera at the left', () => {
    expect(parseAnalyzeArgs(['a.mp4', 'b.jpg'])).toEqual({
      ok: true,
      args: { exercise: null, backend: 'mediapipe', poseModel: 'full', format: 'jsonl', cameraSide: 'left', listExercises: false, trace: null, replay: false, headWeights: null, help: false, files: ['a.mp4', 'b.jpg'] },
    });
  });

  it('takes options as "--flag value" and "--flag=value", anywhere', () => {
    const parsed = parseAnalyzeArgs(['a.mp4', '--exercise', 'no-shakes', '--format=csv', '--trace', 'out.jsonl', '--pose-model=lite', 'b.mp4']);
    expect(parsed).toEqual({
      ok: true,
      args: { exercise: 'no-shakes', backend: 'mediapipe', poseModel: 'lite', format: 'csv', cameraSide: 'left', listExercises: false, trace: 'out.jsonl', replay: false, headWeights: null, help: false, files: ['a.mp4', 'b.mp4'] },
    });
  });

  it('"--" ends the options (a file may start with a dash)', () => {
    const parsed = parseAnalyzeArgs(['--', '--odd-name.mp4']);
    expect(parsed.ok && parsed.args.files).toEqual(['--odd-name.mp4']);
  });

  it('--replay takes traces as its files', () => {
    expect(parseAnalyzeArgs(['--replay', 'a.trace.jsonl'])).toMatchObject({ ok: true, args: { replay: true, files: ['a.trace.jsonl'] } });
  });

  it('--head-weights names the body network to read the head with, in a run or a replay', () => {
    expect(parseAnalyzeArgs(['--replay', '--head-weights', 'w.json', 'a.trace.jsonl'])).toMatchObject({ ok: true, args: { replay: true, headWeights: 'w.json', files: ['a.trace.jsonl'] } });
    expect(parseAnalyzeArgs(['--head-weights=w.json', 'a.mp4'])).toMatchObject({ ok: true, args: { headWeights: 'w.json', files: ['a.mp4'] } });
    expect(parseAnalyzeArgs(['--head-weights', '--replay', 'a.trace.jsonl'])).toEqual({ ok: false, error: '--head-weights needs a JSON file of network weights' });
  });

  it('--backend picks the landmarkers: mediapipe (default) or tfjs', () => {
    expect(parseAnalyzeArgs(['--backend', 'tfjs', 'a.mp4'])).toMatchObject({ ok: true, args: { backend: 'tfjs', files: ['a.mp4'] } });
    expect(parseAnalyzeArgs(['--backend=mediapipe', '--pose-model', 'lite', 'a.mp4'])).toMatchObject({ ok: true, args: { backend: 'mediapipe', poseModel: 'lite' } });
  });

  it('--camera-side says where the floor camera was face down: left or right', () => {
    expect(parseAnalyzeArgs(['--camera-side', 'right', 'a.mp4'])).toMatchObject({ ok: true, args: { cameraSide: 'right' } });
    expect(parseAnalyzeArgs(['--camera-side=left', 'a.mp4'])).toMatchObject({ ok: true, args: { cameraSide: 'left' } });
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
    [['--pose-model', 'heavy', 'a.mp4'], '--pose-model must be full or lite'],
    [['--replay', '--trace', 'out.jsonl', 'a.trace.jsonl'], '--replay reads traces'],
    [['--frobnicate', 'a.mp4'], 'unknown option --frobnicate'],
    [['--backend', 'onnx', 'a.mp4'], '--backend must be mediapipe or tfjs'],
    [['--camera-side', 'above', 'a.mp4'], '--camera-side must be left or right'],
    [['--backend', 'tfjs', '--pose-model', 'full', 'a.mp4'], '--pose-model applies to the mediapipe backend only'],
    [['--replay', '--backend', 'tfjs', 'a.trace.jsonl'], '--replay takes the backend from the trace'],
  ])('refuses %j with a message naming the problem', (argv, fragment) => {
    const parsed = parseAnalyzeArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(fragment);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { NODDING_CLIP, REPO_ROOT, SHAKING_CLIP, SHARED_FIXTURES } from '../support/shared-fixtures';
import { parseTraceLine } from '../../tools/analyze/trace-format';
import { ffprobeFrameTimesS, hasFfprobe } from '../support/ffprobe';
import { runAnalyze } from '../support/run-analyze';
import { PROTOCOL } from '../../src/core/protocol/protocol';
import { linesOfType, parseOutputLines, type FrameLine, type SummaryLine } from '../../scripts/analyze/output-lines';

/**
 * `npm run analyze` end to end: the CLI is spawned as a user would run it (it starts its own
 * server and headless Chromium); no page fixture is used here.
 */
const HAVE_FIXTURES = existsSync(SHARED_FIXTURES);
if (!HAVE_FIXTURES) console.warn(`analyze.spec: fixture tests skipped, ${SHARED_FIXTURES} is absent`);

const DIRECTIONS_DIR = path.join(SHARED_FIXTURES, 'headpose/webcam-directions');
/** 78 frames, B-frames and an edit list, 2.9 MB with the movie header at the end (past the first slice). */
const MOOV_LAST_CLIP = path.join(SHARED_FIXTURES, 'video/expressions/d0.mp4');
/** MPEG-4 Part 2, which Chromium does not decode: read through the ffmpeg fallback. */
const MPEG4_PART2_CLIP = path.join(SHARED_FIXTURES, 'video/head-gestures/head_turning_fake.mp4');
/** Still head, expressions only. */
const EXPRESSION_CLIP = path.join(SHARED_FIXTURES, 'video/expressions/d19.mp4');
/** Re-encoding and a quarter turn change pixels slightly; a wrong turn would change roll by ~90°. */
const ROTATED_ROLL_TOLERANCE_DEG = 10;
/** 65 frames at 5 fps, portrait: quick enough to run twice. */
const SQUATS_CLIP = path.join(SHARED_FIXTURES, 'images/pose-detection__pose_squats.mp4');
/** "Looking straight": the head is within this of the camera axis. */
const NEUTRAL_TOLERANCE_DEG = 15;
/** Printed times have 3 decimals; ffprobe prints 6: they may differ by half a printed unit. */
const TIME_TOLERANCE_MS = 0.0005;
const ANALYZE_TIMEOUT_MS = 170_000;
/** The project's own clip (fixtures/clips): two full head turns and two too shallow ones, 7.3 s. */
const SHALLOW_TURNS_CLIP = 'fixtures/clips/scan-head-turns-shallow.mp4';
const SHALLOW_TURNS_TRUTH = path.join(REPO_ROOT, 'fixtures/clips/scan-head-turns-shallow.truth.json');
const TFJS_HEAD_WEIGHTS = path.join(REPO_ROOT, 'src/core/head-pose/regression/pose-head-weights-tfjs.json');

function frameLines(stdout: string): FrameLine[] {
  return linesOfType(parseOutputLines(stdout), 'frame');
}

/** A 64×64 mid-grey 24-bit BMP: an image with nobody in it. */
function greyBmp(): Buffer {
  const size = 64;
  const rowBytes = size * 3;
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'ascii');
  header.writeUInt32LE(54 + rowBytes * size, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(size, 18);
  header.writeInt32LE(size, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  return Buffer.concat([header, Buffer.alloc(rowBytes * size, 0x80)]);
}

test.describe('npm run analyze', () => {
  test.setTimeout(2 * ANALYZE_TIMEOUT_MS);

  test('--list-exercises prints the protocol ids, one per line', async () => {
    const run = await runAnalyze(['--list-exercises']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(PROTOCOL.exercises.map((exercise) => exercise.id));
  });

  test('usage errors and unreadable files: a clear message and a non-zero exit', async () => {
    const usage = await runAnalyze(['--format', 'xml', 'a.mp4']);
    expect(usage.code).not.toBe(0);
    expect(usage.stderr).toContain('--format must be jsonl or csv');

    const dir = mkdtempSync(path.join(tmpdir(), 'analyze-bad-'));
    const fakeJpeg = path.join(dir, 'not-an-image.jpg');
    writeFileSync(fakeJpeg, 'hello, I am text with an image name\n');
    const empty = path.join(dir, 'empty.mp4');
    writeFileSync(empty, '');
    const missing = path.join(dir, 'missing.mp4');
    const bad = await runAnalyze([fakeJpeg, empty, missing]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(`${fakeJpeg}: Not a supported image`);
    expect(bad.stderr).toContain(`${empty}: The file is empty`);
    expect(bad.stderr).toContain(`${missing}: no such file`);
    expect(bad.stderr).toContain('no file could be read');
  });

  test('an image without a person is read (exit 0) but said to have nobody', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'analyze-empty-'));
    const grey = path.join(dir, 'grey.bmp');
    writeFileSync(grey, greyBmp());
    const run = await runAnalyze([grey]);
    expect(run.code).toBe(0);
    expect(frameLines(run.stdout)).toEqual([
      { type: 'frame', file: grey, tMs: 0, face: false, pose: false, yawDeg: null, pitchDeg: null, rollDeg: null },
    ]);
    expect(run.stderr).toContain(`${grey}: no person found`);
  });

  test('--backend tfjs on a committed clip: the app\'s TF.js landmarkers count what MediaPipe counts; the trace says tfjs and replays the same lines', async () => {
    test.setTimeout(2 * ANALYZE_TIMEOUT_MS);
    const truth = JSON.parse(readFileSync(SHALLOW_TURNS_TRUTH, 'utf8')) as { expectedCount: { total: number; bySide: Record<string, number> }; frameCount: number };
    const tracePath = path.join(mkdtempSync(path.join(tmpdir(), 'analyze-tfjs-')), 'trace.jsonl');
    // Side by side: one browser each.
    const [mediapipe, tfjs] = await Promise.all([
      runAnalyze(['--exercise', 'head-turns', SHALLOW_TURNS_CLIP]),
      runAnalyze(['--exercise', 'head-turns', '--backend', 'tfjs', '--trace', tracePath, SHALLOW_TURNS_CLIP]),
    ]);
    expect(mediapipe.code, mediapipe.stderr).toBe(0);
    expect(tfjs.code, tfjs.stderr).toBe(0);
    const summaryOf = (stdout: string): SummaryLine => {
      const summary = linesOfType(parseOutputLines(stdout), 'summary')[0];
      if (summary === undefined) throw new Error(`no summary in ${stdout.slice(-300)}`);
      return summary;
    };
    const [mp, tf] = [summaryOf(mediapipe.stdout), summaryOf(tfjs.stdout)];
    expect([mp.backend, tf.backend]).toEqual(['mediapipe', 'tfjs']);
    // The two full turns count on both backends, the two shallow ones on neither.
    expect({ reps: tf.reps, bySide: tf.bySide }).toEqual({ reps: mp.reps, bySide: mp.bySide });
    expect({ reps: tf.reps, bySide: tf.bySide }).toEqual({ reps: truth.expectedCount.total, bySide: truth.expectedCount.bySide });
    // Every frame on both; TF.js's face mesh has no transformation matrix, MediaPipe's has one.
    const [mpFrames, tfFrames] = [frameLines(mediapipe.stdout), frameLines(tfjs.stdout)];
    expect(tfFrames).toHaveLength(truth.frameCount);
    expect(mpFrames).toHaveLength(truth.frameCount);
    expect(tfFrames.filter((frame) => frame.face && frame.pose).length).toBeGreaterThan(0.9 * truth.frameCount);
    expect(tfFrames.some((frame) => frame.faceMatrixAngles !== undefined)).toBe(false);
    expect(mpFrames.filter((frame) => frame.faceMatrixAngles !== undefined).length).toBeGreaterThan(0.9 * truth.frameCount);

    const fileLine = parseTraceLine(readFileSync(tracePath, 'utf8').split('\n')[0] ?? '');
    expect(fileLine).toMatchObject({ type: 'file', file: SHALLOW_TURNS_CLIP, backend: 'tfjs' });
    const replay = await runAnalyze(['--exercise', 'head-turns', '--replay', tracePath]);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(tfjs.stdout);
    // --head-weights: TF.js's own weights named by file read the same lines; a file that is no
    // network is refused before any frame is read.
    const ownWeights = await runAnalyze(['--exercise', 'head-turns', '--replay', '--head-weights', TFJS_HEAD_WEIGHTS, tracePath]);
    expect(ownWeights.code, ownWeights.stderr).toBe(0);
    expect(ownWeights.stdout).toBe(tfjs.stdout);
    const notANetwork = path.join(path.dirname(tracePath), 'not-a-network.json');
    writeFileSync(notANetwork, '{"layers": []}');
    const refused = await runAnalyze(['--exercise', 'head-turns', '--replay', '--head-weights', notANetwork, tracePath]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not usable as --head-weights');
    expect(refused.stdout).toBe('');
  });

  test.describe('on the shared fixtures', () => {
    test.skip(!HAVE_FIXTURES, `needs ${SHARED_FIXTURES}`);

    test('webcam-directions: the sign of yaw or pitch that labels.csv expects, for every frame', async () => {
      const labels = readFileSync(path.join(DIRECTIONS_DIR, 'labels.csv'), 'utf8').trim().split('\n').slice(1);
      const images = readdirSync(DIRECTIONS_DIR).filter((name) => name.endsWith('.jpg')).sort();
      expect(images).toHaveLength(labels.length);
      const run = await runAnalyze(images.map((name) => path.join(DIRECTIONS_DIR, name)));
      expect(run.code).toBe(0);
      const byFile = new Map(frameLines(run.stdout).map((line) => [path.basename(line.file), line]));
      expect(byFile.size).toBe(labels.length);
      for (const label of labels) {
        const [file = '', direction = ''] = label.split(',');
        const line = byFile.get(file);
        expect(line, file).toBeDefined();
        if (!line) continue;
        expect(line.tMs, file).toBe(0);
        expect(line.face, file).toBe(true);
        const yaw = line.yawDeg ?? Number.NaN;
        const pitch = line.pitchDeg ?? Number.NaN;
        switch (direction) {
          case 'left':
            expect(yaw, `${file}: yaw > 0 (subject's left)`).toBeGreaterThan(0);
            break;
          case 'right':
            expect(yaw, `${file}: yaw < 0`).toBeLessThan(0);
            break;
          case 'up':
            expect(pitch, `${file}: pitch > 0 (extension)`).toBeGreaterThan(0);
            break;
          case 'down':
            expect(pitch, `${file}: pitch < 0 (flexion)`).toBeLessThan(0);
            break;
          case 'neutral':
            expect(Math.abs(yaw), `${file}: |yaw| small`).toBeLessThan(NEUTRAL_TOLERANCE_DEG);
            expect(Math.abs(pitch), `${file}: |pitch| small`).toBeLessThan(NEUTRAL_TOLERANCE_DEG);
            break;
          default:
            throw new Error(`unexpected direction ${direction} in labels.csv`);
        }
      }
    });

    test('a video: one line per decoded frame at its presentation time (as ffmpeg decodes it)', async () => {
      test.skip(!hasFfprobe(), 'needs ffprobe (Debian ffmpeg) for the reference frame times');
      const dir = mkdtempSync(path.join(tmpdir(), 'analyze-trace-'));
      const tracePath = path.join(dir, 'trace.jsonl');
      const run = await runAnalyze(['--trace', tracePath, MOOV_LAST_CLIP]);
      expect(run.code).toBe(0);
      const lines = frameLines(run.stdout);
      const expected = ffprobeFrameTimesS(MOOV_LAST_CLIP).map((s) => s * 1000);
      expect(lines).toHaveLength(expected.length);
      lines.forEach((line, i) => expect(Math.abs(line.tMs - (expected[i] ?? Number.NaN)), `frame ${i}`).toBeLessThanOrEqual(TIME_TOLERANCE_MS));
      for (let i = 1; i < lines.length; i += 1) expect(lines[i]?.tMs).toBeGreaterThan(lines[i - 1]?.tMs ?? Infinity);
      // The trace: a file line, then one observation per printed frame, same times, numbers only.
      const trace = readFileSync(tracePath, 'utf8').trim().split('\n').map(parseTraceLine);
      expect(trace[0]).toMatchObject({ type: 'file', file: MOOV_LAST_CLIP, kind: 'video', width: 512, height: 512 });
      const observations = trace.filter((line) => line.type === 'observation');
      expect(observations.map((line) => Math.round(line.observation.tMs * 1000) / 1000)).toEqual(lines.map((line) => line.tMs));
      expect(observations.every((line) => line.observation.imageWidth === 512)).toBe(true);
    });

    test('--pose-model lite: the live coach\'s pose model, every frame at the same times, a body on each', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'analyze-pose-model-'));
      const full = await runAnalyze(['--trace', path.join(dir, 'full.jsonl'), MOOV_LAST_CLIP]);
      const lite = await runAnalyze(['--pose-model', 'lite', '--trace', path.join(dir, 'lite.jsonl'), MOOV_LAST_CLIP]);
      expect(lite.code).toBe(0);
      const fullFrames = frameLines(full.stdout);
      const liteFrames = frameLines(lite.stdout);
      expect(liteFrames.map((line) => line.tMs)).toEqual(fullFrames.map((line) => line.tMs));
      expect(liteFrames.filter((line) => line.pose).length).toBe(fullFrames.filter((line) => line.pose).length);
      // Another model ran: the same frames give other body landmarks.
      const firstPoseNose = (file: string): number | undefined =>
        readFileSync(path.join(dir, file), 'utf8').trim().split('\n').map(parseTraceLine).flatMap((line) => (line.type === 'observation' ? line.observation.poses : []))[0]?.landmarks[0]?.x;
      expect(firstPoseNose('lite.jsonl')).toBeDefined();
      expect(firstPoseNose('lite.jsonl')).not.toBe(firstPoseNose('full.jsonl'));
    });

    test('a video: the same output on two runs (every frame, not real time)', async () => {
      const first = await runAnalyze(['--format', 'csv', SQUATS_CLIP]);
      const second = await runAnalyze(['--format', 'csv', SQUATS_CLIP]);
      expect(first.code).toBe(0);
      const rows = first.stdout.trim().split('\n');
      expect(rows[0]).toBe('type,file,tMs,face,pose,yawDeg,pitchDeg,rollDeg');
      expect(rows.length - 1).toBeGreaterThan(1);
      expect(second.stdout).toBe(first.stdout);
    });

    test('--exercise: rep lines, then the summary last, consistent with them; an unknown id is refused', async () => {
      const unknown = await runAnalyze(['--exercise', 'no-such-exercise', SHAKING_CLIP]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('unknown exercise "no-such-exercise"');

      const tracePath = path.join(mkdtempSync(path.join(tmpdir(), 'analyze-replay-')), 'trace.jsonl');
      const run = await runAnalyze(['--exercise', 'no-shakes', '--trace', tracePath, SHAKING_CLIP]);
      expect(run.code).toBe(0);
      // --replay runs the trace's frames through the same core: the same lines, no browser.
      const replay = await runAnalyze(['--exercise', 'no-shakes', '--replay', tracePath]);
      expect(replay.code).toBe(0);
      expect(replay.stdout).toBe(run.stdout);
      const lines = parseOutputLines(run.stdout);
      const last = lines[lines.length - 1];
      if (last?.type !== 'summary') throw new Error(`the last line is not the summary: ${JSON.stringify(last)}`);
      expect(last).toMatchObject({ type: 'summary', file: SHAKING_CLIP, exercise: 'no-shakes' });
      const reps = linesOfType(lines, 'rep');
      const complete = reps.filter((rep) => rep.complete);
      expect(last.reps).toBe(complete.length);
      expect(last.incomplete).toBe(reps.length - complete.length);
      expect(Object.values(last.bySide).reduce((a, b) => a + b, 0)).toBe(last.reps);
      // The clip shakes the head over and over: something must be counted.
      expect(last.reps).toBeGreaterThan(0);
      expect(frameLines(run.stdout).length).toBeGreaterThan(last.reps);
    });

    test('a codec the browser cannot decode goes through ffmpeg: every frame at its time', async () => {
      test.skip(!hasFfprobe(), 'needs ffmpeg');
      const run = await runAnalyze([MPEG4_PART2_CLIP]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('Decoded through an ffmpeg H.264 copy instead');
      const expected = ffprobeFrameTimesS(MPEG4_PART2_CLIP).map((s) => s * 1000);
      const lines = frameLines(run.stdout);
      expect(lines).toHaveLength(expected.length);
      lines.forEach((line, i) => expect(Math.abs(line.tMs - (expected[i] ?? Number.NaN)), `frame ${i}`).toBeLessThanOrEqual(TIME_TOLERANCE_MS));
    });

    test('a phone-style clip (frames stored sideways, display rotation in the header) is analysed upright', async () => {
      test.skip(!hasFfprobe(), 'needs ffmpeg to make the clip');
      const dir = mkdtempSync(path.join(tmpdir(), 'analyze-rotated-'));
      const upright = path.join(dir, 'upright.mp4');
      const sideways = path.join(dir, 'sideways.mp4');
      const phone = path.join(dir, 'phone.mp4');
      const encode = ['-c:v', 'libx264', '-crf', '10', '-pix_fmt', 'yuv420p', '-an'];
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', EXPRESSION_CLIP, '-t', '0.5', ...encode, upright]);
      // Stored turned 90° clockwise; the header tells players to turn it back (ffmpeg's rotate=90).
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', EXPRESSION_CLIP, '-t', '0.5', '-vf', 'transpose=clock', ...encode, sideways]);
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', sideways, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', phone]);
      const run = await runAnalyze([upright, phone]);
      expect(run.code).toBe(0);
      const lines = frameLines(run.stdout);
      const reference = lines.filter((line) => line.file === upright);
      const rotated = lines.filter((line) => line.file === phone);
      expect(rotated).toHaveLength(reference.length);
      rotated.forEach((line, i) => {
        expect(line.face).toBe(true);
        expect(Math.abs((line.rollDeg ?? Number.NaN) - (reference[i]?.rollDeg ?? Number.NaN)), `frame ${i} roll`).toBeLessThan(ROTATED_ROLL_TOLERANCE_DEG);
      });
    });

    test('a damaged video: decoding resumes at the next key frame, with a warning', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'analyze-damaged-'));
      const bytes = Buffer.from(readFileSync(NODDING_CLIP));
      // Overwrite a stretch in the middle of the media data with a fixed pseudo-random pattern.
      let seed = 1;
      for (let i = 200_000; i < 250_000; i += 1) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        bytes[i] = seed & 0xff;
      }
      const damaged = path.join(dir, 'damaged.mp4');
      writeFileSync(damaged, bytes);
      const run = await runAnalyze([damaged]);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/damaged: \d+ stretch\(es\) could not be decoded/);
      const lines = frameLines(run.stdout);
      expect(lines.length).toBeGreaterThan(0);
      for (let i = 1; i < lines.length; i += 1) expect(lines[i]?.tMs).toBeGreaterThan(lines[i - 1]?.tMs ?? Infinity);
    });

    test('a truncated video: the frames it has, a warning, exit 0; a video with no movie header: exit 1', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'analyze-trunc-'));
      const bytes = readFileSync(NODDING_CLIP);
      const half = path.join(dir, 'half.mp4');
      writeFileSync(half, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const headerOnly = path.join(dir, 'no-moov.mp4');
      writeFileSync(headerOnly, bytes.subarray(0, 2000));
      const run = await runAnalyze([half]);
      expect(run.code).toBe(0);
      expect(frameLines(run.stdout).length).toBeGreaterThan(0);
      expect(run.stderr).toMatch(new RegExp(`${half}: truncated: \\d+ frame\\(s\\)`));
      const noMoov = await runAnalyze([headerOnly]);
      expect(noMoov.code).toBe(1);
      expect(noMoov.stderr).toContain(`${headerOnly}: The video has no readable movie header`);
    });
  });
});

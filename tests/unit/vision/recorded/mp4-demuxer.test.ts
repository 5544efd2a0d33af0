import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobByteSource, type ByteSource } from '../../../../src/vision/recorded/byte-source';
import { Mp4Demuxer, type DemuxedSample } from '../../../../src/vision/recorded/mp4-demuxer';
import { RecordedSourceError } from '../../../../src/vision/recorded/recorded-source-error';
import { ffprobeFrameTimesS, hasFfprobe } from '../../../support/ffprobe';
import { SHARED_FIXTURES } from '../../../support/shared-fixtures';

const HAVE_FIXTURES = existsSync(SHARED_FIXTURES);
if (!HAVE_FIXTURES) console.warn(`mp4-demuxer.test: skipped, ${SHARED_FIXTURES} is absent`);

/** Clips of every layout we have: moov first or last (d13, d9: > 2 MB, audio interleaved), B-frames with an edit list, variable frame rate. */
const CLIPS = [
  'video/head-gestures/head_nodding.mp4',
  'video/expressions/d13.mp4',
  'video/expressions/d9.mp4',
  'video/webcam/capture4.mp4',
  'images/pose-detection__pose_squats.mp4',
];
/** Small slices force every path: samples straddling slices, jumps to a trailing moov and back. */
const SMALL_SLICE_BYTES = 64 * 1024;
/** ffprobe prints 6 decimals of a second; our times are whole µs. */
const TIME_TOLERANCE_US = 1;

function blobOf(parts: BlobPart[]): ByteSource {
  return blobByteSource(new Blob(parts));
}

async function allSamples(demuxer: Mp4Demuxer): Promise<DemuxedSample[]> {
  const samples: DemuxedSample[] = [];
  for (let sample = await demuxer.nextSample(); sample; sample = await demuxer.nextSample()) samples.push(sample);
  return samples;
}

describe.skipIf(!HAVE_FIXTURES)('Mp4Demuxer on the shared clips', () => {
  it.each(CLIPS)('%s: every announced sample, presentation times as ffmpeg shows them', async (clip) => {
    const file = path.join(SHARED_FIXTURES, clip);
    const demuxer = await Mp4Demuxer.open(blobOf([readFileSync(file)]), { sliceBytes: SMALL_SLICE_BYTES });
    const samples = await allSamples(demuxer);
    expect(samples).toHaveLength(demuxer.info.sampleCount);
    expect(demuxer.missingSamples).toBe(0);
    expect(samples[0]?.key).toBe(true);
    const shown = samples.map((s) => s.timestampUs).filter((t) => t >= 0).sort((a, b) => a - b);
    for (let i = 1; i < shown.length; i += 1) expect(shown[i]).toBeGreaterThan(shown[i - 1] ?? Infinity);
    if (hasFfprobe()) {
      const expected = ffprobeFrameTimesS(file).map((s) => s * 1e6);
      expect(shown).toHaveLength(expected.length);
      shown.forEach((t, i) => expect(Math.abs(t - (expected[i] ?? Number.NaN))).toBeLessThanOrEqual(TIME_TOLERANCE_US));
    }
  });

  it('the default slices give the same samples as small ones (a moov at the end of a > 2 MB file)', async () => {
    const bytes = readFileSync(path.join(SHARED_FIXTURES, 'video/expressions/d13.mp4'));
    const small = await allSamples(await Mp4Demuxer.open(blobOf([bytes]), { sliceBytes: SMALL_SLICE_BYTES }));
    const large = await allSamples(await Mp4Demuxer.open(blobOf([bytes])));
    expect(large.map((s) => [s.timestampUs, s.data.byteLength])).toEqual(small.map((s) => [s.timestampUs, s.data.byteLength]));
  });

  it('a truncated file: the samples it holds, and how many are missing', async () => {
    const bytes = readFileSync(path.join(SHARED_FIXTURES, 'video/head-gestures/head_nodding.mp4'));
    const demuxer = await Mp4Demuxer.open(blobOf([bytes.subarray(0, Math.floor(bytes.length / 2))]), { sliceBytes: SMALL_SLICE_BYTES });
    const samples = await allSamples(demuxer);
    expect(samples.length).toBeGreaterThan(0);
    expect(demuxer.missingSamples).toBe(demuxer.info.sampleCount - samples.length);
    expect(demuxer.missingSamples).toBeGreaterThan(0);
  });

  it('no movie header: a truncated-file error', async () => {
    const bytes = readFileSync(path.join(SHARED_FIXTURES, 'video/head-gestures/head_nodding.mp4'));
    await expect(Mp4Demuxer.open(blobOf([bytes.subarray(0, 2000)]))).rejects.toMatchObject({ code: 'truncated' });
    await expect(Mp4Demuxer.open(blobOf([bytes.subarray(0, 2000)]))).rejects.toBeInstanceOf(RecordedSourceError);
  });
});

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_MODEL_BYTES, fetchModelBytes, modelBytesProblem, modelChecksumProblem } from '../../../src/vision/model-bytes';
import { MODEL_SHA256, fileNameOfUrl } from '../../../src/vision/model-checksums';
import { VisionError } from '../../../src/vision/vision-error';

const URL_UNDER_TEST = 'http://localhost/models/pose_landmarker_lite.task';
const FILE_UNDER_TEST = 'pose_landmarker_lite.task';
const MODELS_DIR = path.resolve(import.meta.dirname, '../../../models');

function zipLike(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  bytes.set([0x50, 0x4b, 0x03, 0x04]);
  return bytes;
}

/** Node's own SHA-256, independent of the code under test. */
function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function recordedFor(bytes: Uint8Array): Record<string, string> {
  return { [FILE_UNDER_TEST]: sha256Of(bytes) };
}

function fakeFetch(response: Response | Error): typeof fetch {
  return () => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response));
}

async function visionErrorOf(promise: Promise<unknown>): Promise<VisionError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof VisionError)) throw new Error(`expected a VisionError, got ${String(error)}`);
  return error;
}

describe('modelBytesProblem', () => {
  it('accepts a zip of plausible size', () => {
    expect(modelBytesProblem(zipLike(MIN_MODEL_BYTES), MIN_MODEL_BYTES)).toBeNull();
    expect(modelBytesProblem(zipLike(MIN_MODEL_BYTES), null)).toBeNull();
  });

  it('names a truncated download, a stub and a non-zip', () => {
    expect(modelBytesProblem(zipLike(MIN_MODEL_BYTES), MIN_MODEL_BYTES + 10)).toMatch(/truncated/);
    expect(modelBytesProblem(zipLike(1000), null)).toMatch(/too small/);
    expect(modelBytesProblem(new Uint8Array(MIN_MODEL_BYTES), null)).toMatch(/not a \.task bundle/);
  });
});

describe('fetchModelBytes', () => {
  it('returns the bytes of a good bundle', async () => {
    const body = zipLike(MIN_MODEL_BYTES + 5);
    const response = new Response(body, { headers: { 'Content-Length': String(body.byteLength) } });
    const bytes = await fetchModelBytes(URL_UNDER_TEST, fakeFetch(response), recordedFor(body));
    expect(bytes.byteLength).toBe(body.byteLength);
  });

  it('reports a same-size bundle with one byte changed as invalid, naming the file and the fix', async () => {
    const good = zipLike(MIN_MODEL_BYTES + 5);
    const corrupted = good.slice();
    corrupted[MIN_MODEL_BYTES] = 0xff;
    const response = new Response(corrupted, { headers: { 'Content-Length': String(corrupted.byteLength) } });
    const error = await visionErrorOf(fetchModelBytes(URL_UNDER_TEST, fakeFetch(response), recordedFor(good)));
    expect(error.info).toMatchObject({ code: 'model-invalid', url: URL_UNDER_TEST });
    expect(error.message).toContain(FILE_UNDER_TEST);
    expect(error.message).toMatch(/checksum/);
    expect(error.message).toContain('run `npm run models`');
  });

  it('checks against models/checksums.json by default', async () => {
    // A well-formed stand-in is not the recorded lite bundle.
    const error = await visionErrorOf(fetchModelBytes(URL_UNDER_TEST, fakeFetch(new Response(zipLike(MIN_MODEL_BYTES)))));
    expect(error.code).toBe('model-invalid');
    expect(error.message).toMatch(/checksum/);
  });

  it('reports the HTTP status of a missing model', async () => {
    const error = await visionErrorOf(fetchModelBytes(URL_UNDER_TEST, fakeFetch(new Response('not found', { status: 404 }))));
    expect(error.info).toMatchObject({ code: 'model-fetch', status: 404, url: URL_UNDER_TEST });
    expect(error.message).toMatch(/npm run models/);
  });

  it('reports a network failure as status 0', async () => {
    const error = await visionErrorOf(fetchModelBytes(URL_UNDER_TEST, fakeFetch(new TypeError('Failed to fetch'))));
    expect(error.info).toMatchObject({ code: 'model-fetch', status: 0 });
  });

  it('reports an HTML page served in place of the model as invalid', async () => {
    const error = await visionErrorOf(fetchModelBytes(URL_UNDER_TEST, fakeFetch(new Response('<!doctype html><p>SPA fallback</p>', { status: 200 }))));
    expect(error.code).toBe('model-invalid');
  });

  it('reports a body shorter than its Content-Length as invalid', async () => {
    const body = zipLike(MIN_MODEL_BYTES);
    const response = new Response(body, { headers: { 'Content-Length': String(body.byteLength * 2) } });
    const error = await visionErrorOf(fetchModelBytes(URL_UNDER_TEST, fakeFetch(response)));
    expect(error.code).toBe('model-invalid');
    expect(error.message).toMatch(/truncated/);
  });
});

describe('modelChecksumProblem', () => {
  it('accepts the recorded bytes and compares hex case-insensitively', async () => {
    const bytes = zipLike(1000);
    expect(await modelChecksumProblem(bytes, FILE_UNDER_TEST, recordedFor(bytes))).toBeNull();
    expect(await modelChecksumProblem(bytes, FILE_UNDER_TEST, { [FILE_UNDER_TEST]: sha256Of(bytes).toUpperCase() })).toBeNull();
  });

  it('names a mismatch and does not check a file with no recorded checksum', async () => {
    const bytes = zipLike(1000);
    const other = zipLike(1001);
    expect(await modelChecksumProblem(bytes, FILE_UNDER_TEST, recordedFor(other))).toMatch(/pose_landmarker_lite\.task does not match/);
    expect(await modelChecksumProblem(bytes, 'unknown.task', recordedFor(other))).toBeNull();
    expect(await modelChecksumProblem(bytes, 'toString', {})).toBeNull();
  });

  it('records the three .task bundles and only those', () => {
    expect(Object.keys(MODEL_SHA256).sort()).toEqual(['face_landmarker.task', 'pose_landmarker_full.task', 'pose_landmarker_lite.task']);
    for (const hex of Object.values(MODEL_SHA256)) expect(hex).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes the file name from a model URL', () => {
    expect(fileNameOfUrl('http://localhost:5173/models/face_landmarker.task?v=2#x')).toBe('face_landmarker.task');
    expect(fileNameOfUrl('/models/pose_landmarker_full.task')).toBe('pose_landmarker_full.task');
  });

  const downloaded = Object.keys(MODEL_SHA256).filter((name) => existsSync(path.join(MODELS_DIR, name)));
  if (downloaded.length === 0) console.log(`model-bytes: no bundles in ${MODELS_DIR} (run \`npm run models\`); skipping the real-file check`);
  it.skipIf(downloaded.length === 0).each(downloaded)('the downloaded %s matches its recorded checksum', async (name) => {
    const bytes = new Uint8Array(readFileSync(path.join(MODELS_DIR, name)));
    expect(await modelChecksumProblem(bytes, name)).toBeNull();
  });
});

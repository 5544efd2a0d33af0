import { describe, expect, it } from 'vitest';
import { MIN_MODEL_BYTES, fetchModelBytes, modelBytesProblem } from '../../../src/vision/model-bytes';
import { VisionError } from '../../../src/vision/vision-error';

const URL_UNDER_TEST = 'http://localhost/models/pose_landmarker_lite.task';

function zipLike(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  bytes.set([0x50, 0x4b, 0x03, 0x04]);
  return bytes;
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
    const bytes = await fetchModelBytes(URL_UNDER_TEST, fakeFetch(new Response(body, { headers: { 'Content-Length': String(body.byteLength) } })));
    expect(bytes.byteLength).toBe(body.byteLength);
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

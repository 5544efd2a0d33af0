import { afterEach, describe, expect, it, vi } from 'vitest';
import { isLandmarkerRequest, isLandmarkerResponse } from '../../../../src/vision/worker/landmarker-messages';

/** Node has no ImageBitmap: a stand-in class makes `instanceof` checks meaningful. */
class FakeImageBitmap {
  close(): void {}
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('isLandmarkerRequest', () => {
  it('accepts the requests the main thread sends', () => {
    vi.stubGlobal('ImageBitmap', FakeImageBitmap);
    expect(isLandmarkerRequest({ type: 'init', config: { kind: 'pose', poseModel: 'lite' } })).toBe(true);
    expect(isLandmarkerRequest({ type: 'detect', frameId: 1, tMs: 33.3, image: new FakeImageBitmap(), seed: null })).toBe(true);
    const points = Array.from({ length: 11 }, (_, i) => ({ x: 0.4 + i / 100, y: 0.3 }));
    expect(isLandmarkerRequest({ type: 'detect', frameId: 1, tMs: 33.3, image: new FakeImageBitmap(), seed: { points } })).toBe(true);
    expect(isLandmarkerRequest({ type: 'begin-stream' })).toBe(true);
    expect(isLandmarkerRequest({ type: 'close' })).toBe(true);
  });

  it('refuses malformed ones', () => {
    vi.stubGlobal('ImageBitmap', FakeImageBitmap);
    expect(isLandmarkerRequest(null)).toBe(false);
    expect(isLandmarkerRequest('detect')).toBe(false);
    expect(isLandmarkerRequest({ type: 'init', config: { kind: 'hands' } })).toBe(false);
    expect(isLandmarkerRequest({ type: 'detect', frameId: '1', tMs: 0, image: new FakeImageBitmap() })).toBe(false);
    expect(isLandmarkerRequest({ type: 'detect', frameId: 1, tMs: 0, image: {}, seed: null })).toBe(false);
    // A seed must be null or eleven finite points.
    expect(isLandmarkerRequest({ type: 'detect', frameId: 1, tMs: 0, image: new FakeImageBitmap() })).toBe(false);
    expect(isLandmarkerRequest({ type: 'detect', frameId: 1, tMs: 0, image: new FakeImageBitmap(), seed: { points: [{ x: 0.5, y: 0.5 }] } })).toBe(false);
    const withNaN = Array.from({ length: 11 }, (_, i) => ({ x: i === 4 ? Number.NaN : 0.5, y: 0.3 }));
    expect(isLandmarkerRequest({ type: 'detect', frameId: 1, tMs: 0, image: new FakeImageBitmap(), seed: { points: withNaN } })).toBe(false);
    expect(isLandmarkerRequest({ type: 'explode' })).toBe(false);
  });

  it('refuses a frame where ImageBitmap does not exist', () => {
    expect(isLandmarkerRequest({ type: 'detect', frameId: 1, tMs: 0, image: {} })).toBe(false);
  });
});

describe('isLandmarkerResponse', () => {
  it('accepts the responses the worker sends', () => {
    expect(isLandmarkerResponse({ type: 'ready', kind: 'face', initMs: 812, delegate: 'CPU', fallbackReason: 'No support of gather' })).toBe(true);
    expect(isLandmarkerResponse({ type: 'ready', kind: 'pose', initMs: 812, delegate: 'GPU', fallbackReason: null })).toBe(true);
    expect(isLandmarkerResponse({ type: 'result', frameId: 3, tMs: 100, inferenceMs: 9.5, detection: { kind: 'face', faces: [] }, liveTensors: null })).toBe(true);
    expect(isLandmarkerResponse({ type: 'result', frameId: 3, tMs: 100, inferenceMs: 9.5, detection: { kind: 'pose', poses: [] }, liveTensors: 12 })).toBe(true);
    expect(isLandmarkerResponse({ type: 'skipped', frameId: 3, tMs: 100 })).toBe(true);
    expect(isLandmarkerResponse({ type: 'error', frameId: null, error: { code: 'wasm', url: '/wasm/x', message: 'm' } })).toBe(true);
    expect(isLandmarkerResponse({ type: 'error', frameId: 4, error: { code: 'inference', message: 'm' } })).toBe(true);
  });

  it('refuses malformed ones', () => {
    expect(isLandmarkerResponse({ type: 'ready', kind: 'hand', initMs: 1, delegate: 'CPU', fallbackReason: null })).toBe(false);
    expect(isLandmarkerResponse({ type: 'ready', kind: 'face', initMs: 1 })).toBe(false);
    expect(isLandmarkerResponse({ type: 'result', frameId: 3, tMs: 100, inferenceMs: 9.5, detection: null })).toBe(false);
    expect(isLandmarkerResponse({ type: 'result', frameId: 3, tMs: 100, detection: { kind: 'pose', poses: [] } })).toBe(false);
    expect(isLandmarkerResponse({ type: 'result', frameId: 3, tMs: 100, inferenceMs: 9.5, detection: { kind: 'pose', poses: [] }, liveTensors: 'many' })).toBe(false);
    expect(isLandmarkerResponse({ type: 'error', frameId: undefined, error: { code: 'wasm' } })).toBe(false);
    expect(isLandmarkerResponse({ type: 'error', frameId: 1, error: 'boom' })).toBe(false);
    expect(isLandmarkerResponse(undefined)).toBe(false);
  });
});

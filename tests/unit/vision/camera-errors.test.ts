import { describe, expect, it } from 'vitest';
import { cameraError } from '../../../src/vision/camera-errors';
import { cameraConstraints } from '../../../src/vision/camera-source';

describe('cameraError', () => {
  it.each([
    ['NotAllowedError', 'camera-denied'],
    ['SecurityError', 'camera-denied'],
    ['NotFoundError', 'camera-not-found'],
    ['OverconstrainedError', 'camera-not-found'],
    ['NotReadableError', 'camera-in-use'],
    ['AbortError', 'camera-in-use'],
  ] as const)('maps %s to %s and keeps the browser detail', (name, code) => {
    const error = cameraError(new DOMException('detail from the browser', name));
    expect(error.code).toBe(code);
    expect(error.message).toContain('detail from the browser');
  });
});

describe('cameraConstraints', () => {
  it('asks for 640×480 at 30 fps, user-facing, no audio by default', () => {
    expect(cameraConstraints({})).toEqual({
      audio: false,
      video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 }, facingMode: 'user' },
    });
  });

  it('asks for exactly the chosen device', () => {
    const video = cameraConstraints({ deviceId: 'cam-2', width: 1280, height: 720 }).video;
    expect(video).toMatchObject({ deviceId: { exact: 'cam-2' }, width: { ideal: 1280 }, height: { ideal: 720 } });
    expect(video).not.toHaveProperty('facingMode');
  });
});

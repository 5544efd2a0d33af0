import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CENTRE_BOX,
  DEFAULT_LIGHT_THRESHOLDS,
  LIGHT_VERDICTS,
  assessLight,
  luma,
} from '../../../../src/ui/setup/light-check';
import type { NormalisedBox } from '../../../../src/core/landmarks';

const WIDTH = 32;
const HEIGHT = 24;
const LUMA_TOLERANCE = 1e-6;

/** A grey frame with a rectangle of another grey (and optional per-pixel noise). */
function frame(background: number, subject: number, box: NormalisedBox = CENTRE_BOX, noise: (i: number) => number = () => 0): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(WIDTH * HEIGHT * 4);
  for (let row = 0; row < HEIGHT; row += 1) {
    for (let column = 0; column < WIDTH; column += 1) {
      const inside =
        column + 0.5 >= box.x * WIDTH &&
        column + 0.5 < (box.x + box.width) * WIDTH &&
        row + 0.5 >= box.y * HEIGHT &&
        row + 0.5 < (box.y + box.height) * HEIGHT;
      const index = row * WIDTH + column;
      const value = (inside ? subject : background) + noise(index);
      pixels.set([value, value, value, 255], index * 4);
    }
  }
  return pixels;
}

/** A textured frame: a checkerboard around `mean` with amplitude `amplitude`. */
function textured(mean: number, amplitude: number): Uint8ClampedArray {
  return frame(mean, mean, CENTRE_BOX, (index) => ((index + Math.floor(index / WIDTH)) % 2 === 0 ? amplitude : -amplitude));
}

describe('luma', () => {
  it('weights green most and is 255 for white', () => {
    expect(luma(255, 255, 255)).toBeCloseTo(255, 6);
    expect(luma(0, 255, 0)).toBeGreaterThan(luma(255, 0, 0));
    expect(luma(255, 0, 0)).toBeGreaterThan(luma(0, 0, 255));
  });
});

describe('assessLight', () => {
  it('measures mean and spread of luma', () => {
    const assessment = assessLight(textured(120, 30), WIDTH, HEIGHT);
    expect(assessment.meanLuma).toBeCloseTo(120, 3);
    expect(assessment.stdLuma).toBeCloseTo(30, 3);
  });

  it('calls a well-lit, textured frame ok', () => {
    expect(assessLight(textured(130, 40), WIDTH, HEIGHT).verdict).toBe(LIGHT_VERDICTS.ok);
  });

  it('calls a dark frame too dark, however textured', () => {
    const mean = DEFAULT_LIGHT_THRESHOLDS.tooDarkMeanLuma - 15;
    expect(assessLight(textured(mean, 12), WIDTH, HEIGHT).verdict).toBe(LIGHT_VERDICTS.tooDark);
  });

  it('calls a dark subject before a bright window backlit', () => {
    const assessment = assessLight(frame(230, 60), WIDTH, HEIGHT);
    expect(assessment.verdict).toBe(LIGHT_VERDICTS.backlit);
    expect(assessment.subjectLuma).toBeCloseTo(60, 6);
    expect(assessment.surroundLuma).toBeCloseTo(230, 6);
  });

  it('uses the face box when given: the same frame is fine if the face sits in the bright part', () => {
    const darkCorner: NormalisedBox = { x: 0, y: 0, width: 0.25, height: 0.25 };
    const pixels = frame(200, 40, darkCorner);
    const faceInBrightPart: NormalisedBox = { x: 0.5, y: 0.4, width: 0.3, height: 0.4 };
    expect(assessLight(pixels, WIDTH, HEIGHT, darkCorner).verdict).toBe(LIGHT_VERDICTS.backlit);
    expect(assessLight(pixels, WIDTH, HEIGHT, faceInBrightPart).verdict).not.toBe(LIGHT_VERDICTS.backlit);
  });

  it('calls a flat, uniform frame low-contrast', () => {
    expect(assessLight(frame(128, 128), WIDTH, HEIGHT).verdict).toBe(LIGHT_VERDICTS.lowContrast);
  });

  it('rejects a buffer that is too small', () => {
    expect(() => assessLight(new Uint8ClampedArray(10), WIDTH, HEIGHT)).toThrow(RangeError);
  });

  it('keeps the mean inside the range of the pixel values (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: WIDTH * HEIGHT * 4, maxLength: WIDTH * HEIGHT * 4 }), (bytes) => {
        const { meanLuma, stdLuma, subjectLuma, surroundLuma } = assessLight(bytes, WIDTH, HEIGHT);
        for (const value of [meanLuma, subjectLuma, surroundLuma]) {
          expect(value).toBeGreaterThanOrEqual(-LUMA_TOLERANCE);
          expect(value).toBeLessThanOrEqual(255 + LUMA_TOLERANCE);
        }
        expect(stdLuma).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 50 },
    );
  });
});

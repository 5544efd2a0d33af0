import type { NormalisedBox } from '../../core/landmarks';
import { stringEnum, type EnumValue } from '../../core/string-enum';

/**
 * Is the light good enough to track a face? Decided from a small downscaled RGBA frame (for
 * example 32×24, drawn by the caller), so it is cheap enough to run every half second. Pure:
 * no DOM, the pixels are passed in.
 */

export interface LightThresholds {
  /** Mean luma (0..255) below which the picture is too dark. Webcams auto-expose: real dark rooms sit below ~45. */
  readonly tooDarkMeanLuma: number;
  /** Backlit when the subject's mean luma is below this share of the surround's mean luma… */
  readonly backlitSubjectToSurround: number;
  /** …and the surround is at least this bright (a bright window behind the person). */
  readonly backlitMinSurroundLuma: number;
  /** Standard deviation of luma (0..255) below which the picture is too flat to track. */
  readonly lowContrastStdLuma: number;
}

export const DEFAULT_LIGHT_THRESHOLDS: LightThresholds = {
  tooDarkMeanLuma: 45,
  backlitSubjectToSurround: 0.55,
  backlitMinSurroundLuma: 150,
  lowContrastStdLuma: 10,
};

/** Where the subject is assumed to be when no face box is known: the middle of the picture. */
export const CENTRE_BOX: NormalisedBox = { x: 0.3, y: 0.15, width: 0.4, height: 0.6 };

export interface LightAssessment {
  readonly verdict: LightVerdict;
  /** Mean luma of the whole frame, 0..255 (Rec. 601 weights). */
  readonly meanLuma: number;
  /** Standard deviation of luma over the frame, 0..255. */
  readonly stdLuma: number;
  readonly subjectLuma: number;
  readonly surroundLuma: number;
}

/** Rec. 601 luma of an sRGB pixel (0..255). */
export function luma(red: number, green: number, blue: number): number {
  return 0.299 * red + 0.587 * green + 0.114 * blue;
}

export const LIGHT_VERDICTS = stringEnum('ok', 'tooDark', 'backlit', 'lowContrast');
export type LightVerdict = EnumValue<typeof LIGHT_VERDICTS>;

export function assessLight(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  subject: NormalisedBox = CENTRE_BOX,
  thresholds: LightThresholds = DEFAULT_LIGHT_THRESHOLDS,
): LightAssessment {
  if (width <= 0 || height <= 0 || rgba.length < width * height * 4) {
    throw new RangeError(`assessLight: ${rgba.length} values do not hold a ${width}×${height} RGBA frame`);
  }
  const left = subject.x * width;
  const right = (subject.x + subject.width) * width;
  const top = subject.y * height;
  const bottom = (subject.y + subject.height) * height;
  let sum = 0;
  let sumSquares = 0;
  let subjectSum = 0;
  let subjectCount = 0;
  for (let row = 0; row < height; row += 1) {
    for (let column = 0; column < width; column += 1) {
      const offset = (row * width + column) * 4;
      const value = luma(rgba[offset] ?? 0, rgba[offset + 1] ?? 0, rgba[offset + 2] ?? 0);
      sum += value;
      sumSquares += value * value;
      const centreX = column + 0.5;
      const centreY = row + 0.5;
      if (centreX >= left && centreX < right && centreY >= top && centreY < bottom) {
        subjectSum += value;
        subjectCount += 1;
      }
    }
  }
  const count = width * height;
  const meanLuma = sum / count;
  const stdLuma = Math.sqrt(Math.max(0, sumSquares / count - meanLuma * meanLuma));
  const surroundCount = count - subjectCount;
  const subjectLuma = subjectCount === 0 ? meanLuma : subjectSum / subjectCount;
  const surroundLuma = surroundCount === 0 ? meanLuma : (sum - subjectSum) / surroundCount;
  return {
    verdict: verdictOf(meanLuma, stdLuma, subjectLuma, surroundLuma, thresholds),
    meanLuma,
    stdLuma,
    subjectLuma,
    surroundLuma,
  };
}

function verdictOf(
  meanLuma: number,
  stdLuma: number,
  subjectLuma: number,
  surroundLuma: number,
  thresholds: LightThresholds,
): LightVerdict {
  if (meanLuma < thresholds.tooDarkMeanLuma) return LIGHT_VERDICTS.tooDark;
  if (
    surroundLuma >= thresholds.backlitMinSurroundLuma &&
    subjectLuma < thresholds.backlitSubjectToSurround * surroundLuma
  ) {
    return LIGHT_VERDICTS.backlit;
  }
  if (stdLuma < thresholds.lowContrastStdLuma) return LIGHT_VERDICTS.lowContrast;
  return LIGHT_VERDICTS.ok;
}

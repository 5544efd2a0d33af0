/**
 * How closely one body landmarker's points follow another's on the same frames (pure). Points are
 * flattened per frame as body-runs.ts gives them: x, y, z in image pixels, visibility.
 */
import { BODY_RUN_VALUES as VALUES } from '../../tools/bench/bench-spec';
import { POSE } from '../../src/core/pose-indices';
import { pairedFrames } from './paired-frames';

/** The point groups the exercises read (body-signals.ts, the head-from-body fit). */
export const BODY_GROUPS = {
  'head (nose, eyes, ears)': [POSE.nose, POSE.leftEyeInner, POSE.leftEye, POSE.leftEyeOuter, POSE.rightEyeInner, POSE.rightEye, POSE.rightEyeOuter, POSE.leftEar, POSE.rightEar],
  'mouth corners': [POSE.mouthLeft, POSE.mouthRight],
  shoulders: [POSE.leftShoulder, POSE.rightShoulder],
  'elbows, wrists': [POSE.leftElbow, POSE.rightElbow, POSE.leftWrist, POSE.rightWrist],
  hips: [POSE.leftHip, POSE.rightHip],
} as const satisfies Record<string, readonly number[]>;
export type BodyGroup = keyof typeof BODY_GROUPS;

/** A reference point counts only where the reference sees it (its visibility at least this). */
export const MIN_REFERENCE_VISIBILITY = 0.5;
/** z sign is compared where the reference puts the point at least this far (image widths) from the hips' depth. */
export const MIN_REFERENCE_DEPTH = 0.05;

export interface GroupAgreement {
  /** Mean 2-D distance, pixels, over visible reference points in frames where both found a body. */
  readonly meanPx: number;
  readonly points: number;
}

export interface BodyAgreement {
  readonly groups: Readonly<Record<BodyGroup, GroupAgreement>>;
  /** Share of compared points (all groups) whose z has the reference's sign; NaN when none. */
  readonly zSignAgreement: number;
  readonly zCompared: number;
  /** Frames where both found a body / frames where the reference did. */
  readonly coverage: number;
}

export function bodyAgreement(reference: readonly (readonly number[] | null)[], variant: readonly (readonly number[] | null)[], imageWidth: number): BodyAgreement {
  const sums = new Map<BodyGroup, { sum: number; count: number }>();
  let zSame = 0;
  let zCompared = 0;
  const { pairs, coverage } = pairedFrames(reference, variant);
  for (const [ref, other] of pairs) {
    for (const [group, indices] of Object.entries(BODY_GROUPS) as [BodyGroup, readonly number[]][]) {
      const acc = sums.get(group) ?? { sum: 0, count: 0 };
      for (const i of indices) {
        if ((ref[i * VALUES + 3] as number) < MIN_REFERENCE_VISIBILITY) continue;
        acc.sum += Math.hypot((other[i * VALUES] as number) - (ref[i * VALUES] as number), (other[i * VALUES + 1] as number) - (ref[i * VALUES + 1] as number));
        acc.count += 1;
        const refZ = ref[i * VALUES + 2] as number;
        if (Math.abs(refZ) < MIN_REFERENCE_DEPTH * imageWidth) continue;
        zCompared += 1;
        if (Math.sign(other[i * VALUES + 2] as number) === Math.sign(refZ)) zSame += 1;
      }
      sums.set(group, acc);
    }
  }
  const groups = Object.fromEntries(
    (Object.keys(BODY_GROUPS) as BodyGroup[]).map((group) => {
      const acc = sums.get(group) ?? { sum: 0, count: 0 };
      return [group, { meanPx: acc.count > 0 ? acc.sum / acc.count : Number.NaN, points: acc.count }];
    }),
  ) as Record<BodyGroup, GroupAgreement>;
  return { groups, zSignAgreement: zCompared > 0 ? zSame / zCompared : Number.NaN, zCompared, coverage };
}

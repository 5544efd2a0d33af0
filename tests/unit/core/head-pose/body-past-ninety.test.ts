import { describe, expect, it } from 'vitest';
import { anglesToMatrix, rotationToAngles } from '../../../../src/core/geometry/euler';
import type { HeadAngles } from '../../../../src/core/head-pose/head-angles';
import { HeadPoseEstimator } from '../../../../src/core/head-pose/estimate-head-pose';
import { HeadPoseTracker } from '../../../../src/core/head-pose/head-pose-tracker';
import { syntheticBody, syntheticFace, syntheticFrame } from './synthetic-subject';

const FRAME_MS = 1000 / 30;

/** What a rotation reader gives for a head at `yawDeg`: rotationToAngles keeps |yaw| ≤ 90°, so past 90° the twin. */
function asReadDeg(yawDeg: number): HeadAngles {
  return rotationToAngles(anglesToMatrix({ yawDeg, pitchDeg: 0, rollDeg: 0 }));
}

/** Head yaw at frame k: 1.5 s at rest, a 1 s turn to −96°, held. */
function headYaw(k: number): number {
  return k < 45 ? 0 : Math.max(-96, (-96 * (k - 45)) / 30);
}

describe('HeadPoseTracker: a body reading past 90° after the face is lost', () => {
  // The face's matrix reads the head at rest as turned by `gapDeg` where the body reads 0 (off the
  // camera's axis the matrix holds part of the ray: 12.5° on the rendered scan 0.48 m off at 1 m).
  it.each([4, 12.5])('carries a %s° face − body gap learned at rest the right way (the head at −96° reads −96° + gap)', (gapDeg) => {
    let k = 0;
    const tracker = new HeadPoseTracker({ body: () => () => ({ angles: asReadDeg(headYaw(k)), confidence: 0.8 }) });
    let last: HeadAngles | null = null;
    for (k = 0; k < 120; k += 1) {
      const head: HeadAngles = { yawDeg: headYaw(k), pitchDeg: 0, rollDeg: 0 };
      const faces = k < 45 ? [syntheticFace({ head }, { matrixYaw: (yaw) => yaw + gapDeg })] : [];
      last = tracker.update(syntheticFrame(k * FRAME_MS, faces, [syntheticBody({ head })])).head;
    }
    expect(Math.abs(asReadDeg(-96).pitchDeg)).toBeCloseTo(180, 6);
    expect(last?.yawDeg).toBeCloseTo(-96 + gapDeg, 0);
  });
});

describe('HeadPoseEstimator: the body\'s twin', () => {
  const scripted = (angles: HeadAngles) => new HeadPoseEstimator({ body: () => () => ({ angles, confidence: 0.8 }) });

  it('reads the body upright beside an upright face', () => {
    const face = syntheticFace({ head: { yawDeg: -60, pitchDeg: 0, rollDeg: 0 } });
    const { body } = scripted(asReadDeg(-96)).parts(syntheticFrame(0, [face], [syntheticBody({ head: { yawDeg: -60, pitchDeg: 0, rollDeg: 0 } })]));
    expect(body?.angles.yawDeg).toBeCloseTo(-96, 6);
  });

  it('leaves the body as read beside a face lying on its side (no upright twin to prefer)', () => {
    // Lying on the back, seen from the side: the face reads roll near −90°.
    const lying: HeadAngles = { yawDeg: 60, pitchDeg: 0, rollDeg: -87 };
    const read: HeadAngles = { yawDeg: 60, pitchDeg: -126, rollDeg: -177 };
    const face = syntheticFace({ head: lying });
    const { body } = scripted(read).parts(syntheticFrame(0, [face], [syntheticBody({ head: lying })]));
    expect(body?.angles).toEqual(read);
  });
});

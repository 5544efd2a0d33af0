import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../support/shared-fixtures';
import { SCAN_DIR, scanReady, useScanBrowser } from './support/scan-browser';
import { neckRiseDeg, torsoRiseDeg } from '../../src/core/reps/body-signals';
import { supineHandsPlaced } from '../../src/core/reps/placements';
import { POSE } from '../../src/core/pose-indices';
import type { FramePose } from '../../tools/clipgen/clipgen-api';
import type { ArmPose } from '../../tools/clipgen/core/arm-pose';
import { BODY_AT_REST, type BodyPose } from '../../tools/clipgen/core/body-timeline';

/**
 * The scan's body lying on its back, from the side (docs/clipgen.md): MediaPipe's pose landmarker
 * (`full`, the analyzer's) finds a lying person, reads the torso's rise and the head's raise as
 * the lying exercises do, and sees the hands on the stomach and chest (fresh landmarkers, 3 frames);
 * face down with the camera moved to the subject's right (`camera.side`) it sees the body mirrored.
 */
const POSE_MODEL = path.join(REPO_ROOT, 'models/pose_landmarker_full.task');
const READY = scanReady(POSE_MODEL);
if (!READY) console.warn(`clipgen-lying.spec: skipped, needs the scan in ${SCAN_DIR} and ${POSE_MODEL}`);
const ASPECT = 4 / 3;

function lying(arms: ArmPose, body: Partial<BodyPose> = {}, neckPitchDeg = 0): FramePose {
  return { yawDeg: 0, pitchDeg: neckPitchDeg, rollDeg: 0, arms, body: { ...BODY_AT_REST, ...body }, tMs: 0 };
}

test.describe('clip generator: lying on the back, seen from the side', () => {
  test.skip(!READY, 'needs ../shared/assets/head-scan and models/pose_landmarker_full.task');
  const browser = useScanBrowser({ distanceM: 2, heightM: 0.5, offsetM: 0 }, 'supine');

  const landmarks = async (pose: FramePose) => {
    const m = await browser().measure(pose, { withPose: true, frames: 3, fresh: true });
    if (m.poseLandmarks === null) throw new Error('no person found');
    return m.poseLandmarks;
  };

  test('the torso rises about the hips and the head lifts off the floor, as the counters read them', async () => {
    const flat = await landmarks(lying('hands-on-floor'));
    const risen = await landmarks(lying('hands-on-floor', { torsoRiseDeg: 40 }));
    const raised = await landmarks(lying('hands-on-floor', {}, -35));
    const flatTorso = torsoRiseDeg(flat, ASPECT) ?? 99;
    expect(Math.abs(flatTorso)).toBeLessThan(6);
    // The rise counts from 20° (src/core/protocol); a 40° rise reads well above it.
    expect((torsoRiseDeg(risen, ASPECT) ?? 0) - flatTorso).toBeGreaterThan(28);
    // The head's raise counts from 10°; the torso stays down meanwhile.
    expect((neckRiseDeg(raised, ASPECT) ?? 0) - (neckRiseDeg(flat, ASPECT) ?? 99)).toBeGreaterThan(12);
    expect(Math.abs((torsoRiseDeg(raised, ASPECT) ?? 99) - flatTorso)).toBeLessThan(5);
  });

  test('hands on the stomach and chest are placed; palms on the floor are not', async () => {
    expect(supineHandsPlaced(await landmarks(lying('hands-on-torso', { breathCm: 2 })), ASPECT).ok).toBe(true);
    expect(supineHandsPlaced(await landmarks(lying('hands-on-floor')), ASPECT).ok).toBe(false);
  });
});

test.describe('clip generator: face down, the camera at the subject\'s right', () => {
  test.skip(!READY, 'needs ../shared/assets/head-scan and models/pose_landmarker_full.task');
  // The 1.2 m placement of fixtures/trajectories/prone-views, where MediaPipe finds the body face down.
  const browser = useScanBrowser({ distanceM: 1.2, heightM: 0.4, offsetM: -0.75, side: 'right' }, 'prone');

  test('the head lies toward the image\'s right, and a turn toward the camera drops the left ear below the right', async () => {
    const turned = await browser().measure({ ...lying('arms-out-on-floor'), yawDeg: -80 }, { withPose: true, frames: 3, fresh: true });
    const pose = turned.poseLandmarks;
    if (pose === null) throw new Error('no person found');
    const at = (i: number): { x: number; y: number } => pose[i] ?? { x: Number.NaN, y: Number.NaN };
    expect(at(POSE.nose).x).toBeGreaterThan(at(POSE.rightShoulder).x);
    expect(at(POSE.rightShoulder).x).toBeGreaterThan(at(POSE.rightHip).x);
    // The far ear toward the floor: lower in the image by a good part of the near shoulder–ear distance.
    const near = at(POSE.rightEar);
    const shoulder = at(POSE.rightShoulder);
    const scale = Math.hypot((shoulder.x - near.x) * ASPECT, shoulder.y - near.y);
    expect((at(POSE.leftEar).y - near.y) / scale).toBeGreaterThan(0.25);
  });
});

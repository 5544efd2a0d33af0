/**
 * `npm run check:lying-pose -- [--scan-dir DIR]`: does the scan's body lying on its back, seen
 * from the side, look like a lying person to MediaPipe's pose landmarker (`full`, the analyzer's
 * model; fresh, 3 frames of one still)? For each lying pose and camera it prints, per landmark on
 * the camera's side (the subject's right), the pixel distance to the rendered joint's projection and
 * the visibility, the far side's visibility, and the lying exercises' readings (torso rise, neck
 * rise: src/core/reps/body-signals.ts) on the landmarks against the truth. See docs/clipgen.md.
 */
import { anglesToMatrix } from '../src/core/geometry/euler';
import type { Landmark } from '../src/core/landmarks';
import { POSE } from '../src/core/pose-indices';
import { neckRiseDeg, torsoRiseDeg } from '../src/core/reps/body-signals';
import { supineHandsPlaced } from '../src/core/reps/placements';
import type { FramePose } from '../tools/clipgen/clipgen-api';
import type { ArmPose } from '../tools/clipgen/core/arm-pose';
import { BODY_AT_REST } from '../tools/clipgen/core/body-timeline';
import type { WorldPoint } from '../tools/clipgen/core/camera-rig';
import { median } from '../tools/clipgen/core/clip-scoring';
import { LYING_BODY } from '../tools/clipgen/core/lying-rig';
import { lyingTruth, SCAN_EAR } from '../tools/clipgen/core/lying-truth';
import { onHead, scanArm } from '../tools/clipgen/core/scan-arms';
import { SCAN_BODY, onSide } from '../tools/clipgen/core/scan-body';
import { projectLyingPoint } from '../tools/clipgen/core/scan-projection';
import type { ScanCamera } from '../tools/clipgen/core/scan-rig';
import { CLIP_HEIGHT, CLIP_WIDTH } from '../tools/clipgen/core/trajectory';
import { ClipBrowser, DEFAULT_SCAN_DIR } from '../tools/clipgen/node/clip-browser';
import { runScript } from '../tools/node/run-script';

interface Case {
  readonly name: string;
  readonly arms: ArmPose;
  readonly neckPitchDeg?: number;
  readonly torsoRiseDeg?: number;
  readonly breathCm?: number;
  readonly camera?: ScanCamera;
}

const CAMERA: ScanCamera = { distanceM: 2, heightM: 0.5, offsetM: 0 };
const CASES: readonly Case[] = [
  { name: 'flat, hands on the floor', arms: 'hands-on-floor' },
  { name: 'flat, hands on stomach and chest', arms: 'hands-on-torso' },
  { name: 'breath in 2 cm, hands on the torso', arms: 'hands-on-torso', breathCm: 2 },
  { name: 'torso risen 20°', arms: 'hands-on-floor', torsoRiseDeg: 20 },
  { name: 'torso risen 40°', arms: 'hands-on-floor', torsoRiseDeg: 40 },
  { name: 'head raised (neck −20°)', arms: 'hands-on-floor', neckPitchDeg: -20 },
  { name: 'head raised (neck −35°)', arms: 'hands-on-floor', neckPitchDeg: -35 },
  { name: 'flat, camera 1.5 m, 0.3 m high', arms: 'hands-on-floor', camera: { distanceM: 1.5, heightM: 0.3, offsetM: 0 } },
  { name: 'flat, camera 2.5 m, 0.8 m high', arms: 'hands-on-floor', camera: { distanceM: 2.5, heightM: 0.8, offsetM: 0 } },
];

/** The camera's side is the subject's right: MediaPipe's right landmarks, the model's −x. */
const NEAR = -1;
const JOINTS = ['ear', 'shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle'] as const;
type Joint = (typeof JOINTS)[number];
const LANDMARK: Readonly<Record<Joint, { near: number; far: number }>> = {
  ear: { near: POSE.rightEar, far: POSE.leftEar },
  shoulder: { near: POSE.rightShoulder, far: POSE.leftShoulder },
  elbow: { near: POSE.rightElbow, far: POSE.leftElbow },
  wrist: { near: POSE.rightWrist, far: POSE.leftWrist },
  hip: { near: POSE.rightHip, far: POSE.leftHip },
  knee: { near: POSE.rightKnee, far: POSE.leftKnee },
  ankle: { near: POSE.rightAnkle, far: POSE.leftAnkle },
};

/** The rendered joint (model units) and whether it moves with the risen torso. */
function renderedJoint(joint: Joint, c: Case): { at: WorldPoint; withTorso: boolean } {
  const neck = anglesToMatrix({ yawDeg: 0, pitchDeg: c.neckPitchDeg ?? 0, rollDeg: 0 });
  const arm = scanArm({ ...BODY_AT_REST, torsoRiseDeg: c.torsoRiseDeg ?? 0, breathCm: c.breathCm ?? 0, arms: c.arms, tMs: 0 }, 'right', neck);
  switch (joint) {
    case 'ear':
      return { at: onHead(onSide(SCAN_EAR, NEAR), neck), withTorso: true };
    case 'shoulder':
      return { at: onSide(SCAN_BODY.shoulderJoint, NEAR), withTorso: true };
    case 'elbow':
      return { at: arm.elbow, withTorso: true };
    case 'wrist':
      return { at: arm.wrist, withTorso: true };
    default:
      return { at: onSide(LYING_BODY[joint], NEAR), withTorso: false };
  }
}

const f1 = (v: number | null | undefined): string => (v === null || v === undefined ? 'n/a' : v.toFixed(1));

async function main(): Promise<number> {
  const dirFlag = process.argv.indexOf('--scan-dir');
  const dir = dirFlag >= 0 ? (process.argv[dirFlag + 1] ?? DEFAULT_SCAN_DIR) : DEFAULT_SCAN_DIR;
  const browser = await ClipBrowser.startScan(dir);
  const errors: Record<Joint, number[]> = { ear: [], shoulder: [], elbow: [], wrist: [], hip: [], knee: [], ankle: [] };
  const aspect = CLIP_WIDTH / CLIP_HEIGHT;
  try {
    process.stdout.write(`| pose | found | ${JOINTS.join(' | ')} | torso rise (truth) | neck rise (truth) | hands placed |\n|${'---|'.repeat(JOINTS.length + 5)}\n`);
    for (const c of CASES) {
      const camera = c.camera ?? CAMERA;
      await browser.setScanView(camera, 'soft-front', 'supine');
      const body = { ...BODY_AT_REST, torsoRiseDeg: c.torsoRiseDeg ?? 0, breathCm: c.breathCm ?? 0 };
      const neck = { yawDeg: 0, pitchDeg: c.neckPitchDeg ?? 0, rollDeg: 0 };
      const pose: FramePose = { ...neck, arms: c.arms, body, tMs: 0 };
      const measured = await browser.measure(pose, { withPose: true, frames: 3, fresh: true });
      const landmarks: readonly Landmark[] = measured.poseLandmarks ?? [];
      const cells = JOINTS.map((joint) => {
        const near = landmarks[LANDMARK[joint].near];
        const far = landmarks[LANDMARK[joint].far];
        if (near === undefined) return 'not found';
        const rendered = renderedJoint(joint, c);
        const at = projectLyingPoint(rendered.at, rendered.withTorso ? body.torsoRiseDeg : 0, camera, CLIP_WIDTH, CLIP_HEIGHT);
        const error = Math.hypot(near.x * CLIP_WIDTH - at.x, near.y * CLIP_HEIGHT - at.y);
        errors[joint].push(error);
        return `${error.toFixed(1)} px (${(near.visibility ?? 0).toFixed(2)}; far ${(far?.visibility ?? 0).toFixed(2)})`;
      });
      const truth = lyingTruth(neck, body);
      const placed = landmarks.length === 0 ? 'n/a' : supineHandsPlaced(landmarks, aspect).ok ? 'yes' : 'no';
      process.stdout.write(
        `| ${c.name} | ${measured.poseFound === true ? 'yes' : 'no'} | ${cells.join(' | ')} | ${f1(torsoRiseDeg(landmarks, aspect))}° (${f1(truth.torsoRiseDeg)}°) | ${f1(neckRiseDeg(landmarks, aspect))}° (${f1(truth.neckRiseDeg)}°) | ${placed} |\n`,
      );
    }
  } finally {
    await browser.close();
  }
  for (const joint of JOINTS) {
    const e = errors[joint];
    process.stdout.write(`${joint}: median ${f1(median(e))} px, max ${f1(e.length === 0 ? null : Math.max(...e))} px over ${e.length} poses\n`);
  }
  return 0;
}

runScript('check:lying-pose', main);

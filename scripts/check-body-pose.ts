/**
 * `npm run check:body-pose -- [--scan-dir DIR]`: does the scan's rendered body look to MediaPipe's
 * pose landmarker (`full`, the analyzer's model; fresh, 3 frames of one still) as it is rendered?
 * For each arm pose it renders one frame and prints, per shoulder, elbow and wrist, the pixel
 * distance between the landmark and the rendered joint's projection (and the landmark's visibility),
 * then the median and largest error per joint over all poses. See docs/clipgen.md.
 */
import { anglesToMatrix } from '../src/core/geometry/euler';
import { POSE } from '../src/core/pose-indices';
import type { FramePose } from '../tools/clipgen/clipgen-api';
import { BODY_SIDES, type ArmPose } from '../tools/clipgen/core/arm-pose';
import { BODY_AT_REST } from '../tools/clipgen/core/body-timeline';
import { median } from '../tools/clipgen/core/clip-scoring';
import { scanArm } from '../tools/clipgen/core/scan-arms';
import { projectScanPoint } from '../tools/clipgen/core/scan-projection';
import { CLIP_HEIGHT, CLIP_WIDTH } from '../tools/clipgen/core/trajectory';
import { ClipBrowser, DEFAULT_SCAN_DIR } from '../tools/clipgen/node/clip-browser';
import { runScript } from '../tools/node/run-script';

interface Case {
  readonly name: string;
  readonly arms: ArmPose;
  readonly elevationCm?: number;
  readonly protractionCm?: number;
  readonly elbowFlexionDeg?: number;
  readonly rollDeg?: number;
  readonly distanceM?: number;
}

const CASES: readonly Case[] = [
  { name: 'arms hanging', arms: 'rest' },
  { name: 'shrug 7 cm', arms: 'rest', elevationCm: 7 },
  { name: 'shoulders forward 7 cm', arms: 'rest', protractionCm: 7 },
  { name: 'shoulders back 7 cm', arms: 'rest', protractionCm: -7 },
  { name: 'arms out', arms: 'arms-out', distanceM: 1.4 },
  { name: 'biceps 45°', arms: 'arms-flexed', elbowFlexionDeg: 45 },
  { name: 'biceps 90°', arms: 'arms-flexed', elbowFlexionDeg: 90 },
  { name: 'palm on the forehead', arms: 'palm-on-forehead' },
  { name: 'both palms on the forehead', arms: 'palms-on-forehead' },
  { name: 'palm on the left temple', arms: 'palm-on-left-temple' },
  { name: 'palm on the right temple', arms: 'palm-on-right-temple' },
  { name: 'hands at the neck', arms: 'hands-at-neck' },
  { name: 'left hand over the head, tilt 20°', arms: 'left-hand-over-head', rollDeg: 20 },
  { name: 'hands on the shoulders', arms: 'hands-on-shoulders' },
  { name: 'shoulder circle, top', arms: 'hands-on-shoulders', elevationCm: 3 },
  { name: 'shoulder circle, front', arms: 'hands-on-shoulders', protractionCm: 3 },
  { name: 'hands behind the head', arms: 'hands-behind-head' },
];
const JOINTS = ['shoulder', 'elbow', 'wrist'] as const;
const LANDMARK = {
  left: { shoulder: POSE.leftShoulder, elbow: POSE.leftElbow, wrist: POSE.leftWrist },
  right: { shoulder: POSE.rightShoulder, elbow: POSE.rightElbow, wrist: POSE.rightWrist },
} as const;

async function main(): Promise<number> {
  const dirFlag = process.argv.indexOf('--scan-dir');
  const dir = dirFlag >= 0 ? (process.argv[dirFlag + 1] ?? DEFAULT_SCAN_DIR) : DEFAULT_SCAN_DIR;
  const browser = await ClipBrowser.startScan(dir);
  const errors: Record<(typeof JOINTS)[number], number[]> = { shoulder: [], elbow: [], wrist: [] };
  try {
    process.stdout.write('| pose | joint | left: error px (visibility) | right: error px (visibility) |\n|---|---|---|---|\n');
    for (const c of CASES) {
      const camera = { distanceM: c.distanceM ?? 1.1, heightM: 0.1, offsetM: 0 };
      await browser.setScanView(camera, 'soft-front');
      const neck = { yawDeg: 0, pitchDeg: 0, rollDeg: c.rollDeg ?? 0 };
      const body = { ...BODY_AT_REST, elevationCm: c.elevationCm ?? 0, protractionCm: c.protractionCm ?? 0, elbowFlexionDeg: c.elbowFlexionDeg ?? 0 };
      const pose: FramePose = { ...neck, arms: c.arms, body, tMs: 0 };
      const measured = await browser.measure(pose, { withPose: true, frames: 3, fresh: true });
      const landmarks = measured.poseLandmarks;
      for (const joint of JOINTS) {
        const cells = BODY_SIDES.map((side) => {
          const rendered = scanArm({ ...body, arms: c.arms, tMs: 0 }, side, anglesToMatrix(neck))[joint];
          const at = projectScanPoint(rendered, camera, CLIP_WIDTH, CLIP_HEIGHT);
          const inFrame = at.x >= 0 && at.x < CLIP_WIDTH && at.y >= 0 && at.y < CLIP_HEIGHT;
          const lm = landmarks?.[LANDMARK[side][joint]];
          if (lm === undefined) return 'not found';
          const error = Math.hypot(lm.x * CLIP_WIDTH - at.x, lm.y * CLIP_HEIGHT - at.y);
          if (inFrame) errors[joint].push(error);
          return `${error.toFixed(1)}${inFrame ? '' : ' (out of frame)'} (${(lm.visibility ?? 0).toFixed(2)})`;
        });
        process.stdout.write(`| ${c.name} | ${joint} | ${cells.join(' | ')} |\n`);
      }
    }
  } finally {
    await browser.close();
  }
  for (const joint of JOINTS) {
    const e = errors[joint];
    process.stdout.write(`${joint}: median ${median(e)?.toFixed(1)} px, max ${Math.max(...e).toFixed(1)} px over ${e.length} joints in the frame\n`);
  }
  return 0;
}

runScript('check:body-pose', main);

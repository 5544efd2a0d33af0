import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { AtlasBenchApi } from '../../tools/bench/bench-page';
import { BODY_RUN_VALUES, type BenchBackend } from '../../tools/bench/bench-spec';
import type { ImageDetectionSummary } from '../../tools/bench/image-detection';
import { POSE } from '../../src/core/pose-indices';
import type { BackendId } from '../../src/vision/backend-choice';
import { bodyAgreement, type BodyGroup } from '../../scripts/bench/body-agreement';
import { PORTRAIT_PHOTO, POSE_PHOTO, SHARED_FIXTURES } from '../support/shared-fixtures';

const PEOPLE_PHOTO = path.join(SHARED_FIXTURES, 'images/shared__three_people.jpg');
const HAVE_PHOTOS = existsSync(POSE_PHOTO) && existsSync(PORTRAIT_PHOTO) && existsSync(PEOPLE_PHOTO);
if (!HAVE_PHOTOS) console.warn(`tfjs-backend.spec: skipped, ${POSE_PHOTO}, ${PORTRAIT_PHOTO} or ${PEOPLE_PHOTO} is absent (../shared/fixtures is not on this machine)`);

/**
 * BlazePose on TF.js and MediaPipe's pose landmarker run the same networks (lite on TF.js, the
 * app's MediaPipe default here) through different crops and resamplers: each point within this
 * of MediaPipe's, in image widths/heights.
 */
const POINT_TOLERANCE = 0.04;
/** The two face meshes' boxes overlap by at least this (intersection over union). */
const MIN_FACE_BOX_IOU = 0.6;
/** The points the exercises read: head, mouth corners, shoulders, elbows, wrists, hips. */
const CHECKED_BODY_POINTS = [
  POSE.nose,
  POSE.leftEar,
  POSE.rightEar,
  POSE.mouthLeft,
  POSE.mouthRight,
  POSE.leftShoulder,
  POSE.rightShoulder,
  POSE.leftElbow,
  POSE.rightElbow,
  POSE.leftWrist,
  POSE.rightWrist,
  POSE.leftHip,
  POSE.rightHip,
] as const;
/** Of the checked points MediaPipe puts nearer/farther than the hips, at least this share on the same side on TF.js. */
const MIN_Z_SIGN_AGREEMENT = 0.8;

async function openBenchPage(page: Page): Promise<void> {
  for (const [route, file] of [['**/__e2e/pose.jpg', POSE_PHOTO], ['**/__e2e/face.jpg', PORTRAIT_PHOTO], ['**/__e2e/people.jpg', PEOPLE_PHOTO]] as const) {
    await page.route(route, (r) => r.fulfill({ status: 200, contentType: 'image/jpeg', body: readFileSync(file) }));
  }
  await page.goto('/bench.html');
  await page.waitForFunction(() => document.body.dataset.benchReady === 'true');
}

function detect(page: Page, url: string, backend: BenchBackend): Promise<ImageDetectionSummary> {
  return page.evaluate(([u, b]) => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).detectImage(u, b), [url, backend] as const);
}

/** One photo through both backends on the bench page. */
async function detectOnBoth(page: Page, url: string): Promise<{ tfjs: ImageDetectionSummary; mediapipe: ImageDetectionSummary }> {
  await openBenchPage(page);
  return { tfjs: await detect(page, url, 'tfjs'), mediapipe: await detect(page, url, 'mediapipe') };
}

type Box = ImageDetectionSummary['faces'][number]['box'];
function iou(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX));
  const h = Math.max(0, Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY));
  const area = (r: Box): number => (r.maxX - r.minX) * (r.maxY - r.minY);
  return (w * h) / (area(a) + area(b) - w * h);
}

test.describe('TF.js backend on real photos', () => {
  test.skip(!HAVE_PHOTOS, 'needs ../shared/fixtures/images');

  test('finds the body as MediaPipe does: 33 points with mouth corners, depth and world landmarks, where MediaPipe puts them', async ({ page }) => {
    const { tfjs, mediapipe } = await detectOnBoth(page, '/__e2e/pose.jpg');
    expect(tfjs.poses).toHaveLength(1);
    expect(mediapipe.poses.length).toBeGreaterThanOrEqual(1);
    const ours = tfjs.poses[0]!;
    const theirs = mediapipe.poses[0]!;
    expect(ours.points).toBe(33);
    expect(ours.world).toBe(true);
    let sameSide = 0;
    let signed = 0;
    for (const index of CHECKED_BODY_POINTS) {
      expect(ours.visible, `point ${index} visible`).toContain(index);
      const [x, y] = ours.points2d[index]!;
      const [mx, my] = theirs.points2d[index]!;
      expect(Math.abs(x - mx), `point ${index} x`).toBeLessThan(POINT_TOLERANCE);
      expect(Math.abs(y - my), `point ${index} y`).toBeLessThan(POINT_TOLERANCE);
      const theirZ = theirs.z[index]!;
      if (Math.abs(theirZ) < 0.05) continue;
      signed += 1;
      if (Math.sign(ours.z[index]!) === Math.sign(theirZ)) sameSide += 1;
    }
    // Depth is there and says the same as MediaPipe's.
    expect(ours.z.some((z) => Math.abs(z) > 0.05)).toBe(true);
    expect(signed).toBeGreaterThan(0);
    expect(sameSide / signed).toBeGreaterThanOrEqual(MIN_Z_SIGN_AGREEMENT);
  });

  test('finds the face as 478 points without a matrix, over the face MediaPipe finds', async ({ page }) => {
    const { tfjs, mediapipe } = await detectOnBoth(page, '/__e2e/face.jpg');
    expect(tfjs.faces).toHaveLength(1);
    expect(mediapipe.faces.length).toBeGreaterThanOrEqual(1);
    expect(tfjs.faces[0]!.points).toBe(478);
    expect(tfjs.faces[0]!.matrix).toBe(false);
    expect(iou(tfjs.faces[0]!.box, mediapipe.faces[0]!.box)).toBeGreaterThan(MIN_FACE_BOX_IOU);
  });

  test('sees a second person: two faces, on two different people, where three stand', async ({ page }) => {
    await openBenchPage(page);
    const tfjs = await detect(page, '/__e2e/people.jpg', 'tfjs');
    expect(tfjs.faces).toHaveLength(2);
    expect(tfjs.faces.every((f) => f.points === 478)).toBe(true);
    expect(iou(tfjs.faces[0]!.box, tfjs.faces[1]!.box)).toBe(0);
  });

  test('the first-run probe starts both backends and chooses one', async ({ page }) => {
    await openBenchPage(page);
    const candidates: BackendId[] = ['mediapipe-lite', 'tfjs'];
    const report = await page.evaluate((c) => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).probe('/__e2e/pose.jpg', c), candidates);
    expect(report.trials.map((t) => [t.id, t.started])).toEqual([
      ['mediapipe-lite', true],
      ['tfjs', true],
    ]);
    expect(candidates).toContain(report.choice.id);
  });
});

const WEBCAM_CLIP = path.join(SHARED_FIXTURES, 'video/webcam/capture5.mp4');
const HAVE_WEBCAM_CLIP = existsSync(WEBCAM_CLIP);
if (!HAVE_WEBCAM_CLIP) console.warn(`tfjs-backend.spec: clip test skipped, ${WEBCAM_CLIP} is absent (../shared/fixtures is not on this machine)`);
const CLIP_FRAMES = 40;
/**
 * TF.js BlazePose against MediaPipe pose lite on the same 640×480 frames, mean px per group: within
 * about twice what npm run bench:body measures over all shared clips (docs/performance.md), as the
 * two runtimes crop and resample differently; MoveNet's stand-in mouth corners were ~55 px off.
 */
const MAX_GROUP_PX: Readonly<Partial<Record<BodyGroup, number>>> = { 'head (nose, eyes, ears)': 20, 'mouth corners': 25, shoulders: 45 };
const MIN_CLIP_Z_SIGN_AGREEMENT = 0.9;

test.describe('TF.js backend on a webcam clip', () => {
  test.skip(!HAVE_WEBCAM_CLIP, `needs ${WEBCAM_CLIP}`);
  test.setTimeout(180_000);

  test('gives mouth corners, depth and world landmarks in the worker, frame after frame, where MediaPipe puts them', async ({ page }) => {
    await page.route('**/__e2e/clip.mp4', (r) => r.fulfill({ status: 200, contentType: 'video/mp4', body: readFileSync(WEBCAM_CLIP) }));
    await page.goto('/bench.html');
    await page.waitForFunction(() => document.body.dataset.benchReady === 'true');
    await page.evaluate((n) => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).loadFrames('/__e2e/clip.mp4', n, 640, 480), CLIP_FRAMES);
    const [mediapipe, tfjs] = await page.evaluate(() => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).bodyRuns(['mediapipe-lite', 'tfjs']));
    expect(tfjs!.points.every((p) => p !== null)).toBe(true);
    expect(tfjs!.world.every(Boolean)).toBe(true);
    for (const points of tfjs!.points) {
      // Mouth corners seen (visibility), not stand-ins; z non-zero.
      for (const index of [POSE.mouthLeft, POSE.mouthRight]) expect(points![index * BODY_RUN_VALUES + 3]).toBeGreaterThan(0.5);
      expect(points!.some((_, i) => i % BODY_RUN_VALUES === 2 && Math.abs(points![i]!) > 10)).toBe(true);
    }
    const agreement = bodyAgreement(mediapipe!.points, tfjs!.points, mediapipe!.imageWidth);
    console.log(`tfjs-backend.spec: clip agreement ${JSON.stringify(agreement)}`);
    expect(agreement.coverage).toBe(1);
    for (const [group, max] of Object.entries(MAX_GROUP_PX) as [BodyGroup, number][]) {
      expect(agreement.groups[group].points, group).toBeGreaterThan(0);
      expect(agreement.groups[group].meanPx, group).toBeLessThan(max);
    }
    expect(agreement.zCompared).toBeGreaterThan(0);
    expect(agreement.zSignAgreement).toBeGreaterThanOrEqual(MIN_CLIP_Z_SIGN_AGREEMENT);
  });
});

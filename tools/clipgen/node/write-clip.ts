import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { buildGroundTruth, type GroundTruth, type GroundTruthFrame } from '../core/ground-truth';
import type { FramePose } from '../clipgen-api';
import { parseTrajectory, type Trajectory } from '../core/trajectory';
import { i420Size, y4mHeader, Y4M_FRAME_MARKER } from '../core/y4m';
import type { ClipBrowser, SubjectSource } from './clip-browser';
import { renderKey } from './render-key';

/** Frames rendered per call into the page (about 0.5 MB each as I420). */
const FRAMES_PER_BATCH = 15;

/** The ground-truth file, with what produced it (so a cache can tell whether it is stale). */
export interface ClipRecord extends GroundTruth {
  /** `photo`: the photo's file name, or the scan's mesh file name for the scan subject. */
  readonly render: { readonly key: string; readonly photo: string; readonly clip: string };
}

export interface ClipPaths {
  readonly y4m: string;
  readonly truth: string;
}

export function clipPaths(outDir: string, trajectoryId: string): ClipPaths {
  return { y4m: path.join(outDir, `${trajectoryId}.y4m`), truth: path.join(outDir, `${trajectoryId}.truth.json`) };
}

export function readTrajectoryFile(file: string): { trajectory: Trajectory; text: string } {
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return { trajectory: parseTrajectory(json), text };
}

/** The cached record when its clip exists and was made from the same inputs, else null. */
export function cachedClip(outDir: string, trajectoryId: string, key: string): ClipRecord | null {
  const paths = clipPaths(outDir, trajectoryId);
  if (!existsSync(paths.y4m) || !existsSync(paths.truth)) return null;
  try {
    const record = JSON.parse(readFileSync(paths.truth, 'utf8')) as ClipRecord;
    return record.render?.key === key ? record : null;
  } catch {
    return null;
  }
}

/** What the page renders for a truth frame: the neck, the arms, the trunk and (scan with a body) the body. */
export function framePose(f: GroundTruthFrame): FramePose {
  const pose: FramePose = { ...f.neck, arms: f.arms, trunkYawDeg: f.trunkYawDeg };
  if (f.body === null) return pose;
  const { elevationCm, protractionCm, elbowFlexionDeg, torsoRiseDeg, breathCm } = f.body;
  return { ...pose, body: { elevationCm, protractionCm, elbowFlexionDeg, torsoRiseDeg, breathCm }, tMs: f.tMs };
}

/**
 * Renders every frame of a trajectory into `outDir`: `<id>.y4m` and `<id>.truth.json`. The browser
 * must show the trajectory's subject (ClipBrowser.start for photo, startScan for scan).
 */
export async function writeClip(browser: ClipBrowser, trajectory: Trajectory, trajectoryText: string, subject: SubjectSource, outDir: string): Promise<ClipRecord> {
  if (subject.kind !== trajectory.subject) throw new Error(`${trajectory.id}: a ${trajectory.subject} trajectory given a ${subject.kind} subject`);
  mkdirSync(outDir, { recursive: true });
  const truth = buildGroundTruth(trajectory);
  if (trajectory.subject === 'scan') await browser.setScanView(trajectory.camera, trajectory.lighting, trajectory.position);
  const paths = clipPaths(outDir, trajectory.id);
  // Written under a temporary name first: an interrupted run never leaves a clip that looks complete.
  const partial = `${paths.y4m}.partial`;
  const fd = openSync(partial, 'w');
  try {
    writeSync(fd, y4mHeader({ width: truth.width, height: truth.height, fps: truth.fps }));
    const size = i420Size(truth.width, truth.height);
    for (let first = 0; first < truth.frames.length; first += FRAMES_PER_BATCH) {
      const batch = truth.frames.slice(first, first + FRAMES_PER_BATCH);
      // The renderer turns the neck (head relative to the trunk) and the trunk.
      const yuv = await browser.renderI420(batch.map(framePose));
      for (let i = 0; i < batch.length; i++) {
        writeSync(fd, Y4M_FRAME_MARKER);
        writeSync(fd, yuv.subarray(i * size, (i + 1) * size));
      }
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, paths.y4m);
  const record: ClipRecord = {
    ...truth,
    render: {
      key: renderKey(trajectoryText, subject),
      photo: subject.kind === 'photo' ? path.basename(subject.path) : 'LeePerrySmith.glb',
      clip: path.basename(paths.y4m),
    },
  };
  writeFileSync(paths.truth, `${JSON.stringify(record, null, 1)}\n`);
  return record;
}

import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { ArmPose } from './arm-pose';
import { headInCamera, scanCameraPose, type ScanCamera } from './scan-rig';
import { buildTimeline, isHeadMotion, type RepMotion, type Timeline } from './timeline';
import { CLIP_HEIGHT, CLIP_WIDTH, hasBody, type RepSide, type ScanLighting, type Subject, type Tempo, type Trajectory } from './trajectory';
import { CHANNEL_KEY, type BodyPose } from './body-timeline';
import { bodyTruth, type BodyTruth } from './body-truth';
import { floorCameraPose, isLying, lyingHeadInCamera, type Position } from './lying-rig';
import { lyingTruth, type LyingTruth } from './lying-truth';
import type { SpeedProfile } from './speed-profiles';

export const GROUND_TRUTH_SCHEMA = 'atlas-clipgen-ground-truth/1';

/**
 * yawDeg/pitchDeg/rollDeg: the head in the camera's axes (what a face landmarker measures; for the
 * photo head and a level scan camera without a trunk turn, the scripted angles themselves).
 */
export interface GroundTruthFrame extends HeadAngles {
  readonly frame: number;
  readonly tMs: number;
  /** What the arms do in this frame (`rest`: the photo's own arms). */
  readonly arms: ArmPose;
  /** The trunk's yaw in the world, degrees (> 0 toward the subject's left; 0 for the photo head). */
  readonly trunkYawDeg: number;
  /** The head relative to the trunk (the neck's angles, as scripted). */
  readonly neck: HeadAngles;
  /** The scan's body (null without one): the girdle, the elbows, and where the joints are. */
  readonly body: BodyTruth | null;
  /** Lying only (absent upright): what the lying exercises read, exact. */
  readonly lying?: LyingTruth;
}

/** A rep as rendered: boundaries and peak snapped to frames; the peak is what the frames show. */
export interface GroundTruthRep {
  readonly index: number;
  readonly motion: RepMotion;
  readonly side: RepSide;
  readonly startFrame: number;
  readonly peakFrame: number;
  readonly endFrame: number;
  readonly startMs: number;
  readonly peakMs: number;
  readonly endMs: number;
  /** Head pose (in the camera's axes) at peakFrame (for a rep: the frame farthest from the start pose on its axis). */
  readonly peak: HeadAngles;
  /** The neck's angles at peakFrame (head relative to the trunk). */
  readonly peakNeck: HeadAngles;
  /** Scripted signed excursion from the rep's start pose (reps) or radius (circles), degrees. */
  readonly excursionDeg: number;
  /** Per-axis range inside the rep, degrees (min, max). */
  readonly range: { readonly [K in 'yaw' | 'pitch' | 'roll']: { readonly min: number; readonly max: number } };
  /** Highest angular speed between consecutive frames in the rep, deg/s (norm over the three axes). */
  readonly peakSpeedDegPerS: number;
  readonly durationMs: number;
  readonly counts: boolean;
  readonly tempo: Tempo;
  readonly profile: SpeedProfile;
}

export interface GroundTruthHold {
  readonly startFrame: number;
  readonly endFrame: number;
  readonly durationMs: number;
  readonly pose: HeadAngles;
}

export interface GroundTruth {
  readonly schema: typeof GROUND_TRUTH_SCHEMA;
  readonly trajectoryId: string;
  readonly exercise: string;
  readonly description: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly subject: Subject;
  /** Scan only: the camera, its downward look (degrees, < 0 looks down) and the lighting. */
  readonly scanView: { readonly position: Position; readonly camera: ScanCamera; readonly cameraPitchDeg: number; readonly lighting: ScanLighting } | null;
  readonly frameCount: number;
  readonly durationMs: number;
  /** Reps that should be counted (counts: true), in total and per side. */
  readonly expectedCount: { readonly total: number; readonly bySide: Readonly<Partial<Record<RepSide, number>>> };
  /** Reps scripted as too fast (the counter should flag each). */
  readonly expectedTooFast: number;
  readonly reps: readonly GroundTruthRep[];
  readonly holds: readonly GroundTruthHold[];
  readonly frames: readonly GroundTruthFrame[];
}

/**
 * Frame i shows the pose at i / fps seconds. The last frame is at or just after the end (it then
 * shows the final pose), so a clip always ends where its trajectory does.
 */
export function frameCount(durationMs: number, fps: number): number {
  return Math.ceil((durationMs * fps) / 1000 - 1e-9) + 1;
}

export function frameTimeMs(frame: number, fps: number): number {
  return (frame * 1000) / fps;
}

/** Frames: the last one at or before tMs (floor) or the first at or after it (ceil), within the clip. */
function toFrame(tMs: number, fps: number, last: number, round: (x: number) => number): number {
  return Math.min(last, Math.max(0, round((tMs * fps) / 1000 - (round === Math.ceil ? 1e-9 : -1e-9))));
}

const AXIS_KEY = { yaw: 'yawDeg', pitch: 'pitchDeg', roll: 'rollDeg' } as const;

export function sampleFrames(timeline: Timeline, fps: number, cameraPitchDeg = 0, withBody = false, position: Position = 'upright', camera?: Pick<ScanCamera, 'side'>): GroundTruthFrame[] {
  const n = frameCount(timeline.durationMs, fps);
  return Array.from({ length: n }, (_, frame) => {
    const tMs = frameTimeMs(frame, fps);
    const neck = timeline.poseAt(tMs);
    const trunkYawDeg = timeline.trunkYawAt(tMs);
    const arms = timeline.armsAt(tMs);
    const bodyPose = timeline.bodyAt(tMs);
    const body = withBody ? bodyTruth({ ...bodyPose, arms, tMs }, neck) : null;
    if (isLying(position)) {
      const head = lyingHeadInCamera(neck, bodyPose.torsoRiseDeg, cameraPitchDeg, position, camera);
      return { frame, tMs, ...head, arms, trunkYawDeg, neck, body, lying: lyingTruth(neck, bodyPose, position, camera) };
    }
    const head = trunkYawDeg === 0 && cameraPitchDeg === 0 ? neck : headInCamera(neck, trunkYawDeg, cameraPitchDeg);
    return { frame, tMs, ...head, arms, trunkYawDeg, neck, body };
  });
}

/** The frame in [start, end] farthest from the rep's start pose (circles: the highest). */
function peakFrameOf(frames: readonly GroundTruthFrame[], start: number, end: number, motion: RepMotion, first: HeadAngles, firstBody: BodyPose): number {
  // Reps are scripted on the neck (relative to the trunk); a shoulder circle peaks at its bottom.
  const distance = (f: GroundTruthFrame): number => {
    if (motion === 'circle') return f.neck.pitchDeg - first.pitchDeg;
    if (isHeadMotion(motion)) return Math.abs(f.neck[AXIS_KEY[motion]] - first[AXIS_KEY[motion]]);
    if (f.body === null) return 0;
    if (motion === 'shoulder-circle') return firstBody.elevationCm - f.body.elevationCm;
    return Math.abs(f.body[CHANNEL_KEY[motion]] - firstBody[CHANNEL_KEY[motion]]);
  };
  let best = start;
  let bestDistance = -Infinity;
  for (let i = start; i <= end; i++) {
    const f = frames[i];
    if (f === undefined) continue;
    const d = distance(f);
    // Strictly greater: the first frame of a plateau; ties at a hold resolve to its middle below.
    if (d > bestDistance + 1e-9) {
      bestDistance = d;
      best = i;
    }
  }
  // Prefer the middle of a plateau (a hold at the peak) over its first frame.
  let plateauEnd = best;
  const bestFrame = frames[best];
  while (bestFrame !== undefined && plateauEnd + 1 <= end) {
    const next = frames[plateauEnd + 1];
    if (next === undefined || Math.abs(distance(next) - bestDistance) > 1e-9) break;
    plateauEnd++;
  }
  return Math.round((best + plateauEnd) / 2);
}

function rangeOf(frames: readonly GroundTruthFrame[], start: number, end: number, key: 'yawDeg' | 'pitchDeg' | 'rollDeg') {
  let min = Infinity, max = -Infinity;
  for (let i = start; i <= end; i++) {
    const v = frames[i]?.[key];
    if (v === undefined) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { min, max };
}

function peakSpeed(frames: readonly GroundTruthFrame[], start: number, end: number, fps: number): number {
  let best = 0;
  for (let i = start + 1; i <= end; i++) {
    const a = frames[i - 1], b = frames[i];
    if (a === undefined || b === undefined) continue;
    const d = Math.hypot(b.yawDeg - a.yawDeg, b.pitchDeg - a.pitchDeg, b.rollDeg - a.rollDeg);
    best = Math.max(best, d * fps);
  }
  return best;
}

function poseOf(f: HeadAngles | undefined): HeadAngles {
  return { yawDeg: f?.yawDeg ?? 0, pitchDeg: f?.pitchDeg ?? 0, rollDeg: f?.rollDeg ?? 0 };
}

export function buildGroundTruth(trajectory: Trajectory): GroundTruth {
  const timeline = buildTimeline(trajectory);
  const fps = trajectory.fps;
  const position = trajectory.position;
  const cameraPitchDeg = trajectory.subject !== 'scan' ? 0 : isLying(position) ? floorCameraPose(trajectory.camera, position).pitchDeg : scanCameraPose(trajectory.camera).pitchDeg;
  const frames = sampleFrames(timeline, fps, cameraPitchDeg, hasBody(trajectory), position, trajectory.camera);
  const last = frames.length - 1;
  const reps: GroundTruthRep[] = timeline.reps.map((rep) => {
    // Boundaries enclose the rep (the frame before it starts, the frame after it ends); the peak is
    // searched among the frames inside it only (neighbouring reps may share a boundary frame).
    const startFrame = toFrame(rep.startMs, fps, last, Math.floor);
    const endFrame = toFrame(rep.endMs, fps, last, Math.ceil);
    const peakFrame = peakFrameOf(
      frames,
      toFrame(rep.startMs, fps, last, Math.ceil),
      toFrame(rep.endMs, fps, last, Math.floor),
      rep.motion,
      timeline.poseAt(rep.startMs),
      timeline.bodyAt(rep.startMs),
    );
    return {
      index: rep.index,
      motion: rep.motion,
      side: rep.side,
      startFrame,
      peakFrame,
      endFrame,
      startMs: rep.startMs,
      peakMs: frameTimeMs(peakFrame, fps),
      endMs: rep.endMs,
      peak: poseOf(frames[peakFrame]),
      peakNeck: poseOf(frames[peakFrame]?.neck),
      excursionDeg: rep.excursionDeg,
      range: {
        yaw: rangeOf(frames, startFrame, endFrame, 'yawDeg'),
        pitch: rangeOf(frames, startFrame, endFrame, 'pitchDeg'),
        roll: rangeOf(frames, startFrame, endFrame, 'rollDeg'),
      },
      peakSpeedDegPerS: peakSpeed(frames, startFrame, endFrame, fps),
      durationMs: rep.endMs - rep.startMs,
      counts: rep.counts,
      tempo: rep.tempo,
      profile: rep.profile,
    };
  });
  const bySide: Partial<Record<RepSide, number>> = {};
  for (const rep of reps) {
    if (rep.counts) bySide[rep.side] = (bySide[rep.side] ?? 0) + 1;
  }
  return {
    schema: GROUND_TRUTH_SCHEMA,
    trajectoryId: trajectory.id,
    exercise: trajectory.exercise,
    description: trajectory.description,
    width: CLIP_WIDTH,
    height: CLIP_HEIGHT,
    fps,
    subject: trajectory.subject,
    scanView: trajectory.subject === 'scan' ? { position: trajectory.position, camera: trajectory.camera, cameraPitchDeg, lighting: trajectory.lighting } : null,
    frameCount: frames.length,
    durationMs: timeline.durationMs,
    expectedCount: { total: reps.filter((r) => r.counts).length, bySide },
    expectedTooFast: reps.filter((r) => r.tempo === 'too-fast').length,
    reps,
    holds: timeline.holds.map((h) => ({
      startFrame: toFrame(h.startMs, fps, last, Math.ceil),
      endFrame: toFrame(h.endMs, fps, last, Math.floor),
      durationMs: h.endMs - h.startMs,
      pose: h.pose,
    })),
    frames,
  };
}

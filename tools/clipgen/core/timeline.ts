import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { ArmPose } from './arm-pose';
import { progress, type SpeedProfile } from './speed-profiles';
import { repPieces, valueAt, type Piece } from './pieces';
import { BODY_AT_REST, bodyPiecesOf, bodyRepSide, type BodyPiece, type BodyPose } from './body-timeline';
import type { Axis, BodyChannel, RepSide, Segment, Tempo, Trajectory } from './trajectory';

/** What a rep moves: a head axis, a head circle, a body channel, or a shoulder circle. */
export type RepMotion = Axis | 'circle' | BodyChannel | 'shoulder-circle';
export type HeadMotion = Axis | 'circle';

export function isHeadMotion(motion: RepMotion): motion is HeadMotion {
  return motion === 'yaw' || motion === 'pitch' || motion === 'roll' || motion === 'circle';
}

/** A repetition as scripted, in continuous time (before sampling into frames). */
export interface ScriptedRep {
  readonly index: number;
  readonly motion: RepMotion;
  readonly side: RepSide;
  readonly startMs: number;
  /** Middle of the hold at the peak (a rep), or the top of the circle. */
  readonly peakMs: number;
  readonly endMs: number;
  /**
   * Scripted signed excursion from the rep's start pose (reps), the amplitude (swings) or radius
   * (circles), degrees; for the body's reps in the channel's unit (cm, or degrees of elbow flexion).
   */
  readonly excursionDeg: number;
  readonly counts: boolean;
  readonly tempo: Tempo;
  readonly profile: SpeedProfile;
}

export interface ScriptedHold {
  readonly startMs: number;
  readonly endMs: number;
  readonly pose: HeadAngles;
}

export interface Timeline {
  readonly durationMs: number;
  readonly reps: readonly ScriptedRep[];
  readonly holds: readonly ScriptedHold[];
  /** The exact head pose at any time (clamped to [0, durationMs]). */
  poseAt(tMs: number): HeadAngles;
  /** The arms' pose at any time: that of the segment under way (the next one from its first instant). */
  armsAt(tMs: number): ArmPose;
  /** The trunk's yaw at any time, degrees (> 0 toward the subject's left); poseAt is relative to it. */
  trunkYawAt(tMs: number): number;
  /** The body's girdle and elbows at any time (at rest throughout when no segment moves them). */
  bodyAt(tMs: number): BodyPose;
}

export const NEUTRAL: HeadAngles = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };

const AXIS_KEY = { yaw: 'yawDeg', pitch: 'pitchDeg', roll: 'rollDeg' } as const;

function lerp(a: HeadAngles, b: HeadAngles, s: number): HeadAngles {
  return {
    yawDeg: a.yawDeg + (b.yawDeg - a.yawDeg) * s,
    pitchDeg: a.pitchDeg + (b.pitchDeg - a.pitchDeg) * s,
    rollDeg: a.rollDeg + (b.rollDeg - a.rollDeg) * s,
  };
}

function withAxis(base: HeadAngles, axis: Axis, value: number): HeadAngles {
  return { ...base, [AXIS_KEY[axis]]: value };
}

/** Subject's view: yaw and roll > 0 go left, pitch > 0 goes up (extension). */
export function repSide(axis: Axis, signedDeg: number): RepSide {
  if (axis === 'pitch') return signedDeg > 0 ? 'up' : 'down';
  return signedDeg > 0 ? 'left' : 'right';
}

/** Pieces of a movement: each segment starts at the pose where the previous one ended. */
function piecesOf(segment: Segment, startMs: number, from: HeadAngles): { pieces: Piece<HeadAngles>[]; end: HeadAngles } {
  switch (segment.kind) {
    case 'hold':
    case 'trunk':
    case 'body-move':
    case 'body-circle':
      return { pieces: [{ startMs, endMs: startMs + segment.durationMs, pose: () => from }], end: from };
    case 'body-rep':
      return { pieces: [{ startMs, endMs: startMs + segment.outMs + segment.holdMs + segment.backMs, pose: () => from }], end: from };
    case 'move': {
      const to: HeadAngles = { ...from, ...segment.to };
      const endMs = startMs + segment.durationMs;
      const pose = (t: number): HeadAngles => lerp(from, to, progress(segment.profile, (t - startMs) / segment.durationMs));
      return { pieces: [{ startMs, endMs, pose }], end: to };
    }
    case 'rep': {
      const key = AXIS_KEY[segment.axis];
      const peak = withAxis(from, segment.axis, from[key] + segment.peakDeg);
      // Added in the pieces' own order (out, hold, back): the back ends where it always did, to the last bit.
      const endMs = startMs + segment.outMs + segment.holdMs + segment.backMs;
      return {
        pieces: repPieces(lerp, from, peak, segment, startMs, endMs),
        end: from,
      };
    }
    case 'swing': {
      const key = AXIS_KEY[segment.axis];
      const pose = (t: number): HeadAngles => {
        const phi = 2 * Math.PI * progress(segment.profile, (t - startMs) / segment.durationMs);
        return withAxis(from, segment.axis, from[key] + segment.amplitudeDeg * Math.sin(phi));
      };
      return { pieces: [{ startMs, endMs: startMs + segment.durationMs, pose }], end: from };
    }
    case 'circle': {
      // Clockwise as the subject sees it: from the bottom toward the subject's left (yaw > 0) first.
      const sign = segment.direction === 'clockwise' ? 1 : -1;
      const r = segment.radiusDeg;
      const pose = (t: number): HeadAngles => {
        const phi = 2 * Math.PI * progress(segment.profile, (t - startMs) / segment.durationMs);
        return { ...from, yawDeg: from.yawDeg + sign * r * Math.sin(phi), pitchDeg: from.pitchDeg + r * (1 - Math.cos(phi)) };
      };
      return { pieces: [{ startMs, endMs: startMs + segment.durationMs, pose }], end: from };
    }
  }
}

/** Time at which a profile reaches half its progress (the circle's top point), by bisection. */
function halfwayMs(profile: SpeedProfile, startMs: number, durationMs: number): number {
  let lo = 0, hi = 1;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (progress(profile, mid) < 0.5) lo = mid;
    else hi = mid;
  }
  return startMs + ((lo + hi) / 2) * durationMs;
}

export function buildTimeline(trajectory: Trajectory): Timeline {
  const pieces: Piece<HeadAngles>[] = [];
  const armSpans: { readonly endMs: number; readonly arms: ArmPose }[] = [];
  const reps: ScriptedRep[] = [];
  const holds: ScriptedHold[] = [];
  const trunkTurns: { readonly startMs: number; readonly endMs: number; readonly from: number; readonly to: number; readonly profile: SpeedProfile }[] = [];
  const bodyPieces: BodyPiece[] = [];
  let body = BODY_AT_REST;
  let trunkYaw = 0;
  let t = 0;
  let pose = NEUTRAL;
  for (const segment of trajectory.segments) {
    if (segment.kind === 'trunk') {
      trunkTurns.push({ startMs: t, endMs: t + segment.durationMs, from: trunkYaw, to: segment.yawDeg, profile: segment.profile });
      trunkYaw = segment.yawDeg;
    }
    const { pieces: added, end } = piecesOf(segment, t, pose);
    const endMs = added[added.length - 1]?.endMs ?? t;
    if (segment.kind === 'rep') {
      const peakStart = t + segment.outMs;
      reps.push({
        index: reps.length,
        motion: segment.axis,
        side: segment.side ?? repSide(segment.axis, segment.peakDeg),
        startMs: t,
        peakMs: peakStart + segment.holdMs / 2,
        endMs,
        excursionDeg: segment.peakDeg,
        counts: segment.counts,
        tempo: segment.tempo,
        profile: segment.profile,
      });
    } else if (segment.kind === 'swing') {
      reps.push({
        index: reps.length,
        motion: segment.axis,
        side: 'none',
        startMs: t,
        peakMs: t + segment.durationMs / 4,
        endMs,
        excursionDeg: segment.amplitudeDeg,
        counts: segment.counts,
        tempo: segment.tempo,
        profile: segment.profile,
      });
    } else if (segment.kind === 'circle') {
      reps.push({
        index: reps.length,
        motion: 'circle',
        side: segment.direction,
        startMs: t,
        peakMs: halfwayMs(segment.profile, t, segment.durationMs),
        endMs,
        excursionDeg: segment.radiusDeg,
        counts: segment.counts,
        tempo: segment.tempo,
        profile: segment.profile,
      });
    } else if (segment.kind === 'body-rep') {
      reps.push({
        index: reps.length,
        motion: segment.channel,
        side: segment.side ?? bodyRepSide(segment.channel, segment.peak),
        startMs: t,
        peakMs: t + segment.outMs + segment.holdMs / 2,
        endMs,
        excursionDeg: segment.peak,
        counts: segment.counts,
        tempo: segment.tempo,
        profile: segment.profile,
      });
    } else if (segment.kind === 'body-circle') {
      reps.push({
        index: reps.length,
        motion: 'shoulder-circle',
        side: segment.direction,
        startMs: t,
        peakMs: halfwayMs(segment.profile, t, segment.durationMs),
        endMs,
        excursionDeg: segment.radiusCm,
        counts: segment.counts,
        tempo: segment.tempo,
        profile: segment.profile,
      });
    } else if (segment.kind === 'hold') {
      holds.push({ startMs: t, endMs, pose });
    }
    const bodyAdded = bodyPiecesOf(segment, t, endMs - t, body);
    bodyPieces.push(...bodyAdded.pieces);
    body = bodyAdded.end;
    pieces.push(...added);
    armSpans.push({ endMs, arms: segment.arms });
    t = endMs;
    pose = end;
  }
  const durationMs = t;
  const finalPose = pose;
  const finalBody = body;
  const finalArms = armSpans[armSpans.length - 1]?.arms ?? 'rest';
  return {
    durationMs,
    reps,
    holds,
    poseAt(tMs: number): HeadAngles {
      return valueAt(pieces, tMs, durationMs, finalPose);
    },
    trunkYawAt(tMs: number): number {
      let yaw = 0;
      for (const turn of trunkTurns) {
        if (tMs < turn.startMs) break;
        yaw = tMs >= turn.endMs ? turn.to : turn.from + (turn.to - turn.from) * progress(turn.profile, (tMs - turn.startMs) / (turn.endMs - turn.startMs));
      }
      return yaw;
    },
    bodyAt(tMs: number): BodyPose {
      return valueAt(bodyPieces, tMs, durationMs, finalBody);
    },
    armsAt(tMs: number): ArmPose {
      const clamped = Math.min(Math.max(tMs, 0), durationMs);
      for (const span of armSpans) {
        if (clamped < span.endMs) return span.arms;
      }
      return finalArms;
    },
  };
}

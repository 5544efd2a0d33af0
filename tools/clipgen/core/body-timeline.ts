import { repPieces, type Piece } from './pieces';
import { progress } from './speed-profiles';
import type { BodyChannel, RepSide, Segment } from './trajectory';

/** The body's movable values at one instant (core/scan-arms.ts BodyMotion without the arms and time). */
export interface BodyPose {
  readonly elevationCm: number;
  readonly protractionCm: number;
  readonly elbowFlexionDeg: number;
  /** Lying only: the torso's rise about the hips, degrees (0 = flat on the floor). */
  readonly torsoRiseDeg: number;
  /** Lying only: how far the chest and stomach have risen with the breath, cm. */
  readonly breathCm: number;
}

export const BODY_AT_REST: BodyPose = { elevationCm: 0, protractionCm: 0, elbowFlexionDeg: 0, torsoRiseDeg: 0, breathCm: 0 };

export const CHANNEL_KEY = {
  elevation: 'elevationCm',
  protraction: 'protractionCm',
  'elbow-flexion': 'elbowFlexionDeg',
  'torso-rise': 'torsoRiseDeg',
  breath: 'breathCm',
} as const satisfies Record<BodyChannel, keyof BodyPose>;

export type BodyPiece = Piece<BodyPose>;

function lerpBody(a: BodyPose, b: BodyPose, s: number): BodyPose {
  return {
    elevationCm: a.elevationCm + (b.elevationCm - a.elevationCm) * s,
    protractionCm: a.protractionCm + (b.protractionCm - a.protractionCm) * s,
    elbowFlexionDeg: a.elbowFlexionDeg + (b.elbowFlexionDeg - a.elbowFlexionDeg) * s,
    torsoRiseDeg: a.torsoRiseDeg + (b.torsoRiseDeg - a.torsoRiseDeg) * s,
    breathCm: a.breathCm + (b.breathCm - a.breathCm) * s,
  };
}

/** A body rep's side by default: shrugs, rises and breaths go up, protraction forward or back by sign, elbow flexion none. */
export function bodyRepSide(channel: BodyChannel, peak: number): RepSide {
  switch (channel) {
    case 'elevation':
    case 'torso-rise':
    case 'breath':
      return peak > 0 ? 'up' : 'down';
    case 'protraction':
      return peak > 0 ? 'forward' : 'back';
    case 'elbow-flexion':
      return 'none';
  }
}

/**
 * The body's pieces over one segment that starts at `from`, as timeline.ts's head pieces: body
 * segments move it (the head holds), every other segment keeps it where it is.
 */
export function bodyPiecesOf(segment: Segment, startMs: number, durationMs: number, from: BodyPose): { pieces: BodyPiece[]; end: BodyPose } {
  const endMs = startMs + durationMs;
  switch (segment.kind) {
    case 'body-move': {
      const to: BodyPose = { ...from, ...segment.to };
      return { pieces: [{ startMs, endMs, pose: (t) => lerpBody(from, to, progress(segment.profile, (t - startMs) / durationMs)) }], end: to };
    }
    case 'body-rep': {
      const key = CHANNEL_KEY[segment.channel];
      const peak: BodyPose = { ...from, [key]: from[key] + segment.peak };
      return {
        pieces: repPieces(lerpBody, from, peak, segment, startMs, endMs),
        end: from,
      };
    }
    case 'body-circle': {
      const sign = segment.direction === 'forward' ? 1 : -1;
      const r = segment.radiusCm;
      const pose = (t: number): BodyPose => {
        const phi = 2 * Math.PI * progress(segment.profile, (t - startMs) / durationMs);
        return { ...from, protractionCm: from.protractionCm + sign * r * Math.sin(phi), elevationCm: from.elevationCm - r * (1 - Math.cos(phi)) };
      };
      return { pieces: [{ startMs, endMs, pose }], end: from };
    }
    default:
      return { pieces: [{ startMs, endMs, pose: () => from }], end: from };
  }
}

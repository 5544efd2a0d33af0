import { describe, expect, it } from 'vitest';
import type { FrameObservation, Landmark, PoseObservation } from '../../../../src/core/landmarks';
import { POSE } from '../../../../src/core/pose-indices';
import { PERSON_VERDICTS, personVerdict } from '../../../../src/core/tracking/people';
import { FRAMING_VERDICTS, faceBox, frontFramingVerdict, sideFramingVerdict } from '../../../../src/ui/setup/framing-check';
import { packPoints } from '../../../../src/core/packed-points';

const HIDDEN: Landmark = { x: 0.5, y: 0.5, z: 0, visibility: 0.05 };

function pose(points: Partial<Record<keyof typeof POSE, readonly [number, number]>>): PoseObservation {
  const landmarks: Landmark[] = Array.from({ length: 33 }, () => HIDDEN);
  for (const [name, [x, y]] of Object.entries(points)) {
    landmarks[POSE[name as keyof typeof POSE]] = { x, y, z: 0, visibility: 0.95 };
  }
  return { landmarks, worldLandmarks: null };
}

function observation(poses: readonly PoseObservation[], faceCount = poses.length): FrameObservation {
  const face = { points: packPoints([{ x: 0.4, y: 0.2, z: 0 }, { x: 0.6, y: 0.45, z: 0 }]), matrix: null };
  return { tMs: 0, imageWidth: 640, imageHeight: 480, poses, faces: Array.from({ length: faceCount }, () => face) };
}

/** A person framed well: nose in the middle, shoulders 40 % of the frame apart (subject's left on the image's right). */
const WELL_FRAMED = pose({ nose: [0.5, 0.35], leftShoulder: [0.7, 0.75], rightShoulder: [0.3, 0.75] });

describe('personVerdict', () => {
  it('wants exactly one person', () => {
    expect(personVerdict(observation([]))).toBe(PERSON_VERDICTS.none);
    expect(personVerdict(observation([WELL_FRAMED]))).toBe(PERSON_VERDICTS.ok);
    expect(personVerdict(observation([WELL_FRAMED, WELL_FRAMED]))).toBe(PERSON_VERDICTS.many);
    expect(personVerdict(observation([WELL_FRAMED], 2))).toBe(PERSON_VERDICTS.many);
  });
});

describe('frontFramingVerdict', () => {
  it('accepts a centred person with both shoulders in view', () => {
    expect(frontFramingVerdict(observation([WELL_FRAMED]))).toBe(FRAMING_VERDICTS.ok);
  });

  it('asks to move back when a shoulder is out of the picture or the shoulders fill it', () => {
    const cutOff = pose({ nose: [0.5, 0.4], leftShoulder: [0.99, 0.9], rightShoulder: [0.2, 0.9] });
    expect(frontFramingVerdict(observation([cutOff]))).toBe(FRAMING_VERDICTS.moveBack);
    const tooClose = pose({ nose: [0.5, 0.4], leftShoulder: [0.95, 0.9], rightShoulder: [0.05, 0.9] });
    expect(frontFramingVerdict(observation([tooClose]))).toBe(FRAMING_VERDICTS.moveBack);
    expect(frontFramingVerdict(observation([], 1))).toBe(FRAMING_VERDICTS.moveBack);
  });

  it('asks to come closer when tiny and to centre when off to one side', () => {
    const far = pose({ nose: [0.5, 0.45], leftShoulder: [0.55, 0.55], rightShoulder: [0.45, 0.55] });
    expect(frontFramingVerdict(observation([far]))).toBe(FRAMING_VERDICTS.comeCloser);
    const offside = pose({ nose: [0.15, 0.35], leftShoulder: [0.3, 0.75], rightShoulder: [0.05, 0.75] });
    expect(frontFramingVerdict(observation([offside]))).toBe(FRAMING_VERDICTS.centre);
  });

  it('waits while nobody is found', () => {
    expect(frontFramingVerdict(observation([]))).toBe(FRAMING_VERDICTS.waiting);
  });
});

describe('sideFramingVerdict', () => {
  it('needs ear, shoulder and hip of one side', () => {
    const lying = pose({ rightEar: [0.2, 0.6], rightShoulder: [0.35, 0.65], rightHip: [0.7, 0.66] });
    expect(sideFramingVerdict(observation([lying]))).toBe(FRAMING_VERDICTS.ok);
    const noHip = pose({ rightEar: [0.2, 0.6], rightShoulder: [0.35, 0.65] });
    expect(sideFramingVerdict(observation([noHip]))).toBe(FRAMING_VERDICTS.moveBack);
  });
});

describe('faceBox', () => {
  it('bounds the face landmarks', () => {
    const box = faceBox(observation([WELL_FRAMED]));
    // The face's points are float32 (packed-points.ts): 1e-7 of the frame.
    expect(box?.x).toBeCloseTo(0.4, 7);
    expect(box?.width).toBeCloseTo(0.2, 7);
    expect(box?.height).toBeCloseTo(0.25, 7);
    expect(faceBox(observation([], 0))).toBeNull();
  });
});

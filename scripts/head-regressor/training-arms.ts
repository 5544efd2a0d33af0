import { lyingPoseOf, type ArmPose } from '../../tools/clipgen/core/arm-pose';

/** Upright poses whose hands stay off the head; every other upright pose puts a hand on it. */
const ARMS_OFF_HEAD: readonly ArmPose[] = ['rest', 'arms-out', 'arms-flexed', 'hands-on-shoulders'];

/** A hand on the head (a press, a massage, a pull): the head moves with the hand, near the middle. */
export function handOnHead(pose: ArmPose): boolean {
  return !ARMS_OFF_HEAD.includes(pose) && lyingPoseOf(pose) === null;
}

/**
 * The arm pose of each successive move of a training wander: `poses` in turn (so every one is
 * seen), each held for 2–4 moves, the way an exercise holds its arms through several reps.
 */
export function armBlocks(poses: readonly ArmPose[], random: () => number): () => ArmPose {
  if (poses.length === 0) throw new Error('armBlocks: no arm pose to take');
  let index = -1;
  let movesLeft = 0;
  return () => {
    if (movesLeft === 0) {
      index = (index + 1) % poses.length;
      movesLeft = 2 + Math.floor(random() * 3);
    }
    movesLeft -= 1;
    return poses[index] as ArmPose;
  };
}

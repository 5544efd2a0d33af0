import type { ArmPose } from '../../tools/clipgen/core/arm-pose';

/** Poses with a hand on the head: the head moves with the hand, near the middle (a press, a massage, a pull). */
const HAND_ON_HEAD: readonly ArmPose[] = [
  'hands-behind-head',
  'palm-on-forehead',
  'palms-on-forehead',
  'palm-on-left-temple',
  'palm-on-right-temple',
  'hands-at-neck',
  'left-hand-over-head',
  'right-hand-over-head',
];

export function handOnHead(pose: ArmPose): boolean {
  return HAND_ON_HEAD.includes(pose);
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

import type { TrainingView } from './training-trajectories';

/** Placements and lights of the training clips (the range clips for evaluation use others). */
export const TRAINING_VIEWS: readonly TrainingView[] = [
  { distanceM: 1.0, heightM: 0, offsetM: 0, lighting: 'soft-front' },
  { distanceM: 0.75, heightM: -0.08, offsetM: 0.1, lighting: 'side-key' },
  { distanceM: 1.3, heightM: 0.1, offsetM: -0.2, lighting: 'dim-warm' },
  { distanceM: 0.9, heightM: 0.05, offsetM: 0.25, lighting: 'soft-front' },
  { distanceM: 1.5, heightM: -0.05, offsetM: -0.1, lighting: 'side-key' },
  { distanceM: 0.65, heightM: 0.12, offsetM: 0, lighting: 'dim-warm' },
  { distanceM: 1.15, heightM: -0.12, offsetM: 0.3, lighting: 'soft-front' },
  { distanceM: 1.0, heightM: 0.02, offsetM: -0.3, lighting: 'side-key' },
  // 15 frames a second from here: consecutive frames at 30 add little, and the analyzer's time is
  // what a training clip costs.
  { distanceM: 0.55, heightM: 0.14, offsetM: 0.05, lighting: 'side-key', fps: 15 },
  { distanceM: 1.7, heightM: -0.14, offsetM: 0.2, lighting: 'soft-front', fps: 15 },
  { distanceM: 2.0, heightM: 0.1, offsetM: -0.4, lighting: 'dim-warm', fps: 15 },
  { distanceM: 0.8, heightM: -0.15, offsetM: -0.15, lighting: 'soft-front', fps: 15 },
  { distanceM: 1.2, heightM: 0.15, offsetM: 0.42, lighting: 'side-key', fps: 15 },
  { distanceM: 0.7, heightM: 0.0, offsetM: 0.3, lighting: 'dim-warm', fps: 15 },
  { distanceM: 1.4, heightM: 0.06, offsetM: 0.0, lighting: 'side-key', fps: 15 },
  { distanceM: 1.05, heightM: -0.1, offsetM: -0.45, lighting: 'soft-front', fps: 15 },
  // Far turns and deep flexion (training-trajectories.ts, `focus`).
  { distanceM: 0.9, heightM: 0.0, offsetM: 0.0, lighting: 'soft-front', fps: 15, focus: 'far' },
  { distanceM: 1.25, heightM: 0.1, offsetM: 0.2, lighting: 'side-key', fps: 15, focus: 'far' },
  { distanceM: 0.65, heightM: -0.1, offsetM: -0.1, lighting: 'dim-warm', fps: 15, focus: 'far' },
  { distanceM: 1.6, heightM: 0.12, offsetM: -0.3, lighting: 'soft-front', fps: 15, focus: 'far' },
  { distanceM: 1.0, heightM: -0.14, offsetM: 0.35, lighting: 'side-key', fps: 15, focus: 'far' },
  { distanceM: 0.75, heightM: 0.08, offsetM: 0.15, lighting: 'soft-front', fps: 15, focus: 'far' },
  { distanceM: 1.9, heightM: -0.05, offsetM: 0.05, lighting: 'dim-warm', fps: 15, focus: 'far' },
  { distanceM: 1.1, heightM: 0.15, offsetM: -0.4, lighting: 'side-key', fps: 15, focus: 'far' },
  // The scan's body with the exercises' arm poses (training-trajectories.ts, `arms`); most at
  // 1.2–2 m, where the face landmarker finds no face and the body alone gives the angles.
  { distanceM: 1.5, heightM: 0.05, offsetM: 0.1, lighting: 'soft-front', fps: 15, arms: ['arms-out', 'rest'] },
  { distanceM: 1.8, heightM: -0.1, offsetM: -0.2, lighting: 'side-key', fps: 15, arms: ['arms-out', 'hands-behind-head', 'rest'] },
  { distanceM: 1.2, heightM: 0.12, offsetM: 0.25, lighting: 'dim-warm', fps: 15, arms: ['palm-on-forehead', 'palms-on-forehead', 'palm-on-left-temple', 'palm-on-right-temple'] },
  { distanceM: 2.0, heightM: 0.0, offsetM: 0.05, lighting: 'soft-front', fps: 15, arms: ['arms-out', 'hands-on-shoulders', 'arms-flexed'] },
  { distanceM: 0.9, heightM: -0.05, offsetM: -0.1, lighting: 'side-key', fps: 15, arms: ['hands-behind-head', 'hands-at-neck', 'left-hand-over-head', 'right-hand-over-head'] },
  { distanceM: 1.3, heightM: 0.08, offsetM: -0.35, lighting: 'soft-front', fps: 15, arms: ['arms-out', 'palm-on-forehead', 'hands-on-shoulders', 'rest'] },
  { distanceM: 1.7, heightM: 0.14, offsetM: 0.3, lighting: 'dim-warm', fps: 15, focus: 'far', arms: ['arms-out'] },
  { distanceM: 1.35, heightM: 0.1, offsetM: 0.0, lighting: 'side-key', fps: 15, arms: ['arms-out', 'hands-behind-head', 'palm-on-forehead', 'hands-on-shoulders'] },
  { distanceM: 1.25, heightM: 0.05, offsetM: 0.15, lighting: 'side-key', fps: 15, arms: ['arms-out'] },
  { distanceM: 1.6, heightM: 0.12, offsetM: -0.1, lighting: 'soft-front', fps: 15, arms: ['arms-out', 'hands-on-shoulders'] },
  // Deep nods (and some far turns) with the arms raised and down, so that raised arms are not read as pitch.
  { distanceM: 1.5, heightM: 0.05, offsetM: 0.0, lighting: 'soft-front', fps: 15, focus: 'nod', arms: ['arms-out', 'rest'] },
  { distanceM: 1.2, heightM: 0.1, offsetM: -0.2, lighting: 'side-key', fps: 15, focus: 'nod', arms: ['rest', 'arms-out', 'hands-on-shoulders'] },
  { distanceM: 1.8, heightM: -0.05, offsetM: 0.2, lighting: 'dim-warm', fps: 15, focus: 'nod', arms: ['arms-out', 'arms-flexed', 'rest'] },
  { distanceM: 1.0, heightM: 0.0, offsetM: 0.1, lighting: 'side-key', fps: 15, focus: 'nod', arms: ['hands-on-shoulders', 'rest', 'arms-out'] },
  { distanceM: 1.35, heightM: 0.12, offsetM: -0.05, lighting: 'soft-front', fps: 15, focus: 'nod', arms: ['arms-out', 'rest', 'hands-behind-head'] },
  // The same nods by the bare bust.
  { distanceM: 0.7, heightM: 0.05, offsetM: 0.1, lighting: 'side-key', fps: 15, focus: 'nod' },
  { distanceM: 1.0, heightM: -0.08, offsetM: -0.15, lighting: 'dim-warm', fps: 15, focus: 'nod' },
];

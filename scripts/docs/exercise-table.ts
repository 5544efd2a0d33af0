import type { CountingKind, ExerciseDefinition, Protocol, TrackedSignal } from '../../src/core/protocol/exercise-definition';
import { PROTOCOL } from '../../src/core/protocol/protocol';
import { POSITION_SETUPS, positionOf, trackingModeOf } from '../../src/core/protocol/positions';
import { exerciseCheckOn } from '../../src/vision/backend-capabilities';
import type { LandmarkerBackend } from '../../src/vision/landmarkers';

/**
 * The README's exercise table, drawn from the code: the protocol's exercises, their position and
 * camera view (core/protocol/positions.ts), what each reads, and per backend whether it is measured
 * (vision/backend-capabilities.ts over core/reps/exercise-checkability.ts) or guided only.
 * `npm run docs:exercises` writes it into README.md; a unit test keeps the two the same.
 */
export const TABLE_START = '<!-- exercise-table:start (npm run docs:exercises) -->';
export const TABLE_END = '<!-- exercise-table:end -->';

const SIGNAL_WORDS: Readonly<Record<TrackedSignal, string>> = {
  yaw: 'head turn (yaw)',
  pitch: 'head tilt forward/back (pitch)',
  roll: 'head side tilt (roll)',
  'head-path': 'the head’s yaw/pitch path (circles and their direction)',
  'elbow-path': 'the shoulder circle’s path: hands on the shoulders coming in and out, up and down',
  'elbow-flexion': 'elbow angle',
  shrug: 'shoulder–ear distance',
  'shoulder-depth': 'shoulders forward/back: the shoulder–ear gap over the shoulder width',
  'torso-rise': 'rise of the hip–shoulder line, from the side',
  'neck-rise': 'rise of the head above the torso line, from the side',
  'hand-on-forehead': 'a hand on the forehead, head still',
  'hand-on-temple': 'a hand on the temple, head still',
  'both-hands-on-forehead': 'both hands on the forehead, head still',
  'hands-behind-head': 'hands behind the head',
  'hands-at-neck': 'hands at the neck',
  'supine-hands-placed': 'lying, one hand on the stomach and one on the chest',
  'face-toward-camera': 'how far the face turns toward the camera (90° less its yaw to the camera), one side per camera place',
};

const COUNTING_WORDS: Readonly<Record<CountingKind, string>> = {
  excursion: 'reps out and back',
  oscillation: 'small back-and-forth cycles',
  loop: 'full circles',
  hold: 'holds',
  timed: 'time',
};

const POSITION_WORDS = { upright: 'sitting or standing', supine: 'lying on the back', prone: 'lying face down', 'side-lying': 'lying on the side' } as const;
const BACKENDS: readonly LandmarkerBackend[] = ['mediapipe', 'tfjs'];

/** How the app treats an exercise on a backend (both landmarkers running): measured, guided only, or not checked. */
export type BackendStatus =
  | { readonly status: 'measured' | 'guided' }
  | { readonly status: 'not-checked'; readonly missing: readonly string[] };

export function backendStatus(exercise: ExerciseDefinition, backend: LandmarkerBackend): BackendStatus {
  if (trackingModeOf(exercise) === 'guided') return { status: 'guided' };
  const check = exerciseCheckOn(exercise, backend, ['face', 'pose']);
  return check.ok ? { status: 'measured' } : { status: 'not-checked', missing: check.missing };
}

function backendCell(exercise: ExerciseDefinition, backend: LandmarkerBackend): string {
  const status = backendStatus(exercise, backend);
  if (status.status === 'not-checked') return `not checked (no ${status.missing.join(', ')})`;
  return status.status === 'guided' ? 'guided only' : 'measured';
}

function row(exercise: ExerciseDefinition): string {
  const position = positionOf(exercise);
  const guided = trackingModeOf(exercise) === 'guided';
  const camera = guided ? 'no camera measures the turn' : position === 'prone' ? 'camera on the floor at one side, then at the other' : `${POSITION_SETUPS[position].view} view`;
  const what = guided
    ? `nothing: a timer and spoken cues, the person confirms each rep (“confirmed, not measured”)`
    : `${SIGNAL_WORDS[exercise.signal]}; counts ${COUNTING_WORDS[exercise.counting]}`;
  return `| ${exercise.setId} | ${exercise.id} | ${POSITION_WORDS[position]}, ${camera} | ${what} | ${BACKENDS.map((backend) => backendCell(exercise, backend)).join(' | ')} |`;
}

export function exerciseTableMarkdown(protocol: Protocol = PROTOCOL): string {
  const order = protocol.sets.flatMap((set) => set.exerciseIds);
  const rows = order.flatMap((id) => {
    const exercise = protocol.exercises.find((candidate) => candidate.id === id);
    return exercise === undefined ? [] : [row(exercise)];
  });
  return [
    '| set | exercise | position, camera | what is measured | MediaPipe | TF.js |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** `readme` with the text between the markers replaced by the table. */
export function withExerciseTable(readme: string, table: string = exerciseTableMarkdown()): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} section`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}

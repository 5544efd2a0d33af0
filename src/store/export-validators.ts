import {
  ALL_REP_SIDES,
  EXERCISE_GROUPS,
  EXERCISE_STATUSES,
  END_REASONS,
  FEEDBACK_SEVERITIES,
  SESSION_MODES,
  type ExerciseSummary,
  type RepMetrics,
  type SessionAction,
  type SessionExercise,
  type SessionPlan,
  type SideSummary,
} from '../core/session';
import type { HeadAngles } from '../core/head-pose/head-angles';
import { POSITIONS, TRACKING_MODES } from '../core/protocol/positions';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, IMPORT_LIMITS, type AtlasExport } from './atlas-export';
import { ImportValidationError } from './import-validation-error';
import { SESSION_STATUSES, type EventRecord, type PersonalBestRecord, type RepRecord, type SessionRecord, type SettingsRecord } from './store-records';
import { array, boolean, nullable, number, object, oneOf, optional, record, string, taggedUnion, type Validator } from './strict-validators';

const ID = string({ maxLength: 64, pattern: /^[A-Za-z0-9_.:-]+$/ });
const CODE = string({ maxLength: 64, pattern: /^[a-z0-9][a-z0-9-]*$/ });
const LANGUAGE = string({ maxLength: 35, pattern: /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/ });
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ISO: Validator<string> = (value, path) => {
  const iso = string({ maxLength: 30, pattern: ISO_PATTERN })(value, path);
  if (!Number.isFinite(Date.parse(iso))) throw new ImportValidationError(path, 'not a real date');
  return iso;
};
/** Session-clock milliseconds (a page's performance.now(), possibly shifted). */
const T_MS = number({ min: -1e13, max: 1e13 });
const DURATION_MS = number({ min: 0, max: 1e9 });
const COUNT = number({ min: 0, max: 1e7, integer: true });
const SEQ = number({ min: 0, max: 1e9, integer: true });
/** Peaks are degrees for head exercises, percent for a few body signals: generous bound. */
const PEAK = number({ min: 0, max: 10_000 });
const SMOOTHNESS = nullable(number({ min: -1e6, max: 1e6 }));
const ANGLE = number({ min: -360, max: 360 });

const SIDE = oneOf(ALL_REP_SIDES);
const MODE = oneOf(Object.values(SESSION_MODES));

const sessionExercise = object<SessionExercise>({
  id: ID,
  group: oneOf(Object.values(EXERCISE_GROUPS)),
  directions: array(SIDE, ALL_REP_SIDES.length),
  perSide: boolean,
  repsTarget: number({ min: 1, max: 1000, integer: true }),
  repsMax: optional(number({ min: 1, max: 1000, integer: true })),
  holdMs: nullable(DURATION_MS),
  durationMs: nullable(DURATION_MS),
  position: optional(oneOf(Object.values(POSITIONS))),
  tracking: optional(oneOf(Object.values(TRACKING_MODES))),
});

const sessionPlan = object<SessionPlan>({
  mode: MODE,
  exercises: array(sessionExercise, IMPORT_LIMITS.maxExercisesPerPlan),
  restMs: DURATION_MS,
});

const sideSummary = object<SideSummary>({
  side: SIDE,
  reps: COUNT,
  incomplete: COUNT,
  holdsCompleted: COUNT,
  holdsBroken: COUNT,
  confirmed: optional(COUNT),
  bestPeakDeg: nullable(PEAK),
  meanSparc: SMOOTHNESS,
  meanLdj: SMOOTHNESS,
});

const exerciseSummary = object<ExerciseSummary>({
  exerciseId: ID,
  status: oneOf(Object.values(EXERCISE_STATUSES)),
  pain: boolean,
  activeMs: DURATION_MS,
  sides: array(sideSummary, ALL_REP_SIDES.length),
  warnings: record(CODE, COUNT, IMPORT_LIMITS.maxWarningCodes),
  tracking: optional(oneOf(Object.values(TRACKING_MODES))),
});

export const sessionRecordValidator = object<SessionRecord>({
  id: ID,
  status: oneOf(Object.values(SESSION_STATUSES)),
  startedAtIso: ISO,
  startedAtTMs: T_MS,
  plan: sessionPlan,
  endedAtIso: nullable(ISO),
  endReason: nullable(oneOf(Object.values(END_REASONS))),
  countedReps: COUNT,
  summary: nullable(array(exerciseSummary, IMPORT_LIMITS.maxExercisesPerPlan)),
});

const headAngles = object<HeadAngles>({ yawDeg: ANGLE, pitchDeg: ANGLE, rollDeg: ANGLE });

/** A rep's measures, in a session action and in a stored rep record alike. */
const REP_METRICS_SHAPE = {
  side: SIDE,
  peakDeg: PEAK,
  durationMs: DURATION_MS,
  peakVelDegS: number({ min: 0, max: 1e5 }),
  sparc: SMOOTHNESS,
  ldj: SMOOTHNESS,
  velocityPeaks: COUNT,
  complete: boolean,
};

const repMetrics = object<RepMetrics>(REP_METRICS_SHAPE);

type Variant<K extends SessionAction['type']> = Extract<SessionAction, { type: K }>;
const bare = <K extends SessionAction['type']>(type: K) =>
  object<{ type: K; tMs: number }>({ type: oneOf([type]), tMs: T_MS }) as unknown as Validator<Variant<K>>;

/** The same check guards what the recorder logs, so every stored session can be imported back. */
export const sessionActionValidator = taggedUnion<SessionAction>({
  start: object<Variant<'start'>>({ type: oneOf(['start']), tMs: T_MS, atIso: ISO }),
  calibrated: object<Variant<'calibrated'>>({ type: oneOf(['calibrated']), tMs: T_MS, neutral: headAngles }),
  'rep-completed': object<Variant<'rep-completed'>>({ type: oneOf(['rep-completed']), tMs: T_MS, rep: repMetrics }),
  'rep-incomplete': object<Variant<'rep-incomplete'>>({
    type: oneOf(['rep-incomplete']),
    tMs: T_MS,
    side: SIDE,
    peakDeg: PEAK,
  }),
  'hold-completed': object<Variant<'hold-completed'>>({
    type: oneOf(['hold-completed']),
    tMs: T_MS,
    side: SIDE,
    heldMs: DURATION_MS,
  }),
  'hold-broken': object<Variant<'hold-broken'>>({ type: oneOf(['hold-broken']), tMs: T_MS, side: SIDE, heldMs: DURATION_MS }),
  'rep-confirmed': object<Variant<'rep-confirmed'>>({ type: oneOf(['rep-confirmed']), tMs: T_MS, side: SIDE }),
  feedback: object<Variant<'feedback'>>({
    type: oneOf(['feedback']),
    tMs: T_MS,
    code: CODE,
    severity: oneOf(Object.values(FEEDBACK_SEVERITIES)),
  }),
  'position-guided': bare('position-guided'),
  pause: bare('pause'),
  resume: bare('resume'),
  skip: bare('skip'),
  next: bare('next'),
  tick: bare('tick'),
  stop: bare('stop'),
  'pain-reported': bare('pain-reported'),
  'person-lost': bare('person-lost'),
  'person-back': bare('person-back'),
});

const eventRecord = object<EventRecord>({ sessionId: ID, seq: SEQ, action: sessionActionValidator });

const repRecord = object<RepRecord>({
  sessionId: ID,
  seq: SEQ,
  exerciseId: ID,
  mode: MODE,
  atIso: ISO,
  tMs: T_MS,
  ...REP_METRICS_SHAPE,
});

const personalBest = object<PersonalBestRecord>({ exerciseId: ID, side: SIDE, peakDeg: PEAK, atIso: ISO, sessionId: ID });

const settings = object<SettingsRecord>({
  language: LANGUAGE,
  voiceOn: boolean,
  mode: MODE,
  chosenSet: optional(oneOf([...Object.values(EXERCISE_GROUPS), 'custom'])),
  targetsResetAtIso: optional(ISO),
});

export const atlasExportValidator = object<AtlasExport>({
  format: oneOf([EXPORT_FORMAT]),
  version: (value, path) => {
    if (value !== EXPORT_FORMAT_VERSION) {
      throw new ImportValidationError(path, `unsupported export version (this Atlas reads version ${EXPORT_FORMAT_VERSION})`);
    }
    return EXPORT_FORMAT_VERSION;
  },
  exportedAtIso: ISO,
  settings: nullable(settings),
  sessions: array(sessionRecordValidator, IMPORT_LIMITS.maxSessions),
  events: array(eventRecord, IMPORT_LIMITS.maxEvents),
  reps: array(repRecord, IMPORT_LIMITS.maxReps),
  personalBests: array(personalBest, IMPORT_LIMITS.maxPersonalBests),
});

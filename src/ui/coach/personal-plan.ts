import type { ExerciseDefinition } from '../../core/protocol/exercise-definition';
import { planExercise, robustBest, type ExercisePlanTarget, type PastExercise, type SessionMode } from '../../core/session';
import type { PersonalBestRecord, RepRecord, SessionRecord } from '../../store/store-records';

/** Reps since the last "reset targets" (all of them when never reset), oldest session first. */
function repsSince(reps: readonly RepRecord[], resetAtIso: string | null): RepRecord[] {
  return reps.filter((rep) => rep.complete && (resetAtIso === null || rep.atIso >= resetAtIso)).sort((a, b) => (a.atIso < b.atIso ? -1 : a.atIso > b.atIso ? 1 : a.seq - b.seq));
}

/** Complete reps of one exercise grouped by session, in session order. */
function bySession(reps: readonly RepRecord[], exerciseId: string): RepRecord[][] {
  const groups = new Map<string, RepRecord[]>();
  for (const rep of reps) {
    if (rep.exerciseId !== exerciseId) continue;
    const group = groups.get(rep.sessionId) ?? [];
    group.push(rep);
    groups.set(rep.sessionId, group);
  }
  return [...groups.values()];
}

/** One exercise's earlier sessions as the plan reads them: per side, the weakest side's count. */
export function pastExercises(reps: readonly RepRecord[], exercise: ExerciseDefinition, resetAtIso: string | null): PastExercise[] {
  const perSide = exercise.reps?.perSide ?? false;
  return bySession(repsSince(reps, resetAtIso), exercise.id).map((session) => ({
    counted: perSide ? Math.min(...exercise.directions.map((side) => session.filter((rep) => rep.side === side).length)) : session.length,
  }));
}

/** Today's target of every exercise with a rep dose (timed ones keep theirs). */
export function personalPlans(
  exercises: readonly ExerciseDefinition[],
  reps: readonly RepRecord[],
  sessions: readonly SessionRecord[],
  mode: SessionMode,
  resetAtIso: string | null,
): ReadonlyMap<string, ExercisePlanTarget> {
  const latest = [...sessions].filter((session) => session.endReason !== null).sort((a, b) => (a.startedAtIso < b.startedAtIso ? 1 : -1))[0];
  const painStopped = latest?.endReason === 'pain';
  const plans = new Map<string, ExercisePlanTarget>();
  for (const exercise of exercises) {
    if (exercise.reps === null) continue;
    plans.set(exercise.id, planExercise({ dose: exercise.reps, history: pastExercises(reps, exercise, resetAtIso), mode, painStopped }));
  }
  return plans;
}

/** Per exercise and side, the robust best of recent sessions (robustBest), in the shape the session view reads. */
export function robustPersonalBests(reps: readonly RepRecord[], resetAtIso: string | null): PersonalBestRecord[] {
  const recent = repsSince(reps, resetAtIso);
  const keys = new Set(recent.map((rep) => `${rep.exerciseId}\u0000${rep.side}`));
  const bests: PersonalBestRecord[] = [];
  for (const key of keys) {
    const [exerciseId = '', side] = key.split('\u0000');
    const ofKey = recent.filter((rep) => rep.exerciseId === exerciseId && rep.side === side);
    const sessions = bySession(ofKey, exerciseId);
    const peakDeg = robustBest(sessions.map((session) => session.map((rep) => rep.peakDeg)));
    const last = ofKey[ofKey.length - 1];
    if (peakDeg === null || last === undefined) continue;
    bests.push({ exerciseId, side: last.side, peakDeg, atIso: last.atIso, sessionId: last.sessionId });
  }
  return bests;
}

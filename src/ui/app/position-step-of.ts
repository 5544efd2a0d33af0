import type { ExerciseDefinition } from '../../core/protocol/exercise-definition';
import { findExercise } from '../../core/protocol/protocol';
import type { ExerciseCheckability } from '../../core/reps/exercise-checkability';
import { SESSION_PHASES, selectPositionStep, type SessionState } from '../../core/session';
import type { Localizer } from '../../i18n/localizer';
import type { PositionStepView } from '../setup/position-step-view';

/** The setup screen's view of the session's position step (null outside one). `checkOf`: whether the running models can check an exercise. */
export function positionStepOf(
  session: SessionState,
  localizer: Localizer,
  checkOf: (exercise: ExerciseDefinition) => ExerciseCheckability | null,
): PositionStepView | null {
  const step = selectPositionStep(session);
  if (step === null) return null;
  return {
    position: step.setup.position,
    view: step.setup.view,
    guidedOnly: step.guidedOnly,
    // Halfway through a measured exercise face down there is no going guided (its left side was measured).
    guidedFallback: step.setup.guidedFallback && !step.secondHalf,
    midSession: session.phase === SESSION_PHASES.calibration && session.exerciseIndex >= 0,
    cameraSide: step.guidedOnly ? null : step.cameraSide,
    secondHalf: step.secondHalf,
    exercises: step.exercises.map((planned) => {
      const definition = findExercise(planned.id);
      return {
        id: planned.id,
        title: definition === undefined ? planned.id : localizer.pick(definition.title),
        check: definition === undefined ? null : checkOf(definition),
      };
    }),
  };
}

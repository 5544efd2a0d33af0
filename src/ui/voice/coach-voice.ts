import type { ExerciseEvent } from '../../core/reps/exercise-events';
import type { Localizer } from '../../i18n/localizer';
import type { Speaker } from '../feedback/speech';
import { CoachScript, type Cue, type ScriptExercise } from './coach-script';
import type { ToneKind } from './coach-script';

/** Where the cues go: a speaker (may be absent or muted) and a tone player. */
export interface CoachOutputs {
  speaker(): Speaker | null;
  tone(kind: ToneKind): void;
  localizer(): Localizer;
}

/**
 * The thin adapter between the script (coach-script.ts) and the outputs: translates each line
 * (a `side` value is said in words) and speaks it, plays each tone.
 */
export class CoachVoice {
  private readonly script = new CoachScript();

  constructor(private readonly outputs: CoachOutputs) {}

  start(exercise: ScriptExercise, holdMs: number | null): void {
    this.script.start(exercise, holdMs);
  }

  onEvent(event: ExerciseEvent): void {
    this.play(this.script.onEvent(event));
  }

  onTime(tMs: number): void {
    this.play(this.script.onTime(tMs));
  }

  private play(cues: readonly Cue[]): void {
    for (const cue of cues) {
      if (cue.tone !== null) this.outputs.tone(cue.tone);
      if (cue.say === null) continue;
      const localizer = this.outputs.localizer();
      const values: Record<string, string | number> = { ...cue.say.values };
      const side = values['side'];
      if (typeof side === 'string') values['side'] = localizer.t(`exercise.say.side.${side}`);
      this.outputs.speaker()?.say(localizer.t(`exercise.say.${cue.say.key}`, values), localizer.language, cue.say.interrupt);
    }
  }
}

import type { ExerciseEvent } from '../../core/reps/exercise-events';
import type { Direction } from '../../core/protocol/exercise-definition';

/** A short sound: a rep counted, a rep that did not count, a hold held to its end. */
export type ToneKind = 'counted' | 'not-counted' | 'hold-done';

/** Something to say: a translation key (under `exercise.say`) and its values. */
export interface SpokenLine {
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
  /** Cuts off what is still being said (counts must not queue up behind older words). */
  readonly interrupt: boolean;
}

export interface Cue {
  readonly say: SpokenLine | null;
  readonly tone: ToneKind | null;
}

/** What the script needs to know about the exercise it coaches. */
export interface ScriptExercise {
  /** Directions counted separately: the count says the side ("left, four"). */
  readonly perSide: boolean;
  readonly repsTarget: number;
  /** Reps already counted per side (a resumed exercise goes on from there). */
  readonly counted: Partial<Record<Direction, number>>;
}

/** Hold countdowns speak the last seconds only: a count from 10 would talk over everything. */
const SPOKEN_COUNTDOWN_S = 3;

const line = (key: string, values: Record<string, string | number> = {}, interrupt = false): SpokenLine => ({ key, values, interrupt });

/**
 * What to say, and which tone to play, when: a pure script driven by the exercise engine's
 * events and by time (`tMs`, engine time) for hold countdowns. No DOM, no clock, no audio: the
 * adapter (coach-voice.ts) speaks and plays what it returns.
 *
 * - a counted rep: its tone and its count ("left, four"; "four" when the sides add up), and
 *   "left side done" when that side reaches its target;
 * - a rep that did not count: its tone and "not counted";
 * - range reached: "range reached", followed by "back to the middle, slowly" on the first rep
 *   and after a rep judged too fast or jerky;
 * - a hold: "hold", then the last seconds ("3", "2", "1"), then its tone and "hold done" (or
 *   "hold broken" with the not-counted tone).
 */
export class CoachScript {
  private counted: Partial<Record<Direction, number>> = {};
  private perSide = false;
  private repsTarget = 1;
  private remindReturn = true;
  private holdStartMs: number | null = null;
  private holdTargetMs = 0;
  private lastSpokenSecond: number | null = null;

  start(exercise: ScriptExercise, holdMs: number | null): void {
    this.counted = { ...exercise.counted };
    this.perSide = exercise.perSide;
    this.repsTarget = exercise.repsTarget;
    this.remindReturn = true;
    this.holdStartMs = null;
    this.holdTargetMs = holdMs ?? 0;
    this.lastSpokenSecond = null;
  }

  onEvent(event: ExerciseEvent): readonly Cue[] {
    switch (event.type) {
      case 'range-reached': {
        const cues: Cue[] = [{ say: line('rangeReached'), tone: null }];
        if (this.remindReturn) cues.push({ say: line('backToMiddle'), tone: null });
        this.remindReturn = false;
        return cues;
      }
      case 'feedback':
        if (event.kind === 'too-fast' || event.kind === 'jerky') this.remindReturn = true;
        return [];
      case 'hold-started':
        this.holdStartMs = event.tMs;
        this.lastSpokenSecond = null;
        return [{ say: line('holdStart', {}, true), tone: null }];
      case 'hold-broken':
        this.holdStartMs = null;
        return [{ say: line('holdBroken', {}, true), tone: 'not-counted' }];
      case 'rep':
        return this.onRep(event.kind, event.side, event.complete);
      default:
        return [];
    }
  }

  /** Hold countdown: the seconds left, each once, from SPOKEN_COUNTDOWN_S down to 1. */
  onTime(tMs: number): readonly Cue[] {
    if (this.holdStartMs === null || this.holdTargetMs <= 0) return [];
    const secondsLeft = Math.ceil((this.holdTargetMs - (tMs - this.holdStartMs)) / 1000);
    if (secondsLeft < 1 || secondsLeft > SPOKEN_COUNTDOWN_S || secondsLeft === this.lastSpokenSecond) return [];
    this.lastSpokenSecond = secondsLeft;
    return [{ say: line('holdSecondsLeft', { seconds: secondsLeft }, true), tone: null }];
  }

  private onRep(kind: 'movement' | 'hold', side: Direction, complete: boolean): readonly Cue[] {
    if (kind === 'hold') {
      this.holdStartMs = null;
      // A broken hold was already said at hold-broken; an incomplete hold rep adds nothing.
      return complete ? [{ say: line('holdDone', {}, true), tone: 'hold-done' }, ...this.count(side, false)] : [];
    }
    if (!complete) return [{ say: line('notCounted', {}, true), tone: 'not-counted' }];
    return [{ say: null, tone: 'counted' }, ...this.count(side, true)];
  }

  /** `side` in a line's values is a protocol Direction: the adapter says it in words. */
  private count(side: Direction, interrupt: boolean): readonly Cue[] {
    const key: Direction = this.perSide ? side : 'none';
    const count = (this.counted[key] ?? 0) + 1;
    this.counted = { ...this.counted, [key]: count };
    const spokenSide = this.perSide && side !== 'none';
    const cues: Cue[] = [{ say: spokenSide ? line('count', { side, count }, interrupt) : line('countTotal', { count }, interrupt), tone: null }];
    if (spokenSide && count === this.repsTarget) cues.push({ say: line('sideDone', { side }), tone: null });
    return cues;
  }
}

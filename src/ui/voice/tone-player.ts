import type { ToneKind } from './coach-script';

/** One note: frequency (Hz), start after the tone begins and length (s). */
interface Note {
  readonly hz: number;
  readonly atS: number;
  readonly lengthS: number;
}

/** Counted: one bright short note; not counted: one low note; hold done: a rising pair. */
export const TONES: Readonly<Record<ToneKind, readonly Note[]>> = {
  counted: [{ hz: 880, atS: 0, lengthS: 0.12 }],
  'not-counted': [{ hz: 220, atS: 0, lengthS: 0.25 }],
  'hold-done': [
    { hz: 660, atS: 0, lengthS: 0.12 },
    { hz: 990, atS: 0.14, lengthS: 0.18 },
  ],
};

const PEAK_GAIN = 0.25;
const FADE_S = 0.02;

/** Short Web Audio tones (no files, nothing fetched); silent where Web Audio is missing or when off. */
export class TonePlayer {
  enabled = true;
  private context: AudioContext | null = null;

  play(kind: ToneKind): void {
    if (!this.enabled) return;
    const context = this.audio();
    if (context === null) return;
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime;
    for (const note of TONES[kind]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.hz;
      // A ramp in and out: a square start or end clicks.
      const from = start + note.atS;
      gain.gain.setValueAtTime(0, from);
      gain.gain.linearRampToValueAtTime(PEAK_GAIN, from + FADE_S);
      gain.gain.linearRampToValueAtTime(0, from + note.lengthS);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(from);
      oscillator.stop(from + note.lengthS + FADE_S);
    }
  }

  private audio(): AudioContext | null {
    if (this.context === null && typeof AudioContext !== 'undefined') this.context = new AudioContext();
    return this.context;
  }
}

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Direction } from '../../../../src/core/protocol/exercise-definition';
import type { ExerciseEvent, RepEvent } from '../../../../src/core/reps/exercise-events';
import { appLocalizer } from '../../../../src/i18n/app-localizer';
import { Speaker } from '../../../../src/ui/feedback/speech';
import type { ToneKind } from '../../../../src/ui/voice/coach-script';
import { CoachVoice } from '../../../../src/ui/voice/coach-voice';
import { FakeSpeechSynthesis, FakeUtterance, voice } from './fake-speech-synthesis';

const LOCAL_EN = voice('Local English', 'en-GB', true);
const NETWORK_EN = voice('Cloud English', 'en-US', false, true);
const LOCAL_RU = voice('Local Russian', 'ru-RU', true);
const NETWORK_RU = voice('Cloud Russian', 'ru-RU', false);

const movement = (tMs: number, side: Direction, complete: boolean): RepEvent => ({
  type: 'rep', tMs, kind: 'movement', side, complete, incompleteReason: complete ? null : 'not-far-enough',
  peakDeg: 50, targetDeg: 40, personalBestDeg: null, isPersonalBest: false, durationMs: 2000, peakVelDegS: 60, sparc: -1.6, ldj: -6, velocityPeaks: 1,
});
const hold = (tMs: number, complete: boolean): RepEvent => ({ ...movement(tMs, 'none', complete), kind: 'hold', incompleteReason: complete ? null : 'hold-broken' });

/** A coach voice over a recorded fake speechSynthesis, with the tones it played. */
function rig(voices: ReturnType<typeof voice>[]) {
  const synthesis = new FakeSpeechSynthesis(voices);
  const speaker = new Speaker(synthesis as unknown as SpeechSynthesis);
  const tones: ToneKind[] = [];
  const coach = new CoachVoice({ speaker: () => speaker, tone: (kind) => tones.push(kind), localizer: appLocalizer });
  return { synthesis, speaker, tones, coach };
}

function run(coach: CoachVoice, events: readonly ExerciseEvent[]): void {
  for (const event of events) coach.onEvent(event);
}

beforeAll(() => {
  (globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance = FakeUtterance;
});

afterEach(() => appLocalizer().setLanguage('en'));

describe('the coach voice (a recorded speechSynthesis)', () => {
  it('counts per side aloud ("left, two"), says range reached, the way back once, and side done; with a local voice', () => {
    appLocalizer().setLanguage('en');
    const { synthesis, tones, coach } = rig([NETWORK_EN, LOCAL_EN, LOCAL_RU]);
    coach.start({ perSide: true, repsTarget: 2, counted: { left: 0, right: 0 } }, null);
    run(coach, [
      { type: 'range-reached', tMs: 1000, side: 'left', valueDeg: 45 },
      movement(2000, 'left', true),
      { type: 'range-reached', tMs: 3000, side: 'right', valueDeg: 45 },
      movement(4000, 'right', true),
      movement(5000, 'left', false),
      { type: 'range-reached', tMs: 6000, side: 'left', valueDeg: 45 },
      movement(7000, 'left', true),
    ]);
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual([
      'Range reached',
      'Back to the middle, slowly',
      'left, 1',
      'Range reached',
      'right, 1',
      'Not counted',
      'Range reached',
      'left, 2',
      'left side done',
    ]);
    expect(tones).toEqual(['counted', 'counted', 'not-counted', 'counted']);
    expect(new Set(synthesis.spoken.map((utterance) => utterance.voice?.name))).toEqual(new Set(['Local English']));
    expect(synthesis.spoken.every((utterance) => utterance.lang === 'en-US')).toBe(true);
  });

  it('reminds of the slow way back again after a rep judged too fast', () => {
    const { synthesis, coach } = rig([LOCAL_EN]);
    coach.start({ perSide: false, repsTarget: 7, counted: { none: 3 } }, null);
    run(coach, [
      { type: 'range-reached', tMs: 1000, side: 'none', valueDeg: 20 },
      movement(1500, 'none', true),
      { type: 'range-reached', tMs: 2000, side: 'none', valueDeg: 20 },
      { type: 'feedback', tMs: 2100, kind: 'too-fast', side: 'none' },
      { type: 'range-reached', tMs: 3000, side: 'none', valueDeg: 20 },
    ]);
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual([
      'Range reached', 'Back to the middle, slowly', '4', 'Range reached', 'Range reached', 'Back to the middle, slowly',
    ]);
  });

  it('counts a hold down aloud (3, 2, 1, each once), then hold done with its tone; a broken hold says so', () => {
    const { synthesis, tones, coach } = rig([LOCAL_EN]);
    coach.start({ perSide: false, repsTarget: 3, counted: {} }, 5000);
    coach.onEvent({ type: 'hold-started', tMs: 10_000, side: 'none' });
    for (let tMs = 10_000; tMs <= 15_000; tMs += 100) coach.onTime(tMs);
    coach.onEvent(hold(15_000, true));
    coach.onEvent({ type: 'hold-started', tMs: 20_000, side: 'none' });
    coach.onTime(21_000);
    coach.onEvent({ type: 'hold-broken', tMs: 21_500, side: 'none', heldMs: 1500, reason: 'head-moved' });
    coach.onEvent(hold(21_500, false));
    coach.onTime(23_500);
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual(['Hold', '3', '2', '1', 'Hold done', '1', 'Hold', 'Hold broken']);
    expect(tones).toEqual(['hold-done', 'not-counted']);
  });

  it('in Russian, with the Russian local voice', () => {
    appLocalizer().setLanguage('ru');
    const { synthesis, coach } = rig([LOCAL_EN, NETWORK_RU, LOCAL_RU]);
    coach.start({ perSide: true, repsTarget: 7, counted: { left: 3, right: 3 } }, null);
    run(coach, [{ type: 'range-reached', tMs: 1000, side: 'left', valueDeg: 45 }, movement(2000, 'left', true)]);
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual(['Амплитуда достигнута', 'Обратно к середине, медленно', 'влево, 4']);
    expect(synthesis.spoken.every((utterance) => utterance.voice === LOCAL_RU && utterance.lang === 'ru-RU')).toBe(true);
  });

  it('never speaks with a network voice: with none local, only the tones play', () => {
    const { synthesis, tones, coach } = rig([NETWORK_EN, NETWORK_RU]);
    coach.start({ perSide: true, repsTarget: 7, counted: {} }, null);
    run(coach, [movement(1000, 'left', true), movement(2000, 'right', false)]);
    expect(synthesis.spoken).toEqual([]);
    expect(tones).toEqual(['counted', 'not-counted']);
  });

  it('is silent when muted, and the tones still play', () => {
    const { synthesis, speaker, tones, coach } = rig([LOCAL_EN]);
    speaker.muted = true;
    coach.start({ perSide: false, repsTarget: 7, counted: {} }, null);
    run(coach, [movement(1000, 'none', true)]);
    expect(synthesis.spoken).toEqual([]);
    expect(tones).toEqual(['counted']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEST_RECENT_SESSIONS, REPS_STEP, TOP_K, planExercise, robustBest, type ProgressionInput } from '../../../../src/core/session';

const doseArb = fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 })).map(([min, extra]) => ({ min, max: min + extra }));
const historyArb = fc.array(fc.record({ counted: fc.integer({ min: 0, max: 40 }) }), { maxLength: 8 });
const inputArb: fc.Arbitrary<ProgressionInput> = fc.record({
  dose: doseArb,
  history: historyArb,
  mode: fc.constantFrom('remission' as const, 'exacerbation' as const),
  painStopped: fc.boolean(),
});
const calm = (input: ProgressionInput): ProgressionInput => ({ ...input, mode: 'remission', painStopped: false });

describe('planExercise (properties)', () => {
  it('always within the protocol dose', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const { repsTarget } = planExercise(input);
      expect(repsTarget).toBeGreaterThanOrEqual(input.dose.min);
      expect(repsTarget).toBeLessThanOrEqual(input.dose.max);
    }));
  });

  it('a flare-up or a pain stop holds it at the minimum, never above the calm plan', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const held = planExercise({ ...input, painStopped: input.painStopped || input.mode === 'remission', mode: input.mode });
      expect(held.repsTarget).toBe(input.dose.min);
      expect(held.reason.kind === 'held-pain' || held.reason.kind === 'held-flare').toBe(true);
      expect(held.repsTarget).toBeLessThanOrEqual(planExercise(calm(input)).repsTarget);
    }));
  });

  it('more reps in the past never lower the target', () => {
    fc.assert(fc.property(inputArb, fc.nat({ max: 10 }), fc.nat(), (input, more, which) => {
      fc.pre(input.history.length > 0);
      const index = which % input.history.length;
      const better = input.history.map((past, i) => (i === index ? { counted: past.counted + more } : past));
      expect(planExercise(calm({ ...input, history: better })).repsTarget).toBeGreaterThanOrEqual(planExercise(calm(input)).repsTarget);
    }));
  });

  it('rises by at most one step above the best recent session, and starts at the minimum', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const plan = planExercise(calm(input));
      if (input.history.length === 0) {
        expect(plan).toEqual({ repsTarget: input.dose.min, reason: { kind: 'first' } });
        return;
      }
      const bestRecent = Math.max(...input.history.slice(-3).map((past) => past.counted));
      expect(plan.repsTarget).toBeLessThanOrEqual(Math.max(input.dose.min, bestRecent + REPS_STEP));
    }));
  });

  it('follows the recent median: three sessions of 9 on a 7–20 dose give 10', () => {
    const plan = planExercise({ dose: { min: 7, max: 20 }, history: [{ counted: 30 }, { counted: 9 }, { counted: 9 }, { counted: 9 }], mode: 'remission', painStopped: false });
    expect(plan).toEqual({ repsTarget: 10, reason: { kind: 'rising', recentMedian: 9 } });
  });
});

const peaksArb = fc.array(fc.double({ min: 1, max: 90, noNaN: true }), { minLength: TOP_K, maxLength: 12 });
const sessionsArb = fc.array(peaksArb, { minLength: 1, maxLength: 9 });

describe('robustBest (properties)', () => {
  it('lies within the peaks it was given', () => {
    fc.assert(fc.property(sessionsArb, (sessions) => {
      const best = robustBest(sessions) ?? Number.NaN;
      const all = sessions.slice(-BEST_RECENT_SESSIONS).flat();
      expect(best).toBeGreaterThanOrEqual(Math.min(...all));
      expect(best).toBeLessThanOrEqual(Math.max(...all));
    }));
  });

  it('one glitch rep, however large, cannot raise it above the real peaks', () => {
    fc.assert(fc.property(sessionsArb, fc.nat(), fc.double({ min: 90, max: 1e6, noNaN: true }), (sessions, which, glitch) => {
      const index = which % sessions.length;
      const glitched = sessions.map((peaks, i) => (i === index ? [...peaks, glitch] : peaks));
      const realMax = Math.max(...sessions.slice(-BEST_RECENT_SESSIONS).flat());
      expect(robustBest(glitched) ?? Number.NaN).toBeLessThanOrEqual(realMax);
    }));
  });

  it('forgets old sessions: the best comes back down', () => {
    fc.assert(fc.property(sessionsArb, fc.array(peaksArb, { minLength: BEST_RECENT_SESSIONS, maxLength: BEST_RECENT_SESSIONS }), (old, recent) => {
      expect(robustBest([...old, ...recent])).toBe(robustBest(recent));
    }));
    expect(robustBest([[80, 80, 80], [30, 31, 32], [30, 31, 32], [30, 31, 32], [30, 31, 32], [30, 31, 32]])).toBe(30);
    expect(robustBest([])).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INITIAL_COOLDOWN,
  VOICE_COOLDOWN,
  decideDelivery,
  type CooldownConfig,
  type CooldownState,
} from '../../../../src/core/feedback/feedback-cooldown';

const CONFIG: CooldownConfig = { sameMessageMs: 8_000, anyMessageMs: 3_000 };

function run(requests: readonly { message: string; tMs: number; urgent?: boolean }[], config = CONFIG): number[] {
  let state: CooldownState = INITIAL_COOLDOWN;
  const delivered: number[] = [];
  for (const request of requests) {
    const decision = decideDelivery(state, request.message, request.tMs, config, request.urgent ?? false);
    state = decision.state;
    if (decision.deliver) delivered.push(request.tMs);
  }
  return delivered;
}

describe('decideDelivery', () => {
  it('delivers the first message at once', () => {
    expect(decideDelivery(INITIAL_COOLDOWN, 'too-fast', 0, CONFIG).deliver).toBe(true);
  });

  it('repeats the same message only after its own cooldown', () => {
    const times = [0, 1_000, 4_000, 7_999, 8_000, 9_000, 16_000];
    expect(run(times.map((tMs) => ({ message: 'jerky', tMs })))).toEqual([0, 8_000, 16_000]);
  });

  it('spaces different messages by the global gap', () => {
    const delivered = run([
      { message: 'too-fast', tMs: 0 },
      { message: 'good', tMs: 1_000 },
      { message: 'good', tMs: 3_000 },
    ]);
    expect(delivered).toEqual([0, 3_000]);
  });

  it('lets an urgent message through the global gap but not its own', () => {
    const delivered = run([
      { message: 'good', tMs: 0 },
      { message: 'too-fast', tMs: 500, urgent: true },
      { message: 'too-fast', tMs: 1_000, urgent: true },
    ]);
    expect(delivered).toEqual([0, 500]);
  });

  it('refuses out-of-order times and keeps its state', () => {
    const first = decideDelivery(INITIAL_COOLDOWN, 'good', 10_000, CONFIG);
    const late = decideDelivery(first.state, 'jerky', 5_000, CONFIG);
    expect(late.deliver).toBe(false);
    expect(late.state).toBe(first.state);
  });

  it('never delivers the same message twice within its cooldown (property)', () => {
    const request = fc.record({
      message: fc.constantFrom('good', 'too-fast', 'jerky', 'not-far-enough'),
      gapMs: fc.integer({ min: 0, max: 5_000 }),
      urgent: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 60 }), (requests) => {
        let tMs = 0;
        let state: CooldownState = INITIAL_COOLDOWN;
        const lastDelivered = new Map<string, number>();
        let lastAny: number | null = null;
        for (const { message, gapMs, urgent } of requests) {
          tMs += gapMs;
          const decision = decideDelivery(state, message, tMs, VOICE_COOLDOWN, urgent);
          state = decision.state;
          if (!decision.deliver) continue;
          const previous = lastDelivered.get(message);
          if (previous !== undefined) expect(tMs - previous).toBeGreaterThanOrEqual(VOICE_COOLDOWN.sameMessageMs);
          if (!urgent && lastAny !== null) expect(tMs - lastAny).toBeGreaterThanOrEqual(VOICE_COOLDOWN.anyMessageMs);
          lastDelivered.set(message, tMs);
          lastAny = tMs;
        }
      }),
    );
  });
});

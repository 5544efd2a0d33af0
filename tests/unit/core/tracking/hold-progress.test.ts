import { describe, expect, it } from 'vitest';
import { BREAK_REASONS, type RepEvent } from '../../../../src/core/reps/exercise-events';
import { holdAfterEvent, holdAt } from '../../../../src/core/tracking/hold-progress';

describe('hold progress', () => {
  it('grows with frame time from hold-started, freezes when broken, ends with the hold rep', () => {
    let hold = holdAfterEvent(null, { type: 'hold-started', tMs: 1000, side: 'none' }, 5000);
    expect(holdAt(hold, 3500)?.heldMs).toBe(2500);
    hold = holdAfterEvent(hold, { type: 'hold-broken', tMs: 3600, side: 'none', heldMs: 2600, reason: BREAK_REASONS.released }, 5000);
    expect(holdAt(hold, 9000)).toEqual({ heldMs: 2600, targetMs: 5000, broken: true, startMs: null });
    expect(holdAfterEvent(hold, { type: 'rep', kind: 'hold', tMs: 3600 } as Pick<RepEvent, 'type' | 'kind' | 'tMs'> as RepEvent, 5000)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { FeedbackCoach } from '../../../../src/ui/feedback/feedback-coach';
import type { CooldownConfig } from '../../../../src/core/feedback/feedback-cooldown';

const VISUAL: CooldownConfig = { sameMessageMs: 2_000, anyMessageMs: 500 };
const VOICE: CooldownConfig = { sameMessageMs: 8_000, anyMessageMs: 3_000 };

function coach(): { coach: FeedbackCoach; said: string[] } {
  const said: string[] = [];
  return { coach: new FeedbackCoach({ say: (text) => said.push(text) }, VISUAL, VOICE), said };
}

describe('FeedbackCoach', () => {
  it('shows and says a message at once, then shows it again before it says it again', () => {
    const { coach: c, said } = coach();
    expect(c.deliver('jerky', 'Smoother', 'warning', 0)).toEqual({ tone: 'warning', text: 'Smoother' });
    expect(said).toEqual(['Smoother']);
    expect(c.deliver('jerky', 'Smoother', 'warning', 1_000)).toBeNull();
    expect(c.deliver('jerky', 'Smoother', 'warning', 2_500)).not.toBeNull();
    expect(said).toHaveLength(1);
    c.deliver('jerky', 'Smoother', 'warning', 8_000);
    expect(said).toHaveLength(2);
  });

  it('lets safety feedback through right after praise, but not praise right after praise', () => {
    const { coach: c, said } = coach();
    c.deliver('good', 'Good', 'good', 0);
    expect(c.deliver('too-fast', 'Slower', 'warning', 100)).not.toBeNull();
    expect(c.deliver('not-far-enough', 'Further', 'warning', 200)).toBeNull();
    expect(said).toEqual(['Good', 'Slower']);
  });
});

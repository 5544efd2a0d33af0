// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../../src/ui/rep-counter/rep-counter';
import type { RepCounter } from '../../src/ui/rep-counter/rep-counter';
import { inEnglishOnACleanPage, renderElement, shadowText } from './render';

/** A counter of `left` and `right` reps against a target of 10. */
function renderLeftRight(left: number, right: number): Promise<RepCounter> {
  return renderElement<RepCounter>('atlas-rep-counter', {
    counts: [
      { side: 'left', count: left },
      { side: 'right', count: right },
    ],
    target: 10,
  });
}

describe('<atlas-rep-counter>', () => {
  inEnglishOnACleanPage();

  it('shows a count per side with the target and announces politely', async () => {
    const counter = await renderLeftRight(3, 10);
    expect(shadowText(counter, '[data-testid=reps-left]')).toBe('3');
    expect(shadowText(counter, '[data-testid=reps-right]')).toBe('10');
    expect(shadowText(counter, '[data-side=left]')).toContain('3 of 10');
    expect(counter.shadowRoot?.querySelector('ul')?.getAttribute('aria-live')).toBe('polite');
    const progress = counter.shadowRoot?.querySelector<HTMLProgressElement>('[data-side=left] progress');
    expect(progress?.value).toBe(3);
  });

  it('marks only finished sides done, with a sign and not colour alone', async () => {
    const counter = await renderLeftRight(9, 12);
    expect(counter.shadowRoot?.querySelector('[data-testid=reps-left-done]')).toBeNull();
    expect(shadowText(counter, '[data-testid=reps-right-done]')).toBe('✓');
  });

  it('updates when a rep is added', async () => {
    const counter = await renderElement<RepCounter>('atlas-rep-counter', { counts: [{ side: 'both', count: 0 }], target: 7 });
    counter.counts = [{ side: 'both', count: 1 }];
    await counter.updateComplete;
    expect(shadowText(counter, '[data-testid=reps-both]')).toBe('1');
  });
});

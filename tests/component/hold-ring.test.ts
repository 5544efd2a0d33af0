// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../../src/ui/coach/hold-ring';
import type { HoldRing } from '../../src/ui/coach/hold-ring';
import { inEnglishOnACleanPage, renderElement, shadowText } from './render';

describe('<atlas-hold-ring>', () => {
  inEnglishOnACleanPage();

  it('counts the seconds left down to 0, capped at the target, names the seconds held, and says a broken hold in words', async () => {
    const ring = await renderElement<HoldRing>('atlas-hold-ring', { heldMs: 600, targetMs: 3_000 });
    expect(shadowText(ring, '[data-testid=hold-seconds-left]')).toBe('3');
    expect(ring.shadowRoot?.querySelector('[role=timer]')?.getAttribute('aria-label')).toBe('0 s of 3 s');
    ring.heldMs = 2_600;
    await ring.updateComplete;
    expect(shadowText(ring, '[data-testid=hold-seconds-left]')).toBe('1');
    ring.heldMs = 9_000;
    ring.broken = true;
    await ring.updateComplete;
    expect(shadowText(ring, '[data-testid=hold-seconds-left]')).toBe('0');
    expect(ring.shadowRoot?.querySelector('[role=timer]')?.getAttribute('aria-label')).toBe('3 s of 3 s');
    expect(shadowText(ring, '[data-testid=hold-broken]')).toContain('Hold broken');
  });
});

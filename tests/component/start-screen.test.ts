// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PROTOCOL } from '../../src/core/protocol/protocol';
import '../../src/ui/app/start-screen';
import type { StartScreen } from '../../src/ui/app/start-screen';
import { inEnglishOnACleanPage, renderElement } from './render';
import { begin, choose, input } from './start-screen-driver';

describe('<atlas-start-screen>', () => {
  inEnglishOnACleanPage();

  it('in remission, every set is open and none is explained as locked', async () => {
    const screen = await renderElement<StartScreen>('atlas-start-screen', {});
    for (const set of PROTOCOL.sets) expect(input(screen, `set-${set.id}`).disabled).toBe(false);
    expect(screen.shadowRoot?.querySelector('[data-testid=locks]')).toBeNull();
  });

  it('in an exacerbation, locks the remission-only sets and quotes the protocol for each', async () => {
    const screen = await renderElement<StartScreen>('atlas-start-screen', {});
    await choose(screen, 'mode-exacerbation');
    const locked = PROTOCOL.sets.filter((set) => set.lockedInExacerbation);
    expect(locked.length).toBeGreaterThan(0);
    for (const set of PROTOCOL.sets) expect(input(screen, `set-${set.id}`).disabled).toBe(set.lockedInExacerbation);
    const quotes = [...(screen.shadowRoot?.querySelectorAll('[data-testid=locks] blockquote') ?? [])].map((q) => q.textContent ?? '');
    expect(quotes).toHaveLength(locked.length);
    for (const set of locked) expect(quotes.some((quote) => quote.includes(set.lockQuote))).toBe(true);
  });

  it('begins with the chosen mode and set, or the custom list in the order ticked', async () => {
    const screen = await renderElement<StartScreen>('atlas-start-screen', {});
    await choose(screen, 'set-complex-2');
    expect(begin(screen)).toEqual({ mode: 'remission', selection: { kind: 'set', group: 'complex-2' } });
    await choose(screen, 'set-custom');
    await choose(screen, 'custom-no-shakes');
    await choose(screen, 'custom-head-turns');
    expect(begin(screen)).toEqual({ mode: 'remission', selection: { kind: 'custom', exerciseIds: ['no-shakes', 'head-turns'] } });
  });

  it('switching to an exacerbation drops locked exercises from a custom list and disables them', async () => {
    const screen = await renderElement<StartScreen>('atlas-start-screen', {});
    await choose(screen, 'set-custom');
    await choose(screen, 'custom-head-turns');
    await choose(screen, 'custom-no-shakes');
    await choose(screen, 'mode-exacerbation');
    expect(input(screen, 'custom-head-turns').disabled).toBe(true);
    expect(begin(screen)?.selection).toEqual({ kind: 'custom', exerciseIds: ['no-shakes'] });
  });
});

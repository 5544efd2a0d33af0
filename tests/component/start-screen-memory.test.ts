// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../../src/ui/app/start-screen';
import type { StartScreen } from '../../src/ui/app/start-screen';
import { inEnglishOnACleanPage, renderElement, shadowText } from './render';
import { begin, choose, input } from './start-screen-driver';

describe('<atlas-start-screen> remembers', () => {
  inEnglishOnACleanPage();

  it('reads back the condition and the set chosen last', async () => {
    const remission = await renderElement<StartScreen>('atlas-start-screen', { savedMode: 'remission', savedSet: 'complex-1' });
    expect(begin(remission)).toEqual({ mode: 'remission', selection: { kind: 'set', group: 'complex-1' } });
    remission.remove();
    const flare = await renderElement<StartScreen>('atlas-start-screen', { savedMode: 'exacerbation', savedSet: 'custom' });
    expect(input(flare, 'mode-exacerbation').checked).toBe(true);
    expect(input(flare, 'set-custom').checked).toBe(true);
  });

  it('a set locked in the remembered condition is not chosen', async () => {
    const screen = await renderElement<StartScreen>('atlas-start-screen', { savedMode: 'exacerbation', savedSet: 'simple-a' });
    expect(begin(screen)).toEqual({ mode: 'exacerbation', selection: { kind: 'set', group: 'simple-b' } });
  });

  it('after a pain stop, asks before a new session begins', async () => {
    const screen = await renderElement<StartScreen>('atlas-start-screen', { lastEndedForPain: true });
    expect(begin(screen)).toBeNull();
    await screen.updateComplete;
    expect(shadowText(screen, '[role=alert]')).toContain('pain or dizziness has passed');
    await choose(screen, 'pain-confirm');
    expect(begin(screen)).not.toBeNull();
  });

  it('shows the next session time', async () => {
    const screen = await renderElement<StartScreen>('atlas-start-screen', {});
    const reminders = screen.shadowRoot?.querySelector('atlas-reminders');
    if (!reminders) throw new Error('no reminders');
    await (reminders as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadowText(reminders, '[data-testid=next-session]')).toMatch(/Next session: (today|tomorrow) at \d\d:00/);
  });
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appLocalizer } from '../../src/i18n/app-localizer';
import '../../src/ui/app/start-screen';
import type { BeginDetail, StartScreen } from '../../src/ui/app/start-screen';
import { renderElement, shadowText } from './render';

function begin(screen: StartScreen): BeginDetail | null {
  let detail: BeginDetail | null = null;
  screen.addEventListener('atlas-begin', (event) => (detail = (event as CustomEvent<BeginDetail>).detail), { once: true });
  screen.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid=begin]')?.click();
  return detail;
}

describe('<atlas-start-screen> remembers', () => {
  beforeEach(() => appLocalizer().setLanguage('en'));
  afterEach(() => document.body.replaceChildren());

  it('reads back the condition and the set chosen last', async () => {
    const remission = await renderElement<StartScreen>('atlas-start-screen', { savedMode: 'remission', savedSet: 'complex-1' });
    expect(begin(remission)).toEqual({ mode: 'remission', selection: { kind: 'set', group: 'complex-1' } });
    remission.remove();
    const flare = await renderElement<StartScreen>('atlas-start-screen', { savedMode: 'exacerbation', savedSet: 'custom' });
    expect(flare.shadowRoot?.querySelector<HTMLInputElement>('[data-testid=mode-exacerbation]')?.checked).toBe(true);
    expect(flare.shadowRoot?.querySelector<HTMLInputElement>('[data-testid=set-custom]')?.checked).toBe(true);
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
    const confirm = screen.shadowRoot?.querySelector<HTMLInputElement>('[data-testid=pain-confirm]');
    if (!confirm) throw new Error('no pain-confirm');
    confirm.checked = true;
    confirm.dispatchEvent(new Event('change'));
    await screen.updateComplete;
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

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../../src/ui/app/rest-screen';
import '../../src/ui/app/setup-screen';
import type { RestScreen } from '../../src/ui/app/rest-screen';
import type { SetupScreen } from '../../src/ui/app/setup-screen';
import type { PositionGuide } from '../../src/ui/setup/position-guide';
import type { PositionStepView } from '../../src/ui/setup/position-step-view';
import { inEnglishOnACleanPage, renderElement } from './render';

const PRONE: PositionStepView = {
  position: 'prone',
  view: 'front',
  guidedOnly: true,
  guidedFallback: true,
  midSession: true,
  cameraSide: null,
  secondHalf: false,
  exercises: [{ id: 'prone-ear-to-floor', title: 'Ear to the floor, lying on your stomach', check: null }],
};
/** Face down, measured: the first half, the camera at the left. */
const PRONE_LEFT: PositionStepView = { ...PRONE, view: 'side', guidedOnly: false, cameraSide: 'left' };
/** The second half: the camera moves to the right, no going guided halfway. */
const PRONE_RIGHT: PositionStepView = { ...PRONE_LEFT, cameraSide: 'right', secondHalf: true, guidedFallback: false };
const SUPINE: PositionStepView = { ...PRONE, position: 'supine', view: 'side', guidedOnly: false, midSession: false };
const UPRIGHT: PositionStepView = { ...PRONE, position: 'upright', view: 'front', guidedOnly: false, guidedFallback: false };

const find = (element: Element | null, testId: string): Element | null => element?.shadowRoot?.querySelector(`[data-testid=${testId}]`) ?? null;
const guide = (setup: SetupScreen): PositionGuide | null => setup.shadowRoot?.querySelector('atlas-position-guide') ?? null;

describe('a position setup step on the setup screen', () => {
  inEnglishOnACleanPage();

  it('face down, measured: the camera at the left in picture and words, the face check and "ready"; no neutral', async () => {
    const setup = await renderElement<SetupScreen>('atlas-setup-screen', { step: PRONE_LEFT, camera: 'on', checks: { framing: 'waiting', light: null, person: 'none', faceToward: false } });
    await guide(setup)?.updateComplete;
    const shown = guide(setup);
    expect(find(shown, 'position-picture')?.getAttribute('data-camera-side')).toBe('left');
    expect(find(shown, 'position-place')?.textContent).toContain('on the floor at your left, 1 m from you');
    expect(find(setup, 'check-face-toward')?.getAttribute('data-ok')).toBe('false');
    expect(find(setup, 'check-framing')).toBeNull();
    expect(find(setup, 'calibrate')).toBeNull();
    expect(find(setup, 'position-ready')).not.toBeNull();
    expect(find(setup, 'position-guided')).not.toBeNull();
    setup.checks = { ...setup.checks, faceToward: true };
    await setup.updateComplete;
    expect(find(setup, 'check-face-toward')?.getAttribute('data-ok')).toBe('true');
  });

  it('face down, the second half: the camera moves to the right, no guided way out halfway', async () => {
    const setup = await renderElement<SetupScreen>('atlas-setup-screen', { step: PRONE_RIGHT, camera: 'on' });
    await guide(setup)?.updateComplete;
    expect(find(guide(setup), 'position-picture')?.getAttribute('data-camera-side')).toBe('right');
    expect(find(guide(setup), 'position-place')?.textContent).toContain('move the camera to your right');
    expect(find(setup, 'position-guided')).toBeNull();
    expect(find(setup, 'position-ready')).not.toBeNull();
  });

  it('face down, guided: its picture, the guided note and "ready"; no camera, no neutral', async () => {
    const setup = await renderElement<SetupScreen>('atlas-setup-screen', { step: PRONE, camera: 'on' });
    await guide(setup)?.updateComplete;
    expect(find(setup, 'setup-heading')?.textContent).toBe('Change of position: lying face down');
    const shown = guide(setup);
    expect(find(shown, 'position-picture')?.getAttribute('data-position')).toBe('prone');
    expect(find(shown, 'position-guided-note')?.textContent).toContain('not measured');
    expect(find(setup, 'position-ready')).not.toBeNull();
    expect(find(setup, 'calibrate')).toBeNull();
    let ready = 0;
    setup.addEventListener('atlas-position-ready', () => (ready += 1));
    (find(setup, 'position-ready') as HTMLButtonElement).click();
    expect(ready).toBe(1);
  });

  it('lying on the back: the side view, a neutral there, and "do these guided" for who cannot place the camera', async () => {
    const setup = await renderElement<SetupScreen>('atlas-setup-screen', { step: SUPINE, camera: 'on' });
    await guide(setup)?.updateComplete;
    expect(find(setup, 'setup-heading')?.textContent).toBe('Before we start');
    expect(find(guide(setup), 'position-step')?.getAttribute('data-view')).toBe('side');
    expect(setup.shadowRoot?.textContent).toContain('Lie on your back, head resting on the mat');
    expect(find(setup, 'position-guided')).not.toBeNull();
    expect(find(setup, 'position-ready')).toBeNull();
  });

  it('sitting: measured, no guided way round the camera', async () => {
    const setup = await renderElement<SetupScreen>('atlas-setup-screen', { step: UPRIGHT, camera: 'on' });
    expect(find(setup, 'position-guided')).toBeNull();
    expect(find(setup, 'calibrate')).not.toBeNull();
  });
});

describe('the rest before a change of position', () => {
  inEnglishOnACleanPage();

  it('shows no countdown and waits for "ready"', async () => {
    const rest = await renderElement<RestScreen>('atlas-rest-screen', { secondsLeft: 0, nextTitle: 'Seated chin press', changePosition: 'upright' });
    expect(rest.shadowRoot?.querySelector('[role=timer]')).toBeNull();
    expect(find(rest, 'rest-change-position')?.textContent).toContain('sitting or standing');
    expect(find(rest, 'rest-ready')?.textContent?.trim()).toBe('Ready');
    expect(find(rest, 'rest-skip')).toBeNull();
  });

  it('counts down as before within one position', async () => {
    const rest = await renderElement<RestScreen>('atlas-rest-screen', { secondsLeft: 12, nextTitle: 'Small head circles' });
    expect(rest.shadowRoot?.querySelector('[role=timer]')?.textContent).toContain('12');
    expect(find(rest, 'rest-skip')).not.toBeNull();
  });
});

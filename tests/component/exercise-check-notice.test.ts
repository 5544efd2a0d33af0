// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findExercise } from '../../src/core/protocol/protocol';
import { appLocalizer } from '../../src/i18n/app-localizer';
import '../../src/ui/app/exercise-screen';
import '../../src/ui/app/rest-screen';
import type { ExerciseScreen } from '../../src/ui/app/exercise-screen';
import type { RestScreen } from '../../src/ui/app/rest-screen';
import { exerciseCheckOn } from '../../src/vision/backend-capabilities';
import { inEnglishOnACleanPage, renderElement, shadowText } from './render';

const SHOULDERS_FORWARD_BACK = findExercise('shoulders-forward-back') ?? null;

describe('an exercise the running models cannot check', () => {
  inEnglishOnACleanPage();

  it('is announced on the rest screen before it and at the top of its screen, with what to do; nothing when it can be checked', async () => {
    const noBody = exerciseCheckOn(SHOULDERS_FORWARD_BACK!, 'tfjs', ['face']);
    const rest = await renderElement<RestScreen>('atlas-rest-screen', { nextTitle: 'Shoulders', nextCheck: noBody });
    expect(shadowText(rest, '[data-testid=cannot-check]')).toContain('the body (no body model)');
    expect(shadowText(rest, '[data-testid=cannot-check]')).toContain('use the MediaPipe models');
    const screen = await renderElement<ExerciseScreen>('atlas-exercise-screen', { exercise: SHOULDERS_FORWARD_BACK, check: noBody });
    expect(shadowText(screen, '[data-testid=cannot-check]')).toContain('cannot check this exercise');
    screen.check = exerciseCheckOn(SHOULDERS_FORWARD_BACK!, 'tfjs', ['pose', 'face']);
    await screen.updateComplete;
    expect(screen.shadowRoot?.querySelector('[data-testid=cannot-check]')).toBeNull();
  });

  it('in Russian too', async () => {
    appLocalizer().setLanguage('ru');
    const screen = await renderElement<ExerciseScreen>('atlas-exercise-screen', { exercise: SHOULDERS_FORWARD_BACK, check: exerciseCheckOn(SHOULDERS_FORWARD_BACK!, 'mediapipe', ['face']) });
    expect(shadowText(screen, '[data-testid=cannot-check]')).toContain('не могут проверить это упражнение');
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findExercise } from '../../src/core/protocol/protocol';
import { QUALITY_PROBLEMS } from '../../src/core/quality';
import { appLocalizer } from '../../src/i18n/app-localizer';
import '../../src/ui/app/exercise-screen';
import type { ExerciseScreen } from '../../src/ui/app/exercise-screen';
import { inEnglishOnACleanPage, renderElement, shadowText } from './render';

const HEAD_TURNS = findExercise('head-turns') ?? null;

describe('<atlas-exercise-screen> when the tracking paused counting', () => {
  inEnglishOnACleanPage();

  it('says why (each reason its own text), and the generic text without a reason', async () => {
    const texts = new Set<string>();
    for (const problem of Object.values(QUALITY_PROBLEMS)) {
      const screen = await renderElement<ExerciseScreen>('atlas-exercise-screen', { exercise: HEAD_TURNS, personMissing: true, qualityProblem: problem });
      const text = shadowText(screen, '[data-testid=feedback]');
      expect(text, problem).not.toContain('exercise.quality');
      texts.add(text);
      screen.remove();
    }
    // "no-person" reuses the generic sentence; the four others are distinct.
    expect(texts.size).toBe(Object.values(QUALITY_PROBLEMS).length);
    const several = await renderElement<ExerciseScreen>('atlas-exercise-screen', { exercise: HEAD_TURNS, personMissing: true, qualityProblem: QUALITY_PROBLEMS.severalPeople });
    expect(shadowText(several, '[data-testid=feedback]')).toContain('more than one person');
    several.qualityProblem = null;
    await several.updateComplete;
    expect(shadowText(several, '[data-testid=feedback]')).toContain('I can’t see you');
  });

  it('in Russian too', async () => {
    appLocalizer().setLanguage('ru');
    const screen = await renderElement<ExerciseScreen>('atlas-exercise-screen', { exercise: HEAD_TURNS, personMissing: true, qualityProblem: QUALITY_PROBLEMS.faceOccluded });
    expect(shadowText(screen, '[data-testid=feedback]')).toContain('Лицо закрыто');
  });
});

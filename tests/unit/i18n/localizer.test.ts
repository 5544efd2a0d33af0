import { describe, expect, it } from 'vitest';
import { EN } from '../../../src/i18n/en';
import { createLocalizer, preferredLanguage, type LanguageMemory } from '../../../src/i18n/localizer';
import { RU } from '../../../src/i18n/ru';

function memory(initial: Record<string, string> = {}): LanguageMemory & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    leafPaths(child, prefix === '' ? key : `${prefix}.${key}`),
  );
}

describe('localizer', () => {
  it('prefers the browser language when nothing is remembered', () => {
    expect(preferredLanguage(['ru-RU', 'en'])).toBe('ru');
    expect(preferredLanguage(['de-DE', 'fr'])).toBe('en');
    expect(createLocalizer(memory(), ['ru']).t('start.begin')).toBe(RU.start.begin);
  });

  it('switches language, tells subscribers and remembers the choice', () => {
    const store = memory();
    const localizer = createLocalizer(store, ['en-GB']);
    expect(localizer.t('start.begin')).toBe(EN.start.begin);
    let calls = 0;
    localizer.subscribe(() => (calls += 1));
    localizer.setLanguage('ru');
    expect(localizer.t('start.begin')).toBe(RU.start.begin);
    expect(calls).toBe(1);
    expect(createLocalizer(store, ['en']).language).toBe('ru');
  });

  it('interpolates and uses Russian plural forms', () => {
    const localizer = createLocalizer(memory({ 'atlas.language': 'ru' }), []);
    expect(localizer.t('start.exerciseCount', { count: 1 })).toBe('1 упражнение');
    expect(localizer.t('start.exerciseCount', { count: 3 })).toBe('3 упражнения');
    expect(localizer.t('start.exerciseCount', { count: 7 })).toBe('7 упражнений');
    expect(localizer.pick({ en: 'Turn', ru: 'Поворот' })).toBe('Поворот');
  });

  it('has a non-empty Russian string for every English key', () => {
    const russian = createLocalizer(memory({ 'atlas.language': 'ru' }), []);
    for (const key of leafPaths(EN).filter((path) => !path.includes('_'))) {
      const text = russian.t(key);
      expect(text, key).not.toBe(key);
      expect(text.length, key).toBeGreaterThan(0);
    }
  });
});

describe('feedback translations', () => {
  it('has words for every feedback kind the engine can give, in both languages', async () => {
    const { FEEDBACK_KINDS } = await import('../../../src/core/reps/exercise-events');
    const { feedbackKey } = await import('../../../src/ui/summary/summary-view');
    for (const language of ['en', 'ru'] as const) {
      const localizer = createLocalizer(memory({ 'atlas.language': language }), []);
      for (const kind of Object.values(FEEDBACK_KINDS)) {
        const key = `exercise.feedback.${feedbackKey(kind)}`;
        expect(localizer.t(key, { side: 'x' }), `${language}: ${kind}`).not.toBe(key);
      }
    }
  });
});

// @vitest-environment happy-dom
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { createLocalizer, type Language } from '../../../../src/i18n/localizer';
import { checkNotice } from '../../../../src/ui/app/check-notice';

function translator(language: Language) {
  const values = new Map<string, string>([['atlas.language', language]]);
  const localizer = createLocalizer({ getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) }, []);
  return (key: string, options?: Record<string, string | number>): string => localizer.t(key, options);
}

function shown(language: Language, check: Parameters<typeof checkNotice>[0]): string {
  const host = document.createElement('div');
  render(checkNotice(check, translator(language)), host);
  return host.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('checkNotice', () => {
  it('says nothing when the exercise can be checked or the models are not known yet', () => {
    expect(shown('en', { ok: true })).toBe('');
    expect(shown('en', null)).toBe('');
  });

  it('says what the models lack and what to do, in English and Russian', () => {
    const check = { ok: false, missing: ['body-face-points', 'body-depth'], advice: 'switch-backend' } as const;
    const en = shown('en', check);
    expect(en).toContain('cannot check this exercise');
    expect(en).toContain('the eyes and mouth corners of the body model, the body’s depth (forward and back)');
    expect(en).toContain('Measure this computer again');
    const ru = shown('ru', { ok: false, missing: ['body-points'], advice: 'guided' });
    expect(ru).toContain('не могут проверить это упражнение');
    expect(ru).toContain('тело (нет модели тела)');
    expect(ru).toContain('повторения не будут считаться');
    expect(ru).not.toContain('MediaPipe');
  });
});

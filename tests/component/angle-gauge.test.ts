// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { appLocalizer } from '../../src/i18n/app-localizer';
import '../../src/ui/gauge/angle-gauge';
import type { AngleGauge } from '../../src/ui/gauge/angle-gauge';
import { dialPoint } from '../../src/ui/gauge/gauge-geometry';
import { inEnglishOnACleanPage, renderElement, shadowText } from './render';

const POSITION_TOLERANCE = 1e-9;

describe('dialPoint', () => {
  it('draws a positive (subject-left) angle on the screen’s left and 0° straight up', () => {
    expect(dialPoint(0, 90, 'horizontal').x).toBeCloseTo(0, 9);
    expect(dialPoint(0, 90, 'horizontal').y).toBeCloseTo(-1, 9);
    expect(dialPoint(45, 90, 'horizontal').x).toBeLessThan(-POSITION_TOLERANCE);
    expect(dialPoint(-45, 90, 'horizontal').x).toBeGreaterThan(POSITION_TOLERANCE);
  });

  it('draws chin-up above the centre on a vertical dial and clamps beyond the range', () => {
    expect(dialPoint(30, 60, 'vertical').y).toBeLessThan(-POSITION_TOLERANCE);
    expect(dialPoint(-30, 60, 'vertical').y).toBeGreaterThan(POSITION_TOLERANCE);
    expect(dialPoint(500, 60, 'vertical')).toEqual(dialPoint(60, 60, 'vertical'));
  });
});

describe('<atlas-angle-gauge>', () => {
  inEnglishOnACleanPage();

  it('shows the current angle, the target and the best, and exposes a meter', async () => {
    const gauge = await renderElement<AngleGauge>('atlas-angle-gauge', {
      value: 32.4,
      target: 60,
      bestPositive: 48,
      bestNegative: 51,
      label: 'Turn angle',
    });
    expect(shadowText(gauge, '[data-testid=gauge-now]')).toBe('Now 32°');
    expect(shadowText(gauge, '[data-testid=gauge-target]')).toBe('Target 60°');
    expect(shadowText(gauge, '[data-testid=gauge-best]')).toBe('Your best 51°');
    const meter = gauge.shadowRoot?.querySelector('[role=meter]');
    expect(meter?.getAttribute('aria-valuenow')).toBe('32');
    expect(meter?.getAttribute('aria-label')).toBe('Turn angle');
    expect(gauge.shadowRoot?.querySelector('[data-testid=gauge-reached]')).toBeNull();
  });

  it('marks the target reached with text on either side, but only in the exercise’s direction', async () => {
    const gauge = await renderElement<AngleGauge>('atlas-angle-gauge', { value: -62, target: 60 });
    expect(gauge.targetReached).toBe(true);
    expect(shadowText(gauge, '[data-testid=gauge-reached]')).toContain('✓');
    gauge.direction = 'positive';
    await gauge.updateComplete;
    expect(gauge.targetReached).toBe(false);
    expect(gauge.shadowRoot?.querySelector('[data-testid=gauge-reached]')).toBeNull();
  });

  it('points the needle the way the angle goes and hides it when not tracked', async () => {
    const gauge = await renderElement<AngleGauge>('atlas-angle-gauge', { value: 45, target: 60 });
    const needle = gauge.shadowRoot?.querySelector('.needle');
    expect(Number(needle?.getAttribute('x2'))).toBeLessThan(0);
    gauge.value = null;
    await gauge.updateComplete;
    expect(gauge.shadowRoot?.querySelector('.needle')).toBeNull();
    expect(shadowText(gauge, '[data-testid=gauge-now]')).toBe('Not tracked');
  });

  it('names the side of the angle in words, using the subject’s own left and right', async () => {
    const gauge = await renderElement<AngleGauge>('atlas-angle-gauge', {
      value: -22.4,
      target: 12,
      positiveLabel: 'Turn left',
      negativeLabel: 'Turn right',
    });
    expect(shadowText(gauge, '[data-testid=gauge-now]')).toBe('Now 22° · Turn right');
    expect(shadowText(gauge, '[data-testid=gauge-reached]')).toBe('✓ Target reached');
  });

  it('re-renders in Russian when the language changes', async () => {
    const gauge = await renderElement<AngleGauge>('atlas-angle-gauge', { value: 10, target: 60 });
    appLocalizer().setLanguage('ru');
    await gauge.updateComplete;
    expect(shadowText(gauge, '[data-testid=gauge-target]')).toBe('Цель 60°');
  });
});

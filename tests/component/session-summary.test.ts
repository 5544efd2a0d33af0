// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../../src/ui/summary/session-summary';
import type { SessionSummary } from '../../src/ui/summary/session-summary';
import type { SessionSummaryView } from '../../src/ui/summary/summary-view';
import { inEnglishOnACleanPage, renderElement, shadowText } from './render';

type ExerciseView = SessionSummaryView['exercises'][number];

function exerciseView(view: Pick<ExerciseView, 'exerciseId' | 'title' | 'status'> & Partial<ExerciseView>): ExerciseView {
  return { reps: [], repsTarget: 7, ranges: [], smoothness: null, warnings: [], guided: false, ...view };
}

const leftRight = (left: number, right: number): ExerciseView['reps'] => [
  { side: 'left', count: left },
  { side: 'right', count: right },
];

const SUMMARY: SessionSummaryView = {
  endedForPain: false,
  exercises: [
    exerciseView({
      exerciseId: 'head-turns',
      title: 'Head turns',
      status: 'done',
      reps: leftRight(8, 7),
      ranges: [
        { direction: 'left', reachedDeg: 62.4, targetDeg: 60, previousDeg: 55, change: 'progress', deltaDeg: 7.2 },
        { direction: 'right', reachedDeg: 51, targetDeg: 60, previousDeg: 52, change: 'noise', deltaDeg: -1 },
      ],
      smoothness: 'fair',
      warnings: [{ code: 'too-fast', count: 2 }],
    }),
    exerciseView({ exerciseId: 'no-shakes', title: 'Small “no” shakes', status: 'skipped', reps: [{ side: 'both', count: 0 }] }),
    exerciseView({
      exerciseId: 'prone-ear-to-floor',
      title: 'Ear to the floor, lying on your stomach',
      status: 'done',
      reps: leftRight(3, 3),
      repsTarget: 3,
      guided: true,
    }),
  ],
};

describe('<atlas-session-summary>', () => {
  inEnglishOnACleanPage();

  it('lists reps per exercise and side', async () => {
    const summary = await renderElement<SessionSummary>('atlas-session-summary', { summary: SUMMARY });
    const turns = summary.shadowRoot?.querySelector('[data-exercise=head-turns]');
    expect(turns?.querySelector('h3')?.textContent).toBe('Head turns');
    expect(shadowText(summary, '[data-exercise=head-turns] [data-testid=summary-reps-left]')).toBe('8 of 7');
    expect(shadowText(summary, '[data-exercise=head-turns] [data-testid=summary-reps-right]')).toBe('7 of 7');
    expect(shadowText(summary, '[data-exercise=no-shakes]')).toContain('Skipped');
  });

  it('marks a guided exercise as confirmed, not measured, and only that one', async () => {
    const summary = await renderElement<SessionSummary>('atlas-session-summary', { summary: SUMMARY });
    expect(shadowText(summary, '[data-exercise=prone-ear-to-floor] [data-testid=summary-guided]')).toContain('Confirmed by you, not measured');
    expect(summary.shadowRoot?.querySelectorAll('[data-testid=summary-guided]')).toHaveLength(1);
    expect(summary.shadowRoot?.querySelector('[data-exercise=prone-ear-to-floor] tr[data-side=left]')?.getAttribute('data-confirmed')).toBe('true');
    expect(summary.shadowRoot?.querySelector('[data-exercise=head-turns] tr[data-side=left]')?.getAttribute('data-confirmed')).toBe('false');
  });

  it('compares range with the target and last time, calling progress only what passed the noise', async () => {
    const summary = await renderElement<SessionSummary>('atlas-session-summary', { summary: SUMMARY });
    const left = shadowText(summary, '[data-direction=left]');
    expect(left).toContain('62° ✓');
    expect(left).toContain('Progress: +7°');
    const right = shadowText(summary, '[data-direction=right]');
    expect(right).not.toContain('Progress');
    expect(right).toContain('within measurement noise');
    expect(right).not.toContain('✓ ');
  });

  it('shows smoothness and translated warnings, and the pain stop as an alert', async () => {
    const summary = await renderElement<SessionSummary>('atlas-session-summary', {
      summary: { ...SUMMARY, endedForPain: true },
    });
    expect(shadowText(summary, '[data-exercise=head-turns] [data-testid=summary-smoothness]')).toBe('Fair');
    expect(shadowText(summary, '[data-exercise=head-turns] [data-testid=summary-warnings]')).toBe(
      '⚠ Slower, please: move smoothly. ×2',
    );
    expect(shadowText(summary, '[role=alert]')).toContain('pain or dizziness');
  });

  it('says so when nothing was recorded', async () => {
    const summary = await renderElement<SessionSummary>('atlas-session-summary', {
      summary: { exercises: [], endedForPain: false },
    });
    expect(summary.shadowRoot?.textContent).toContain('Nothing was recorded');
  });
});

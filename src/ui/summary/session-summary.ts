import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import { appLocalizer } from '../../i18n/app-localizer';
import { elementStyles } from '../styles/shared-styles';
import { feedbackKey, type SessionSummaryView, type SummaryExercise, type SummaryRange } from './summary-view';

const CHANGE_ICONS = { progress: '▲', regress: '▼', noise: '＝', first: '★' } as const;

/** The end-of-session report: reps per side, range per direction vs target and last time, smoothness, warnings. */
@customElement('atlas-session-summary')
export class SessionSummary extends LocalizedElement {
  static override styles = elementStyles(
    css`
      section { margin-bottom: 1.5rem; }
      .pain { border: 3px solid var(--atlas-danger, #a40e26); padding: 0.75rem; border-radius: 0.5rem; }
    `,
  );

  @property({ attribute: false }) summary: SessionSummaryView = { exercises: [], endedForPain: false };

  override render() {
    void this.l10n;
    const localizer = appLocalizer();
    if (this.summary.exercises.length === 0) return html`<p>${localizer.t('summary.empty')}</p>`;
    return html`
      ${this.summary.endedForPain
        ? html`<p class="pain" role="alert">⚠ ${localizer.t('exercise.painStopped')}</p>`
        : nothing}
      ${this.summary.exercises.map((exercise) => this.renderExercise(exercise))}
    `;
  }

  private renderExercise(exercise: SummaryExercise) {
    const localizer = appLocalizer();
    const headingId = `summary-${exercise.exerciseId}`;
    return html`
      <section aria-labelledby=${headingId} data-exercise=${exercise.exerciseId}>
        <h3 id=${headingId}>${exercise.title}</h3>
        ${this.renderStatus(exercise)}
        ${exercise.guided ? html`<p class="status guided" data-testid="summary-guided">ℹ ${localizer.t('summary.guided')}</p>` : nothing}
        <table data-testid="summary-reps">
          <caption class="visually-hidden">${localizer.t('summary.reps')}</caption>
          <thead><tr><th scope="col">${localizer.t('summary.side')}</th><th scope="col">${localizer.t('summary.reps')}</th></tr></thead>
          <tbody>
            ${exercise.reps.map(
              ({ side, count }) => html`<tr data-side=${side} data-confirmed=${String(exercise.guided)}>
                <th scope="row">${localizer.t(`exercise.side.${side}`)}</th>
                <td data-testid=${`summary-reps-${side}`}>${localizer.t('exercise.repsOf', { count, target: exercise.repsTarget })}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        ${exercise.ranges.length > 0 ? this.renderRanges(exercise.ranges) : nothing}
        <p>
          <strong>${localizer.t('summary.smoothness')}:</strong>
          <span data-testid="summary-smoothness">
            ${exercise.smoothness === null ? '—' : localizer.t(`summary.smoothnessValue.${exercise.smoothness}`)}
          </span>
        </p>
        <p>
          <strong>${localizer.t('summary.warnings')}:</strong>
          <span data-testid="summary-warnings">
            ${exercise.warnings.length === 0
              ? localizer.t('summary.none')
              : exercise.warnings
                  .map(({ code, count }) => `⚠ ${this.warningText(code)} ×${count}`)
                  .join('; ')}
          </span>
        </p>
      </section>
    `;
  }

  private renderStatus(exercise: SummaryExercise) {
    const localizer = appLocalizer();
    if (exercise.status === 'skipped') return html`<p class="status">⤼ ${localizer.t('summary.skipped')}</p>`;
    if (exercise.status === 'stopped') return html`<p class="status">■ ${localizer.t('summary.stopped')}</p>`;
    if (exercise.status === 'pain') return html`<p class="status">⚠ ${localizer.t('summary.stoppedForPain')}</p>`;
    return nothing;
  }

  private renderRanges(ranges: readonly SummaryRange[]) {
    const localizer = appLocalizer();
    return html`
      <table data-testid="summary-ranges">
        <caption class="visually-hidden">${localizer.t('summary.range')}</caption>
        <thead>
          <tr>
            <th scope="col">${localizer.t('summary.direction')}</th>
            <th scope="col">${localizer.t('summary.reached')}</th>
            <th scope="col">${localizer.t('summary.target')}</th>
            <th scope="col">${localizer.t('summary.lastTime')}</th>
            <th scope="col">${localizer.t('summary.change')}</th>
          </tr>
        </thead>
        <tbody>
          ${ranges.map(
            (range) => html`<tr data-direction=${range.direction}>
              <th scope="row">${localizer.t(`summary.directions.${range.direction}`)}</th>
              <td>${this.degrees(range.reachedDeg)}${range.reachedDeg !== null && range.reachedDeg >= range.targetDeg ? ' ✓' : ''}</td>
              <td>${this.degrees(range.targetDeg)}</td>
              <td>${this.degrees(range.previousDeg)}</td>
              <td data-testid="summary-change" data-change=${range.change}>${CHANGE_ICONS[range.change]} ${this.changeText(range)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  private changeText(range: SummaryRange): string {
    const localizer = appLocalizer();
    const delta = Math.round(range.deltaDeg ?? 0);
    switch (range.change) {
      case 'progress':
        return localizer.t('summary.progress', { delta });
      case 'regress':
        return localizer.t('summary.regress', { delta });
      case 'noise':
        return localizer.t('summary.withinNoise');
      case 'first':
        return localizer.t('summary.noPrevious');
    }
  }

  private warningText(code: string): string {
    const key = `exercise.feedback.${feedbackKey(code)}`;
    const text = appLocalizer().t(key, { side: '', count: '' });
    return text === key ? code : text;
  }

  private degrees(value: number | null): string {
    return value === null ? '—' : `${Math.round(value)}°`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-session-summary': SessionSummary;
  }
}

import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import { findExercise } from '../../core/protocol/protocol';
import { romProgressByDay, ROM_VERDICTS, type RomSeries } from '../../core/session';
import { appLocalizer } from '../../i18n/app-localizer';
import { toPeakSamples } from '../../store/store-queries';
import type { RepRecord, SessionRecord } from '../../store/store-records';
import '../history/range-chart';
import type { RangeSeries } from '../history/range-chart';
import { elementStyles } from '../styles/shared-styles';
import { gaugeModel, summaryDirection } from './gauge-model';

interface ExerciseHistory {
  readonly exerciseId: string;
  readonly title: string;
  readonly days: readonly string[];
  readonly series: readonly RangeSeries[];
  readonly verdicts: readonly string[];
}

/** The exercises of a stored session with reps the person confirmed (guided), and how many (older records have none). */
export function guidedExercises(session: SessionRecord): { readonly exerciseId: string; readonly confirmed: number }[] {
  return (session.summary ?? [])
    .filter((exercise) => exercise.tracking === 'guided')
    .map((exercise) => ({ exerciseId: exercise.exerciseId, confirmed: exercise.sides.reduce((sum, side) => sum + (side.confirmed ?? 0), 0) }))
    .filter((exercise) => exercise.confirmed > 0);
}

function titleOf(exerciseId: string): string {
  const definition = findExercise(exerciseId);
  return definition === undefined ? exerciseId : appLocalizer().pick(definition.title);
}

/** Range-of-motion series grouped per exercise, for the charts (only head-angle exercises). */
export function historyByExercise(series: readonly RomSeries[]): Map<string, RomSeries[]> {
  const byExercise = new Map<string, RomSeries[]>();
  for (const item of series) {
    const definition = findExercise(item.exerciseId);
    if (definition === undefined || gaugeModel(definition) === null) continue;
    byExercise.set(item.exerciseId, [...(byExercise.get(item.exerciseId) ?? []), item]);
  }
  return byExercise;
}

/** History: range of motion over days per exercise (progress only beyond the noise), and the sessions. */
@customElement('atlas-history-screen')
export class HistoryScreen extends LocalizedElement {
  static override styles = elementStyles(
    css`
      ul.sessions { padding-inline-start: 1.25rem; }
    `,
  );

  @property({ attribute: false }) sessions: readonly SessionRecord[] = [];
  @property({ attribute: false }) reps: readonly RepRecord[] = [];

  override render() {
    void this.l10n;
    const localizer = appLocalizer();
    const t = (key: string, options?: Record<string, string | number>) => localizer.t(key, options);
    const finished = [...this.sessions].sort((a, b) => (a.startedAtIso < b.startedAtIso ? 1 : -1));
    return html`
      <h2>${t('history.heading')}</h2>
      ${finished.length === 0 ? html`<p data-testid="history-empty">${t('history.empty')}</p>` : nothing}
      ${this.exerciseHistories().map(
        (history) => html`<section data-testid="history-chart" data-exercise=${history.exerciseId}>
          <atlas-range-chart
            .heading=${t('history.chartLabel', { name: history.title })}
            .days=${history.days}
            .series=${history.series}
            .unitLabel=${t('history.degrees')}
          ></atlas-range-chart>
          <ul>${history.verdicts.map((line) => html`<li>${line}</li>`)}</ul>
        </section>`,
      )}
      ${finished.length === 0
        ? nothing
        : html`<h3>${t('history.sessionsList')}</h3>
            <ul class="sessions" data-testid="history-sessions">
              ${finished.map(
                (session) => html`<li data-session=${session.id}>
                  ${t('history.sessionLine', { date: localizer.formatDate(new Date(session.startedAtIso), true), reps: session.countedReps })}
                  ${session.endReason === 'pain' ? html` — ⚠ ${t('history.painMarker')}` : nothing}
                  ${guidedExercises(session).map(
                    (guided) => html`<br /><span data-testid="history-guided" data-exercise=${guided.exerciseId}>ℹ ${t('history.guidedLine', {
                      name: titleOf(guided.exerciseId),
                      count: guided.confirmed,
                    })}</span>`,
                  )}
                </li>`,
              )}
            </ul>`}
    `;
  }

  private exerciseHistories(): ExerciseHistory[] {
    const localizer = appLocalizer();
    const offsetMinutes = -new Date().getTimezoneOffset();
    const series = romProgressByDay(toPeakSamples(this.reps), offsetMinutes);
    return [...historyByExercise(series).entries()].map(([exerciseId, items]) => {
      const definition = findExercise(exerciseId);
      const model = definition === undefined ? null : gaugeModel(definition);
      const days = [...new Set(items.flatMap((item) => item.days.map((day) => day.day)))].sort();
      const label = (item: RomSeries): string => {
        const direction = summaryDirection(model?.axis ?? null, item.side);
        return direction === null ? item.side : localizer.t(`summary.directions.${direction}`);
      };
      return {
        exerciseId,
        title: definition === undefined ? exerciseId : localizer.pick(definition.title),
        days,
        series: items.map((item) => ({
          label: label(item),
          values: days.map((day) => item.days.find((entry) => entry.day === day)?.meanDeg ?? null),
        })),
        verdicts: items.map((item) => {
          const delta = Math.round(item.change.deltaDeg ?? 0);
          const text =
            item.change.verdict === ROM_VERDICTS.progress
              ? `▲ ${localizer.t('summary.progress', { delta })}`
              : item.change.verdict === ROM_VERDICTS.decline
                ? `▼ ${localizer.t('summary.regress', { delta })}`
                : item.change.verdict === ROM_VERDICTS.withinNoise
                  ? `＝ ${localizer.t('summary.withinNoise')}`
                  : `★ ${localizer.t('summary.noPrevious')}`;
          return `${label(item)}: ${text}`;
        }),
      };
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-history-screen': HistoryScreen;
  }
}

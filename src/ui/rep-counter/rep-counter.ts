import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import type { Direction } from '../../core/protocol/exercise-definition';
import { appLocalizer } from '../../i18n/app-localizer';
import { elementStyles } from '../styles/shared-styles';

/** A protocol direction (subject's own view), or `both` for one total. */
export type CounterSide = Direction | 'both';

export interface SideCount {
  readonly side: CounterSide;
  readonly count: number;
}

/**
 * Repetitions per side toward the target: a number, a progress bar and a check mark with text
 * when a side is done (never colour alone). Counts are announced politely to screen readers.
 */
@customElement('atlas-rep-counter')
export class RepCounter extends LocalizedElement {
  static override styles = elementStyles(css`
    :host { font-size: var(--atlas-count-label-size, 1.2rem); }
    h3 { margin: 0 0 0.5rem; font-size: 1.1rem; }
    :host([compact]) h3 { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem 0.5rem; }
    li { display: grid; grid-template-columns: minmax(0, auto) 1fr; align-items: baseline; gap: 0 0.75rem; }
    .count { font-size: var(--atlas-count-size, 2rem); font-weight: 800; line-height: 1.05; font-variant-numeric: tabular-nums; }
    .of { font-weight: 700; opacity: 0.8; }
    progress { grid-column: 1 / -1; width: 100%; height: 0.9rem; accent-color: var(--atlas-accent, #0b5cad); }
    .done { font-weight: 700; }
  `);

  @property({ attribute: false }) counts: readonly SideCount[] = [];
  @property({ type: Number }) target = 10;
  /** Hides the heading (the exercise screen's coach board has its own context). */
  @property({ type: Boolean, reflect: true }) compact = false;

  override render() {
    void this.l10n;
    const localizer = appLocalizer();
    return html`
      <h3 id="reps-heading">${localizer.t('exercise.reps')}</h3>
      <ul aria-labelledby="reps-heading" aria-live="polite">
        ${this.counts.map(({ side, count }) => {
          const sideLabel = localizer.t(`exercise.side.${side}`);
          const text = localizer.t('exercise.repsOf', { count, target: this.target });
          return html`
            <li data-side=${side}>
              <span>${sideLabel}</span>
              <span>
                <span class="count" data-testid=${`reps-${side}`}>${count}</span>
                <span class="of" aria-hidden="true">/ ${this.target}</span>
                <span class="visually-hidden">${text}</span>
                ${count >= this.target ? html`<span class="done" data-testid=${`reps-${side}-done`}> ✓</span>` : null}
              </span>
              <progress max=${this.target} .value=${Math.min(count, this.target)} aria-label=${`${sideLabel}: ${text}`}></progress>
            </li>
          `;
        })}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-rep-counter': RepCounter;
  }
}

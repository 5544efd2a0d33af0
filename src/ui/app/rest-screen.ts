import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import type { Position } from '../../core/protocol/positions';
import type { ExerciseCheckability } from '../../core/reps/exercise-checkability';
import type { DailyCount } from '../../core/session';
import '../demo/exercise-demo';
import { elementStyles } from '../styles/shared-styles';
import { checkNotice } from './check-notice';

/**
 * Rest between two exercises: a countdown, what comes next (its demonstration playing), and today's
 * sessions against 3–4. Before a change of position there is no countdown: it waits for "ready".
 * Emits `atlas-next`.
 */
@customElement('atlas-rest-screen')
export class RestScreen extends LocalizedElement {
  static override styles = elementStyles(
    css`
      .check-notice { font-weight: 700; padding: 0.5rem 0.75rem; border-radius: 0.5rem; border: 2px solid var(--atlas-warn, #9a6700); }
      .change { font-size: 1.3rem; font-weight: 700; }
      .countdown { font-size: 3rem; font-weight: 700; font-variant-numeric: tabular-nums; margin: 0.5rem 0; }
    `,
  );

  @property({ type: Number }) secondsLeft = 0;
  @property() nextTitle = '';
  /** The next exercise's id: its demonstration plays while resting. */
  @property() nextId = '';
  @property({ attribute: false }) today: DailyCount | null = null;
  /** Whether the running models can check the next exercise (null: not known). */
  @property({ attribute: false }) nextCheck: ExerciseCheckability | null = null;
  /** The position the next exercise is in, when it is another one: the rest waits for "ready". */
  @property({ attribute: false }) changePosition: Position | null = null;

  override render() {
    const { t } = this.l10n;
    return html`
      <h2 data-testid="rest-heading">${t('rest.heading')}</h2>
      ${this.changePosition === null
        ? html`<p class="countdown" role="timer">${t('rest.secondsLeft', { seconds: this.secondsLeft })}</p>`
        : html`<p class="change" data-testid="rest-change-position" data-position=${this.changePosition}>
            ${t('rest.changePosition', { position: t(`setup.position.names.${this.changePosition}`) })}
          </p>`}
      ${this.nextTitle === '' ? nothing : html`<p>${t('rest.next', { name: this.nextTitle })}</p>`}
      ${checkNotice(this.nextCheck, t)}
      ${this.nextId === '' ? nothing : html`<atlas-exercise-demo data-testid="rest-demo" exercise-id=${this.nextId} .label=${t('exercise.demo', { name: this.nextTitle })}></atlas-exercise-demo>`}
      ${this.today === null ? nothing : html`<p data-testid="session-number">${t('rest.sessionNumber', { count: this.today.count + 1 })}</p>`}
      <button
        class="primary"
        data-testid=${this.changePosition === null ? 'rest-skip' : 'rest-ready'}
        @click=${() => this.dispatchEvent(new CustomEvent('atlas-next', { bubbles: true, composed: true }))}
      >
        ${t(this.changePosition === null ? 'rest.skip' : 'rest.ready')}
      </button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-rest-screen': RestScreen;
  }
}

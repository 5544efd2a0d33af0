import { css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import { appLocalizer } from '../../i18n/app-localizer';
import { elementStyles } from '../styles/shared-styles';

const RADIUS = 42;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * A hold counting down: a ring that empties as the hold goes on, the seconds left in big type
 * in its middle, and words when the hold broke (never colour alone).
 */
@customElement('atlas-hold-ring')
export class HoldRing extends LocalizedElement {
  static override styles = elementStyles(
    css`
      :host { display: inline-grid; place-items: center; width: var(--atlas-hold-ring-size, 7rem); }
      svg { width: 100%; height: auto; transform: rotate(-90deg); }
      .track { fill: none; stroke: var(--atlas-muted, #c9ced6); stroke-width: 10; }
      .left { fill: none; stroke: var(--atlas-accent, #0b5cad); stroke-width: 10; stroke-linecap: round; }
      .broken .left { stroke: var(--atlas-warn, #9a6700); }
      .ring { position: relative; width: 100%; }
      .seconds { position: absolute; inset: 0; display: grid; place-items: center; font-size: calc(var(--atlas-hold-ring-size, 7rem) * 0.38); font-weight: 800; font-variant-numeric: tabular-nums; }
      .note { margin: 0; font-weight: 700; text-align: center; }
    `,
  );

  @property({ type: Number }) heldMs = 0;
  @property({ type: Number }) targetMs = 3_000;
  @property({ type: Boolean }) broken = false;

  override render() {
    void this.l10n;
    const localizer = appLocalizer();
    const heldMs = Math.min(Math.max(this.heldMs, 0), this.targetMs);
    const secondsLeft = Math.ceil((this.targetMs - heldMs) / 1000);
    const fractionLeft = this.targetMs <= 0 ? 0 : (this.targetMs - heldMs) / this.targetMs;
    const seconds = Math.floor(heldMs / 1000);
    const target = Math.round(this.targetMs / 1000);
    return html`
      <div class="ring ${this.broken ? 'broken' : ''}" role="timer" aria-label=${localizer.t('exercise.holdSeconds', { seconds, target })}>
        <svg viewBox="-50 -50 100 100" aria-hidden="true" focusable="false">
          <circle class="track" r=${RADIUS}></circle>
          ${svg`<circle class="left" r=${RADIUS} stroke-dasharray=${`${CIRCUMFERENCE * fractionLeft} ${CIRCUMFERENCE}`}></circle>`}
        </svg>
        <span class="seconds" data-testid="hold-seconds-left">${secondsLeft}</span>
      </div>
      ${this.broken ? html`<p class="note" data-testid="hold-broken">⚠ ${localizer.t('exercise.holdBroken')}</p>` : null}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-hold-ring': HoldRing;
  }
}

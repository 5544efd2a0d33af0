import { css, html, svg, type SVGTemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import { appLocalizer } from '../../i18n/app-localizer';
import { elementStyles } from '../styles/shared-styles';
import { dialPoint, type GaugeOrientation } from './gauge-geometry';

/** Which way(s) the exercise moves: toward positive angles, negative ones, or both. */
export type GaugeDirection = 'both' | 'positive' | 'negative';

const VIEW_RADIUS = 100;
const VIEW_MARGIN = 14;

/**
 * A live gauge of one tracked angle (degrees, relative to neutral): a needle, the target on
 * each side the exercise uses and the personal best. Reaching the target shows a check mark
 * and text, not only a colour. Exposed to screen readers as a meter.
 */
@customElement('atlas-angle-gauge')
export class AngleGauge extends LocalizedElement {
  static override styles = elementStyles(css`
    :host { max-width: var(--atlas-gauge-max-width, 22rem); font-size: var(--atlas-gauge-text-size, 1.1rem); }
    svg { width: 100%; height: auto; max-height: var(--atlas-gauge-dial-max-height, none); overflow: visible; }
    .track { fill: none; stroke: var(--atlas-muted, #c9ced6); stroke-width: 10; }
    .reached-zone { fill: none; stroke: var(--atlas-ok, #1a7f37); stroke-width: 10; opacity: 0.45; }
    .target { stroke: var(--atlas-ink, #111); stroke-width: 4; }
    .best { stroke: var(--atlas-accent, #0b5cad); stroke-width: 3; stroke-dasharray: 4 3; }
    .needle { stroke: var(--atlas-ink, #111); stroke-width: 5; stroke-linecap: round; }
    .hub { fill: var(--atlas-ink, #111); }
    .readout { margin: 0.25rem 0 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    .now { font-size: var(--atlas-gauge-now-size, 1.6rem); font-weight: 800; }
    .reached { font-weight: 700; }
    .ends { display: flex; justify-content: space-between; font-size: 0.95rem; }
  `);

  /** Current angle, degrees; null when not tracked. */
  @property({ type: Number }) value: number | null = null;
  /** Target magnitude, degrees (drawn on each side in `direction`). */
  @property({ type: Number }) target = 45;
  @property({ type: Number }) bestPositive: number | null = null;
  @property({ type: Number }) bestNegative: number | null = null;
  @property() direction: GaugeDirection = 'both';
  @property() orientation: GaugeOrientation = 'horizontal';
  /** Largest angle shown at the ends of the dial, degrees. */
  @property({ type: Number }) range = 90;
  @property() label = '';
  @property() positiveLabel = '';
  @property() negativeLabel = '';

  get targetReached(): boolean {
    if (this.value === null) return false;
    const towardPositive = this.direction !== 'negative' && this.value >= this.target;
    const towardNegative = this.direction !== 'positive' && this.value <= -this.target;
    return towardPositive || towardNegative;
  }

  override render() {
    void this.l10n;
    const localizer = appLocalizer();
    const valueText =
      this.value === null
        ? localizer.t('exercise.notTracked')
        : `${localizer.t('exercise.current', { value: Math.round(Math.abs(this.value)) })}${this.sideLabel(this.value)}`;
    const best = this.bestMagnitude();
    return html`
      <div
        role="meter"
        aria-label=${this.label}
        aria-valuemin=${-this.range}
        aria-valuemax=${this.range}
        aria-valuenow=${this.value === null ? 0 : Math.round(this.value)}
        aria-valuetext=${`${valueText}. ${localizer.t('exercise.target', { value: this.target })}`}
      >
        <svg viewBox=${this.viewBox()} aria-hidden="true" focusable="false">
          ${this.arc(-this.range, this.range, 'track')}
          ${this.direction !== 'negative' ? this.arc(this.target, this.range, 'reached-zone') : null}
          ${this.direction !== 'positive' ? this.arc(-this.range, -this.target, 'reached-zone') : null}
          ${this.direction !== 'negative' ? this.tick(this.target, 'target') : null}
          ${this.direction !== 'positive' ? this.tick(-this.target, 'target') : null}
          ${this.bestPositive !== null ? this.tick(this.bestPositive, 'best') : null}
          ${this.bestNegative !== null ? this.tick(-this.bestNegative, 'best') : null}
          ${this.value !== null ? this.needle(this.value) : null}
          <circle class="hub" cx="0" cy="0" r="7"></circle>
        </svg>
        ${this.orientation === 'horizontal'
          ? html`<div class="ends" aria-hidden="true"><span>${this.positiveLabel}</span><span>${this.negativeLabel}</span></div>`
          : null}
        <p class="readout">
          <span class="now" data-testid="gauge-now">${valueText}</span>
          <span data-testid="gauge-target">${localizer.t('exercise.target', { value: this.target })}</span>
          <span data-testid="gauge-best">
            ${best === null ? localizer.t('exercise.noBest') : localizer.t('exercise.best', { value: Math.round(best) })}
          </span>
          ${this.targetReached ? html`<span class="reached" data-testid="gauge-reached">✓ ${localizer.t('exercise.targetReached')}</span>` : null}
        </p>
      </div>
    `;
  }

  /** The side an angle points to, in words (the value is shown as a magnitude). */
  private sideLabel(value: number): string {
    const rounded = Math.round(value);
    const label = rounded > 0 ? this.positiveLabel : rounded < 0 ? this.negativeLabel : '';
    return label === '' ? '' : ` · ${label}`;
  }

  private bestMagnitude(): number | null {
    const candidates = [
      this.direction !== 'negative' ? this.bestPositive : null,
      this.direction !== 'positive' ? this.bestNegative : null,
    ].filter((value): value is number => value !== null);
    return candidates.length === 0 ? null : Math.max(...candidates);
  }

  private viewBox(): string {
    const size = VIEW_RADIUS + VIEW_MARGIN;
    return this.orientation === 'horizontal'
      ? `${-size} ${-size} ${2 * size} ${size + VIEW_MARGIN}`
      : `${-VIEW_MARGIN} ${-size} ${size + VIEW_MARGIN} ${2 * size}`;
  }

  private arc(fromDeg: number, toDeg: number, className: string): SVGTemplateResult {
    const start = dialPoint(fromDeg, this.range, this.orientation, VIEW_RADIUS);
    const end = dialPoint(toDeg, this.range, this.orientation, VIEW_RADIUS);
    // Increasing angle runs counter-clockwise on screen in both orientations: sweep flag 0.
    return svg`<path class=${className} d=${`M ${start.x} ${start.y} A ${VIEW_RADIUS} ${VIEW_RADIUS} 0 0 0 ${end.x} ${end.y}`}></path>`;
  }

  private tick(angleDeg: number, className: string): SVGTemplateResult {
    const inner = dialPoint(angleDeg, this.range, this.orientation, VIEW_RADIUS - 14);
    const outer = dialPoint(angleDeg, this.range, this.orientation, VIEW_RADIUS + 12);
    return svg`<line class=${className} x1=${inner.x} y1=${inner.y} x2=${outer.x} y2=${outer.y}></line>`;
  }

  private needle(angleDeg: number): SVGTemplateResult {
    const tip = dialPoint(angleDeg, this.range, this.orientation, VIEW_RADIUS - 8);
    return svg`<line class="needle" data-angle=${angleDeg} x1="0" y1="0" x2=${tip.x} y2=${tip.y}></line>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-angle-gauge': AngleGauge;
  }
}

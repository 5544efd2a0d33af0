import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { elementStyles } from '../styles/shared-styles';
import { figureFrame, type FigureShape } from './demo-figure';
import { demoMotionFor } from './demo-motion-data';
import { demoPoseAt, loopDurationMs } from './demo-pose';

/** Redraws at most this often: a figure at ~20 fps is smooth enough and spares the tracking's CPU. */
const FRAME_MS = 50;

/**
 * A small figure (head, neck, shoulders, arms, hands; lying exercises drawn lying) performing the
 * exercise in a loop, driven by its motion data (demo-motion-data.ts). With reduced motion asked
 * for, it shows the movement's furthest pose, still. Test hook: `data-t-ms` (the loop time drawn).
 */
@customElement('atlas-exercise-demo')
export class ExerciseDemo extends LitElement {
  static override styles = elementStyles(
    css`
      :host { width: 12rem; max-width: 100%; }
      svg { width: 100%; height: auto; }
      .line { fill: none; stroke: var(--atlas-ink, #111); stroke-width: 5; stroke-linecap: round; }
      .head { fill: var(--atlas-surface-2, #f1e3d3); stroke: var(--atlas-ink, #111); stroke-width: 4; }
      .hand { fill: var(--atlas-accent, #0b5cad); }
      .eye { fill: var(--atlas-ink, #111); }
      .nose, .mouth { fill: none; stroke: var(--atlas-ink, #111); stroke-width: 3; stroke-linecap: round; }
      .floor { stroke: var(--atlas-muted, #c9ced6); stroke-width: 4; }
    `,
  );

  /** The protocol's exercise id. */
  @property({ attribute: 'exercise-id' }) exerciseId = '';
  /** Accessible name, e.g. "Demonstration: head turns". */
  @property() label = '';
  @state() private tMs = 0;

  private frame: number | null = null;
  private startedAt: number | null = null;
  private lastDrawn = -Infinity;

  override connectedCallback(): void {
    super.connectedCallback();
    const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!reduced && typeof requestAnimationFrame === 'function') this.frame = requestAnimationFrame((now) => this.tick(now));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.startedAt = null;
  }

  override render() {
    const motion = demoMotionFor(this.exerciseId);
    if (motion === null) return nothing;
    const still = this.frame === null;
    // Still: the first rep's furthest point (a third into the loop lands on or near it for every motion).
    const tMs = still ? loopDurationMs(motion) / 3 : this.tMs;
    const frame = figureFrame(demoPoseAt(motion, tMs), motion.posture, motion.arms);
    this.dataset['tMs'] = String(Math.round(tMs));
    return html`<svg viewBox="0 0 200 200" role="img" aria-label=${this.label}>
      <g transform=${`rotate(${frame.rotateDeg} 100 110)`}>
        ${frame.floorY === null || frame.rotateDeg !== 0 ? nothing : svg`<line class="floor" x1="0" y1=${frame.floorY} x2="200" y2=${frame.floorY}></line>`}
        ${frame.shapes.map((shape) => this.shape(shape))}
      </g>
      ${frame.rotateDeg === 0 || frame.floorY === null ? nothing : svg`<line class="floor" x1="0" y1="196" x2="200" y2="196"></line>`}
    </svg>`;
  }

  private shape(shape: FigureShape) {
    const className = shape.part === 'head' || shape.part === 'hand' || shape.part === 'eye' || shape.part === 'nose' || shape.part === 'mouth' ? shape.part : 'line';
    return shape.kind === 'circle'
      ? svg`<circle class=${className} cx=${shape.cx.toFixed(1)} cy=${shape.cy.toFixed(1)} r=${shape.r}></circle>`
      : svg`<line class=${className} x1=${shape.x1.toFixed(1)} y1=${shape.y1.toFixed(1)} x2=${shape.x2.toFixed(1)} y2=${shape.y2.toFixed(1)}></line>`;
  }

  private tick(now: number): void {
    this.startedAt ??= now;
    if (now - this.lastDrawn >= FRAME_MS) {
      this.lastDrawn = now;
      this.tMs = now - this.startedAt;
    }
    this.frame = requestAnimationFrame((next) => this.tick(next));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-exercise-demo': ExerciseDemo;
  }
}

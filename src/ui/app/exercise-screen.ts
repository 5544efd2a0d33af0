import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ExerciseDefinition } from '../../core/protocol/exercise-definition';
import type { QualityProblem } from '../../core/quality/quality-status';
import type { ExerciseCheckability } from '../../core/reps/exercise-checkability';
import { appLocalizer } from '../../i18n/app-localizer';
import { LocalizeController } from '../../i18n/localize-controller';
import '../demo/exercise-demo';
import type { DemoMotion } from '../demo/exercise-demo';
import '../gauge/angle-gauge';
import '../rep-counter/rep-counter';
import type { SideCount } from '../rep-counter/rep-counter';
import type { FeedbackLine } from '../feedback/feedback-coach';
import { sharedStyles } from '../styles/shared-styles';
import { checkNotice } from './check-notice';
import { gaugeModel } from './gauge-model';


export interface HoldView {
  readonly heldMs: number;
  readonly targetMs: number;
  readonly broken: boolean;
}

const TONE_ICONS: Readonly<Record<FeedbackLine['tone'], string>> = { good: '✓', warning: '⚠', info: 'ℹ' };

/** The demonstration's motion for an exercise. */
export function demoMotion(exercise: ExerciseDefinition): DemoMotion {
  if (exercise.view === 'side') return 'lying';
  switch (exercise.signal) {
    case 'yaw':
      return exercise.counting === 'oscillation' ? 'shake' : 'turn';
    case 'pitch':
      if (exercise.counting === 'oscillation') return 'nod';
      return exercise.targets.some((target) => target.direction === 'up') ? 'tilt-up' : 'tilt-down';
    case 'roll':
      return 'side-tilt';
    case 'head-path':
      return 'circle';
    case 'shrug':
      return 'shrug';
    case 'hand-on-forehead':
    case 'hand-on-temple':
    case 'both-hands-on-forehead':
    case 'hands-behind-head':
      return 'press';
    case 'elbow-path':
    case 'elbow-flexion':
    case 'shoulder-depth':
      return 'arms';
    default:
      return 'still';
  }
}

/** Translation keys (exercise.quality.*) of the tracking-quality problems. */
const QUALITY_TEXT_KEYS: Readonly<Record<QualityProblem, string>> = {
  'no-person': 'noPerson',
  'several-people': 'severalPeople',
  'face-occluded': 'faceOccluded',
  jumpy: 'jumpy',
  'invalid-data': 'invalidData',
};

/**
 * One exercise as it happens: instructions, demonstration, live gauge, reps per side, hold
 * timer, feedback, and the controls. Presentational: the session view feeds it and listens to
 * `atlas-pause`, `atlas-resume`, `atlas-skip`, `atlas-stop`, `atlas-pain`,
 * `atlas-read-aloud`.
 */
@customElement('atlas-exercise-screen')
export class ExerciseScreen extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .panel { display: grid; gap: 1rem; }
      .feedback { font-size: 1.4rem; font-weight: 700; min-height: 2.2em; padding: 0.5rem 0.75rem; border-radius: 0.5rem; border: 2px solid var(--atlas-muted, #c9ced6); }
      .feedback[data-tone='good'] { border-color: var(--atlas-ok, #1a7f37); }
      .feedback[data-tone='warning'] { border-color: var(--atlas-warn, #9a6700); }
      .controls { display: flex; flex-wrap: wrap; gap: 0.75rem; }
      .pain { font-size: 1.25rem; padding: 0.75rem 1.25rem; }
      .top { display: flex; gap: 1rem; align-items: flex-start; }
      ol { margin: 0; padding-inline-start: 1.4rem; }
      .reading { font-size: 0.95rem; opacity: 0.85; }
      .paused { font-size: 1.3rem; font-weight: 700; }
      .check-notice { font-weight: 700; padding: 0.5rem 0.75rem; border-radius: 0.5rem; border: 2px solid var(--atlas-warn, #9a6700); }
    `,
  ];

  @property({ attribute: false }) exercise: ExerciseDefinition | null = null;
  @property({ type: Number }) index = 0;
  @property({ type: Number }) total = 1;
  /** Tracked angle relative to neutral, degrees (the exercise's axis); null when not seen. */
  @property({ type: Number }) angleDeg: number | null = null;
  @property({ attribute: false }) bests: { readonly positive: number | null; readonly negative: number | null } = { positive: null, negative: null };
  @property({ attribute: false }) counts: readonly SideCount[] = [];
  @property({ type: Number }) repsTarget = 7;
  @property({ attribute: false }) hold: HoldView | null = null;
  /** Active time of a timed exercise and its dose, ms. */
  @property({ attribute: false }) timed: { readonly activeMs: number; readonly durationMs: number } | null = null;
  @property({ attribute: false }) feedback: FeedbackLine | null = null;
  @property({ type: Boolean }) paused = false;
  @property({ type: Boolean }) personMissing = false;
  /** Why the tracking paused counting, if it did (shown instead of the generic "can't see you"). */
  @property({ attribute: false }) qualityProblem: QualityProblem | null = null;
  /** Whether the running models can check this exercise (null: not known yet). */
  @property({ attribute: false }) check: ExerciseCheckability | null = null;

  private readonly l10n = new LocalizeController(this, appLocalizer);

  override render() {
    void this.l10n;
    const exercise = this.exercise;
    if (exercise === null) return nothing;
    const localizer = appLocalizer();
    const t = (key: string, options?: Record<string, string | number>) => localizer.t(key, options);
    const title = localizer.pick(exercise.title);
    const model = gaugeModel(exercise);
    return html`
      <p>${t('exercise.progress', { index: this.index + 1, total: this.total })}</p>
      <h2 data-testid="exercise-title">${title}</h2>
      ${checkNotice(this.check, t)}
      <div class="panel">
        <div class="panel">
          <p class="feedback" role="status" aria-live="polite" data-testid="feedback" data-tone=${this.feedback?.tone ?? 'info'}>
            ${this.personMissing
              ? `⚠ ${t(this.qualityProblem === null ? 'exercise.notPresent' : `exercise.quality.${QUALITY_TEXT_KEYS[this.qualityProblem]}`)}`
              : this.feedback === null
                ? ''
                : `${TONE_ICONS[this.feedback.tone]} ${this.feedback.text}`}
          </p>
          ${this.paused ? html`<p class="paused" role="status">‖ ${t('exercise.paused')}</p>` : nothing}
          <div class="controls">
            ${this.paused
              ? html`<button class="primary" data-testid="resume" @click=${() => this.emit('atlas-resume')}>▶ ${t('exercise.resume')}</button>`
              : html`<button data-testid="pause" @click=${() => this.emit('atlas-pause')}>‖ ${t('exercise.pause')}</button>`}
            <button data-testid="skip" @click=${() => this.emit('atlas-skip')}>» ${t('exercise.skip')}</button>
            <button data-testid="stop" @click=${() => this.emit('atlas-stop')}>■ ${t('exercise.stop')}</button>
          </div>
          <button class="danger pain" data-testid="pain" aria-describedby="pain-hint" @click=${() => this.emit('atlas-pain')}>
            ⚠ ${t('exercise.pain')}
          </button>
          <p id="pain-hint" class="reading">${t('exercise.painHint')}</p>
        </div>
        <div class="panel">
          ${model === null
            ? html`<p>${t('exercise.notTrackedHint')}</p>`
            : html`<atlas-angle-gauge
                .value=${this.angleDeg}
                .target=${model.targetDeg}
                .range=${model.rangeDeg}
                .direction=${model.direction}
                .orientation=${model.orientation}
                .bestPositive=${this.bests.positive}
                .bestNegative=${this.bests.negative}
                .label=${t('exercise.gaugeLabel', { axis: t(`exercise.axis.${model.axis}`) })}
                .positiveLabel=${t(`summary.directions.${model.positiveEnd}`)}
                .negativeLabel=${t(`summary.directions.${model.negativeEnd}`)}
              ></atlas-angle-gauge>`}
          ${this.counts.length > 0 ? html`<atlas-rep-counter .counts=${this.counts} .target=${this.repsTarget}></atlas-rep-counter>` : nothing}
          ${this.hold === null
            ? nothing
            : html`<atlas-hold-timer .heldMs=${this.hold.heldMs} .targetMs=${this.hold.targetMs} .broken=${this.hold.broken}></atlas-hold-timer>`}
          ${this.timed === null
            ? nothing
            : html`<p role="timer" data-testid="timed">
                ${Math.floor(this.timed.activeMs / 1000)} / ${Math.round(this.timed.durationMs / 1000)} s
              </p>`}
          <section aria-labelledby="how-heading">
            <div class="top">
              <atlas-exercise-demo .motion=${demoMotion(exercise)} .label=${t('exercise.demo', { name: title })}></atlas-exercise-demo>
              <div>
                <h3 id="how-heading">${t('exercise.instructions')}</h3>
                <button data-testid="read-aloud" @click=${() => this.emit('atlas-read-aloud')}>♪ ${t('exercise.readAloud')}</button>
              </div>
            </div>
            <ol data-testid="instructions">
              ${exercise.instructions.map((step) => html`<li>${localizer.pick(step)}</li>`)}
            </ol>
            ${exercise.safety.map((line) => html`<p>⚠ ${localizer.pick(line)}</p>`)}
            ${exercise.readings.map((line) => html`<p class="reading">ℹ ${t('exercise.reading', { note: localizer.pick(line) })}</p>`)}
          </section>
        </div>
      </div>
    `;
  }

  private emit(type: string): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-exercise-screen': ExerciseScreen;
  }
}

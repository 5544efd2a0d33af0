import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import type { ExerciseDefinition } from '../../core/protocol/exercise-definition';
import type { PlanReason, RepSide } from '../../core/session';
import type { QualityProblem } from '../../core/quality/quality-status';
import type { ExerciseCheckability } from '../../core/reps/exercise-checkability';
import { appLocalizer } from '../../i18n/app-localizer';
import '../demo/exercise-demo';
import '../gauge/angle-gauge';
import '../coach/hold-ring';
import '../coach/rep-mark';
import '../coach/guided-board';
import type { RepMark } from '../coach/rep-mark';
import '../rep-counter/rep-counter';
import type { SideCount } from '../rep-counter/rep-counter';
import type { FeedbackLine } from '../feedback/feedback-coach';
import { elementStyles } from '../styles/shared-styles';
import { checkNotice } from './check-notice';
import { exerciseScreenStyles } from './exercise-screen-styles';
import { gaugeModel } from './gauge-model';


export interface HoldView {
  readonly heldMs: number;
  readonly targetMs: number;
  readonly broken: boolean;
}

const TONE_ICONS: Readonly<Record<FeedbackLine['tone'], string>> = { good: '✓', warning: '⚠', info: 'ℹ' };

/** The plan's reason in one sentence (exercise.plan.*). */
function planSentence(reason: PlanReason, target: number): string {
  const localizer = appLocalizer();
  return reason.kind === 'rising'
    ? localizer.t('exercise.plan.rising', { target, median: Math.round(reason.recentMedian) })
    : localizer.t(`exercise.plan.${reason.kind === 'at-max' ? 'atMax' : reason.kind === 'held-flare' ? 'heldFlare' : reason.kind === 'held-pain' ? 'heldPain' : 'first'}`, { target });
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
 * One exercise as it happens, laid out as a coach to follow from 2 m: a headline, a board with
 * the count (per side), the rep mark, the hold ring and the live gauge in large type, the
 * controls (pause, skip, stop, pain) always in view, and the instructions with the
 * demonstration below, scrolling on their own. Presentational: the session view feeds it and
 * listens to `atlas-pause`, `atlas-resume`, `atlas-skip`, `atlas-done`, `atlas-stop`, `atlas-pain`,
 * `atlas-read-aloud`, `atlas-tones-toggle`.
 */
@customElement('atlas-exercise-screen')
export class ExerciseScreen extends LocalizedElement {
  static override styles = elementStyles(exerciseScreenStyles);

  @property({ attribute: false }) exercise: ExerciseDefinition | null = null;
  @property({ type: Number }) index = 0;
  @property({ type: Number }) total = 1;
  /** Tracked angle relative to neutral, degrees (the exercise's axis); null when not seen. */
  @property({ type: Number }) angleDeg: number | null = null;
  @property({ attribute: false }) bests: { readonly positive: number | null; readonly negative: number | null } = { positive: null, negative: null };
  @property({ attribute: false }) counts: readonly SideCount[] = [];
  @property({ type: Number }) repsTarget = 7;
  /** Counting stops here (the dose's upper bound). */
  @property({ type: Number }) repsMax = 7;
  /** The target is reached: "done" replaces "skip" (counting goes on up to `repsMax`). */
  @property({ type: Boolean }) canFinish = false;
  /** Why today's target is what it is, said in one sentence; null: no plan (e.g. a resumed older session). */
  @property({ attribute: false }) planReason: PlanReason | null = null;
  @property({ attribute: false }) hold: HoldView | null = null;
  /** Active time of a timed exercise and its dose, ms. */
  @property({ attribute: false }) timed: { readonly activeMs: number; readonly durationMs: number } | null = null;
  @property({ attribute: false }) feedback: FeedbackLine | null = null;
  /** The latest rep's verdict, flashed on the board. */
  @property({ attribute: false }) mark: RepMark | null = null;
  @property({ type: Boolean }) tonesOn = true;
  @property({ type: Boolean }) paused = false;
  @property({ type: Boolean }) personMissing = false;
  /** Why the tracking paused counting, if it did (shown instead of the generic "can't see you"). */
  @property({ attribute: false }) qualityProblem: QualityProblem | null = null;
  /** Whether the running models can check this exercise (null: not known yet). */
  @property({ attribute: false }) check: ExerciseCheckability | null = null;
  /** A guided exercise: the side to do next; the person confirms each rep (null: measured). */
  @property({ attribute: false }) guided: { readonly side: RepSide } | null = null;

  override render() {
    void this.l10n;
    const exercise = this.exercise;
    if (exercise === null) return nothing;
    const localizer = appLocalizer();
    const t = (key: string, options?: Record<string, string | number>) => localizer.t(key, options);
    const title = localizer.pick(exercise.title);
    return html`
      <div class="headline">
        <span class="progress">${t('exercise.progress', { index: this.index + 1, total: this.total })}</span>
        <h2 data-testid="exercise-title">${title}</h2>
        ${this.guided === null ? checkNotice(this.check, t) : nothing}
      </div>
      <p class="feedback" role="status" aria-live="polite" data-testid="feedback" data-tone=${this.personMissing ? 'warning' : (this.feedback?.tone ?? 'info')}>
        ${this.paused
          ? html`‖ ${t('exercise.paused')}`
          : this.personMissing
            ? `⚠ ${t(this.qualityProblem === null ? 'exercise.notPresent' : `exercise.quality.${QUALITY_TEXT_KEYS[this.qualityProblem]}`)}`
            : this.feedback === null
              ? ''
              : `${TONE_ICONS[this.feedback.tone]} ${this.feedback.text}`}
      </p>
      ${this.renderBoard(exercise)}
      ${this.renderControls()}
      <section class="more" aria-labelledby="how-heading">
        <div class="how">
          <atlas-exercise-demo exercise-id=${exercise.id} .label=${t('exercise.demo', { name: title })}></atlas-exercise-demo>
          <div>
            <h3 id="how-heading">${t('exercise.instructions')}</h3>
            <div class="settings">
              <button data-testid="read-aloud" @click=${() => this.emit('atlas-read-aloud')}>♪ ${t('exercise.readAloud')}</button>
              <button class="tones" data-testid="tones" aria-pressed=${String(this.tonesOn)} title=${t('exercise.coach.tonesToggle')} @click=${() => this.emit('atlas-tones-toggle')}>
                ${this.tonesOn ? `♫ ${t('exercise.coach.tonesOn')}` : `✕ ${t('exercise.coach.tonesOff')}`}
              </button>
            </div>
          </div>
        </div>
        <ol data-testid="instructions">
          ${exercise.instructions.map((step) => html`<li>${localizer.pick(step)}</li>`)}
        </ol>
        ${exercise.safety.map((line) => html`<p>⚠ ${localizer.pick(line)}</p>`)}
        ${exercise.readings.map((line) => html`<p class="reading">ℹ ${t('exercise.reading', { note: localizer.pick(line) })}</p>`)}
      </section>
    `;
  }

  /** The plan's sentence, ellipsised on short screens: the whole of it in the tooltip. */
  private planLine(sentence: string) {
    return html`<p class="dose" data-testid="plan-reason" title=${sentence}>${sentence}</p>`;
  }

  private renderBoard(exercise: ExerciseDefinition) {
    const localizer = appLocalizer();
    const t = (key: string, options?: Record<string, string | number>) => localizer.t(key, options);
    const model = gaugeModel(exercise);
    return html`<div class="board">
      <div class="tally">
        ${this.counts.length > 0
          ? html`<div class="count" data-testid="rep-count">
              <atlas-rep-counter compact .counts=${this.counts} .target=${this.repsTarget}></atlas-rep-counter>
              ${this.planReason === null || this.canFinish ? nothing : this.planLine(planSentence(this.planReason, this.repsTarget))}
              ${this.canFinish && this.repsMax > this.repsTarget ? html`<p class="dose" data-testid="reps-max">${t('exercise.coach.upTo', { max: this.repsMax })}</p>` : nothing}
            </div>`
          : nothing}
        ${this.timed === null
          ? nothing
          : html`<p class="timed" role="timer" data-testid="timed">
              <span data-testid="rep-count">${Math.floor(this.timed.activeMs / 1000)}</span> / ${Math.round(this.timed.durationMs / 1000)} s
            </p>`}
        <atlas-rep-mark .mark=${this.mark}></atlas-rep-mark>
        ${this.hold === null
          ? nothing
          : html`<atlas-hold-ring data-testid="hold-ring" .heldMs=${this.hold.heldMs} .targetMs=${this.hold.targetMs} .broken=${this.hold.broken}></atlas-hold-ring>`}
      </div>
      ${this.guided !== null
        ? html`<atlas-guided-board .side=${this.guided.side} ?disabled=${this.paused}></atlas-guided-board>`
        : model === null
        ? html`<p class="untracked">${t('exercise.notTrackedHint')}</p>`
        : html`<atlas-angle-gauge
            data-testid="angle-gauge"
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
    </div>`;
  }

  private renderControls() {
    const { t } = this.l10n;
    return html`<div class="controls">
      ${this.paused
        ? html`<button class="primary" data-testid="resume" @click=${() => this.emit('atlas-resume')}>▶ ${t('exercise.resume')}</button>`
        : html`<button data-testid="pause" @click=${() => this.emit('atlas-pause')}>‖ ${t('exercise.pause')}</button>`}
      ${this.canFinish
        ? html`<button class="primary" data-testid="done" @click=${() => this.emit('atlas-done')}>✓ ${t('exercise.done')}</button>`
        : html`<button data-testid="skip" @click=${() => this.emit('atlas-skip')}>» ${t('exercise.skip')}</button>`}
      <button data-testid="stop" @click=${() => this.emit('atlas-stop')}>■ ${t('exercise.stop')}</button>
      <button class="danger pain" data-testid="pain" title=${t('exercise.painHint')} @click=${() => this.emit('atlas-pain')}>
        ⚠ ${t('exercise.pain')}<span class="visually-hidden">: ${t('exercise.painHint')}</span>
      </button>
    </div>`;
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

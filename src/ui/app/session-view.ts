import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CALIBRATION_STATES, NeutralCalibrator } from '../../core/head-pose/neutral-calibrator';
import type { HeadAngles } from '../../core/head-pose/head-angles';
import type { FrameObservation } from '../../core/landmarks';
import type { Direction, ExerciseDefinition } from '../../core/protocol/exercise-definition';
import { findExercise } from '../../core/protocol/protocol';
import { INITIAL_QUALITY_STATE, gateSample, qualityOptionsFor, updateQuality, type QualityProblem, type QualityState } from '../../core/quality';
import type { ExerciseEvent } from '../../core/reps/exercise-events';
import {
  SESSION_PHASES,
  selectCurrentExercise,
  selectCurrentResult,
  selectCanFinish,
  selectRepProgress,
  selectRestRemainingMs,
  selectUpcomingExercise,
  type DailyCount,
  type ExercisePlanTarget,
  sessionActionFromEngineEvent,
  type SessionAction,
  type SessionState,
} from '../../core/session';
import { appLocalizer } from '../../i18n/app-localizer';
import { LocalizeController } from '../../i18n/localize-controller';
import type { AtlasDb } from '../../store/atlas-db-schema';
import type { SessionRecorder } from '../../store/session-recorder';
import { listReps, toPeakSamples } from '../../store/store-queries';
import type { PersonalBestRecord } from '../../store/store-records';
import { FeedbackCoach, type FeedbackLine, type FeedbackTone } from '../feedback/feedback-coach';
import type { Speaker } from '../feedback/speech';
import '../live/atlas-live-view';
import type { AtlasLiveView, LiveFrameDetail, LiveStatusDetail } from '../live/atlas-live-view';
import type { SideCount } from '../rep-counter/rep-counter';
import { faceBox, frontFramingVerdict, personVerdict, sideFramingVerdict } from '../setup/framing-check';
import { VideoLightSampler } from '../setup/video-light';
import { sharedStyles } from '../styles/shared-styles';
import '../summary/session-summary';
import type { SessionSummaryView } from '../summary/summary-view';
import { feedbackKey } from '../summary/summary-view';
import type { RepMark } from '../coach/rep-mark';
import { loadTonesOn, saveTonesOn } from '../voice/coach-preferences';
import { CoachVoice } from '../voice/coach-voice';
import { scriptExerciseOf } from '../voice/script-exercise';
import { TonePlayer } from '../voice/tone-player';
import { coachLayoutStyles } from './coach-layout-styles';
import { MonotonicClock } from './monotonic-clock';
import './exercise-screen';
import type { HoldView } from './exercise-screen';
import { gaugeModel, gaugeValue } from './gauge-model';
import './rest-screen';
import { cameraProblem } from '../live/camera-problem';
import './setup-screen';
import type { CameraProblem } from '../live/camera-problem';
import type { CalibrationView, CameraStatus, SetupChecks } from './setup-screen';
import { buildSummaryView } from './summary-builder';
import { createEngine, createTracking, type RunningEngine } from './tracking';

const TICK_MS = 250;
const LIGHT_CHECK_MS = 1_000;
const CALIBRATION_HOLD_S = 2;
/** Without a still hold, the automatic neutral is taken after this much tracking (its window is 1 s). */
const AUTO_NEUTRAL_WAIT_MS = 1_500;

/**
 * One session from setup to summary. Owns the camera view (kept in place across phases so the
 * camera is not restarted), feeds frames to the tracking and the exercise engine, and sends
 * every action to the SessionRecorder (which commits completed reps at once). Emits
 * `atlas-session-closed` when the user leaves the summary, `atlas-show-history` for history.
 */
@customElement('atlas-session-view')
export class SessionView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .layout { display: grid; gap: 1.25rem; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); align-items: start; }
      @media (max-width: 56rem) { .layout { grid-template-columns: 1fr; } }
      .layout.summary { grid-template-columns: 1fr; }
      .layout.summary .camera { display: none; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
      .camera-prompt { margin-top: 0.75rem; }
      .help { border: 3px solid var(--atlas-danger, #a40e26); border-radius: 0.75rem; padding: 0.75rem 1rem; }
    `,
    coachLayoutStyles,
  ];

  @property({ attribute: false }) recorder: SessionRecorder | null = null;
  @property({ attribute: false }) db: AtlasDb | null = null;
  @property({ attribute: false }) speaker: Speaker | null = null;
  @property({ attribute: false }) today: DailyCount | null = null;
  @property({ attribute: false }) personalBests: readonly PersonalBestRecord[] = [];
  /** Why each exercise's target is what it is (core/session/exercise-progression). */
  @property({ attribute: false }) planReasons: ReadonlyMap<string, ExercisePlanTarget> = new Map();

  @state() private session: SessionState | null = null;
  @state() private camera: CameraStatus = 'idle';
  @state() private problem: CameraProblem | null = null;
  @state() private qualityProblem: QualityProblem | null = null;
  @state() private problemDetail = '';
  @state() private checks: SetupChecks = { framing: 'waiting', light: null, person: 'none' };
  @state() private calibration: CalibrationView = { status: 'idle', secondsLeft: 0 };
  @state() private angleDeg: number | null = null;
  @state() private feedback: FeedbackLine | null = null;
  @state() private hold: HoldView | null = null;
  @state() private repMark: RepMark | null = null;
  @state() private tonesOn = loadTonesOn();
  @state() private nowMs = 0;
  @state() private summary: SessionSummaryView | null = null;

  @query('atlas-live-view') private liveView!: AtlasLiveView | null;

  private readonly l10n = new LocalizeController(this, appLocalizer);
  private readonly tracking = createTracking();
  private readonly clock = new MonotonicClock();
  private calibrator: NeutralCalibrator | null = null;
  /** Set when the user skipped the still hold: when the automatic neutral started. */
  private autoNeutralSinceMs: number | null = null;
  private engine: RunningEngine | null = null;
  /** Tracking quality (two people, hidden face, jumps, garbage): while poor the engine sees nobody. */
  private quality: QualityState = INITIAL_QUALITY_STATE;
  private engineIndex = -1;
  private holdStartMs: number | null = null;
  private presentWithoutEngine = true;
  private readonly tones = Object.assign(new TonePlayer(), { enabled: this.tonesOn });
  /** Eyes-free: counts, hold countdowns and tones (ui/voice). */
  private readonly coachVoice = new CoachVoice({ speaker: () => this.speaker, tone: (kind) => this.tones.play(kind), localizer: appLocalizer });
  private readonly coach = new FeedbackCoach({ say: (text) => this.speaker?.say(text, appLocalizer().language) });
  private readonly lightSampler = new VideoLightSampler();
  private lastObservation: FrameObservation | null = null;
  private tickTimer: ReturnType<typeof setInterval> | null = null;
  private lightTimer: ReturnType<typeof setInterval> | null = null;
  private announcedIndex = -1;
  /** The exercise was paused because the tab was hidden (not by the user): resume it on return. */
  private pausedWhileHidden = false;
  private readonly onVisibilityChange = (): void => this.followVisibility(document.visibilityState === 'hidden');

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.tickTimer = setInterval(() => this.onTick(), TICK_MS);
    this.lightTimer = setInterval(() => this.checkLight(), LIGHT_CHECK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    if (this.tickTimer !== null) clearInterval(this.tickTimer);
    if (this.lightTimer !== null) clearInterval(this.lightTimer);
    this.tickTimer = null;
    this.lightTimer = null;
    this.speaker?.stop();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('recorder') && this.recorder !== null) {
      this.session = this.recorder.state;
      if (this.session.neutral !== null) this.tracking.setNeutral(this.session.neutral);
      this.nowMs = performance.now();
      if (this.session.phase === SESSION_PHASES.summary) void this.loadSummary(this.session);
    }
  }

  /** Starts the camera (also used by the e2e tests through the button). */
  startCamera(): void {
    void this.liveView?.start();
  }

  override render() {
    void this.l10n;
    const session = this.session;
    if (session === null) return nothing;
    const isSummary = session.phase === SESSION_PHASES.summary;
    return html`
      <div class="layout ${isSummary ? 'summary' : ''} ${session.phase === SESSION_PHASES.exercise ? 'coach' : ''}" data-phase=${session.phase}>
        <div class="camera">
          <atlas-live-view
            data-testid="live-video"
            hide-readout
            hide-controls
            @atlas-live-status=${(event: CustomEvent<LiveStatusDetail>) => this.onLiveStatus(event.detail)}
            @atlas-live-frame=${(event: CustomEvent<LiveFrameDetail>) => this.onFrame(event.detail.observation)}
          ></atlas-live-view>
          ${session.phase !== SESSION_PHASES.setup && session.phase !== SESSION_PHASES.calibration && this.camera !== 'on' && !isSummary
            ? this.renderCameraPrompt()
            : nothing}
          ${this.camera === 'on'
            ? html`<button class="camera-stop" @click=${() => this.liveView?.stop()}>■ ${appLocalizer().t('setup.cameraStop')}</button>`
            : nothing}
        </div>
        <div class="panel">${this.renderPhase(session)}</div>
      </div>
    `;
  }

  private renderCameraPrompt() {
    const t = (key: string, options?: Record<string, string | number>) => appLocalizer().t(key, options);
    return html`<div class="camera-prompt">
      ${this.camera === 'error'
        ? html`<p class="help" role="alert">⚠ ${t(`setup.errors.${this.problem ?? 'unknown'}`, { message: this.problemDetail })}</p>`
        : nothing}
      <button class="primary" @click=${() => this.startCamera()}>${t(this.camera === 'error' ? 'setup.retry' : 'setup.cameraStart')}</button>
    </div>`;
  }

  private renderPhase(session: SessionState) {
    switch (session.phase) {
      case SESSION_PHASES.setup:
      case SESSION_PHASES.calibration:
        return html`<atlas-setup-screen
          .camera=${this.camera}
          .problem=${this.problem}
          .problemDetail=${this.problemDetail}
          .checks=${this.checks}
          .sideView=${this.needsSideView(session)}
          .calibration=${this.calibration}
          @atlas-camera-start=${() => this.startCamera()}
          @atlas-calibrate=${() => this.beginCalibration()}
          @atlas-skip-calibration=${() => this.skipCalibration()}
          @atlas-cancel=${() => void this.dispatch({ type: 'stop', tMs: performance.now() })}
        ></atlas-setup-screen>`;
      case SESSION_PHASES.exercise:
        return this.renderExercise(session);
      case SESSION_PHASES.rest:
        return this.renderRest(session);
      case SESSION_PHASES.summary:
        return this.renderSummary();
    }
  }

  private renderExercise(session: SessionState) {
    const planned = selectCurrentExercise(session);
    const definition = planned === null ? undefined : findExercise(planned.id);
    const result = selectCurrentResult(session);
    if (planned === null || definition === undefined || result === null) return nothing;
    const progress = selectRepProgress(session);
    const counts: SideCount[] =
      progress === null || planned.durationMs !== null
        ? []
        : planned.perSide
          ? planned.directions.map((side, index) => ({ side, count: progress.counted[index] ?? 0 }))
          : [{ side: 'both', count: progress.counted[0] ?? 0 }];
    return html`<atlas-exercise-screen
      .exercise=${definition}
      .index=${session.exerciseIndex}
      .total=${session.plan.exercises.length}
      .angleDeg=${this.angleDeg}
      .bests=${this.bestsFor(definition, session)}
      .counts=${counts}
      .repsTarget=${planned.repsTarget}
      .repsMax=${planned.repsMax ?? planned.repsTarget}
      .canFinish=${selectCanFinish(session)}
      .planReason=${this.planReasons.get(planned.id)?.reason ?? null}
      @atlas-done=${() => void this.dispatch({ type: 'next', tMs: performance.now() })}
      .hold=${this.hold}
      .timed=${planned.durationMs === null ? null : { activeMs: result.activeMs, durationMs: planned.durationMs }}
      .feedback=${this.feedback}
      .mark=${this.repMark}
      .tonesOn=${this.tonesOn}
      @atlas-tones-toggle=${() => this.toggleTones()}
      .paused=${session.userPaused}
      .personMissing=${!session.personPresent}
      .qualityProblem=${this.qualityProblem}
      @atlas-pause=${() => void this.dispatch({ type: 'pause', tMs: performance.now() })}
      @atlas-resume=${() => void this.dispatch({ type: 'resume', tMs: performance.now() })}
      @atlas-skip=${() => void this.dispatch({ type: 'skip', tMs: performance.now() })}
      @atlas-stop=${() => void this.dispatch({ type: 'stop', tMs: performance.now() })}
      @atlas-pain=${() => this.reportPain()}
      @atlas-read-aloud=${() => this.readInstructions(definition, true)}
    ></atlas-exercise-screen>`;
  }

  private renderRest(session: SessionState) {
    const recorder = this.recorder;
    const remainingMs = recorder === null ? 0 : (selectRestRemainingMs(session, recorder.toSessionTMs(this.nowMs)) ?? 0);
    const upcoming = selectUpcomingExercise(session);
    const definition = upcoming === null ? undefined : findExercise(upcoming.id);
    return html`<atlas-rest-screen
      .secondsLeft=${Math.ceil(remainingMs / 1000)}
      .nextTitle=${definition === undefined ? '' : appLocalizer().pick(definition.title)}
      .nextId=${upcoming?.id ?? ''}
      .today=${this.today}
      @atlas-next=${() => void this.dispatch({ type: 'next', tMs: performance.now() })}
    ></atlas-rest-screen>`;
  }

  private renderSummary() {
    const t = (key: string) => appLocalizer().t(key);
    return html`
      <h2 data-testid="summary-heading">${t('summary.heading')}</h2>
      ${this.summary === null ? html`<p role="status">…</p>` : html`<atlas-session-summary .summary=${this.summary}></atlas-session-summary>`}
      <div class="actions">
        <button class="primary" data-testid="to-history" @click=${() => this.emit('atlas-show-history')}>${t('summary.toHistory')}</button>
        <button data-testid="new-session" @click=${() => this.emit('atlas-session-closed')}>${t('summary.newSession')}</button>
      </div>
    `;
  }

  private needsSideView(session: SessionState): boolean {
    return session.plan.exercises.some((planned) => findExercise(planned.id)?.view === 'side');
  }

  private bestsFor(definition: ExerciseDefinition, session: SessionState): { positive: number | null; negative: number | null } {
    const model = gaugeModel(definition);
    if (model === null) return { positive: null, negative: null };
    const result = selectCurrentResult(session);
    const best = (side: 'left' | 'right' | 'up' | 'down'): number | null => {
      const stored = this.personalBests.find((record) => record.exerciseId === definition.id && record.side === side)?.peakDeg ?? null;
      const now = result?.sides[side]?.bestPeakDeg ?? null;
      return stored === null ? now : now === null ? stored : Math.max(stored, now);
    };
    return model.axis === 'pitch' ? { positive: best('up'), negative: best('down') } : { positive: best('left'), negative: best('right') };
  }

  // ---- camera and frames -------------------------------------------------------------------

  private onLiveStatus(detail: LiveStatusDetail): void {
    switch (detail.status) {
      case 'starting':
        this.camera = 'starting';
        break;
      case 'running':
        // Back after a camera loss: the engine reports absence again by itself if nobody is there.
        if (this.camera === 'error' && this.session?.personPresent === false) void this.dispatch({ type: 'person-back', tMs: performance.now() });
        this.camera = 'on';
        this.problem = null;
        break;
      case 'error':
        // Nothing is seen any more: the exercise waits (the reducer stops its clock).
        if (this.camera === 'on') void this.dispatch({ type: 'person-lost', tMs: performance.now() });
        this.camera = 'error';
        this.problem = detail.error === null ? 'unknown' : cameraProblem(detail.error);
        this.problemDetail = detail.error?.message ?? '';
        break;
      default:
        this.camera = 'idle';
    }
  }

  private onFrame(observation: FrameObservation): void {
    const session = this.session;
    if (session === null) return;
    this.lastObservation = observation;
    const { estimate, sample } = this.tracking.process(observation);
    if (session.phase === SESSION_PHASES.setup || session.phase === SESSION_PHASES.calibration) {
      this.updateChecks(observation, session);
      if (this.autoNeutralSinceMs !== null && sample.present) {
        const neutral = this.tracking.currentNeutral();
        if (this.autoNeutralSinceMs < 0) this.autoNeutralSinceMs = observation.tMs;
        if (neutral !== null && observation.tMs - this.autoNeutralSinceMs >= AUTO_NEUTRAL_WAIT_MS) {
          this.autoNeutralSinceMs = null;
          this.calibration = { status: 'done', secondsLeft: 0 };
          void this.finishCalibration(neutral, observation.tMs, false);
        }
      }
      if (this.calibrator !== null) {
        const status = this.calibrator.add(estimate);
        if (status.state === CALIBRATION_STATES.done && status.neutral !== null) {
          this.calibrator = null;
          this.calibration = { status: 'done', secondsLeft: 0 };
          void this.finishCalibration(status.neutral, observation.tMs);
        } else {
          this.calibration = {
            status: status.state === CALIBRATION_STATES.moved ? 'moved' : 'counting',
            secondsLeft: Math.max(1, Math.ceil((1 - status.progress) * CALIBRATION_HOLD_S)),
          };
        }
      }
      return;
    }
    if (session.phase !== SESSION_PHASES.exercise) return;
    const planned = selectCurrentExercise(session);
    const definition = planned === null ? undefined : findExercise(planned.id);
    if (definition === undefined) return;
    this.ensureEngine(session, definition);
    const model = gaugeModel(definition);
    this.angleDeg = model === null ? null : gaugeValue(model, sample.angles);
    if (this.hold !== null && this.holdStartMs !== null && !this.hold.broken) {
      this.hold = { ...this.hold, heldMs: sample.tMs - this.holdStartMs };
    }
    this.coachVoice.onTime(sample.tMs);
    if (this.engine === null) {
      if (sample.present !== this.presentWithoutEngine) {
        this.presentWithoutEngine = sample.present;
        void this.dispatch({ type: sample.present ? 'person-back' : 'person-lost', tMs: sample.tMs });
      }
      return;
    }
    if (session.userPaused) return;
    this.quality = updateQuality(this.quality, observation, estimate.head, qualityOptionsFor(definition)).state;
    const problem = this.quality.quality.status === 'poor' ? this.quality.quality.reason : null;
    if (problem !== this.qualityProblem) this.qualityProblem = problem;
    for (const event of this.engine.step(gateSample(sample, this.quality.quality))) this.onEngineEvent(event, definition);
  }

  private updateChecks(observation: FrameObservation, session: SessionState): void {
    const framing = this.needsSideView(session) ? sideFramingVerdict(observation) : frontFramingVerdict(observation);
    const person = personVerdict(observation);
    if (framing !== this.checks.framing || person !== this.checks.person) this.checks = { ...this.checks, framing, person };
  }

  private checkLight(): void {
    const session = this.session;
    if (this.camera !== 'on' || session === null || (session.phase !== SESSION_PHASES.setup && session.phase !== SESSION_PHASES.calibration)) return;
    // The live view keeps its <video> private; reading its pixels is all this needs from it.
    const video = this.liveView?.shadowRoot?.querySelector('video');
    if (!video) return;
    const verdict = this.lightSampler.sample(video, this.lastObservation === null ? null : faceBox(this.lastObservation));
    if (verdict !== null && verdict !== this.checks.light) this.checks = { ...this.checks, light: verdict };
  }

  // ---- calibration ------------------------------------------------------------------------

  private beginCalibration(): void {
    this.calibrator = new NeutralCalibrator({ holdMs: CALIBRATION_HOLD_S * 1000 });
    this.tracking.setNeutral(null);
    this.calibration = { status: 'counting', secondsLeft: CALIBRATION_HOLD_S };
    this.speaker?.say(appLocalizer().t('setup.calibrationAsk'), appLocalizer().language, true);
  }

  private skipCalibration(): void {
    this.calibrator = null;
    this.tracking.useAutoNeutral();
    this.autoNeutralSinceMs = -1;
    this.calibration = { status: 'counting', secondsLeft: Math.ceil(AUTO_NEUTRAL_WAIT_MS / 1000) };
  }

  private async finishCalibration(neutral: HeadAngles, tMs: number, applyNeutral = true): Promise<void> {
    if (applyNeutral) this.tracking.setNeutral(neutral);
    this.speaker?.say(appLocalizer().t('setup.calibrated'), appLocalizer().language, true);
    if (this.session?.phase === SESSION_PHASES.setup) await this.dispatch({ type: 'start', tMs, atIso: new Date().toISOString() });
    await this.dispatch({ type: 'calibrated', tMs, neutral });
  }

  // ---- exercise ---------------------------------------------------------------------------

  private ensureEngine(session: SessionState, definition: ExerciseDefinition): void {
    if (this.engineIndex === session.exerciseIndex) return;
    this.engineIndex = session.exerciseIndex;
    const personalRange: Partial<Record<Direction, number>> = {};
    for (const best of this.personalBests) if (best.exerciseId === definition.id) personalRange[best.side] = best.peakDeg;
    this.engine = createEngine(definition, personalRange);
    this.presentWithoutEngine = true;
    this.hold = null;
    this.holdStartMs = null;
    this.feedback = null;
    this.repMark = null;
    const script = scriptExerciseOf(session);
    if (script !== null) this.coachVoice.start(script.exercise, script.holdMs);
  }

  private toggleTones(): void {
    this.tonesOn = !this.tonesOn;
    this.tones.enabled = this.tonesOn;
    saveTonesOn(this.tonesOn);
  }

  private onEngineEvent(event: ExerciseEvent, definition: ExerciseDefinition): void {
    const action = sessionActionFromEngineEvent(event);
    if (action !== null) void this.dispatch(action);
    this.coachVoice.onEvent(event);
    const localizer = appLocalizer();
    switch (event.type) {
      case 'feedback': {
        const side = event.side === 'none' ? '' : localizer.t(`exercise.side.${event.side}`);
        const text = localizer.t(`exercise.feedback.${feedbackKey(event.kind)}`, { side });
        this.deliverFeedback(event.kind, text, event.kind === 'good' ? 'good' : 'warning', event.tMs);
        break;
      }
      case 'rep':
        this.repMark = { counted: event.complete, seq: (this.repMark?.seq ?? 0) + 1 };
        if (event.kind === 'hold') {
          this.hold = null;
          this.holdStartMs = null;
          if (event.complete) this.deliverFeedback('hold-completed', localizer.t('exercise.feedback.holdCompleted'), 'good', event.tMs);
        } else if (!event.complete) {
          this.deliverFeedback('rep-incomplete', localizer.t('exercise.feedback.repIncomplete'), 'warning', event.tMs);
        }
        break;
      case 'hold-started':
        this.holdStartMs = event.tMs;
        this.hold = { heldMs: 0, targetMs: (definition.holdSeconds ?? 3) * 1000, broken: false };
        break;
      case 'hold-broken':
        this.hold = { heldMs: event.heldMs, targetMs: (definition.holdSeconds ?? 3) * 1000, broken: true };
        this.holdStartMs = null;
        this.deliverFeedback('hold-broken', localizer.t('exercise.feedback.holdBroken'), 'warning', event.tMs);
        break;
      default:
        break;
    }
  }

  private deliverFeedback(message: string, text: string, tone: FeedbackTone, tMs: number): void {
    const line = this.coach.deliver(message, text, tone, tMs);
    if (line !== null) this.feedback = line;
  }

  private readInstructions(definition: ExerciseDefinition, interrupt: boolean): void {
    const localizer = appLocalizer();
    const text = [localizer.pick(definition.title), ...definition.instructions.map((step) => localizer.pick(step))].join('. ');
    this.speaker?.say(text, localizer.language, interrupt);
  }

  private reportPain(): void {
    this.speaker?.stop();
    void this.dispatch({ type: 'pain-reported', tMs: performance.now() });
  }

  // ---- session ----------------------------------------------------------------------------

  /**
   * A hidden tab gets no frames and throttled timers: without a pause, the exercise's active time
   * would keep growing while nobody exercises in view. Only a pause made here is undone here; a
   * pause the user chose stays until the user resumes.
   */
  private followVisibility(hidden: boolean): void {
    const session = this.session;
    if (session === null) return;
    if (hidden) {
      if (session.phase !== SESSION_PHASES.exercise || session.userPaused) return;
      this.pausedWhileHidden = true;
      void this.dispatch({ type: 'pause', tMs: performance.now() });
      return;
    }
    if (!this.pausedWhileHidden) return;
    this.pausedWhileHidden = false;
    if (session.phase === SESSION_PHASES.exercise && session.userPaused) void this.dispatch({ type: 'resume', tMs: performance.now() });
  }

  private onTick(): void {
    const session = this.session;
    if (session === null) return;
    this.nowMs = performance.now();
    if (session.phase === SESSION_PHASES.exercise || session.phase === SESSION_PHASES.rest) {
      void this.dispatch({ type: 'tick', tMs: this.nowMs });
    }
  }

  private async dispatch(action: SessionAction): Promise<void> {
    const recorder = this.recorder;
    if (recorder === null) return;
    const before = recorder.state;
    const pending = recorder.dispatch({ ...action, tMs: this.clock.at(action.tMs) } as SessionAction);
    const after = recorder.state;
    if (after !== before) this.onStateChanged(before, after);
    try {
      await pending;
    } catch (error) {
      console.error('Atlas: could not store the session', error);
    }
  }

  private onStateChanged(before: SessionState, after: SessionState): void {
    this.session = after;
    if (after.phase === SESSION_PHASES.exercise && after.exerciseIndex !== this.announcedIndex) {
      this.announcedIndex = after.exerciseIndex;
      const planned = selectCurrentExercise(after);
      const definition = planned === null ? undefined : findExercise(planned.id);
      if (definition !== undefined) this.readInstructions(definition, true);
    }
    if (after.phase === SESSION_PHASES.rest && before.phase !== SESSION_PHASES.rest) {
      this.speaker?.say(appLocalizer().t('rest.heading'), appLocalizer().language, true);
    }
    if (after.phase === SESSION_PHASES.summary && before.phase !== SESSION_PHASES.summary) {
      this.liveView?.stop();
      if (after.endReason === 'pain') this.speaker?.say(appLocalizer().t('exercise.painStopped'), appLocalizer().language, true);
      void this.loadSummary(after);
      this.emit('atlas-session-ended');
    }
  }

  private async loadSummary(state: SessionState): Promise<void> {
    const peaks = this.db === null ? [] : toPeakSamples(await listReps(this.db));
    this.summary = buildSummaryView(state, peaks, appLocalizer());
  }

  private emit(type: string): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-session-view': SessionView;
  }
}

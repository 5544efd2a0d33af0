import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import type { FrameObservation } from '../../core/landmarks';
import type { Direction, ExerciseDefinition } from '../../core/protocol/exercise-definition';
import { findExercise } from '../../core/protocol/protocol';
import type { QualityProblem } from '../../core/quality';
import type { ExerciseEvent } from '../../core/reps/exercise-events';
import {
  SESSION_PHASES,
  guidedNextSide,
  isGuidedCueDue,
  isGuidedResult,
  nextPosition,
  selectHeadUpSide,
  selectRestWaitsForReady,
  type RepSide,
  selectCurrentExercise,
  selectCurrentResult,
  selectCanFinish,
  selectRepProgress,
  selectRestRemainingMs,
  selectUpcomingExercise,
  type DailyCount,
  type ExercisePlanTarget,
  type SessionAction,
  type SessionState,
  visibilityStep,
} from '../../core/session';
import { CAMERA_SIDES, type CameraSide } from '../../core/protocol/camera-side';
import { appLocalizer } from '../../i18n/app-localizer';
import type { AtlasDb } from '../../store/atlas-db-schema';
import type { SessionRecorder } from '../../store/session-recorder';
import { listReps, toPeakSamples } from '../../store/store-queries';
import type { PersonalBestRecord } from '../../store/store-records';
import { FeedbackCoach, type FeedbackLine, type FeedbackTone } from '../feedback/feedback-coach';
import type { Speaker } from '../feedback/speech';
import '../live/atlas-live-view';
import type { AtlasLiveView, LiveFrameDetail, LiveStatusDetail } from '../live/atlas-live-view';
import type { SideCount } from '../rep-counter/rep-counter';
import { faceBox, frontFramingVerdict, sideFramingVerdict } from '../setup/framing-check';
import { VideoLightSampler } from '../setup/video-light';
import { elementStyles } from '../styles/shared-styles';
import '../summary/session-summary';
import type { SessionSummaryView } from '../summary/summary-view';
import { feedbackKey } from '../summary/summary-view';
import { MonotonicClock } from '../../core/tracking/monotonic-clock';
import { ExerciseTracker } from '../../core/tracking/exercise-tracker';
import type { HeadPoseOptions } from '../../core/head-pose/estimate-head-pose';
import { CALIBRATION_PHASES, secondsLeft, type CalibrationProgress } from '../../core/tracking/calibration-progress';
import type { TrackerFrame } from '../../core/tracking/tracker-frame';
import type { RepMark } from '../coach/rep-mark';
import { loadTonesOn, saveTonesOn } from '../voice/coach-preferences';
import { CoachVoice } from '../voice/coach-voice';
import { scriptExerciseOf } from '../voice/script-exercise';
import { spokenSentences } from '../voice/spoken-sentences';
import { TonePlayer } from '../voice/tone-player';
import { coachLayoutStyles } from './coach-layout-styles';
import './exercise-screen';
import type { HoldView } from './exercise-screen';
import { gaugeModel, gaugeValue } from './gauge-model';
import './rest-screen';
import { cameraProblem } from '../live/camera-problem';
import './setup-screen';
import type { CameraProblem } from '../live/camera-problem';
import type { CalibrationView, CameraStatus, SetupChecks } from './setup-screen';
import { SessionTimersController } from './session-timers-controller';
import { buildSummaryView } from './summary-builder';
import { exerciseCheckOn } from '../../vision/backend-capabilities';
import type { LandmarkerBackend, LandmarkerKind } from '../../vision/landmarkers';
import type { ExerciseCheckability } from '../../core/reps/exercise-checkability';
import { positionStepOf } from './position-step-of';
import type { PositionStepView } from '../setup/position-step-view';

const CALIBRATION_HOLD_S = 2;
/** Face down, the setup step's check: the face found on this many frames in a row (as the counter's 4 frames). */
const FACE_TOWARD_FRAMES = 4;

/**
 * One session from setup to summary. Owns the camera view (kept in place across phases so the
 * camera is not restarted), feeds frames to the tracking and the exercise engine, and sends
 * every action to the SessionRecorder (which commits completed reps at once). Emits
 * `atlas-session-closed` when the user leaves the summary, `atlas-show-history` for history.
 */
@customElement('atlas-session-view')
export class SessionView extends LocalizedElement {
  static override styles = elementStyles(
    css`
      .layout { display: grid; gap: 1.25rem; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); align-items: start; }
      @media (max-width: 56rem) { .layout { grid-template-columns: 1fr; } }
      .layout.summary { grid-template-columns: 1fr; }
      .layout.summary .camera { display: none; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
      .camera-prompt { margin-top: 0.75rem; }
      .help { border: 3px solid var(--atlas-danger, #a40e26); border-radius: 0.75rem; padding: 0.75rem 1rem; }
    `,
    coachLayoutStyles,
  );

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
  /** The models the camera runs and the landmarkers that started (what the exercises can read). */
  @state() private tracked: { readonly backend: LandmarkerBackend; readonly kinds: readonly LandmarkerKind[] } | null = null;
  @state() private problemDetail = '';
  @state() private checks: SetupChecks = { framing: 'waiting', light: null, person: 'none', faceToward: false };
  @state() private calibration: CalibrationView = { status: 'idle', secondsLeft: 0 };
  @state() private angleDeg: number | null = null;
  @state() private feedback: FeedbackLine | null = null;
  @state() private hold: HoldView | null = null;
  @state() private repMark: RepMark | null = null;
  @state() private tonesOn = loadTonesOn();
  @state() private nowMs = 0;
  @state() private summary: SessionSummaryView | null = null;

  @query('atlas-live-view') private liveView!: AtlasLiveView | null;

  /** Live sessions always calibrate first; until then the angles are the raw head angles. */
  /** How the head pose is read; default the app's (tests give synthetic subjects' bodies a reader they know). */
  @property({ attribute: false }) headPose: HeadPoseOptions = {};
  private trackerInstance: ExerciseTracker | null = null;
  private readonly clock = new MonotonicClock();
  private engineIndex = -1;
  private readonly tones = Object.assign(new TonePlayer(), { enabled: this.tonesOn });
  /** Eyes-free: counts, hold countdowns and tones (ui/voice). */
  private readonly coachVoice = new CoachVoice({ speaker: () => this.speaker, tone: (kind) => this.tones.play(kind), localizer: appLocalizer });
  private readonly coach = new FeedbackCoach({ say: (text) => this.speaker?.say(text, appLocalizer().language) });
  private readonly lightSampler = new VideoLightSampler();
  private lastObservation: FrameObservation | null = null;
  /** Face down, in the setup step: frames in a row with a face found. */
  private faceFramesInRow = 0;
  /** The floor camera's side the running engine counts (face down), null elsewhere. */
  private engineSide: CameraSide | null = null;
  private announcedIndex = -1;
  /** When the last guided cue was said (page ms): it is said again after a quiet while. */
  private lastGuidedCueMs: number | null = null;
  /** The exercise was paused because the tab was hidden (not by the user): resume it on return. */
  private pausedWhileHidden = false;
  /** Registers itself with this element: its timers and listener run while the element is connected. */
  private readonly timers = new SessionTimersController(this, {
    onTick: (nowMs) => this.onTick(nowMs),
    onLightCheck: () => this.checkLight(),
    onVisibility: (hidden, nowMs) => this.followVisibility(hidden, nowMs),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.speaker?.stop();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('recorder') && this.recorder !== null) {
      this.session = this.recorder.state;
      if (this.session.neutral !== null) this.tracker.setNeutral(this.session.neutral);
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
            .headUpSide=${selectHeadUpSide(session)}
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
    const { t } = this.l10n;
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
          .step=${this.positionStep(session)}
          @atlas-camera-start=${() => this.startCamera()}
          @atlas-calibrate=${() => this.beginCalibration()}
          @atlas-skip-calibration=${() => this.skipCalibration()}
          @atlas-position-ready=${() => void this.leavePositionStep('next')}
          @atlas-position-guided=${() => void this.leavePositionStep('position-guided')}
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
    const guided = isGuidedResult(result) ? { side: guidedNextSide(planned, result) } : null;
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
      .angleDeg=${guided === null ? this.angleDeg : null}
      .guided=${guided}
      @atlas-confirm-rep=${(event: CustomEvent<RepSide>) => this.confirmRep(event.detail)}
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
      .personMissing=${guided === null && !session.personPresent}
      .qualityProblem=${this.qualityProblem}
      .check=${this.checkOf(definition)}
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
      .nextCheck=${definition === undefined ? null : this.checkOf(definition)}
      .changePosition=${selectRestWaitsForReady(session) ? nextPosition(session) : null}
      @atlas-next=${() => void this.dispatch({ type: 'next', tMs: performance.now() })}
    ></atlas-rest-screen>`;
  }

  private renderSummary() {
    const { t } = this.l10n;
    return html`
      <h2 data-testid="summary-heading">${t('summary.heading')}</h2>
      ${this.summary === null ? html`<p role="status">…</p>` : html`<atlas-session-summary .summary=${this.summary}></atlas-session-summary>`}
      <div class="actions">
        <button class="primary" data-testid="to-history" @click=${() => this.emit('atlas-show-history')}>${t('summary.toHistory')}</button>
        <button data-testid="new-session" @click=${() => this.emit('atlas-session-closed')}>${t('summary.newSession')}</button>
      </div>
    `;
  }

  /** The position being set up asks for a side view (lying on the back). */
  private needsSideView(session: SessionState): boolean {
    return this.positionStep(session)?.view === 'side';
  }

  private positionStep(session: SessionState): PositionStepView | null {
    return positionStepOf(session, appLocalizer(), (exercise) => this.checkOf(exercise));
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

  /** Made on first use, with `headPose` as set by then. */
  private get tracker(): ExerciseTracker {
    this.trackerInstance ??= new ExerciseTracker({ neutral: null, calibrationHoldMs: CALIBRATION_HOLD_S * 1000, headPose: this.headPose });
    return this.trackerInstance;
  }

  // ---- camera and frames -------------------------------------------------------------------

  /** Whether the models running now can check `exercise` (null until the camera runs). */
  private checkOf(exercise: ExerciseDefinition): ExerciseCheckability | null {
    return this.tracked === null ? null : exerciseCheckOn(exercise, this.tracked.backend, this.tracked.kinds);
  }

  /**
   * TF.js's body points need the head network's TF.js weights, loaded with it (not on the first
   * page load); until they arrive, and on MediaPipe, the default ones. A reader set through
   * `headPose` (tests) stays.
   */
  private useBodyReaderFor(backend: LandmarkerBackend): void {
    if (this.headPose.body) return;
    if (backend !== 'tfjs') {
      this.tracker.setBodyReader(null);
      return;
    }
    void import('../../core/head-pose/regression/tfjs-pose-head-regressor').then(({ tfjsBodyReader }) => {
      if (this.tracked?.backend === 'tfjs') this.tracker.setBodyReader(tfjsBodyReader);
    });
  }

  private onLiveStatus(detail: LiveStatusDetail): void {
    if (detail.status === 'running' && detail.backend !== null) {
      if (this.tracked?.backend !== detail.backend) this.useBodyReaderFor(detail.backend);
      this.tracked = { backend: detail.backend, kinds: detail.kinds };
    }
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
    const inExercise = session.phase === SESSION_PHASES.exercise;
    const planned = inExercise && !isGuidedResult(selectCurrentResult(session) ?? undefined) ? selectCurrentExercise(session) : null;
    const definition = planned === null ? undefined : findExercise(planned.id);
    if (definition === undefined) this.leaveExercise();
    else this.ensureExercise(session, definition);
    this.tracker.setPaused(session.userPaused);
    const frame = this.tracker.step(observation);
    if (definition !== undefined) this.coachVoice.onTime(observation.tMs);
    if (session.phase === SESSION_PHASES.setup || session.phase === SESSION_PHASES.calibration) {
      this.updateChecks(observation, frame, session);
      if (frame.calibration !== null) this.showCalibration(frame.calibration, frame);
      return;
    }
    if (definition === undefined) return;
    const model = gaugeModel(definition);
    this.angleDeg = model === null ? null : gaugeValue(model, frame.sample.angles);
    this.hold = frame.hold === null ? null : { heldMs: frame.hold.heldMs, targetMs: frame.hold.targetMs, broken: frame.hold.broken };
    if (frame.qualityProblem !== this.qualityProblem) this.qualityProblem = frame.qualityProblem;
    for (const action of frame.actions) void this.dispatch(action);
    for (const event of frame.events) this.onEngineEvent(event);
  }

  private showCalibration(calibration: CalibrationProgress, frame: TrackerFrame): void {
    if (calibration.phase === CALIBRATION_PHASES.done && calibration.neutral !== null) {
      this.calibration = { status: 'done', secondsLeft: 0 };
      void this.finishCalibration(frame);
      return;
    }
    this.calibration = { status: calibration.phase === CALIBRATION_PHASES.moved ? 'moved' : 'counting', secondsLeft: secondsLeft(calibration) };
  }

  private updateChecks(observation: FrameObservation, frame: TrackerFrame, session: SessionState): void {
    if (selectHeadUpSide(session) !== null) {
      // Face down: found on a few frames in a row as the person turns toward the camera (head-up frames).
      this.faceFramesInRow = observation.faces.length > 0 ? this.faceFramesInRow + 1 : 0;
      if (!this.checks.faceToward && this.faceFramesInRow >= FACE_TOWARD_FRAMES) this.checks = { ...this.checks, faceToward: true };
      return;
    }
    const framing = this.needsSideView(session) ? sideFramingVerdict(observation) : frontFramingVerdict(observation);
    const person = frame.people;
    if (framing !== this.checks.framing || person !== this.checks.person) this.checks = { ...this.checks, framing, person };
  }

  private checkLight(): void {
    const session = this.session;
    if (this.camera !== 'on' || session === null || (session.phase !== SESSION_PHASES.setup && session.phase !== SESSION_PHASES.calibration)) return;
    const video = this.liveView?.videoElement;
    if (!video) return;
    const verdict = this.lightSampler.sample(video, this.lastObservation === null ? null : faceBox(this.lastObservation));
    if (verdict !== null && verdict !== this.checks.light) this.checks = { ...this.checks, light: verdict };
  }

  // ---- calibration ------------------------------------------------------------------------

  private beginCalibration(): void {
    this.tracker.holdStillForNeutral();
    this.calibration = { status: 'counting', secondsLeft: CALIBRATION_HOLD_S };
    this.speaker?.say(appLocalizer().t('setup.calibrationAsk'), appLocalizer().language, true);
  }

  private skipCalibration(): void {
    this.tracker.takeNeutralAutomatically();
    this.calibration = { status: 'counting', secondsLeft: CALIBRATION_HOLD_S };
  }

  /** The tracker has taken the neutral (and applied it): the session starts with it. */
  private async finishCalibration(frame: TrackerFrame): Promise<void> {
    this.speaker?.say(appLocalizer().t('setup.calibrated'), appLocalizer().language, true);
    if (this.session?.phase === SESSION_PHASES.setup) await this.dispatch({ type: 'start', tMs: frame.tMs, atIso: new Date().toISOString() });
    for (const action of frame.actions) await this.dispatch(action);
  }

  // ---- exercise ---------------------------------------------------------------------------

  private ensureExercise(session: SessionState, definition: ExerciseDefinition): void {
    // Face down, the second half (the camera moved to the right) starts the engine again for that side.
    if (this.engineIndex === session.exerciseIndex && this.engineSide === session.cameraSide && this.tracker.currentExercise !== null) return;
    this.engineIndex = session.exerciseIndex;
    this.engineSide = session.cameraSide;
    this.tracker.setCameraSide(session.cameraSide ?? CAMERA_SIDES.left);
    const personalRange: Partial<Record<Direction, number>> = {};
    for (const best of this.personalBests) if (best.exerciseId === definition.id) personalRange[best.side] = best.peakDeg;
    this.tracker.startExercise(definition, personalRange);
    this.hold = null;
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

  private leaveExercise(): void {
    if (this.tracker.currentExercise === null) return;
    this.tracker.leaveExercise();
    this.engineIndex = -1;
  }

  /** The spoken and shown coaching for an engine event (its session action is already dispatched). */
  private onEngineEvent(event: ExerciseEvent): void {
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
          if (event.complete) this.deliverFeedback('hold-completed', localizer.t('exercise.feedback.holdCompleted'), 'good', event.tMs);
        } else if (!event.complete) {
          this.deliverFeedback('rep-incomplete', localizer.t('exercise.feedback.repIncomplete'), 'warning', event.tMs);
        }
        break;
      case 'hold-broken':
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
    const text = spokenSentences([localizer.pick(definition.title), ...definition.instructions.map((step) => localizer.pick(step))]);
    this.speaker?.say(text, localizer.language, interrupt);
  }

  // ---- positions and guided exercises ------------------------------------------------------

  /** "Ready" in a position's setup step (a guided position), or "do these guided": the first one also starts the session. */
  private async leavePositionStep(type: 'next' | 'position-guided'): Promise<void> {
    const tMs = performance.now();
    if (this.session?.phase === SESSION_PHASES.setup) await this.dispatch({ type: 'start', tMs, atIso: new Date().toISOString() });
    await this.dispatch({ type, tMs });
  }

  private confirmRep(side: RepSide): void {
    const before = this.session === null ? null : selectCurrentResult(this.session);
    void this.dispatch({ type: 'rep-confirmed', tMs: performance.now(), side });
    const session = this.session;
    const after = session === null ? null : selectCurrentResult(session);
    if (session === null || after === null || after === before || session.phase !== SESSION_PHASES.exercise) return;
    this.tones.play('counted');
    this.repMark = { counted: true, seq: (this.repMark?.seq ?? 0) + 1 };
    const planned = selectCurrentExercise(session);
    if (planned === null) return;
    const count = Object.values(after.sides).reduce((sum, tally) => sum + (tally?.reps ?? 0), 0);
    this.sayGuided(planned.perSide ? 'next' : 'nextTotal', guidedNextSide(planned, after), count);
  }

  /** The guided exercise's cue again when nothing was confirmed for a while. */
  private remindGuided(session: SessionState, nowMs: number): void {
    const planned = selectCurrentExercise(session);
    const result = selectCurrentResult(session);
    if (planned === null || !isGuidedResult(result ?? undefined) || result === null || session.userPaused) return;
    if (this.lastGuidedCueMs === null) this.lastGuidedCueMs = nowMs;
    if (!isGuidedCueDue(this.lastGuidedCueMs, nowMs)) return;
    this.sayGuided(planned.perSide ? 'remind' : 'remindTotal', guidedNextSide(planned, result), 0);
  }

  private sayGuided(key: 'next' | 'nextTotal' | 'remind' | 'remindTotal', side: RepSide, count: number): void {
    const localizer = appLocalizer();
    this.lastGuidedCueMs = performance.now();
    const sideWords = side === 'none' ? '' : localizer.t(`exercise.say.side.${side}`);
    this.speaker?.say(localizer.t(`exercise.guided.say.${key}`, { side: sideWords, count }), localizer.language, true);
  }

  private reportPain(): void {
    this.speaker?.stop();
    void this.dispatch({ type: 'pain-reported', tMs: performance.now() });
  }

  // ---- session ----------------------------------------------------------------------------

  private followVisibility(hidden: boolean, nowMs: number): void {
    const session = this.session;
    if (session === null) return;
    const step = visibilityStep(session, hidden, this.pausedWhileHidden, nowMs);
    this.pausedWhileHidden = step.pausedWhileHidden;
    if (step.action !== null) void this.dispatch(step.action);
  }

  private onTick(nowMs: number): void {
    const session = this.session;
    if (session === null) return;
    this.nowMs = nowMs;
    if (session.phase === SESSION_PHASES.exercise || session.phase === SESSION_PHASES.rest) {
      void this.dispatch({ type: 'tick', tMs: nowMs });
    }
    if (session.phase === SESSION_PHASES.exercise) this.remindGuided(session, nowMs);
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
    if (after.phase === SESSION_PHASES.exercise && after.exerciseIndex !== before.exerciseIndex) this.lastGuidedCueMs = null;
    if (after.phase === SESSION_PHASES.calibration && (before.phase === SESSION_PHASES.rest || before.phase === SESSION_PHASES.exercise)) {
      // A change of position: its own checks and its own neutral.
      this.calibration = { status: 'idle', secondsLeft: 0 };
      this.checks = { ...this.checks, framing: 'waiting', faceToward: false };
      this.faceFramesInRow = 0;
      const position = after.position;
      if (position !== null) {
        const localizer = appLocalizer();
        const side = selectHeadUpSide(after);
        this.speaker?.say(localizer.t(side === null ? `setup.position.place.${position}` : `setup.position.placeSide.${side}`), localizer.language, true);
      }
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

import type { CameraSide } from '../../core/protocol/camera-side';
import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import { matrixToAngles } from '../../core/geometry/euler';
import type { HeadAngles } from '../../core/head-pose/head-angles';
import type { FrameObservation } from '../../core/landmarks';
import { listCameras, type CameraInfo } from '../../vision/camera-source';
import type { PipelineResult } from '../../vision/landmark-pipeline';
import type { LandmarkerBackend, LandmarkerDelegate, LandmarkerKind, PoseModel } from '../../vision/landmarkers';
import type { PipelineStatsSnapshot } from '../../vision/pipeline-stats';
import type { VisionErrorInfo } from '../../vision/vision-error';
import { appLocalizer } from '../../i18n/app-localizer';
import { elementStyles } from '../styles/shared-styles';
import { LandmarkPipelineController, LIVE_STATUS, type LiveStatus } from './landmark-pipeline-controller';
import { forgetBackendChoice } from '../../vision/backend-choice';
import { angleLines, modelsText, problemText, startingText } from './live-texts';
import { clearOverlay, drawObservation } from './overlay-renderer';

/** `atlas-live-frame` event detail, once per analysed frame. */
export interface LiveFrameDetail {
  readonly observation: FrameObservation;
  /** Raw head angles of the first face from its transformation matrix (not calibrated, not smoothed). */
  readonly angles: HeadAngles | null;
  readonly latencyMs: number;
  /** Time each landmarker spent on this frame in its worker, ms (no `pose` when the body was held from an earlier frame). */
  readonly inferenceMs: PipelineResult['inferenceMs'];
  readonly stats: PipelineStatsSnapshot;
}

/** `atlas-live-status` event detail. */
export interface LiveStatusDetail {
  readonly status: LiveStatus;
  readonly error: VisionErrorInfo | null;
  /** While running: which models run, and which landmarkers started (what the exercises can read). */
  readonly backend: LandmarkerBackend | null;
  readonly kinds: readonly LandmarkerKind[];
}

interface Readout {
  readonly angles: HeadAngles | null;
  readonly inferenceMs: PipelineResult['inferenceMs'];
  readonly faces: number;
  readonly poses: number;
  readonly stats: PipelineStatsSnapshot;
}

/**
 * The webcam with the pose skeleton and face points drawn over it, the raw yaw/pitch/roll of the
 * face and the frame rates. Video and overlay are mirrored together by CSS (a mirror is what
 * people expect to see); the analysed frames never are.
 *
 * Attributes/properties: `autostart`, `mirrored` (default true), `pose-model` ('lite' | 'full'; default:
 * the backend the first-run probe chose for this browser, probing on the first start),
 * `delegate` ('CPU' | 'GPU'), `device-id`, `hide-readout`, `hide-controls`. Methods: `start()`, `stop()`.
 * Events (bubbling, composed): `atlas-live-frame` (LiveFrameDetail), `atlas-live-status` (LiveStatusDetail).
 * Test hooks on the host: `data-status`, `data-frames`, `data-face-frames`, `data-pose-frames`,
 * `data-several-faces-frames` (frames with more than one face),
 * `data-dropped`, `data-yaw-deg`, `data-pitch-deg`, `data-roll-deg`, `data-fps` (analysed), `data-camera-fps`,
 * `data-pose-ms`, `data-face-ms` (latest model time per frame), `data-latency-p95-ms`, `data-backend`,
 * `data-pose-model` (MediaPipe's, empty on TF.js), `data-pose-tensors`, `data-face-tensors` (TF.js tensors alive
 * in each worker: a leak check), `data-delegates`
 * (e.g. `pose:GPU face:CPU`), `data-error-code`.
 */
@customElement('atlas-live-view')
export class AtlasLiveView extends LocalizedElement {
  static override styles = elementStyles(
    css`
      .stage { position: relative; width: 100%; max-width: 960px; aspect-ratio: var(--atlas-live-aspect, 4 / 3); background: #000; border-radius: 0.75rem; overflow: hidden; }
      .stage.mirrored .media { transform: scaleX(-1); }
      .media { position: relative; width: 100%; height: 100%; }
      video, canvas { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
      .placeholder { position: absolute; inset: 0; display: grid; place-items: center; color: #fff; padding: 1rem; text-align: center; }
      .starting { align-content: center; gap: 0.5rem; }
      .starting p { margin: 0; }
      .starting progress { width: min(20rem, 80%); height: 0.75rem; }
      .readout { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.75rem 0; font-variant-numeric: tabular-nums; }
      .readout dt { font-weight: 700; }
      .readout dd { margin: 0; }
      .direction { opacity: 0.8; font-size: 0.95rem; }
      .problem { border: 2px solid var(--atlas-danger, #a40e26); border-radius: 0.75rem; padding: 0.75rem 1rem; margin: 0.75rem 0; }
      .problem h2 { font-size: 1.3rem; }
      .controls { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 0.75rem 0; }
      .controls[hidden] { display: none; }
      .notice { font-weight: 700; }
      .detail { font-family: monospace; font-size: 0.85rem; opacity: 0.8; }
    `,
  );

  @property({ type: Boolean }) autostart = false;
  @property({ type: Boolean }) mirrored = true;
  /** Unset: the probe's choice (see LandmarkPipeline.start). Set: this MediaPipe pose model, no probe. */
  @property({ attribute: 'pose-model' }) poseModel: PoseModel | undefined = undefined;
  @property() delegate: LandmarkerDelegate = 'CPU';
  @property({ attribute: 'device-id' }) deviceId = '';
  @property({ type: Boolean, attribute: 'hide-readout' }) hideReadout = false;
  /** Hides the problem box and the buttons, for a host that shows its own (translated) ones. */
  @property({ type: Boolean, attribute: 'hide-controls' }) hideControls = false;
  /**
   * Face down: the landmarkers read the frames turned head-up for a floor camera on this side
   * (null: as they are). The video is shown as the camera gives it, without the landmarks (they
   * are in the turned frame's coordinates).
   */
  @property({ attribute: false }) headUpSide: CameraSide | null = null;

  @state() private readout: Readout | null = null;
  @state() private cameras: readonly CameraInfo[] = [];
  @state() private aspect = 4 / 3;

  @query('video') private video!: HTMLVideoElement;

  /** The camera's video element (for a host that samples its pixels, e.g. the light check); null before the first render. */
  get videoElement(): HTMLVideoElement | null {
    return this.video ?? null;
  }
  @query('canvas') private canvas!: HTMLCanvasElement;

  private readonly live = new LandmarkPipelineController(this, {
    onResult: (result) => this.onResult(result),
    onStatus: (status) => this.onStatus(status),
  });
  private counts = { frames: 0, faceFrames: 0, poseFrames: 0, severalFacesFrames: 0 };
  get status(): LiveStatus {
    return this.live.status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.dataset.status = this.live.status;
    // Moved in the DOM: leaving stopped the camera (see the controller), so an autostart view resumes.
    if (this.hasUpdated && this.autostart && this.live.status === LIVE_STATUS.stopped) void this.start();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('headUpSide')) {
      this.live.setHeadUpSide(this.headUpSide);
      this.dataset.headUp = this.headUpSide ?? '';
    }
  }

  protected override updated(): void {
    // Through the CSSOM: a style attribute would be refused by the page's CSP (no 'unsafe-inline').
    this.style.setProperty('--atlas-live-aspect', String(this.aspect));
  }

  protected override firstUpdated(): void {
    if (this.autostart) void this.start();
  }

  /** Opens the camera and starts the landmarkers; resolves when the run ends (see `status`). */
  async start(): Promise<void> {
    await this.updateComplete;
    this.counts = { frames: 0, faceFrames: 0, poseFrames: 0, severalFacesFrames: 0 };
    this.readout = null;
    clearOverlay(this.overlayContext());
    await this.live.start({
      camera: { video: this.video, ...(this.deviceId ? { deviceId: this.deviceId } : {}) },
      pipeline: { delegate: this.delegate, ...(this.poseModel ? { poseModel: this.poseModel } : {}) },
    });
  }

  stop(): void {
    this.live.stop();
  }

  /** Forgets this browser's backend choice and starts again: the first-run probe measures afresh. */
  async measureAgain(): Promise<void> {
    forgetBackendChoice();
    await this.start();
  }

  private overlayContext(): CanvasRenderingContext2D {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error('2D canvas unavailable');
    return ctx;
  }

  private onStatus(status: LiveStatus): void {
    this.dataset.status = status;
    const error = this.live.error?.info ?? null;
    if (error) this.dataset.errorCode = error.code;
    else delete this.dataset.errorCode;
    if (status === LIVE_STATUS.running) {
      void this.refreshCameras();
      this.dataset.delegates = this.live.delegates.map((d) => `${d.kind}:${d.delegate}`).join(' ');
      this.dataset.backend = this.live.backend ?? '';
      this.dataset.poseModel = this.live.poseModel ?? '';
    }
    if (status !== LIVE_STATUS.running && this.canvas) clearOverlay(this.overlayContext());
    this.dispatchEvent(new CustomEvent<LiveStatusDetail>('atlas-live-status', { detail: { status, error, backend: this.live.backend, kinds: this.live.kinds }, bubbles: true, composed: true }));
  }

  private async refreshCameras(): Promise<void> {
    try {
      this.cameras = await listCameras();
    } catch {
      this.cameras = [];
    }
  }

  private onResult({ observation, latencyMs, inferenceMs, stats }: PipelineResult): void {
    const firstMatrix = observation.faces[0]?.matrix;
    const angles = firstMatrix ? matrixToAngles(firstMatrix) : null;
    this.counts.frames += 1;
    if (observation.faces.length > 0) this.counts.faceFrames += 1;
    if (observation.faces.length > 1) this.counts.severalFacesFrames += 1;
    if (observation.poses.length > 0) this.counts.poseFrames += 1;
    this.reflect(angles, stats, inferenceMs);

    const canvas = this.canvas;
    const turned = this.headUpSide !== null;
    if (!turned && (canvas.width !== observation.imageWidth || canvas.height !== observation.imageHeight)) {
      canvas.width = observation.imageWidth;
      canvas.height = observation.imageHeight;
      this.aspect = observation.imageWidth / observation.imageHeight;
    }
    if (turned) clearOverlay(this.overlayContext());
    else drawObservation(this.overlayContext(), observation);
    this.readout = { angles, inferenceMs, faces: observation.faces.length, poses: observation.poses.length, stats };
    this.dispatchEvent(new CustomEvent<LiveFrameDetail>('atlas-live-frame', { detail: { observation, angles, latencyMs, inferenceMs, stats }, bubbles: true, composed: true }));
  }

  private reflect(angles: HeadAngles | null, stats: PipelineStatsSnapshot, inferenceMs: PipelineResult['inferenceMs']): void {
    const data = this.dataset;
    if (inferenceMs.pose !== undefined) data.poseMs = inferenceMs.pose.toFixed(1);
    if (inferenceMs.face !== undefined) data.faceMs = inferenceMs.face.toFixed(1);
    if (stats.p95LatencyMs !== null) data.latencyP95Ms = stats.p95LatencyMs.toFixed(0);
    data.cameraFps = stats.deliveredFps.toFixed(1);
    data.frames = String(this.counts.frames);
    data.faceFrames = String(this.counts.faceFrames);
    data.severalFacesFrames = String(this.counts.severalFacesFrames);
    data.poseFrames = String(this.counts.poseFrames);
    data.dropped = String(stats.droppedFrames);
    data.fps = stats.analysedFps.toFixed(1);
    // Only TF.js has tensors to count: no per-frame work on MediaPipe.
    if (this.live.backend === 'tfjs') {
      const tensors = this.live.liveTensors();
      if (tensors.pose !== undefined) data.poseTensors = String(tensors.pose);
      if (tensors.face !== undefined) data.faceTensors = String(tensors.face);
    }
    if (angles) {
      data.yawDeg = angles.yawDeg.toFixed(2);
      data.pitchDeg = angles.pitchDeg.toFixed(2);
      data.rollDeg = angles.rollDeg.toFixed(2);
    } else {
      delete data.yawDeg;
      delete data.pitchDeg;
      delete data.rollDeg;
    }
  }

  private onCameraChosen(event: Event): void {
    const select = event.target as HTMLSelectElement;
    this.deviceId = select.value;
    void this.start();
  }

  protected override render() {
    const t = this.t;
    const status = this.live.status;
    const active = status === LIVE_STATUS.running || status === LIVE_STATUS.starting;
    return html`
      <div class="stage ${this.mirrored ? 'mirrored' : ''}">
        <div class="media">
          <video muted playsinline aria-label=${t('live.videoLabel')}></video>
          <canvas aria-hidden="true"></canvas>
        </div>
        ${status === LIVE_STATUS.starting ? this.renderStarting() : nothing}
        ${status === LIVE_STATUS.idle || status === LIVE_STATUS.stopped ? html`<p class="placeholder">${t('live.cameraOff')}</p>` : nothing}
      </div>
      ${this.hideControls ? nothing : this.renderProblem()}
      <div class="controls" ?hidden=${this.hideControls}>
        ${active
          ? html`<button @click=${() => this.stop()}>${t('live.stopCamera')}</button>`
          : html`<button class="primary" @click=${() => void this.start()}>${status === LIVE_STATUS.error ? t('live.tryAgain') : t('live.startCamera')}</button>`}
        ${status === LIVE_STATUS.starting || this.poseModel !== undefined
          ? nothing
          : html`<button data-testid="measure-again" title=${t('live.measureAgainHint')} @click=${() => void this.measureAgain()}>${t('live.measureAgain')}</button>`}
        ${this.cameras.length > 1
          ? html`<label>${t('live.camera')}
              <select @change=${(e: Event) => this.onCameraChosen(e)}>
                ${this.cameras.map((c, i) => html`<option value=${c.deviceId} ?selected=${c.deviceId === this.deviceId}>${c.label || t('live.cameraNumber', { number: i + 1 })}</option>`)}
              </select></label>`
          : nothing}
      </div>
      ${this.hideReadout ? nothing : this.renderReadout()}
    `;
  }

  private readonly t = (key: string, options?: Readonly<Record<string, string | number>>): string => appLocalizer().t(key, options);

  private renderStarting() {
    const progress = this.live.progress;
    const fraction = this.live.probing ? null : (progress?.fraction ?? null);
    return html`<div class="placeholder starting" role="status" data-probing=${this.live.probing ? 'true' : 'false'}>
      <p>${startingText(progress, this.live.probing, this.t)}</p>
      ${fraction !== null && fraction < 1 ? html`<progress max="1" .value=${fraction}></progress>` : nothing}
    </div>`;
  }

  private renderProblem() {
    const error = this.live.error;
    if (this.live.status !== LIVE_STATUS.error || !error) return nothing;
    const text = problemText(error.info, this.t);
    return html`<div class="problem" role="alert">
      <h2>${text.title}</h2>
      <p>${text.help}</p>
      ${text.detail === null ? nothing : html`<p class="detail">${text.detail}</p>`}
    </div>`;
  }

  private renderReadout() {
    const t = this.t;
    const readout = this.readout;
    if (!readout || this.live.status !== LIVE_STATUS.running) return nothing;
    const { stats } = readout;
    const people = Math.max(readout.faces, readout.poses);
    const fps = (value: number): string => t('live.fps', { fps: value.toFixed(1) });
    return html`
      <dl class="readout" aria-live="off">
        ${readout.angles
          ? angleLines(readout.angles, t).map(
              (line) => html`<div><dt>${line.label}</dt><dd class="angle">${line.value} <span class="direction">${line.direction}</span></dd></div>`,
            )
          : html`<div><dt>${t('live.head')}</dt><dd>${t('live.noFace')}</dd></div>`}
        <div><dt>${t('live.models')}</dt><dd class="models">${modelsText(this.live.backend, this.live.poseModel, t)}</dd></div>
        <div><dt>${t('live.analysed')}</dt><dd class="fps">${fps(stats.analysedFps)}</dd></div>
        <div><dt>${t('live.camera')}</dt><dd>${fps(stats.deliveredFps)}</dd></div>
        <div><dt>${t('live.modelTime')}</dt><dd>${(['pose', 'face'] as const)
          .flatMap((kind) => {
            const ms = readout.inferenceMs[kind];
            return ms === undefined ? [] : [t('live.modelMs', { kind: t(`live.${kind}`), ms: Math.round(ms) })];
          })
          .join(' · ')}</dd></div>
        <div><dt>${t('live.latency')}</dt><dd>${stats.lastLatencyMs === null ? '–' : t('live.ms', { ms: Math.round(stats.lastLatencyMs) })}</dd></div>
        <div><dt>${t('live.dropped')}</dt><dd>${stats.droppedFrames}</dd></div>
      </dl>
      ${this.live.delegates
        .filter((d) => d.fallbackReason !== null)
        .map((d) => html`<p class="direction">${t('live.onProcessor', { kind: t(`live.${d.kind}`) })}</p>`)}
      ${people > 1 ? html`<p class="notice" role="status">${t('live.people', { count: people })}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-live-view': AtlasLiveView;
  }
}

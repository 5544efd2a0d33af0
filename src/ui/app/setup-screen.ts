import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import type { PersonVerdict } from '../../core/tracking/people';
import type { FramingVerdict } from '../setup/framing-check';
import type { LightVerdict } from '../setup/light-check';
import type { CameraProblem } from '../live/camera-problem';
import { elementStyles } from '../styles/shared-styles';
import type { PositionStepView } from '../setup/position-step-view';
import '../setup/position-guide';

export type CameraStatus = 'idle' | 'starting' | 'on' | 'error';

export interface CalibrationView {
  readonly status: 'idle' | 'counting' | 'moved' | 'done';
  readonly secondsLeft: number;
}

export interface SetupChecks {
  readonly framing: FramingVerdict;
  readonly light: LightVerdict | null;
  readonly person: PersonVerdict;
  /** Face down: the face was found (on head-up frames) as the person turned toward the camera. */
  readonly faceToward: boolean;
}

/**
 * The setup check of one position (the first, or a change of position mid-session): where to
 * put the camera, camera permission (with specific help), framing for the position's view,
 * light, one person, then the neutral hold in that position with a countdown. A position the
 * camera cannot follow has none of it: "ready" starts its guided exercises. Face down (a camera on
 * the floor at one side, then the other) there is no neutral: the check is that the face is found
 * when the person turns toward the camera, then "ready". Presentational; emits
 * `atlas-camera-start`, `atlas-calibrate`, `atlas-skip-calibration`, `atlas-position-ready`,
 * `atlas-position-guided` and `atlas-cancel`.
 */
@customElement('atlas-setup-screen')
export class SetupScreen extends LocalizedElement {
  static override styles = elementStyles(
    css`
      ul.checks { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
      ul.checks li { display: grid; grid-template-columns: 2rem 1fr; gap: 0.5rem; }
      .icon { font-size: 1.4rem; }
      .help { border: 3px solid var(--atlas-danger, #a40e26); border-radius: 0.75rem; padding: 0.75rem 1rem; }
      .countdown { font-size: 2.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
    `,
  );

  @property() camera: CameraStatus = 'idle';
  @property() problem: CameraProblem | null = null;
  @property() problemDetail = '';
  @property({ attribute: false }) checks: SetupChecks = { framing: 'waiting', light: null, person: 'none', faceToward: false };
  @property({ type: Boolean }) sideView = false;
  @property({ attribute: false }) calibration: CalibrationView = { status: 'idle', secondsLeft: 0 };
  /** The position being set up; null: none known (the plain setup check). */
  @property({ attribute: false }) step: PositionStepView | null = null;

  get checksPassed(): boolean {
    return this.checks.framing === 'ok' && this.checks.person === 'ok' && (this.checks.light === null || this.checks.light === 'ok');
  }

  override render() {
    const { t } = this.l10n;
    const step = this.step;
    const heading = step?.midSession === true ? t('setup.position.heading', { position: t(`setup.position.names.${step.position}`) }) : t('setup.heading');
    const guidedOnly = step?.guidedOnly === true;
    const sided = step !== null && step.cameraSide !== null;
    return html`
      <h2 data-testid="setup-heading">${heading}</h2>
      <div>
          ${step === null ? nothing : html`<atlas-position-guide .step=${step}></atlas-position-guide>`}
          ${guidedOnly
            ? html`<div class="actions">
                <button class="primary" data-testid="position-ready" @click=${() => this.emit('atlas-position-ready')}>▶ ${t('setup.position.ready')}</button>
              </div>`
            : html`<section aria-labelledby="camera-heading">
                  <h3 id="camera-heading">${t('setup.cameraHeading')}</h3>
                  ${this.renderCamera()}
                </section>
                ${this.camera === 'on' && sided ? this.renderFaceCheck() : nothing}
                ${this.camera === 'on' && !sided ? this.renderChecks() : nothing}
                ${this.camera === 'on' && !sided ? this.renderCalibration() : nothing}
                ${step === null || !step.guidedFallback || this.calibration.status !== 'idle'
                  ? nothing
                  : html`<div class="actions">
                      <button data-testid="position-guided" @click=${() => this.emit('atlas-position-guided')}>${t('setup.position.doGuided')}</button>
                    </div>`}`}
          <div class="actions"><button @click=${() => this.emit('atlas-cancel')}>← ${t('summary.newSession')}</button></div>
      </div>
    `;
  }

  private renderCamera() {
    const { t } = this.l10n;
    switch (this.camera) {
      case 'idle':
        return html`<p>${t('setup.cameraAsk')}</p>
          <button class="primary" data-testid="camera-start" @click=${() => this.emit('atlas-camera-start')}>${t('setup.cameraStart')}</button>`;
      case 'starting':
        return html`<p role="status">${t('setup.cameraStarting')}</p>`;
      case 'on':
        return html`<p role="status" data-testid="camera-on">✓ ${t('setup.cameraOk')}</p>`;
      case 'error':
        return html`<div class="help" role="alert" data-testid="camera-help" data-problem=${this.problem ?? 'unknown'}>
            <p>⚠ ${t(`setup.errors.${this.problem ?? 'unknown'}`, { message: this.problemDetail })}</p>
            <button class="primary" data-testid="camera-retry" @click=${() => this.emit('atlas-camera-start')}>${t('setup.retry')}</button>
          </div>`;
    }
  }

  private renderChecks() {
    const { t } = this.l10n;
    const { framing, light, person } = this.checks;
    const items: { ok: boolean; heading: string; text: string; testId: string }[] = [
      { ok: person === 'ok', heading: t('setup.personHeading'), text: t(`setup.person.${person === 'ok' ? 'ok' : person}`), testId: 'check-person' },
      { ok: framing === 'ok', heading: t('setup.framingHeading'), text: t(`setup.framing.${framing}`), testId: 'check-framing' },
      { ok: light === null || light === 'ok', heading: t('setup.lightHeading'), text: light === null ? '…' : t(`setup.light.${light}`), testId: 'check-light' },
    ];
    return html`
      ${this.sideView ? html`<p role="note">ℹ ${t('setup.framing.sideView')}</p>` : nothing}
      <ul class="checks" aria-live="polite">
        ${items.map(
          (item) => html`<li data-testid=${item.testId} data-ok=${String(item.ok)}>
            <span class="icon" aria-hidden="true">${item.ok ? '✓' : '⚠'}</span>
            <span><strong>${item.heading}:</strong> ${item.text}</span>
          </li>`,
        )}
      </ul>
    `;
  }

  /** Face down: the camera must find the face when the person turns toward it; then "ready". */
  private renderFaceCheck() {
    const { t } = this.l10n;
    const ok = this.checks.faceToward;
    return html`
      <ul class="checks" aria-live="polite">
        <li data-testid="check-face-toward" data-ok=${String(ok)}>
          <span class="icon" aria-hidden="true">${ok ? '✓' : '⚠'}</span>
          <span><strong>${t('setup.faceTowardHeading')}:</strong> ${t(ok ? 'setup.faceToward.ok' : 'setup.faceToward.waiting')}</span>
        </li>
      </ul>
      <div class="actions">
        <button class="primary" data-testid="position-ready" @click=${() => this.emit('atlas-position-ready')}>▶ ${t('setup.position.ready')}</button>
      </div>
    `;
  }

  private renderCalibration() {
    const { t } = this.l10n;
    const { status, secondsLeft } = this.calibration;
    return html`
      <section aria-labelledby="calibration-heading">
        <h3 id="calibration-heading">${t('setup.calibrationHeading')}</h3>
        <p>${this.step === null ? t('setup.calibrationAsk') : t(`setup.position.neutral.${this.step.position}`)}</p>
        ${status === 'counting' || status === 'moved'
          ? html`<p class="countdown" role="timer" aria-live="assertive" data-testid="calibration-countdown">${t('setup.calibrationCountdown', { seconds: secondsLeft })}</p>`
          : nothing}
        ${status === 'moved'
          ? html`<p role="alert">⚠ ${t('setup.calibrationMoved')}</p>
              <button data-testid="skip-calibration" @click=${() => this.emit('atlas-skip-calibration')}>${t('setup.skipCalibration')}</button>`
          : nothing}
        ${status === 'done' ? html`<p role="status">✓ ${t('setup.calibrated')}</p>` : nothing}
        ${status !== 'idle'
          ? nothing
          : html`<div class="actions">
              <button class="primary" data-testid="calibrate" ?disabled=${!this.checksPassed} @click=${() => this.emit('atlas-calibrate')}>
                ${t('setup.calibrate')}
              </button>
              <button data-testid="skip-calibration" @click=${() => this.emit('atlas-skip-calibration')}>${t('setup.skipCalibration')}</button>
              ${this.checksPassed
                ? nothing
                : html`<button data-testid="calibrate-anyway" @click=${() => this.emit('atlas-calibrate')}>${t('setup.skipChecks')}</button>`}
            </div>`}
      </section>
    `;
  }

  private emit(type: string): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-setup-screen': SetupScreen;
  }
}

import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import type { ExerciseSet, Protocol, SetId } from '../../core/protocol/exercise-definition';
import { PROTOCOL } from '../../core/protocol/protocol';
import { SESSION_MODES, isGroupLocked, type DailyCount, type PlanSelection, type SessionMode } from '../../core/session';
import { appLocalizer } from '../../i18n/app-localizer';
import '../coach/reminders-panel';
import { elementStyles } from '../styles/shared-styles';

export interface BeginDetail {
  readonly mode: SessionMode;
  readonly selection: PlanSelection;
}

/** An unfinished session that can be resumed. */
export interface ResumableSession {
  readonly sessionId: string;
  readonly startedAtIso: string;
  readonly countedReps: number;
}

type Choice = { readonly kind: 'set'; readonly id: SetId } | { readonly kind: 'custom' };

/**
 * Start: remission or exacerbation (the protocol's locks apply and are explained with its own
 * words), then one set or the user's own list; the last condition and set are read back. After
 * a session stopped for pain it asks first. Emits `atlas-begin` (BeginDetail), `atlas-resume`,
 * `atlas-discard` and `atlas-reset-targets`.
 */
@customElement('atlas-start-screen')
export class StartScreen extends LocalizedElement {
  static override styles = elementStyles(
    css`
      fieldset { border: 2px solid var(--atlas-muted, #c9ced6); border-radius: 0.75rem; margin: 0 0 1rem; padding: 0.75rem 1rem; }
      legend { font-weight: 700; font-size: 1.2rem; padding: 0 0.25rem; }
      label.option { display: flex; gap: 0.75rem; align-items: flex-start; padding: 0.5rem 0; cursor: pointer; }
      label.option input { min-height: auto; width: 1.4rem; height: 1.4rem; margin-top: 0.2rem; }
      .hint { display: block; font-size: 0.95rem; opacity: 0.85; }
      .locked { opacity: 0.8; }
      .badge { display: inline-block; font-size: 0.85rem; font-weight: 700; border: 2px solid currentColor; border-radius: 0.4rem; padding: 0 0.4rem; margin-inline-start: 0.5rem; }
      blockquote { margin: 0.5rem 0 0.5rem 1rem; padding-inline-start: 0.75rem; border-inline-start: 4px solid var(--atlas-accent, #0b5cad); font-style: italic; }
      .banner { border: 2px solid var(--atlas-accent, #0b5cad); border-radius: 0.75rem; padding: 0.75rem 1rem; margin-bottom: 1rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
      .error { font-weight: 700; }
      ol.custom { margin: 0; padding-inline-start: 1.5rem; }
    `,
  );

  @property({ attribute: false }) protocol: Protocol = PROTOCOL;
  @property({ attribute: false }) today: DailyCount | null = null;
  @property({ attribute: false }) resumable: ResumableSession | null = null;
  @property({ type: Boolean }) lastEndedForPain = false;
  /** The condition and the set chosen last time (settings), applied when they arrive. */
  @property() savedMode: SessionMode | null = null;
  @property() savedSet: string | null = null;
  @state() private painAnswered = false;
  @state() private showPainQuestion = false;
  @state() private targetsReset = false;

  @state() private mode: SessionMode = SESSION_MODES.remission;
  @state() private choice: Choice = { kind: 'set', id: 'simple-b' };
  @state() private customIds: readonly string[] = [];
  @state() private showNothingChosen = false;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('savedMode') && this.savedMode !== null) this.setMode(this.savedMode);
    if (changed.has('savedSet') && this.savedSet !== null) {
      const saved = this.protocol.sets.find((set) => set.id === this.savedSet);
      if (this.savedSet === 'custom') this.choice = { kind: 'custom' };
      else if (saved !== undefined && !isGroupLocked(saved.id, this.mode)) this.choice = { kind: 'set', id: saved.id };
    }
  }

  override render() {
    const { t } = this.l10n;
    return html`
      <h2>${t('start.heading')}</h2>
      ${this.today === null
        ? nothing
        : html`<p data-testid="sessions-today">
            ${this.today.count >= this.today.min
              ? t('start.sessionsTodayDone', { count: this.today.count })
              : t('start.sessionsToday', { count: this.today.count })}
          </p>`}
      <atlas-reminders .sessionsToday=${this.today?.count ?? 0}></atlas-reminders>
      ${this.lastEndedForPain
        ? html`<div class="banner">
            <p role="note">⚠ ${t('start.painNotice')}</p>
            <label class="option"><input type="checkbox" data-testid="pain-confirm" .checked=${this.painAnswered} @change=${(event: Event) => { this.painAnswered = (event.target as HTMLInputElement).checked; this.showPainQuestion = false; }} />
              <span>${t('start.painConfirm')}</span></label>
          </div>`
        : nothing}
      ${this.resumable === null ? nothing : this.renderResume(this.resumable)}
      <fieldset>
        <legend>${t('start.conditionQuestion')}</legend>
        ${this.renderMode(SESSION_MODES.remission, t('start.remission'), t('start.remissionHint'))}
        ${this.renderMode(SESSION_MODES.exacerbation, t('start.exacerbation'), t('start.exacerbationHint'))}
      </fieldset>
      <fieldset>
        <legend>${t('start.chooseSet')}</legend>
        ${this.protocol.sets.map((set) => this.renderSet(set))}
        <label class="option">
          <input type="radio" name="set" value="custom" data-testid="set-custom" .checked=${this.choice.kind === 'custom'} @change=${() => this.choose({ kind: 'custom' })} />
          <span>${t('start.custom')}<span class="hint">${t('start.customHint')}</span></span>
        </label>
        ${this.choice.kind === 'custom' ? this.renderCustom() : nothing}
      </fieldset>
      ${this.mode === SESSION_MODES.exacerbation ? this.renderLocks() : nothing}
      <div class="actions">
        <button class="primary" data-testid="begin" @click=${this.begin}>${t('start.begin')}</button>
        ${this.showNothingChosen ? html`<p class="error" role="alert">⚠ ${t('start.nothingChosen')}</p>` : nothing}
        ${this.showPainQuestion ? html`<p class="error" role="alert">⚠ ${t('start.painConfirmFirst')}</p>` : nothing}
      </div>
      <p class="actions">
        <button data-testid="reset-targets" @click=${this.resetTargets}>${t('start.resetTargets')}</button>
        <span class="hint" role="status">${this.targetsReset ? t('start.targetsReset') : t('start.resetTargetsHint')}</span>
      </p>
    `;
  }

  private renderResume(resumable: ResumableSession) {
    const localizer = appLocalizer();
    return html`
      <section class="banner" aria-labelledby="resume-heading" data-testid="resume-banner">
        <h3 id="resume-heading">${localizer.t('start.resumeHeading')}</h3>
        <p>${localizer.t('start.resumeText', { time: localizer.formatDate(new Date(resumable.startedAtIso), true), reps: resumable.countedReps })}</p>
        <div class="actions">
          <button class="primary" data-testid="resume" @click=${() => this.emit('atlas-resume', resumable)}>${localizer.t('start.resume')}</button>
          <button @click=${() => this.emit('atlas-discard', resumable)}>${localizer.t('start.discard')}</button>
        </div>
      </section>
    `;
  }

  private renderMode(mode: SessionMode, label: string, hint: string) {
    return html`
      <label class="option">
        <input type="radio" name="mode" value=${mode} data-testid=${`mode-${mode}`} .checked=${this.mode === mode} @change=${() => this.setMode(mode)} />
        <span>${label}<span class="hint">${hint}</span></span>
      </label>
    `;
  }

  private renderSet(set: ExerciseSet) {
    const localizer = appLocalizer();
    const locked = isGroupLocked(set.id, this.mode);
    return html`
      <label class="option ${locked ? 'locked' : ''}">
        <input
          type="radio"
          name="set"
          value=${set.id}
          data-testid=${`set-${set.id}`}
          .checked=${this.choice.kind === 'set' && this.choice.id === set.id}
          ?disabled=${locked}
          aria-describedby=${locked ? 'locks' : nothing}
          @change=${() => this.choose({ kind: 'set', id: set.id })}
        />
        <span>
          ${localizer.pick(set.title)}
          ${locked ? html`<span class="badge">${localizer.t('start.lockedBadge')}</span>` : nothing}
          <span class="hint">
            ${localizer.t('start.exerciseCount', { count: set.exerciseIds.length })}:
            ${set.exerciseIds.map((id) => this.exerciseTitle(id)).join(', ')}
          </span>
        </span>
      </label>
    `;
  }

  private renderCustom() {
    return html`
      <ol class="custom" aria-label=${appLocalizer().t('start.custom')}>
        ${this.protocol.exercises.map((exercise) => {
          const locked = isGroupLocked(exercise.setId, this.mode);
          return html`<li>
            <label class="option ${locked ? 'locked' : ''}">
              <input
                type="checkbox"
                value=${exercise.id}
                data-testid=${`custom-${exercise.id}`}
                .checked=${this.customIds.includes(exercise.id)}
                ?disabled=${locked}
                @change=${(event: Event) => this.toggleCustom(exercise.id, (event.target as HTMLInputElement).checked)}
              />
              <span>${appLocalizer().pick(exercise.title)}${locked ? html`<span class="badge">${appLocalizer().t('start.lockedBadge')}</span>` : nothing}</span>
            </label>
          </li>`;
        })}
      </ol>
    `;
  }

  private renderLocks() {
    const localizer = appLocalizer();
    const lockedSets = this.protocol.sets.filter((set) => isGroupLocked(set.id, this.mode));
    return html`
      <section id="locks" aria-labelledby="locks-heading" data-testid="locks">
        <h3 id="locks-heading">${localizer.t('start.lockedHeading')}</h3>
        ${lockedSets.map(
          (set) => html`
            <p><strong>${localizer.pick(set.title)}</strong> — ${localizer.t('start.lockedBecause')}</p>
            <blockquote lang="en">“${set.lockQuote}”</blockquote>
            ${set.lockReading === null ? nothing : html`<p class="hint">${localizer.pick(set.lockReading)}</p>`}
          `,
        )}
      </section>
    `;
  }

  private exerciseTitle(id: string): string {
    const exercise = this.protocol.exercises.find((candidate) => candidate.id === id);
    return exercise === undefined ? id : appLocalizer().pick(exercise.title);
  }

  private setMode(mode: SessionMode): void {
    this.mode = mode;
    if (this.choice.kind === 'set' && isGroupLocked(this.choice.id, mode)) {
      const firstOpen = this.protocol.sets.find((set) => !isGroupLocked(set.id, mode));
      if (firstOpen !== undefined) this.choice = { kind: 'set', id: firstOpen.id };
    }
    this.customIds = this.customIds.filter((id) => {
      const exercise = this.protocol.exercises.find((candidate) => candidate.id === id);
      return exercise !== undefined && !isGroupLocked(exercise.setId, mode);
    });
  }

  private choose(choice: Choice): void {
    this.choice = choice;
    this.showNothingChosen = false;
  }

  private toggleCustom(id: string, checked: boolean): void {
    this.customIds = checked ? [...this.customIds.filter((other) => other !== id), id] : this.customIds.filter((other) => other !== id);
    this.showNothingChosen = false;
  }

  private resetTargets(): void {
    this.targetsReset = true;
    this.emit('atlas-reset-targets', null);
  }

  private begin(): void {
    if (this.lastEndedForPain && !this.painAnswered) {
      this.showPainQuestion = true;
      return;
    }
    const selection: PlanSelection =
      this.choice.kind === 'set' ? { kind: 'set', group: this.choice.id } : { kind: 'custom', exerciseIds: this.customIds };
    if (selection.kind === 'custom' && selection.exerciseIds.length === 0) {
      this.showNothingChosen = true;
      return;
    }
    this.emit('atlas-begin', { mode: this.mode, selection } satisfies BeginDetail);
  }

  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-start-screen': StartScreen;
  }
}

import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import { PROTOCOL } from '../../core/protocol/protocol';
import {
  buildSessionPlan,
  countTodaysSessions,
  createSessionState,
  toSessionExercise,
  type DailyCount,
  type ExercisePlanTarget,
  type SessionMode,
} from '../../core/session';
import { appLocalizer } from '../../i18n/app-localizer';
import { LANGUAGES, isLanguage } from '../../i18n/localizer';
import type { AtlasDb } from '../../store/atlas-db-schema';
import { openAtlasDb } from '../../store/open-atlas-db';
import { discardOpenSession, resumeOpenSession } from '../../store/session-log';
import { SessionRecorder } from '../../store/session-recorder';
import { getSettings, listReps, listSessions, saveSettings } from '../../store/store-queries';
import type { PersonalBestRecord, RepRecord, SessionRecord } from '../../store/store-records';
import { personalPlans, robustPersonalBests } from '../coach/personal-plan';
import { Speaker } from '../feedback/speech';
import '../live/atlas-live-view';
import { elementStyles } from '../styles/shared-styles';
import { ROUTES, routeFromHash, type Route } from './app-routes';
import './data-screen';
import './history-screen';
import './privacy-screen';
import './session-view';
import './start-screen';
import type { BeginDetail, ResumableSession } from './start-screen';

const NAV: readonly { readonly route: Route; readonly key: string }[] = [
  { route: ROUTES.start, key: 'app.nav.start' },
  { route: ROUTES.history, key: 'app.nav.history' },
  { route: ROUTES.data, key: 'app.nav.data' },
  { route: ROUTES.privacy, key: 'app.nav.privacy' },
  { route: ROUTES.camera, key: 'app.nav.cameraCheck' },
];

function newSessionId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The whole app: header (navigation, language, voice), and one screen at a time, chosen by
 * the URL hash so that reloads keep the place. Opens the IndexedDB store on start.
 */
@customElement('atlas-app')
export class AtlasApp extends LocalizedElement {
  static override styles = elementStyles(
    css`
      /* Fonts with Cyrillic named first: 'system-ui' alone falls back to a serif for Russian on some Linux setups. */
      :host { min-height: 100vh; --atlas-font-size: 1.15rem; font-family: system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; }
      .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem 1rem; }
      .skip:focus { left: 0.5rem; z-index: 10; }
      header { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center; justify-content: space-between; padding: 0.75rem 1rem; border-bottom: 2px solid var(--atlas-muted, #c9ced6); background: var(--atlas-surface, #fff); }
      h1 { margin: 0; font-size: 1.7rem; }
      .tagline { margin: 0; font-size: 0.95rem; }
      nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; list-style: none; margin: 0; padding: 0; }
      nav a { display: inline-block; padding: 0.4rem 0.75rem; border-radius: 0.5rem; color: inherit; text-decoration: none; border: 2px solid transparent; }
      nav a[aria-current='page'] { border-color: var(--atlas-ink, #111); font-weight: 700; }
      .tools { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
      main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    `,
  );

  @state() private route: Route = routeFromHash(location.hash);
  @state() private db: AtlasDb | null = null;
  @state() private recorder: SessionRecorder | null = null;
  @state() private sessions: readonly SessionRecord[] = [];
  @state() private reps: readonly RepRecord[] = [];
  @state() private bests: readonly PersonalBestRecord[] = [];
  @state() private resumable: ResumableSession | null = null;
  @state() private voiceOn = true;
  /** Read back from the settings: the condition and the set chosen last, and when targets were reset. */
  @state() private savedMode: SessionMode = 'remission';
  @state() private chosenSet: string | null = null;
  @state() private targetsResetAtIso: string | null = null;
  @state() private plans: ReadonlyMap<string, ExercisePlanTarget> = new Map();
  @state() private storeProblem = '';

  private readonly speaker = new Speaker();
  private readonly onHashChange = (): void => this.navigate(routeFromHash(location.hash), false);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    void this.openStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.speaker.stop();
  }

  private async openStore(): Promise<void> {
    try {
      this.db = await openAtlasDb();
      const settings = await getSettings(this.db);
      this.voiceOn = settings.voiceOn;
      this.speaker.muted = !settings.voiceOn;
      this.savedMode = settings.mode;
      this.chosenSet = settings.chosenSet ?? null;
      this.targetsResetAtIso = settings.targetsResetAtIso ?? null;
      await this.refresh();
    } catch (error) {
      this.storeProblem = error instanceof Error ? error.message : String(error);
    }
  }

  /** Reloads what the screens show from the store (after a session, an import, a delete). */
  private async refresh(): Promise<void> {
    const db = this.db;
    if (db === null) return;
    const [sessions, reps, open] = await Promise.all([listSessions(db), listReps(db), resumeOpenSession(db)]);
    this.sessions = sessions;
    this.reps = reps;
    // Robust bests of recent sessions, not the stored all-time maxima: one glitch cannot raise the bar for good.
    this.bests = robustPersonalBests(reps, this.targetsResetAtIso);
    this.resumable =
      open === null || this.recorder !== null
        ? null
        : { sessionId: open.record.id, startedAtIso: open.record.startedAtIso, countedReps: open.record.countedReps };
    if (this.route === ROUTES.session && this.recorder === null) this.navigate(ROUTES.start);
  }

  private today(): DailyCount {
    const now = new Date();
    return countTodaysSessions(
      this.sessions.map((session) => ({ startedAtIso: session.startedAtIso, countedReps: session.countedReps })),
      now.toISOString(),
      -now.getTimezoneOffset(),
    );
  }

  private navigate(route: Route, updateHash = true): void {
    if (route === ROUTES.session && this.recorder === null) route = ROUTES.start;
    this.route = route;
    if (updateHash && location.hash !== `#/${route}`) history.pushState(null, '', `#/${route}`);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('main')?.focus());
  }

  override render() {
    void this.l10n;
    const localizer = appLocalizer();
    const t = (key: string) => localizer.t(key);
    return html`
      <a class="skip" href="#main" @click=${(event: Event) => { event.preventDefault(); this.renderRoot.querySelector<HTMLElement>('main')?.focus(); }}>${t('app.skipToContent')}</a>
      <header>
        <div>
          <h1>${t('app.title')}</h1>
          <p class="tagline">${t('app.tagline')}</p>
        </div>
        <nav aria-label=${t('app.nav.label')}>
          <ul>
            ${NAV.map(
              (item) => html`<li><a
                href=${`#/${item.route}`}
                data-testid=${`nav-${item.route}`}
                aria-current=${this.route === item.route || (item.route === ROUTES.start && this.route === ROUTES.session) ? 'page' : 'false'}
                >${t(item.key)}</a></li>`,
            )}
          </ul>
        </nav>
        <div class="tools">
          <label>${t('app.language')}
            <select data-testid="language" @change=${(event: Event) => this.changeLanguage((event.target as HTMLSelectElement).value)}>
              ${LANGUAGES.map((language) => html`<option value=${language} ?selected=${localizer.language === language}>${language === 'en' ? 'English' : 'Русский'}</option>`)}
            </select>
          </label>
          <button aria-pressed=${String(this.voiceOn)} title=${t('app.voiceToggle')} data-testid="voice" @click=${() => void this.toggleVoice()}>
            ${this.voiceOn ? `♪ ${t('app.voiceOn')}` : `✕ ${t('app.voiceOff')}`}
          </button>
        </div>
      </header>
      <main id="main" tabindex="-1" data-route=${this.route}>
        ${this.storeProblem === '' ? nothing : html`<p role="alert">⚠ ${this.storeProblem}</p>`}
        ${this.renderRoute()}
      </main>
    `;
  }

  private renderRoute() {
    switch (this.route) {
      case ROUTES.start:
        return html`<atlas-start-screen
          .today=${this.today()}
          .resumable=${this.resumable}
          .savedMode=${this.savedMode}
          .savedSet=${this.chosenSet}
          @atlas-reset-targets=${() => void this.resetTargets()}
          .lastEndedForPain=${this.sessions.length > 0 && [...this.sessions].sort((a, b) => (a.startedAtIso < b.startedAtIso ? 1 : -1))[0]?.endReason === 'pain'}
          @atlas-begin=${(event: CustomEvent<BeginDetail>) => this.begin(event.detail)}
          @atlas-resume=${() => void this.resume()}
          @atlas-discard=${(event: CustomEvent<ResumableSession>) => void this.discard(event.detail)}
        ></atlas-start-screen>`;
      case ROUTES.session:
        return html`<atlas-session-view
          .recorder=${this.recorder}
          .db=${this.db}
          .speaker=${this.speaker}
          .today=${this.today()}
          .personalBests=${this.bests}
          .planReasons=${this.plans}
          @atlas-session-ended=${() => void this.refresh()}
          @atlas-session-closed=${() => this.closeSession(ROUTES.start)}
          @atlas-show-history=${() => this.closeSession(ROUTES.history)}
        ></atlas-session-view>`;
      case ROUTES.history:
        return html`<atlas-history-screen .sessions=${this.sessions} .reps=${this.reps}></atlas-history-screen>`;
      case ROUTES.data:
        return html`<atlas-data-screen .db=${this.db} @atlas-data-changed=${() => void this.refresh()}></atlas-data-screen>`;
      case ROUTES.privacy:
        return html`<atlas-privacy-screen></atlas-privacy-screen>`;
      case ROUTES.camera:
        return html`<h2>${appLocalizer().t('cameraCheck.heading')}</h2>
          <p>${appLocalizer().t('cameraCheck.hint')}</p>
          <atlas-live-view autostart data-testid="camera-check"></atlas-live-view>`;
    }
  }

  private begin(detail: BeginDetail): void {
    const db = this.db;
    if (db === null) return;
    this.plans = personalPlans(PROTOCOL.exercises, this.reps, this.sessions, detail.mode, this.targetsResetAtIso);
    const catalog = PROTOCOL.exercises.map((exercise) => toSessionExercise(exercise, this.plans.get(exercise.id)?.repsTarget));
    const { plan } = buildSessionPlan(catalog, detail.mode, detail.selection);
    this.recorder = SessionRecorder.forNewSession(db, createSessionState(newSessionId(), plan));
    this.resumable = null;
    this.savedMode = detail.mode;
    this.chosenSet = detail.selection.kind === 'set' ? detail.selection.group : 'custom';
    void saveSettings(db, { mode: detail.mode, chosenSet: this.chosenSet });
    this.navigate(ROUTES.session);
  }

  private async resume(): Promise<void> {
    const db = this.db;
    if (db === null) return;
    this.recorder = await SessionRecorder.resume(db, performance.now());
    this.resumable = null;
    this.navigate(ROUTES.session);
  }

  private async discard(resumable: ResumableSession): Promise<void> {
    if (this.db === null) return;
    await discardOpenSession(this.db, resumable.sessionId);
    await this.refresh();
  }

  private closeSession(route: Route): void {
    this.recorder = null;
    void this.refresh();
    this.navigate(route);
  }

  private changeLanguage(value: string): void {
    if (!isLanguage(value)) return;
    appLocalizer().setLanguage(value);
    if (this.db !== null) void saveSettings(this.db, { language: value });
  }

  private async resetTargets(): Promise<void> {
    this.targetsResetAtIso = new Date().toISOString();
    if (this.db !== null) await saveSettings(this.db, { targetsResetAtIso: this.targetsResetAtIso });
    await this.refresh();
  }

  private async toggleVoice(): Promise<void> {
    this.voiceOn = !this.voiceOn;
    this.speaker.muted = !this.voiceOn;
    if (!this.voiceOn) this.speaker.stop();
    if (this.db !== null) await saveSettings(this.db, { voiceOn: this.voiceOn });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-app': AtlasApp;
  }
}

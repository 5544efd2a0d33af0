import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import { DAILY_SLOTS, dailySlotsIcs, nextSlot, type DailySlot } from '../../core/session';
import { appLocalizer } from '../../i18n/app-localizer';
import { elementStyles } from '../styles/shared-styles';
import {
  browserReminderPlatform,
  cancelTriggeredReminders,
  notificationsAllowed,
  reminderSupport,
  scheduleTriggeredReminders,
  triggerTools,
  upcomingSlotTimes,
  type ReminderPlatform,
} from './triggered-reminders';

const pad = (value: number): string => String(value).padStart(2, '0');
const slotText = (slot: DailySlot): string => `${pad(slot.hour)}:${pad(slot.minute)}`;
/** A reminder is armed only while the app is open (no server, no push): checked once a minute. */
const CHECK_MS = 60_000;

/**
 * Reminders without a server: the next session's time (3–4 slots a day), a calendar file of
 * the daily slots (.ics, made here, nothing fetched), and a notification at each slot: scheduled
 * with the service worker where the browser has Notification Triggers (they fire with Atlas
 * closed), otherwise while the app is open (permission asked only on a click).
 */
@customElement('atlas-reminders')
export class RemindersPanel extends LocalizedElement {
  static override styles = elementStyles(
    css`
      .next { font-size: 1.4rem; font-weight: 700; margin: 0 0 0.5rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
    `,
  );

  /** Sessions done today (the next slot moves to tomorrow at four). */
  @property({ type: Number }) sessionsToday = 0;
  /** The browser's notification APIs (tests give their own). */
  @property({ attribute: false }) platform: ReminderPlatform = browserReminderPlatform();
  /** The reminders were scheduled with triggers: they fire with Atlas closed. */
  @state() private triggered = false;
  @state() private notifying = false;
  @state() private now = new Date();

  private timer: ReturnType<typeof setInterval> | null = null;
  private notifiedFor = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => this.onMinute(), CHECK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  override render() {
    const { t } = this.l10n;
    const next = nextSlot({ hour: this.now.getHours(), minute: this.now.getMinutes() }, this.sessionsToday);
    const support = reminderSupport(this.platform);
    const canNotify = support !== 'none';
    return html`
      <p class="next" data-testid="next-session">
        ${t(next.tomorrow ? 'reminders.nextTomorrow' : 'reminders.nextToday', { time: slotText(next.slot) })}
      </p>
      <p>${t('reminders.slots', { times: DAILY_SLOTS.map(slotText).join(', ') })}</p>
      <div class="actions">
        <button data-testid="export-ics" @click=${this.exportIcs}>${t('reminders.exportIcs')}</button>
        ${canNotify
          ? html`<button data-testid="notify" data-support=${support} aria-pressed=${String(this.notifying)} @click=${this.toggleNotifications}>
              ${this.notifying ? t(this.triggered ? 'reminders.notifyOnClosed' : 'reminders.notifyOn') : t(support === 'triggers' ? 'reminders.notifyAskClosed' : 'reminders.notifyAsk')}
            </button>`
          : nothing}
      </div>
    `;
  }

  private exportIcs(): void {
    const now = new Date();
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const ics = dailySlotsIcs(DAILY_SLOTS, { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() }, stamp, appLocalizer().t('reminders.eventTitle'));
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'atlas-sessions.ics';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private async toggleNotifications(): Promise<void> {
    const tools = await triggerTools(this.platform);
    if (this.notifying) {
      this.notifying = false;
      if (this.triggered && tools !== null) await cancelTriggeredReminders(tools.registration);
      this.triggered = false;
      return;
    }
    this.notifying = await notificationsAllowed(this.platform);
    if (!this.notifying || tools === null) return;
    const localizer = appLocalizer();
    const times = upcomingSlotTimes(new Date(), DAILY_SLOTS);
    await scheduleTriggeredReminders(tools.registration, tools.trigger, times, { title: localizer.t('reminders.eventTitle'), body: localizer.t('reminders.notificationBody') });
    this.triggered = true;
  }

  private onMinute(): void {
    this.now = new Date();
    // Scheduled reminders fire by themselves: a second one from here would double them.
    if (!this.notifying || this.triggered) return;
    const due = DAILY_SLOTS.find((slot) => slot.hour === this.now.getHours() && slot.minute === this.now.getMinutes());
    const key = due === undefined ? '' : `${this.now.toDateString()} ${slotText(due)}`;
    if (due === undefined || key === this.notifiedFor) return;
    this.notifiedFor = key;
    new Notification(appLocalizer().t('reminders.eventTitle'), { body: appLocalizer().t('reminders.notificationBody') });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-reminders': RemindersPanel;
  }
}

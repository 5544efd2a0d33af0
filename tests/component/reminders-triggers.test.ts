// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DAILY_SLOTS } from '../../src/core/session';
import '../../src/ui/coach/reminders-panel';
import type { RemindersPanel } from '../../src/ui/coach/reminders-panel';
import { TRIGGER_DAYS_AHEAD, reminderSupport, upcomingSlotTimes, type ReminderPlatform } from '../../src/ui/coach/triggered-reminders';
import { inEnglishOnACleanPage, renderElement } from './render';

class FakeTrigger {
  constructor(readonly timestamp: number) {}
}
interface Shown {
  readonly tag: string;
  readonly trigger: FakeTrigger;
  closed: boolean;
}

/** A browser with notifications, optionally with triggers; its service worker records what it is asked to show. */
function platform(withTriggers: boolean): { platform: ReminderPlatform; shown: Shown[] } {
  const shown: Shown[] = [];
  function FakeNotification(): void {}
  FakeNotification.permission = 'granted';
  FakeNotification.requestPermission = () => Promise.resolve('granted');
  if (withTriggers) Object.defineProperty(FakeNotification.prototype, 'showTrigger', { value: null });
  const registration = {
    showNotification: (_title: string, options: { tag: string; showTrigger: FakeTrigger }) => {
      shown.push({ tag: options.tag, trigger: options.showTrigger, closed: false });
      return Promise.resolve();
    },
    getNotifications: () =>
      Promise.resolve(shown.filter((entry) => !entry.closed).map((entry) => ({ tag: entry.tag, close: () => void (entry.closed = true) }))),
  };
  return {
    shown,
    platform: {
      Notification: FakeNotification,
      TimestampTrigger: withTriggers ? FakeTrigger : undefined,
      serviceWorker: { ready: Promise.resolve(registration) },
    },
  };
}

describe('reminder feature detection', () => {
  it('tells triggers, while-open notifications and none apart', () => {
    expect(reminderSupport({})).toBe('none');
    expect(reminderSupport(platform(false).platform)).toBe('while-open');
    expect(reminderSupport(platform(true).platform)).toBe('triggers');
    // A TimestampTrigger without a service worker to show it cannot fire with the app closed.
    expect(reminderSupport({ ...platform(true).platform, serviceWorker: undefined })).toBe('while-open');
  });

  it('lists the slots still to come over the next days, in order', () => {
    const now = new Date(2026, 10, 24, 12, 30);
    const times = upcomingSlotTimes(now, DAILY_SLOTS, 2);
    expect(times.map((time) => new Date(time).getHours())).toEqual([16, 20, 8, 12, 16, 20]);
    expect(times.every((time) => time > now.getTime())).toBe(true);
  });
});

/** The panel on a platform with or without Notification Triggers, and its notify button. */
async function renderWithTriggers(triggers: boolean) {
  const browser = platform(triggers);
  const panel = await renderElement<RemindersPanel>('atlas-reminders', { platform: browser.platform });
  const button = panel.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid=notify]');
  return { browser, panel, button };
}

describe('<atlas-reminders> with Notification Triggers', () => {
  inEnglishOnACleanPage();

  it('schedules a notification per slot for the days ahead, and cancels them when turned off', async () => {
    const { browser, panel, button } = await renderWithTriggers(true);
    expect(button?.dataset['support']).toBe('triggers');
    button?.click();
    await expect.poll(() => browser.shown.length).toBeGreaterThanOrEqual(DAILY_SLOTS.length * (TRIGGER_DAYS_AHEAD - 1));
    await panel.updateComplete;
    expect(button?.textContent).toContain('also with Atlas closed');
    expect(new Set(browser.shown.map((entry) => entry.tag)).size).toBe(browser.shown.length);
    expect(browser.shown.every((entry) => entry.trigger.timestamp > Date.now())).toBe(true);
    button?.click();
    await expect.poll(() => browser.shown.every((entry) => entry.closed)).toBe(true);
  });

  it('without triggers, only arms the while-open reminder', async () => {
    const { browser, panel, button } = await renderWithTriggers(false);
    expect(button?.dataset['support']).toBe('while-open');
    button?.click();
    await expect.poll(async () => {
      await panel.updateComplete;
      return button?.textContent ?? '';
    }).toContain('while Atlas is open');
    expect(browser.shown).toEqual([]);
  });
});

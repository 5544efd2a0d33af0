import type { DailySlot } from '../../core/session';

/**
 * Reminders that fire with Atlas closed, without a server: the Notification Triggers API
 * (`showTrigger: new TimestampTrigger(ms)` on a service worker's notification) where the browser has
 * it. Elsewhere reminders fire only while the app is open (reminders-panel.ts) or come from the
 * calendar file. Periodic Background Sync is not used: its event is only given to installed apps
 * at a rate the browser picks (at best about once a day), too coarse for 3–4 slots a day.
 */
export type ReminderSupport = 'triggers' | 'while-open' | 'none';

/** What this module reads of the browser (the tests give their own). */
export interface ReminderPlatform {
  readonly Notification?: unknown;
  readonly TimestampTrigger?: unknown;
  readonly serviceWorker?: unknown;
}

interface TriggerConstructor {
  new (timestamp: number): object;
}

interface TriggerRegistration {
  showNotification(title: string, options: NotificationOptions & { readonly showTrigger: object; readonly tag: string }): Promise<void>;
  getNotifications(filter?: { readonly includeTriggered?: boolean }): Promise<readonly Notification[]>;
}

/** Days of reminders scheduled ahead: each visit tops them up. */
export const TRIGGER_DAYS_AHEAD = 7;
const TAG_PREFIX = 'atlas-reminder-';

function hasShowTrigger(notification: unknown): boolean {
  if (typeof notification !== 'function') return false;
  const prototype: unknown = notification.prototype;
  return typeof prototype === 'object' && prototype !== null && 'showTrigger' in prototype;
}

export function reminderSupport(platform: ReminderPlatform): ReminderSupport {
  if (typeof platform.Notification !== 'function') return 'none';
  const triggers = typeof platform.TimestampTrigger === 'function' && hasShowTrigger(platform.Notification) && platform.serviceWorker !== undefined;
  return triggers ? 'triggers' : 'while-open';
}

/** The browser's own platform. */
export function browserReminderPlatform(): ReminderPlatform {
  const scope = globalThis as ReminderPlatform;
  return {
    Notification: scope.Notification,
    TimestampTrigger: scope.TimestampTrigger,
    serviceWorker: typeof navigator === 'undefined' ? undefined : navigator.serviceWorker,
  };
}

/** The slots' local times from `now` (exclusive) over `days` days, as epoch ms, in order. */
export function upcomingSlotTimes(now: Date, slots: readonly DailySlot[], days: number = TRIGGER_DAYS_AHEAD): number[] {
  const times: number[] = [];
  for (let day = 0; day < days; day += 1) {
    for (const slot of slots) {
      const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + day, slot.hour, slot.minute, 0, 0).getTime();
      if (at > now.getTime()) times.push(at);
    }
  }
  return times.sort((a, b) => a - b);
}

/**
 * Schedules one triggered notification per upcoming slot (tagged by its time, so scheduling again
 * replaces rather than doubles). Returns how many were scheduled.
 */
export async function scheduleTriggeredReminders(
  registration: TriggerRegistration,
  trigger: TriggerConstructor,
  times: readonly number[],
  text: { readonly title: string; readonly body: string },
): Promise<number> {
  for (const at of times) {
    await registration.showNotification(text.title, { body: text.body, tag: `${TAG_PREFIX}${at}`, showTrigger: new trigger(at) });
  }
  return times.length;
}

/** Cancels the scheduled reminders that have not fired yet. */
export async function cancelTriggeredReminders(registration: TriggerRegistration): Promise<void> {
  const pending = await registration.getNotifications({ includeTriggered: true });
  for (const notification of pending) if (notification.tag.startsWith(TAG_PREFIX)) notification.close();
}

interface PermissionApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
}

/** Whether notifications may be shown, asking the person (on their click) when not decided yet. */
export async function notificationsAllowed(platform: ReminderPlatform): Promise<boolean> {
  if (reminderSupport(platform) === 'none') return false;
  const api = platform.Notification as PermissionApi;
  return (api.permission === 'granted' ? 'granted' : await api.requestPermission()) === 'granted';
}

/** The service worker's registration and the trigger constructor, when the platform has both. */
export async function triggerTools(platform: ReminderPlatform): Promise<{ registration: TriggerRegistration; trigger: TriggerConstructor } | null> {
  if (reminderSupport(platform) !== 'triggers') return null;
  const container = platform.serviceWorker as ServiceWorkerContainer;
  const registration = (await container.ready) as unknown as TriggerRegistration;
  return { registration, trigger: platform.TimestampTrigger as TriggerConstructor };
}

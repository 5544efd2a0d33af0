import { createInstance, type i18n } from 'i18next';
import { EN } from './en';
import { RU } from './ru';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text given in every language (the protocol's exercise texts use this shape). */
export type LocalizedText = Readonly<Record<Language, string>>;

export type TranslateOptions = Readonly<Record<string, string | number>>;

/** Where the chosen language is remembered (localStorage in the app, a Map in tests). */
export interface LanguageMemory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const LANGUAGE_KEY = 'atlas.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first supported language among the browser's preferences, else English. */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export class Localizer {
  private readonly engine: i18n;
  private readonly listeners = new Set<() => void>();

  constructor(
    initial: Language,
    private readonly memory: LanguageMemory | null = null,
  ) {
    this.engine = createInstance();
    void this.engine.init({
      lng: initial,
      fallbackLng: 'en',
      initAsync: false,
      resources: { en: { translation: EN }, ru: { translation: RU } },
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }

  get language(): Language {
    const current = this.engine.language;
    return isLanguage(current) ? current : 'en';
  }

  t(key: string, options?: TranslateOptions): string {
    return this.engine.t(key, options ?? {});
  }

  /** Picks the text of the current language from a `{ en, ru }` record. */
  pick(text: LocalizedText): string {
    return text[this.language];
  }

  setLanguage(language: Language): void {
    if (language === this.language) return;
    void this.engine.changeLanguage(language);
    this.memory?.setItem(LANGUAGE_KEY, language);
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after each language change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  formatNumber(value: number, maximumFractionDigits = 0): string {
    return new Intl.NumberFormat(this.language, { maximumFractionDigits }).format(value);
  }

  formatDate(date: Date, withTime = false): string {
    return new Intl.DateTimeFormat(this.language, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
  }

  formatTime(date: Date): string {
    return new Intl.DateTimeFormat(this.language, { timeStyle: 'short' }).format(date);
  }
}

/** A localizer whose language is the remembered one, else the browser's preference. */
export function createLocalizer(memory: LanguageMemory | null, browserLanguages: readonly string[]): Localizer {
  const remembered = memory?.getItem(LANGUAGE_KEY) ?? null;
  return new Localizer(isLanguage(remembered) ? remembered : preferredLanguage(browserLanguages), memory);
}

import { createLocalizer, type Localizer } from './localizer';

let shared: Localizer | null = null;

/**
 * The one localizer of the running app (language remembered in localStorage). Elements reach it
 * through this function so that a test can render them without wiring a context.
 */
export function appLocalizer(): Localizer {
  if (shared === null) {
    const memory = typeof localStorage === 'undefined' ? null : localStorage;
    const languages = typeof navigator === 'undefined' ? [] : navigator.languages;
    shared = createLocalizer(memory, languages);
    syncDocumentLanguage(shared);
    shared.subscribe(() => syncDocumentLanguage(shared as Localizer));
  }
  return shared;
}

function syncDocumentLanguage(localizer: Localizer): void {
  if (typeof document !== 'undefined') document.documentElement.lang = localizer.language;
}

/**
 * The tones setting, remembered in this browser (localStorage: a display preference, not health
 * data; the voice setting lives in the store's settings record).
 */
const TONES_KEY = 'atlas.coach.tonesOn';

export function loadTonesOn(storage: Pick<Storage, 'getItem'> | null = typeof localStorage === 'undefined' ? null : localStorage): boolean {
  return storage?.getItem(TONES_KEY) !== 'false';
}

export function saveTonesOn(on: boolean, storage: Pick<Storage, 'setItem'> | null = typeof localStorage === 'undefined' ? null : localStorage): void {
  storage?.setItem(TONES_KEY, String(on));
}

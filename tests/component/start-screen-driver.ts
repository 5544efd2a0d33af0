import type { BeginDetail, StartScreen } from '../../src/ui/app/start-screen';

/** The start screen's input with this `data-testid`. */
export function input(screen: StartScreen, testId: string): HTMLInputElement {
  const found = screen.shadowRoot?.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
  if (!found) throw new Error(`no ${testId}`);
  return found;
}

/** Ticks a radio or checkbox as a user would (checked, then `change`) and waits for the render. */
export async function choose(screen: StartScreen, testId: string): Promise<void> {
  const element = input(screen, testId);
  element.checked = true;
  element.dispatchEvent(new Event('change'));
  await screen.updateComplete;
}

/** Clicks Begin: the `atlas-begin` detail, or null when the screen did not begin. */
export function begin(screen: StartScreen): BeginDetail | null {
  let detail: BeginDetail | null = null;
  screen.addEventListener('atlas-begin', (event) => (detail = (event as CustomEvent<BeginDetail>).detail), { once: true });
  screen.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid=begin]')?.click();
  return detail;
}

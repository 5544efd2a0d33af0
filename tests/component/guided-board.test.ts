// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../../src/ui/coach/guided-board';
import type { GuidedBoard } from '../../src/ui/coach/guided-board';
import { inEnglishOnACleanPage, renderElement, shadowText } from './render';

function confirmations(board: GuidedBoard): string[] {
  const seen: string[] = [];
  board.addEventListener('atlas-confirm-rep', (event) => seen.push((event as CustomEvent<string>).detail));
  return seen;
}

describe('<atlas-guided-board>', () => {
  inEnglishOnACleanPage();

  it('says its counts are confirmed, not measured, and which side comes next', async () => {
    const board = await renderElement<GuidedBoard>('atlas-guided-board', { side: 'right' });
    expect(shadowText(board, '[data-testid=guided-label]')).toContain('not measured');
    expect(shadowText(board, '[data-testid=guided-next]')).toBe('Next: Right');
  });

  it('confirms the cued side with the big button and with + or Enter on the page', async () => {
    const board = await renderElement<GuidedBoard>('atlas-guided-board', { side: 'left' });
    const seen = confirmations(board);
    board.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid=confirm-rep]')?.click();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '+' }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(seen).toEqual(['left', 'left', 'left']);
  });

  it('leaves Enter on another button to that button, and confirms nothing while paused or once removed', async () => {
    const other = document.createElement('button');
    document.body.append(other);
    const board = await renderElement<GuidedBoard>('atlas-guided-board', { side: 'left' });
    const seen = confirmations(board);
    other.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(seen).toEqual([]);
    board.disabled = true;
    await board.updateComplete;
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '+' }));
    expect(seen).toEqual([]);
    board.disabled = false;
    board.remove();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '+' }));
    expect(seen).toEqual([]);
  });
});

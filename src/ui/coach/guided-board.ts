import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import type { RepSide } from '../../core/session';
import { elementStyles } from '../styles/shared-styles';

/** Keys that confirm a rep from anywhere on the page (the person may be lying on the floor, far from the mouse). */
const CONFIRM_KEYS: ReadonlySet<string> = new Set(['+', '=', 'Enter', 'NumpadAdd']);

/** Typing in a field, or Enter on a focused button (which presses that button itself). */
function belongsToFocused(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  return event.key === 'Enter' && target instanceof HTMLButtonElement;
}

/**
 * The board of a guided exercise: said plainly that its counts are the person's own, the side to
 * do next, and one big "+1" (also +, = or Enter on the keyboard). Emits `atlas-confirm-rep` with
 * the side.
 */
@customElement('atlas-guided-board')
export class GuidedBoard extends LocalizedElement {
  static override styles = elementStyles(
    css`
      .label { font-weight: 700; margin: 0 0 0.5rem; }
      .next { font-size: 1.6rem; font-weight: 700; margin: 0.25rem 0; }
      button.confirm { font-size: 2rem; min-height: 5rem; width: 100%; font-weight: 700; }
      .keys { font-size: 0.95rem; margin: 0.25rem 0 0; }
    `,
  );

  @property() side: RepSide = 'none';
  @property({ type: Boolean }) disabled = false;

  private readonly onKey = (event: KeyboardEvent): void => {
    if (this.disabled || event.repeat || !CONFIRM_KEYS.has(event.key) || belongsToFocused(event)) return;
    event.preventDefault();
    this.confirm();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  override render() {
    const { t } = this.l10n;
    return html`
      <p class="label" data-testid="guided-label">ℹ ${t('exercise.guided.label')}</p>
      ${this.side === 'none' ? nothing : html`<p class="next" data-testid="guided-next" data-side=${this.side}>${t('exercise.guided.next', { side: t(`exercise.side.${this.side}`) })}</p>`}
      <button class="primary confirm" data-testid="confirm-rep" ?disabled=${this.disabled} @click=${() => this.confirm()}>${t('exercise.guided.confirm')}</button>
      <p class="keys">${t('exercise.guided.keys')}</p>
    `;
  }

  private confirm(): void {
    this.dispatchEvent(new CustomEvent<RepSide>('atlas-confirm-rep', { detail: this.side, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-guided-board': GuidedBoard;
  }
}

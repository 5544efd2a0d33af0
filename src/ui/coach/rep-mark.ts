import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { LocalizedElement } from '../localized-element';
import { elementStyles } from '../styles/shared-styles';

/** The latest movement's verdict; `seq` grows with every rep so that the same verdict twice flashes twice. */
export interface RepMark {
  readonly counted: boolean;
  readonly seq: number;
}

/**
 * A large ✓ or ✗ with a word, flashed when a rep counts or does not, then faded (it stays
 * readable for about two seconds; with reduced motion it simply stays until the next one).
 */
@customElement('atlas-rep-mark')
export class RepMarkView extends LocalizedElement {
  static override styles = elementStyles(
    css`
      :host { display: inline-block; min-width: 0; max-width: 100%; }
      .mark { display: inline-flex; flex-wrap: nowrap; white-space: nowrap; align-items: center; gap: 0.3em; padding: 0.1em 0.5em; border-radius: 0.4em; font-weight: 800; font-size: var(--atlas-rep-mark-size, 1.6rem); color: #fff; animation: fade 2.2s ease-in forwards; }
      .mark[data-counted='true'] { background: var(--atlas-ok, #1a7f37); }
      .mark[data-counted='false'] { background: var(--atlas-danger, #a40e26); }
      .icon { font-size: 1.3em; line-height: 1; }
      @keyframes fade { 0%, 70% { opacity: 1; } 100% { opacity: 0.15; } }
      @media (prefers-reduced-motion: reduce) { .mark { animation: none; } }
    `,
  );

  @property({ attribute: false }) mark: RepMark | null = null;

  override render() {
    const mark = this.mark;
    if (mark === null) return nothing;
    const { t } = this.l10n;
    return keyed(
      mark.seq,
      html`<span class="mark" role="status" data-testid="rep-mark" data-counted=${String(mark.counted)}>
        <span class="icon" aria-hidden="true">${mark.counted ? '✓' : '✗'}</span>${t(mark.counted ? 'exercise.coach.counted' : 'exercise.coach.notCounted')}
      </span>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-rep-mark': RepMarkView;
  }
}

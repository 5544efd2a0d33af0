import { css, type CSSResultGroup } from 'lit';

/** Styles every Atlas element shares: a block box, large type, visible focus, a screen-reader-only class. */
const sharedStyles = css`
  :host { display: block; font-size: var(--atlas-font-size, 1.125rem); line-height: 1.5; color: var(--atlas-ink, #111); }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  button, select, input {
    font: inherit; min-height: 2.75rem; padding: 0.4rem 1rem; border-radius: 0.5rem;
    border: 2px solid var(--atlas-ink, #111); background: var(--atlas-surface, #fff); color: inherit; cursor: pointer;
  }
  button.primary { background: var(--atlas-accent, #0b5cad); color: #fff; border-color: var(--atlas-accent, #0b5cad); }
  button.danger { background: var(--atlas-danger, #a40e26); color: #fff; border-color: var(--atlas-danger, #a40e26); }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  :focus-visible { outline: 3px solid var(--atlas-focus, #ff9f1c); outline-offset: 2px; }
  h2 { font-size: 1.6rem; margin: 0 0 0.75rem; }
  h3 { font-size: 1.25rem; margin: 1rem 0 0.5rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--atlas-muted, #c9ced6); vertical-align: top; }
  .status { display: inline-flex; gap: 0.4rem; align-items: baseline; }
`;

/** An Atlas element's styles: the shared ones first, so that its own win where both set a property. */
export function elementStyles(...own: CSSResultGroup[]): CSSResultGroup {
  return [sharedStyles, ...own];
}

import { css } from 'lit';

/**
 * The exercise screen fills the height its host gives it (the session view's coach layout):
 * headline, feedback and controls keep their size; the board gives way before the controls do
 * (it shrinks and clips rather than push pause, stop and the pain button off screen, whatever
 * the fonts, the language or the verdict shown), and the instructions below shrink and scroll. Sizes follow the viewport's smaller side (vmin) so that the count stays
 * readable from 2 m on a laptop and still fits a phone held sideways.
 */
export const exerciseScreenStyles = css`
  :host {
    display: flex; flex-direction: column; gap: 0.4rem; height: 100%; min-height: 0;
    --atlas-count-size: clamp(2.6rem, 11vmin, 7rem);
    --atlas-count-label-size: clamp(1.1rem, 3.4vmin, 2rem);
    --atlas-gauge-now-size: clamp(1.4rem, 5vmin, 3rem);
    --atlas-gauge-text-size: clamp(0.95rem, 2.4vmin, 1.4rem);
    --atlas-rep-mark-size: clamp(1.2rem, 4vmin, 2.4rem);
    --atlas-hold-ring-size: clamp(4.5rem, 16vmin, 9rem);
  }
  :host > * { flex: none; }
  .headline { display: flex; align-items: baseline; gap: 0.6rem; min-width: 0; }
  .progress { flex: none; font-size: 0.95rem; opacity: 0.85; }
  h2 { margin: 0; font-size: clamp(1.15rem, 3.6vmin, 2rem); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .feedback {
    margin: 0; font-size: clamp(1.05rem, 3vmin, 1.7rem); font-weight: 700; min-height: 1.6em; line-height: 1.3;
    padding: 0.2rem 0.6rem; border-radius: 0.5rem; border: 3px solid var(--atlas-muted, #c9ced6);
  }
  .feedback[data-tone='good'] { border-color: var(--atlas-ok, #1a7f37); }
  .feedback[data-tone='warning'] { border-color: var(--atlas-warn, #9a6700); }
  :host > .board { flex: 0 1 auto; min-height: 0; overflow: hidden; }
  .board { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.25fr); gap: 0.5rem 1rem; align-items: center; }
  .tally { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.75rem; min-width: 0; }
  .count { min-width: 0; }
  .dose { margin: 0; font-size: 0.95rem; }
  .timed { margin: 0; font-size: var(--atlas-count-label-size); font-weight: 700; }
  .timed [data-testid='rep-count'] { font-size: var(--atlas-count-size); font-weight: 800; font-variant-numeric: tabular-nums; }
  atlas-angle-gauge { --atlas-gauge-max-width: 100%; --atlas-gauge-dial-max-height: 26vh; width: 100%; }
  .untracked { margin: 0; }
  .controls { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.4rem; }
  .controls button { padding-inline: 0.4rem; line-height: 1.1; overflow-wrap: anywhere; }
  .controls .pain { grid-column: 1 / -1; font-weight: 800; }
  .settings { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.4rem; }
  :host > .more { flex: 1 1 0; min-height: 0; overflow: auto; border-top: 2px solid var(--atlas-muted, #c9ced6); padding-top: 0.3rem; }
  .how { display: flex; gap: 1rem; align-items: flex-start; }
  .how h3 { margin-top: 0; }
  ol { margin: 0; padding-inline-start: 1.4rem; }
  .reading { font-size: 0.95rem; opacity: 0.85; }
  /* A phone held upright: the board stacks, the gauge under the count. */
  @media (max-aspect-ratio: 3 / 4) {
    .board { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
    atlas-angle-gauge { --atlas-gauge-dial-max-height: 14vh; }
  }
  /* Short screens (a phone sideways): smaller dial, the instructions go below the fold of the panel. */
  @media (max-height: 30rem) {
    :host { gap: 0.25rem; }
    :host { --atlas-gauge-now-size: 1.2rem; --atlas-gauge-text-size: 0.9rem; --atlas-count-label-size: 1rem; }
    .progress { display: none; }
    .feedback { font-size: 1rem; min-height: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .dose { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    atlas-rep-mark { --atlas-rep-mark-size: 1.05rem; }
    atlas-angle-gauge { --atlas-gauge-dial-max-height: 22vh; }
    .controls button { min-height: 2.3rem; padding-block: 0.1rem; }
  }
`;

import { css } from 'lit';

/**
 * The session view during an exercise (`.layout.coach`): the whole viewport, no page chrome,
 * the camera as large as fits beside (landscape) or above (portrait) the exercise screen, so that
 * nothing that matters is ever scrolled away. The camera keeps its aspect ratio (the live view
 * sets --atlas-live-aspect) inside the space it is given.
 */
export const coachLayoutStyles = css`
  .layout.coach {
    position: fixed; inset: 0; z-index: 20; box-sizing: border-box; margin: 0;
    height: 100vh; height: 100dvh; padding: 0.5rem; gap: 0.6rem;
    background: var(--atlas-surface, #fff);
    grid-template-columns: minmax(0, 1fr) clamp(17rem, 38vw, 36rem);
    grid-template-rows: minmax(0, 1fr);
    align-items: stretch;
  }
  .layout.coach > .camera { position: relative; min-height: 0; container-type: size; display: grid; place-items: center; }
  .layout.coach > .camera > atlas-live-view { width: min(100cqw, calc(100cqh * var(--atlas-live-aspect, 1.3333))); }
  .layout.coach > .camera > .camera-stop { position: absolute; right: 0.4rem; bottom: 0.4rem; font-size: 0.9rem; min-height: 2.2rem; opacity: 0.9; }
  .layout.coach > .camera > .camera-prompt { position: absolute; inset: auto 0.5rem 0.5rem; margin: 0; background: var(--atlas-surface, #fff); padding: 0.5rem; border-radius: 0.5rem; }
  .layout.coach > .panel { min-height: 0; display: flex; flex-direction: column; }
  .layout.coach > .panel > atlas-exercise-screen { flex: 1 1 auto; min-height: 0; }
  @media (orientation: landscape) and (max-height: 30rem) {
    .layout.coach { grid-template-columns: minmax(0, 1fr) 46vw; padding: 0.3rem; gap: 0.4rem; }
  }
  @media (orientation: portrait) {
    .layout.coach { grid-template-columns: minmax(0, 1fr); grid-template-rows: minmax(0, 38fr) minmax(0, 62fr); }
  }
`;

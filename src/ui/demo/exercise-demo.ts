import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles';

/**
 * How the demonstration figure moves. Drawn as the user would see a coach facing them, i.e.
 * mirrored like the camera view: a turn to the subject's left moves the face to the screen's left.
 */
export type DemoMotion = 'turn' | 'shake' | 'nod' | 'tilt-down' | 'tilt-up' | 'side-tilt' | 'circle' | 'shrug' | 'press' | 'arms' | 'lying' | 'still';

/** A small animated head and shoulders showing the movement (SVG + CSS; still when reduced motion is asked for). */
@customElement('atlas-exercise-demo')
export class ExerciseDemo extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; width: 12rem; max-width: 100%; }
      svg { width: 100%; height: auto; }
      .skin { fill: var(--atlas-surface-2, #f1e3d3); stroke: var(--atlas-ink, #111); stroke-width: 3; }
      .line { fill: none; stroke: var(--atlas-ink, #111); stroke-width: 3; stroke-linecap: round; }
      .hand { fill: var(--atlas-accent, #0b5cad); opacity: 0.7; }
      .head, .face, .shoulders, .hand { transform-box: view-box; transform-origin: 100px 150px; }
      .face { transform-origin: 100px 80px; }
      :host([motion='turn']) .face { animation: turn 4s ease-in-out infinite; }
      :host([motion='shake']) .face { animation: shake 1.6s ease-in-out infinite; }
      :host([motion='nod']) .face { animation: nod 1.6s ease-in-out infinite; }
      :host([motion='tilt-down']) .face { animation: down 4s ease-in-out infinite; }
      :host([motion='tilt-up']) .face { animation: up 4s ease-in-out infinite; }
      :host([motion='side-tilt']) .head { animation: side 4s ease-in-out infinite; }
      :host([motion='circle']) .face { animation: circle 4s linear infinite; }
      :host([motion='shrug']) .shoulders { animation: shrug 3s ease-in-out infinite; }
      :host([motion='press']) .hand { animation: press 3s ease-in-out infinite; }
      @keyframes turn { 0%, 100% { transform: translateX(0); } 25% { transform: translateX(-22px); } 75% { transform: translateX(22px); } }
      @keyframes shake { 0%, 100% { transform: translateX(0); } 25% { transform: translateX(-8px); } 75% { transform: translateX(8px); } }
      @keyframes nod { 0%, 100% { transform: translateY(0); } 25% { transform: translateY(8px); } 75% { transform: translateY(-6px); } }
      @keyframes down { 0%, 100% { transform: translateY(0); } 50% { transform: translateY(20px); } }
      @keyframes up { 0%, 100% { transform: translateY(0); } 50% { transform: translateY(-18px); } }
      @keyframes side { 0%, 100% { transform: rotate(0); } 25% { transform: rotate(-20deg); } 75% { transform: rotate(20deg); } }
      @keyframes circle { 0% { transform: translate(8px, 0); } 25% { transform: translate(0, 8px); } 50% { transform: translate(-8px, 0); } 75% { transform: translate(0, -8px); } 100% { transform: translate(8px, 0); } }
      @keyframes shrug { 0%, 100% { transform: translateY(0); } 40%, 60% { transform: translateY(-16px); } }
      @keyframes press { 0%, 100% { transform: translateX(0); } 40%, 60% { transform: translateX(4px); } }
      @media (prefers-reduced-motion: reduce) { * { animation: none !important; } }
    `,
  ];

  @property({ reflect: true }) motion: DemoMotion = 'still';
  /** Accessible name, e.g. "Demonstration: head turns". */
  @property() label = '';

  override render() {
    return html`
      <svg viewBox="0 0 200 200" role="img" aria-label=${this.label}>
        <g class="shoulders">
          <path class="line" d="M 30 190 Q 40 150 80 148 L 120 148 Q 160 150 170 190"></path>
        </g>
        <g class="head">
          <rect class="skin" x="88" y="120" width="24" height="30" rx="6"></rect>
          <ellipse class="skin" cx="100" cy="80" rx="42" ry="50"></ellipse>
          <g class="face">
            <circle cx="84" cy="72" r="4"></circle>
            <circle cx="116" cy="72" r="4"></circle>
            <path class="line" d="M 100 78 L 96 94 L 104 94"></path>
            <path class="line" d="M 88 106 Q 100 113 112 106"></path>
          </g>
          ${this.motion === 'press' ? svg`<ellipse class="hand" cx="100" cy="42" rx="30" ry="12"></ellipse>` : null}
        </g>
      </svg>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-exercise-demo': ExerciseDemo;
  }
}

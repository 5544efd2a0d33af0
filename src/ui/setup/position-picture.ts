import { css, html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { CAMERA_SIDES, type CameraSide } from '../../core/protocol/camera-side';
import type { Position } from '../../core/protocol/positions';

/**
 * Where to put the camera for each position, drawn (240×140 view). Upright is seen from the side
 * (chair, table, laptop at head height); the lying positions from above (mat, body, camera); face
 * down, the camera at the side being set up.
 */
const CAMERA = (x: number, y: number, turnDeg: number): SVGTemplateResult => svg`
  <g class="camera" transform="translate(${x} ${y}) rotate(${turnDeg})">
    <rect x="-12" y="-8" width="24" height="16" rx="3"></rect>
    <circle cx="12" cy="0" r="4"></circle>
  </g>`;

const VIEW = (points: string): SVGTemplateResult => svg`<polygon class="view" points=${points}></polygon>`;

/** Face down the picture depends on the camera's side: prone(). */
const PICTURES: Readonly<Record<Exclude<Position, 'prone'>, SVGTemplateResult>> = {
  upright: svg`
    <line class="floor" x1="10" y1="130" x2="230" y2="130"></line>
    <path class="furniture" d="M40 130 V92 H78 M48 92 V54"></path>
    <circle class="body" cx="66" cy="38" r="12"></circle>
    <path class="body" d="M64 50 L60 90 H92 V128"></path>
    <path class="furniture" d="M150 130 V84 M130 84 H220"></path>
    ${VIEW('176,40 78,30 78,70')}
    ${CAMERA(188, 40, 180)}
    <path class="furniture" d="M182 48 L176 84 H200"></path>`,
  supine: svg`
    <rect class="mat" x="30" y="18" width="180" height="48" rx="6"></rect>
    <circle class="body" cx="50" cy="42" r="12"></circle>
    <path class="body" d="M62 42 H150 M150 36 L196 30 M150 48 L196 54 M90 34 L120 26 M90 50 L120 58"></path>
    ${VIEW('120,122 34,30 200,30')}
    ${CAMERA(120, 126, -90)}`,
  'side-lying': svg`
    <rect class="mat" x="30" y="18" width="180" height="48" rx="6"></rect>
    <circle class="body" cx="50" cy="42" r="12"></circle>
    <path class="body" d="M62 42 H150 L196 42 M100 42 L112 62"></path>
    ${VIEW('20,120 38,28 62,28')}
    ${CAMERA(20, 124, -80)}`,
};

/**
 * Face down, seen from above with the head toward the picture's left: the subject's left side is
 * the picture's bottom. The camera on the floor at that side, level with the head, a little toward
 * it, looking at the face.
 */
function prone(side: CameraSide): SVGTemplateResult {
  const left = side === CAMERA_SIDES.left;
  return svg`
    <rect class="mat" x="30" y="46" width="180" height="48" rx="6"></rect>
    <ellipse class="body" cx="50" cy="70" rx="11" ry="13"></ellipse>
    <path class="body" d="M61 70 H150 M150 64 L196 58 M150 76 L196 82 M80 70 L84 36 M80 70 L84 104"></path>
    ${VIEW(left ? '62,120 30,66 94,66' : '62,20 30,74 94,74')}
    ${CAMERA(62, left ? 124 : 16, left ? -90 : 90)}`;
}

/** For the shadow root that shows the pictures (a <style> inside the drawing is not applied there). */
export const positionPictureStyles = css`
  .position-picture .floor, .position-picture .furniture { stroke: #555; stroke-width: 3; fill: none; }
  .position-picture .mat { fill: #e4eef9; stroke: #7a9cc6; stroke-width: 2; }
  .position-picture .body { stroke: #111; stroke-width: 5; fill: none; stroke-linecap: round; }
  .position-picture ellipse.body, .position-picture circle.body { fill: #fff; }
  .position-picture .camera rect { fill: #0b5cad; }
  .position-picture .camera circle { fill: #fff; stroke: #0b5cad; stroke-width: 2; }
  .position-picture .view { fill: #0b5cad; fill-opacity: 0.12; stroke: #0b5cad; stroke-dasharray: 4 3; }
`;

/** `side`: where the camera goes face down (the first half's, the left, when none is given). */
export function positionPicture(position: Position, label: string, side: CameraSide | null = null): TemplateResult {
  const drawing = position === 'prone' ? prone(side ?? CAMERA_SIDES.left) : PICTURES[position];
  return html`<svg class="position-picture" data-testid="position-picture" data-position=${position} data-camera-side=${side ?? ''} viewBox="0 0 240 140" role="img" aria-label=${label}>
    ${drawing}
  </svg>`;
}

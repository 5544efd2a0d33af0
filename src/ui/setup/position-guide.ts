import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import { checkNotice } from '../app/check-notice';
import { elementStyles } from '../styles/shared-styles';
import { positionPicture, positionPictureStyles } from './position-picture';
import type { PositionStepView } from './position-step-view';

/** Where to put the camera for a position: its picture, the placement in words, the exercises it is for and whether they can be checked. */
@customElement('atlas-position-guide')
export class PositionGuide extends LocalizedElement {
  static override styles = elementStyles(
    positionPictureStyles,
    css`
      .guide { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: 1rem; align-items: center; }
      @media (max-width: 40rem) { .guide { grid-template-columns: 1fr; } }
      svg { width: 100%; height: auto; background: var(--atlas-surface, #fff); border-radius: 0.5rem; }
      .guided { font-weight: 700; }
      .check-notice { font-weight: 700; padding: 0.5rem 0.75rem; border-radius: 0.5rem; border: 2px solid var(--atlas-warn, #9a6700); }
    `,
  );

  @property({ attribute: false }) step: PositionStepView | null = null;

  override render() {
    const step = this.step;
    if (step === null) return nothing;
    const { t } = this.l10n;
    const name = t(`setup.position.names.${step.position}`);
    const place = step.cameraSide === null ? t(`setup.position.place.${step.position}`) : t(`setup.position.placeSide.${step.cameraSide}`);
    return html`<section
      class="guide"
      data-testid="position-step"
      data-position=${step.position}
      data-view=${step.view}
      data-guided=${String(step.guidedOnly)}
      data-camera-side=${step.cameraSide ?? ''}
    >
      ${positionPicture(step.position, t('setup.position.pictureLabel', { position: name }), step.cameraSide)}
      <div>
        <p data-testid="position-place">${place}</p>
        ${step.exercises.length === 0 ? nothing : html`<p>${t('setup.position.exercises', { names: step.exercises.map((exercise) => exercise.title).join(', ') })}</p>`}
        ${step.guidedOnly ? html`<p class="guided" data-testid="position-guided-note">ℹ ${t('setup.position.guidedNote')}</p>` : nothing}
        ${step.guidedOnly ? nothing : step.exercises.map((exercise) => checkNotice(exercise.check, t))}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-position-guide': PositionGuide;
  }
}

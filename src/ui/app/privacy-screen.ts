import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import { elementStyles } from '../styles/shared-styles';

/** The privacy statement: everything stays on this device; no frame or video is stored or sent. */
@customElement('atlas-privacy-screen')
export class PrivacyScreen extends LocalizedElement {
  static override styles = elementStyles(css`:host { max-width: 48rem; }`);

  override render() {
    const { t } = this.l10n;
    return html`
      <h2>${t('privacy.heading')}</h2>
      <p data-testid="privacy-statement">${t('privacy.body1')}</p>
      <p>${t('privacy.body2')}</p>
      <p>${t('privacy.body3')}</p>
      <p>⚠ ${t('privacy.body4')}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-privacy-screen': PrivacyScreen;
  }
}

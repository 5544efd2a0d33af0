import { LitElement } from 'lit';
import { appLocalizer } from '../i18n/app-localizer';
import { LocalizeController } from '../i18n/localize-controller';

/** A component in the app's language: it re-renders when the language changes; `const { t } = this.l10n` reads a text. */
export class LocalizedElement extends LitElement {
  protected readonly l10n = new LocalizeController(this, appLocalizer);
}

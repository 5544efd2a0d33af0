import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Localizer, TranslateOptions } from './localizer';

/** Re-renders its host whenever the language changes. */
export class LocalizeController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localizer: () => Localizer,
  ) {
    host.addController(this);
  }

  /** The current language's text for `key` (an arrow: `const { t } = this.l10n` keeps it bound). */
  readonly t = (key: string, options?: TranslateOptions): string => this.localizer().t(key, options);

  hostConnected(): void {
    this.unsubscribe = this.localizer().subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}

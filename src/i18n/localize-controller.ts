import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Localizer } from './localizer';

/** Re-renders its host whenever the language changes. */
export class LocalizeController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localizer: () => Localizer,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = this.localizer().subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onUiLocaleChange } from '../i18n/localize.js';

/** Re-renders its host whenever the UI language changes. */
export class LocaleController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onUiLocaleChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }
}

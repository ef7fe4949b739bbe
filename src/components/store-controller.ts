import type { ReactiveController, ReactiveElement } from 'lit';
import type { ConsentStore } from '../consent/store.js';

/**
 * Renders its host again after each change of the store that `store` names
 * (an inventory, a decision), while the host is in the page: it subscribes
 * when the host is connected, follows a change of store at each update, and
 * unsubscribes when the host is disconnected.
 */
export class StoreController implements ReactiveController {
  private subscribed?: ConsentStore;
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveElement,
    private readonly store: () => ConsentStore,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  hostUpdate(): void {
    if (this.subscribed) this.follow();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.subscribed = this.unsubscribe = undefined;
  }

  private follow(): void {
    const store = this.store();
    if (store === this.subscribed) return;
    this.unsubscribe?.();
    this.subscribed = store;
    this.unsubscribe = store.subscribe(() => this.host.requestUpdate());
  }
}

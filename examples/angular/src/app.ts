import { CUSTOM_ELEMENTS_SCHEMA, Component, computed, signal, type OnDestroy } from '@angular/core';
// Importing the package defines the tags.
import { onConsent, type ConsentChangeEvent, type ConsentDecision } from 'cookie-consent-elements';
import { inventory } from './inventory';

@Component({
  selector: 'app-root',
  // Lets the templates use the custom elements, their properties and their events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Angular example</h1>
      <p role="status">Statistics: {{ statistics() }}</p>
      <button type="button" data-cookie-preferences>Manage cookies</button>
      <cookie-table [inventory]="inventory" category="statistics"></cookie-table>
      <cookie-banner [inventory]="inventory" (consent-change)="logged($event)"></cookie-banner>
    </main>
  `,
})
export class App implements OnDestroy {
  protected readonly inventory = inventory;
  private readonly decision = signal<ConsentDecision | undefined>(undefined);
  protected readonly statistics = computed(() => {
    const decision = this.decision();
    return decision ? (decision.categories['statistics'] ? 'granted' : 'refused') : 'asked';
  });
  // The decision in force now (a returning visitor), then every change.
  private readonly unsubscribe = onConsent((decision) => this.decision.set(decision));

  ngOnDestroy(): void {
    this.unsubscribe();
  }

  // The schema types the event as Event: it is the package's ConsentChangeEvent.
  protected logged(event: Event): void {
    console.log('consent-change', (event as ConsentChangeEvent).detail.action);
  }
}

import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { onConsent, type ConsentDecision } from 'cookie-consent-elements';
// Types <cookie-banner> and the other tags in TSX, and defines the elements.
import { CookieTable } from 'cookie-consent-elements/react';
import { inventory } from './inventory.js';

function App() {
  const [decision, setDecision] = useState<ConsentDecision>();
  // The decision in force now (a returning visitor), then every change.
  useEffect(() => onConsent(setDecision), []);
  const statistics = decision ? (decision.categories.statistics ? 'granted' : 'refused') : 'asked';
  return (
    <main>
      <h1>React example</h1>
      <p role="status">Statistics: {statistics}</p>
      {/* The value names the decision cookie: "" for the default (React writes "true" for a bare attribute). */}
      <button type="button" data-cookie-preferences="">
        Manage cookies
      </button>
      {/* React 18 and 19: a component that sets properties and takes onConsentChange. */}
      <CookieTable inventory={inventory} category="statistics" />
      {/* React 19: the tag itself, the inventory set as a property. */}
      <cookie-banner
        inventory={inventory}
        onconsent-change={(event) => console.log('consent-change', event.detail.action)}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The consent API for the test that drives a CSP page from outside: `window.consent`.
import * as consent from '../../src/consent/api.ts';

window.consent = consent;

// The elements and the consent API, for the test that drives an embed page from outside.
import * as consent from '../../src/index.ts';

window.consent = consent;

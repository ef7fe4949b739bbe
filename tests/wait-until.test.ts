import { expect, waitUntil } from '@open-wc/testing';

// The suite's condition waits may outlast a lazy chunk loading on a busy
// machine: `waitUntil` allows 10 s by default here (web-test-runner.config.mjs),
// not the helper's own 1 s.
describe('waitUntil in this suite', () => {
  it('waits longer than 1 s for a condition by default', async () => {
    const start = performance.now();
    await waitUntil(() => performance.now() - start > 1500, 'the condition held after 1.5 s');
    expect(performance.now() - start).to.be.greaterThan(1500);
  });
});

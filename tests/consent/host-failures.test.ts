/**
 * A host that refuses the library its browser APIs: a frame sandboxed
 * without allow-same-origin, where reading or writing document.cookie and
 * touching localStorage throw. Nothing may escape into the page, the banner
 * must work, and the decision must hold for the page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

interface Report {
  step: 'shown' | 'accepted' | 'refused' | 'failed';
  uncaught: string[];
  logged: string[];
  granted?: boolean;
  bannerGone?: boolean;
}

describe('a sandboxed frame (no cookies, no storage)', () => {
  it('shows the banner, holds the decision for the page and says once why it cannot keep it', async () => {
    const reports: Report[] = [];
    const listener = (event: MessageEvent<Report>) => {
      if (event.source === frame.contentWindow) reports.push(event.data);
    };
    addEventListener('message', listener);
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.title = 'Sandboxed page';
    frame.src = new URL('./fixtures/sandboxed.html', import.meta.url).href;
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    try {
      container.append(frame);
      await waitUntil(
        () => reports.some((report) => report.step === 'refused' || report.step === 'failed'),
        'the sandboxed page reports',
        { timeout: 8000 },
      );
    } finally {
      removeEventListener('message', listener);
    }
    const last = reports[reports.length - 1];
    expect(last.uncaught).to.deep.equal([]);
    expect(reports.map((report) => report.step)).to.deep.equal(['shown', 'accepted', 'refused']);
    const accepted = reports[1];
    expect(accepted.granted).to.equal(true);
    expect(accepted.bannerGone).to.equal(true);
    expect(last.granted).to.equal(false);
    const cookieErrors = last.logged.filter((line) =>
      line.includes('cookies cannot be read or written here'),
    );
    expect(cookieErrors).to.have.length(1);
  });
});

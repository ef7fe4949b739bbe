import { expect } from '@open-wc/testing';
import {
  CONSENT_ACTIONS,
  ConsentChangeEvent,
  type ConsentDetail,
} from '../../src/events/consent-change.js';

const detail: ConsentDetail = {
  categories: { necessary: true, statistics: false },
  vendors: {},
  withdrawn: ['statistics'],
  action: 'reject-all',
  revision: '2024-06',
  timestamp: '2024-06-01T08:00:00.000Z',
  id: '5f0c7c1e-2d3b-4c5d-8e9f-0a1b2c3d4e5f',
};

describe('ConsentChangeEvent', () => {
  it('is a consent-change CustomEvent that bubbles and is composed', () => {
    const event = new ConsentChangeEvent(detail);
    expect(ConsentChangeEvent.type).to.equal('consent-change');
    expect(event).to.be.instanceOf(CustomEvent);
    expect(event.type).to.equal('consent-change');
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.cancelable).to.equal(false);
    expect(event.detail).to.equal(detail);
  });

  it('reaches a listener on document from inside a shadow root, typed by the event map', () => {
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(host);
    const heard: ConsentDetail[] = [];
    // The DocumentEventMap entry types `event` without a cast.
    const listener = (event: DocumentEventMap['consent-change']) => heard.push(event.detail);
    document.addEventListener('consent-change', listener);
    try {
      inner.dispatchEvent(new ConsentChangeEvent(detail));
    } finally {
      document.removeEventListener('consent-change', listener);
      host.remove();
    }
    expect(heard).to.deep.equal([detail]);
  });

  it('names every action the README lists', () => {
    expect([...CONSENT_ACTIONS]).to.deep.equal([
      'accept-all',
      'reject-all',
      'save',
      'grant',
      'reset',
      'sync',
    ]);
  });
});

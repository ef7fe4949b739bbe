import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readCookie } from '../../src/consent/cookie-jar.js';
import {
  clampLifetimeDays,
  DEFAULT_DECISION_COOKIE,
  DEFAULT_LIFETIME_DAYS,
  isDecisionCurrent,
  MAX_LIFETIME_DAYS,
  newDecisionId,
  parseDecision,
  sameRevision,
  serializeDecision,
  type DecisionRecord,
} from '../../src/consent/decision-cookie.js';
import { sampleInventory } from '../support/inventories.js';
import { DAY_MS, daysAgo } from '../support/time.js';

function record(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    categories: { necessary: true, statistics: false, marketing: true },
    revision: 1,
    timestamp: '2024-05-01T10:00:00.000Z',
    id: '9b2f0c1e-3d4a-4b5c-8d6e-7f8091a2b3c4',
    ...overrides,
  };
}

/** A raw cookie value holding `value` as JSON, the way the decision is stored. */
function encoded(value: unknown): string {
  return encodeURIComponent(JSON.stringify(value));
}

describe('the decision cookie', () => {
  it('is named cookies_preferences and lasts six months by default, thirteen at most', () => {
    expect(DEFAULT_DECISION_COOKIE).to.equal('cookies_preferences');
    expect(DEFAULT_LIFETIME_DAYS).to.be.within(181, 184);
    expect(MAX_LIFETIME_DAYS).to.equal(395);
  });
});

describe('serializeDecision', () => {
  it('writes encodeURIComponent(JSON.stringify(record)) with the four fields', () => {
    const value = serializeDecision(record());
    expect(value).to.not.match(/[;,\s"]/);
    expect(JSON.parse(decodeURIComponent(value))).to.deep.equal({
      categories: { necessary: true, statistics: false, marketing: true },
      revision: 1,
      timestamp: '2024-05-01T10:00:00.000Z',
      id: '9b2f0c1e-3d4a-4b5c-8d6e-7f8091a2b3c4',
    });
  });

  it('writes nothing but the record, and stays far below the 4 KB a cookie may hold', () => {
    const value = serializeDecision({ ...record(), extra: 'x'.repeat(100) } as DecisionRecord);
    expect(decodeURIComponent(value)).to.not.contain('extra');
    expect(`${DEFAULT_DECISION_COOKIE}=${value}`.length).to.be.below(1024);
  });
});

describe('parseDecision', () => {
  it('reads back what serializeDecision wrote', () => {
    expect(parseDecision(serializeDecision(record()))).to.deep.equal(record());
    const noRevision = record({ revision: undefined });
    expect(parseDecision(serializeDecision(noRevision))).to.deep.equal(noRevision);
    expect(parseDecision(serializeDecision(record({ revision: '2024-06' })))!.revision).to.equal(
      '2024-06',
    );
  });

  it('ignores fields it does not know', () => {
    expect(parseDecision(encoded({ ...record(), v: 2, extra: [1] }))).to.deep.equal(record());
  });

  const malformed: [string, string | undefined][] = [
    ['no cookie', undefined],
    ['an empty value', ''],
    ['a lone percent sign', '%'],
    ['a truncated percent sequence', '%E0%A4%A'],
    ['an invalid UTF-8 sequence', '%C3%28'],
    ['a percent sign without hex digits', '%7B%ZZ%7D'],
    ['text that is not JSON', 'accepted'],
    ['JSON cut short', encoded(record()).slice(0, -3)],
    ['null', encoded(null)],
    ['a number', encoded(1)],
    ['a string', encoded('accepted')],
    ['an array', encoded([record()])],
    ['no categories', encoded({ ...record(), categories: undefined })],
    ['categories as an array', encoded({ ...record(), categories: [true, false] })],
    ['categories as a string', encoded({ ...record(), categories: 'all' })],
    [
      'a category that is not a boolean',
      encoded({ ...record(), categories: { statistics: 'yes' } }),
    ],
    ['a category set to 1', encoded({ ...record(), categories: { statistics: 1 } })],
    ['a revision that is an object', encoded({ ...record(), revision: { v: 1 } })],
    ['a null revision', encoded({ ...record(), revision: null })],
    ['no timestamp', encoded({ ...record(), timestamp: undefined })],
    ['a timestamp that is not a date', encoded({ ...record(), timestamp: 'yesterday' })],
    ['a numeric timestamp', encoded({ ...record(), timestamp: 1714557600000 })],
    ['no id', encoded({ ...record(), id: undefined })],
    ['an empty id', encoded({ ...record(), id: '' })],
    ['a numeric id', encoded({ ...record(), id: 42 })],
  ];
  for (const [what, raw] of malformed) {
    it(`counts ${what} as no decision`, () => {
      expect(parseDecision(raw)).to.equal(undefined);
    });
  }

  it('counts a value over 4 KB as no decision, however well formed', () => {
    const padding = (length: number) => ({
      ...record(),
      categories: { ...record().categories, ['x'.repeat(length)]: false },
    });
    const justUnder = encoded(padding(3700));
    expect(justUnder.length).to.be.at.most(4096);
    expect(parseDecision(justUnder)).to.not.equal(undefined);
    const over = encoded(padding(4100));
    expect(over.length).to.be.above(4096);
    expect(parseDecision(over)).to.equal(undefined);
    expect(parseDecision('%'.repeat(4097))).to.equal(undefined);
  });

  it('reads the first of two cookies with the same name, so a bad first one is no decision', () => {
    const good = serializeDecision(record());
    const cookies = (first: string, second: string) =>
      `csrftoken=x; cookies_preferences=${first}; sessionid=y; cookies_preferences=${second}`;
    expect(parseDecision(readCookie(cookies(good, '%7Bbad'), 'cookies_preferences'))).to.deep.equal(
      record(),
    );
    expect(parseDecision(readCookie(cookies('%7Bbad', good), 'cookies_preferences'))).to.equal(
      undefined,
    );
  });

  describe('with generated input', () => {
    const percentSequences = fc
      .array(
        fc.oneof(
          fc.constant('%'),
          fc.constantFrom('%7B', '%7D', '%22', '%3A', '%2C', '%E2%82%AC', '%F0%9F', '%C3', '%ZZ'),
          fc.string({ unit: 'binary-ascii', maxLength: 3 }).map((text) => `%${text}`),
          fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).padStart(2, '0')}`),
          fc.string({ maxLength: 4 }),
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));

    const raws = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      percentSequences,
      fc.jsonValue().map((value) => encodeURIComponent(JSON.stringify(value))),
      fc
        .record(
          {
            categories: fc.dictionary(
              fc.string(),
              fc.oneof(fc.boolean(), fc.integer(), fc.string()),
            ),
            revision: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean()),
            timestamp: fc.oneof(
              fc.string(),
              fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
            ),
            id: fc.oneof(fc.string(), fc.integer()),
          },
          { requiredKeys: [] },
        )
        .map((value) => encodeURIComponent(JSON.stringify(value))),
    );

    it('never throws, and returns undefined or a well-formed record', () => {
      fc.assert(
        fc.property(raws, (raw) => {
          const parsed = parseDecision(raw);
          if (parsed === undefined) return;
          expect(parsed).to.have.all.keys('categories', 'revision', 'timestamp', 'id');
          expect(Object.values(parsed.categories).every((on) => typeof on === 'boolean')).to.equal(
            true,
          );
          expect(Number.isNaN(Date.parse(parsed.timestamp))).to.equal(false);
          expect(parsed.id).to.be.a('string').and.not.equal('');
        }),
        { numRuns: 1000 },
      );
    });

    it('never throws when reading it from any Cookie header', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), fc.string(), (header, name) => {
          parseDecision(readCookie(header, name));
          parseDecision(readCookie(header, DEFAULT_DECISION_COOKIE));
        }),
        { numRuns: 500 },
      );
    });

    const categoryId = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
      fc.string({
        unit: fc.constantFrom(
          ';',
          '=',
          '%',
          '"',
          '\\',
          ' ',
          ',',
          'é',
          '😀',
          '\u0000',
          '\uD800',
          'a',
        ),
        minLength: 1,
        maxLength: 12,
      }),
      fc.constantFrom('__proto__', 'constructor', 'toString', '%25', '%ZZ', 'a=b; c=d'),
    );
    const records = fc.record({
      categories: fc.dictionary(categoryId, fc.boolean(), { maxKeys: 12 }),
      revision: fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.integer()), {
        nil: undefined,
      }),
      timestamp: fc
        .date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2200-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString()),
      id: fc.oneof(fc.uuid(), fc.string({ unit: 'binary', minLength: 1, maxLength: 40 })),
    });

    it('reads back every record it writes, whatever the category ids', () => {
      fc.assert(
        fc.property(records, (decision) => {
          const value = serializeDecision(decision);
          // The value must survive document.cookie: no separator, no space, no quote.
          expect(value).to.not.match(/[;,\s"]/);
          const parsed = parseDecision(value);
          expect(parsed).to.deep.equal(decision);
          expect(Object.keys(parsed!.categories)).to.deep.equal(Object.keys(decision.categories));
        }),
        { numRuns: 500 },
      );
    });
  });
});

describe('sameRevision', () => {
  it('compares revisions as strings', () => {
    expect(sameRevision(1, '1')).to.equal(true);
    expect(sameRevision('1', 1)).to.equal(true);
    expect(sameRevision(1, 1)).to.equal(true);
    expect(sameRevision(undefined, undefined)).to.equal(true);
    expect(sameRevision(1, 2)).to.equal(false);
    expect(sameRevision('1', '01')).to.equal(false);
    expect(sameRevision(undefined, 1)).to.equal(false);
    expect(sameRevision(0, undefined)).to.equal(false);
  });
});

describe('clampLifetimeDays', () => {
  const cases: [number | undefined, number][] = [
    [undefined, DEFAULT_LIFETIME_DAYS],
    [0, DEFAULT_LIFETIME_DAYS],
    [-30, DEFAULT_LIFETIME_DAYS],
    [NaN, DEFAULT_LIFETIME_DAYS],
    [Infinity, DEFAULT_LIFETIME_DAYS],
    [30, 30],
    [365, 365],
    [395, 395],
    [396, 395],
    [10000, 395],
  ];
  for (const [days, expected] of cases) {
    it(`makes ${days} days ${expected}`, () => {
      expect(clampLifetimeDays(days)).to.equal(expected);
    });
  }
});

describe('isDecisionCurrent', () => {
  const inventory = sampleInventory(1);
  const now = Date.parse('2025-01-01T00:00:00Z');
  const takenDaysBefore = (days: number, revision: string | number | undefined = 1) =>
    record({ revision, timestamp: new Date(now - days * DAY_MS).toISOString() });

  it('holds for the same revision, 1 and "1" alike', () => {
    expect(isDecisionCurrent(takenDaysBefore(1, 1), inventory, 182, now)).to.equal(true);
    expect(isDecisionCurrent(takenDaysBefore(1, '1'), inventory, 182, now)).to.equal(true);
    expect(isDecisionCurrent(takenDaysBefore(1, '1'), sampleInventory('1'), 182, now)).to.equal(
      true,
    );
  });

  it('no longer holds for another revision', () => {
    expect(isDecisionCurrent(takenDaysBefore(1, 2), inventory, 182, now)).to.equal(false);
    const unrevised = { ...takenDaysBefore(1), revision: undefined };
    expect(isDecisionCurrent(unrevised, inventory, 182, now)).to.equal(false);
    const noRevision = { ...inventory, revision: undefined };
    expect(isDecisionCurrent(takenDaysBefore(1, 1), noRevision, 182, now)).to.equal(false);
  });

  it('holds for six months by default, then no longer', () => {
    expect(isDecisionCurrent(takenDaysBefore(181), inventory, DEFAULT_LIFETIME_DAYS, now)).to.equal(
      true,
    );
    expect(isDecisionCurrent(takenDaysBefore(183), inventory, DEFAULT_LIFETIME_DAYS, now)).to.equal(
      false,
    );
    expect(isDecisionCurrent(takenDaysBefore(183), inventory, NaN, now)).to.equal(false);
  });

  it('holds for the configured lifetime, thirteen months at most', () => {
    expect(isDecisionCurrent(takenDaysBefore(29), inventory, 30, now)).to.equal(true);
    expect(isDecisionCurrent(takenDaysBefore(31), inventory, 30, now)).to.equal(false);
    expect(isDecisionCurrent(takenDaysBefore(300), inventory, 365, now)).to.equal(true);
    expect(isDecisionCurrent(takenDaysBefore(394), inventory, 1000, now)).to.equal(true);
    expect(isDecisionCurrent(takenDaysBefore(396), inventory, 1000, now)).to.equal(false);
  });

  it('tolerates a day of clock skew but not a decision dated later', () => {
    expect(isDecisionCurrent(takenDaysBefore(-0.5), inventory, 182, now)).to.equal(true);
    expect(isDecisionCurrent(takenDaysBefore(-2), inventory, 182, now)).to.equal(false);
    expect(isDecisionCurrent(takenDaysBefore(-3650), inventory, 182, now)).to.equal(false);
  });

  it('uses the current time by default', () => {
    const fresh = record({ timestamp: daysAgo(1) });
    const old = record({ timestamp: daysAgo(200) });
    expect(isDecisionCurrent(fresh, inventory, 182)).to.equal(true);
    expect(isDecisionCurrent(old, inventory, 182)).to.equal(false);
  });
});

describe('newDecisionId', () => {
  it('gives a new random UUID each time', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newDecisionId()));
    expect(ids.size).to.equal(50);
    for (const id of ids) {
      expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('still gives random ids where crypto.randomUUID is missing (plain http)', () => {
    // Outside a secure context the browser has no randomUUID; hide it to be in that case.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => newDecisionId()));
      expect(ids.size).to.equal(50);
      for (const id of ids) expect(id).to.match(/^[0-9a-f]{32}$/);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(crypto.randomUUID).to.be.a('function');
  });
});

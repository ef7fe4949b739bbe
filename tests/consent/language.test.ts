import { expect } from '@open-wc/testing';
import {
  languageDirection,
  normalizeLanguageCode,
  resolveLanguage,
  resolveText,
  supportedLanguageVariant,
} from '../../src/consent/language.js';

describe('normalizeLanguageCode', () => {
  const cases: [string | null | undefined, string | undefined][] = [
    ['fr', 'fr'],
    ['pt-br', 'pt-BR'],
    ['zh-hans', 'zh-Hans'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['de_AT', 'de-AT'],
    ['es_419', 'es-419'],
    ['EN-us', 'en-US'],
    ['sr-latn', 'sr-Latn'],
    [' fr ', 'fr'],
    ['', undefined],
    ['   ', undefined],
    [null, undefined],
    [undefined, undefined],
    ['not a language', undefined],
    ['x', undefined],
    ['C', undefined],
    ['123', undefined],
    ['en--us', undefined],
    ['fr-', undefined],
    ['-fr', undefined],
    ['en_US.UTF-8', undefined],
    ['*', undefined],
    ['fr;q=0.8', undefined],
  ];
  for (const [code, expected] of cases) {
    it(`makes ${JSON.stringify(code)} ${JSON.stringify(expected)}`, () => {
      expect(normalizeLanguageCode(code)).to.equal(expected);
    });
  }
});

describe('supportedLanguageVariant, as Django’s get_supported_language_variant', () => {
  const cases: [code: string | null | undefined, supported: string[], expected?: string][] = [
    // The exact code, in any case or spelling.
    ['fr', ['en', 'fr'], 'fr'],
    ['FR', ['en', 'fr'], 'fr'],
    ['pt-br', ['pt', 'pt-BR'], 'pt-BR'],
    ['pt_BR', ['pt', 'pt-br'], 'pt-br'],
    ['fr-ca', ['fr-CA', 'fr'], 'fr-CA'],
    ['es-419', ['es', 'es-419'], 'es-419'],
    // The code with its last subtags dropped.
    ['fr-ca', ['en', 'fr'], 'fr'],
    ['fr_CA', ['en', 'fr'], 'fr'],
    ['es-419', ['en', 'es'], 'es'],
    ['pt-pt', ['pt-br', 'pt'], 'pt'],
    ['zh-hant-tw', ['en', 'zh-Hant'], 'zh-Hant'],
    ['zh-hant-tw', ['en', 'zh'], 'zh'],
    ['sr-latn-rs', ['sr', 'sr-latn'], 'sr-latn'],
    // Django's fallbacks for the Chinese regions.
    ['zh-tw', ['zh-hans', 'zh-hant'], 'zh-hant'],
    ['zh-hk', ['zh-hans', 'zh-hant'], 'zh-hant'],
    ['zh-mo', ['zh-hans', 'zh-hant'], 'zh-hant'],
    ['zh-cn', ['zh-hant', 'zh-hans'], 'zh-hans'],
    ['zh-sg', ['zh-hant', 'zh-hans'], 'zh-hans'],
    ['zh-my', ['zh-hant', 'zh-hans'], 'zh-hans'],
    ['zh-cn', ['en', 'zh'], 'zh'],
    // Any variant of the same language, the first one listed.
    ['es-mx', ['en', 'es-419'], 'es-419'],
    ['es', ['en', 'es-419'], 'es-419'],
    ['pt', ['pt-br'], 'pt-br'],
    ['de-at', ['de-CH', 'de-DE'], 'de-CH'],
    ['en-gb', ['fr', 'en-us'], 'en-us'],
    ['zh-hant-tw', ['zh-hans'], 'zh-hans'],
    // None.
    ['de-at', ['en', 'fr'], undefined],
    ['en', [], undefined],
    ['e', ['en'], undefined],
    ['english', ['en'], undefined],
    ['', ['en'], undefined],
    [null, ['en'], undefined],
    [undefined, ['en'], undefined],
    ['not a language', ['en'], undefined],
  ];
  for (const [code, supported, expected] of cases) {
    it(`gives ${JSON.stringify(expected)} for ${JSON.stringify(code)} among ${supported.join(', ') || 'none'}`, () => {
      expect(supportedLanguageVariant(code, supported)).to.equal(expected);
    });
  }
});

describe('resolveLanguage', () => {
  const supported = ['en', 'fr', 'pt-BR'];

  it('takes the first preference that has a supported variant', () => {
    expect(resolveLanguage(['de', 'fr', 'en'], supported)).to.equal('fr');
    expect(resolveLanguage(['fr-CA', 'en'], supported)).to.equal('fr');
    expect(resolveLanguage(['pt_br'], supported)).to.equal('pt-BR');
    expect(resolveLanguage(['pt'], supported)).to.equal('pt-BR');
  });

  it('skips what is not a language code', () => {
    expect(resolveLanguage([undefined, null, '', 'C', 'fr'], supported)).to.equal('fr');
  });

  it('falls back to English, or to the fallback given', () => {
    expect(resolveLanguage([], supported)).to.equal('en');
    expect(resolveLanguage(['de', 'it'], supported)).to.equal('en');
    expect(resolveLanguage(['de', 'it'], supported, 'fr')).to.equal('fr');
  });
});

describe('resolveText', () => {
  const label = {
    fr: 'Cookies nécessaires',
    en: 'Necessary cookies',
    'pt-BR': 'Cookies necessários',
  };

  it('gives a plain string whatever the language, and no language for it', () => {
    expect(resolveText('Cookies', ['fr'])).to.deep.equal({ text: 'Cookies' });
    expect(resolveText('', ['fr'])).to.deep.equal({ text: '' });
  });

  it('gives the text of the first preference it has, and the language it picked', () => {
    expect(resolveText(label, ['fr', 'en'])).to.deep.equal({
      text: 'Cookies nécessaires',
      language: 'fr',
    });
    expect(resolveText(label, ['en', 'fr'])).to.deep.equal({
      text: 'Necessary cookies',
      language: 'en',
    });
    expect(resolveText(label, ['fr-CA']).language).to.equal('fr');
    expect(resolveText(label, ['pt-br'])).to.deep.equal({
      text: 'Cookies necessários',
      language: 'pt-BR',
    });
    expect(resolveText(label, ['pt']).text).to.equal('Cookies necessários');
    expect(resolveText({ 'zh-Hans': '简体', 'zh-Hant': '繁體' }, ['zh-TW'])).to.deep.equal({
      text: '繁體',
      language: 'zh-Hant',
    });
  });

  it('follows the chain of preferences', () => {
    expect(resolveText(label, ['de', 'it', 'en']).language).to.equal('en');
    expect(resolveText(label, [undefined, 'C', 'fr']).text).to.equal('Cookies nécessaires');
  });

  it('gives the first text the inventory has, in its language, when no preference fits', () => {
    expect(resolveText(label, ['de'])).to.deep.equal({
      text: 'Cookies nécessaires',
      language: 'fr',
    });
    expect(resolveText({ de: 'Notwendig', en: 'Necessary' }, [])).to.deep.equal({
      text: 'Notwendig',
      language: 'de',
    });
  });

  it('gives an empty string for no text at all', () => {
    expect(resolveText(undefined, ['fr'])).to.deep.equal({ text: '' });
    expect(resolveText({}, ['fr'])).to.deep.equal({ text: '' });
  });
});

describe('languageDirection', () => {
  const cases: [string, 'ltr' | 'rtl'][] = [
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['AR', 'rtl'],
    ['he', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur', 'rtl'],
    ['en', 'ltr'],
    ['fr-CA', 'ltr'],
    ['zh-Hant', 'ltr'],
    ['pt-BR', 'ltr'],
  ];
  for (const [code, direction] of cases) {
    it(`writes ${code} ${direction}`, () => {
      expect(languageDirection(code)).to.equal(direction);
    });
  }
});

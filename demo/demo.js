// The demo page's own script: an event log and a view of the two cookies the demo is about,
// plus a button that changes the language cookie without a reload. Loaded as a file, not
// inline, so the page keeps working under its strict Content-Security-Policy.

const PREFERENCES_COOKIE = 'cookies_preferences';
const LANGUAGE_COOKIE = 'django_language';
const REFRESH_INTERVAL_MS = 1000;

/** The raw value of a cookie, or undefined; the first of two same-named cookies wins. */
function readCookie(name) {
  for (const pair of document.cookie.split(';')) {
    const separator = pair.indexOf('=');
    if (separator >= 0 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim();
    }
  }
  return undefined;
}

function decodeCookieValue(raw) {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Pretty-printed JSON when the text is JSON; a broken cookie is worth seeing as it is. */
function prettyJson(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function formatTime(date) {
  return [date.getHours(), date.getMinutes(), date.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
}

// Writing only on change keeps selections and screen readers undisturbed by the 1 s refresh.
function setText(element, text) {
  if (element && element.textContent !== text) element.textContent = text;
}

function showCookie(outputId, cookieName, format) {
  const output = document.getElementById(outputId);
  if (!output) return;
  const raw = readCookie(cookieName);
  setText(output, raw === undefined ? output.dataset.absentText : format(decodeCookieValue(raw)));
}

function showCookies() {
  showCookie('consent-cookie-value', PREFERENCES_COOKIE, prettyJson);
  showCookie('language-cookie-value', LANGUAGE_COOKIE, (value) => value);
}

function codeElement(text) {
  const code = document.createElement('code');
  code.textContent = text;
  return code;
}

function logConsentChange(event) {
  const list = document.getElementById('event-log-list');
  if (!list) return;
  list.querySelector('.event-log__empty')?.remove();
  const { action, categories, vendors } = event.detail ?? {};
  const now = new Date();
  const time = document.createElement('time');
  time.dateTime = now.toISOString();
  time.textContent = formatTime(now);
  const item = document.createElement('li');
  item.append(
    time,
    ' ',
    codeElement(String(action)),
    ' ',
    codeElement(JSON.stringify(categories) ?? ''),
  );
  // Each vendor's own state: a category of vendors is only granted when all of them are.
  if (vendors && Object.keys(vendors).length > 0)
    item.append(' ', codeElement(JSON.stringify(vendors)));
  list.append(item);
  showCookies();
  // The event may fire just before the cookie is written: look again once the stack unwinds.
  setTimeout(showCookies, 0);
}

/**
 * Rewrites django_language the way a Django app's own script could, to show that the consent
 * elements follow the cookie live. Session cookie, like Django's LANGUAGE_COOKIE_AGE=None.
 */
function toggleLanguageCookie() {
  const current = readCookie(LANGUAGE_COOKIE) ?? document.documentElement.lang;
  const next = current.toLowerCase().startsWith('en') ? 'fr' : 'en';
  document.cookie = `${LANGUAGE_COOKIE}=${next}; Path=/; SameSite=Lax`;
  showCookies();
}

document.addEventListener('consent-change', logConsentChange);
document.getElementById('live-language-switch')?.addEventListener('click', toggleLanguageCookie);
showCookies();
setInterval(showCookies, REFRESH_INTERVAL_MS);

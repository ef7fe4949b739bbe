// A stand-in for an audience-measurement script. The page includes it as
// <script type="text/plain" data-consent-category="statistics">, so it only runs once the
// visitor grants "statistics"; the status line shows when that happened.
(() => {
  const COOKIE_NAME = 'demo_stats';
  // 13 months at most (CNIL), as the inventory declares.
  const MAX_AGE_SECONDS = 13 * 30 * 24 * 60 * 60;
  const MESSAGES = {
    fr: 'Statistiques chargées à',
    en: 'Statistics script loaded at',
  };

  function hasCookie(name) {
    return document.cookie.split(';').some((pair) => pair.trim().startsWith(`${name}=`));
  }

  function formatTime(date) {
    return [date.getHours(), date.getMinutes(), date.getSeconds()]
      .map((part) => String(part).padStart(2, '0'))
      .join(':');
  }

  function pageLanguage() {
    return document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'fr';
  }

  function showLoaded() {
    const status = document.getElementById('stats-status');
    if (!status) return;
    status.textContent = `${MESSAGES[pageLanguage()]} ${formatTime(new Date())}`;
    status.dataset.state = 'loaded';
  }

  // Set once, never extended on later visits: the CNIL's condition for audience cookies.
  if (!hasCookie(COOKIE_NAME)) {
    document.cookie = `${COOKIE_NAME}=1; Path=/; Max-Age=${MAX_AGE_SECONDS}; SameSite=Lax`;
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', showLoaded, { once: true });
  } else {
    showLoaded();
  }
})();

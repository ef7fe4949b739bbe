// What runs inside the measured pages. `installProbe` is handed to Playwright's
// `page.addInitScript`, so it runs before any script of the page and must be self-contained:
// Playwright sends its source text, not its closure. Times are `performance.now()`, i.e.
// milliseconds since the navigation started.
/* global window, document, performance, requestAnimationFrame, PerformanceObserver */

/**
 * Installs the observers and the per-frame poll that timestamp what a visitor sees.
 * @param {{ widget: string, cookieName: string, clickInFirstFrame?: boolean }} options
 *   `clickInFirstFrame`: click "accept all" in the first frame where the banner is visible,
 *   and record in which frame the decision cookie is there.
 */
export function installProbe({ widget, cookieName, clickInFirstFrame = false }) {
  // Where each library puts its banner, buttons and dialog. Ours: the region in
  // <cookie-banner>'s shadow root and its documented parts; vanilla: its #cc-main markup, whose
  // buttons carry data-role (all, necessary, show).
  const ours = {
    banner: () =>
      document.querySelector('cookie-banner')?.shadowRoot?.querySelector('[role="region"]'),
    accept: () => ours.banner()?.querySelector('[part~="accept-button"]'),
    customise: () => ours.banner()?.querySelector('[part~="customise-button"]'),
    // A button of a Lit element's render has its listener from that render: once the element
    // has rendered, or adopted (hydrated) the banner the server rendered.
    wired: () => document.querySelector('cookie-banner')?.hasUpdated === true,
    dialog: () => document.querySelector('cookie-preferences')?.shadowRoot?.querySelector('dialog'),
    dialogOpen: (dialog) => dialog.open,
    categories: (dialog) => dialog.querySelectorAll('[part~="category"]').length,
    rows: (dialog) =>
      [...dialog.querySelectorAll('cookie-table')].reduce(
        (sum, table) => sum + (table.shadowRoot?.querySelectorAll('tbody tr').length ?? 0),
        0,
      ),
    dialogAccept: (dialog) => dialog.querySelector('[part~="accept-button"]'),
    // A category's cookie list is a <details>; its table may only render once opened.
    category: (dialog, index) => dialog.querySelectorAll('[part~="category"]')[index],
    disclosure: (category) => category.querySelector('summary'),
    categoryRows: (category) => [
      ...(category.querySelector('cookie-table')?.shadowRoot?.querySelectorAll('tbody tr') ?? []),
    ],
  };
  const vanilla = {
    banner: () => document.querySelector('#cc-main .cm'),
    accept: () => document.querySelector('#cc-main .cm [data-role="all"]'),
    customise: () => document.querySelector('#cc-main .cm [data-role="show"]'),
    // vanilla-cookieconsent adds each button's listener before inserting the button.
    wired: () => true,
    dialog: () => document.querySelector('#cc-main .pm'),
    dialogOpen: () => document.documentElement.classList.contains('show--preferences'),
    categories: (dialog) => dialog.querySelectorAll('.pm__section--toggle').length,
    rows: (dialog) => dialog.querySelectorAll('tbody tr').length,
    dialogAccept: (dialog) => dialog.querySelector('[data-role="all"]'),
    category: (dialog, index) => dialog.querySelectorAll('.pm__section--toggle')[index],
    disclosure: (category) => category.querySelector('button.pm__section-title'),
    categoryRows: (category) => [...category.querySelectorAll('tbody tr')],
  };
  // Klaro: its notice (a Preact render in #klaro); with `acceptAll`, its success button
  // accepts every service. Its preferences list services, not cookies: no dialog measures.
  const klaro = {
    banner: () => document.querySelector('#klaro .cookie-notice:not(.cookie-notice-hidden)'),
    accept: () => document.querySelector('#klaro .cookie-notice .cm-btn-success'),
    customise: () => document.querySelector('#klaro .cookie-notice .cn-learn-more'),
    wired: () => true,
  };
  // tarteaucitron: its bottom bar, whose buttons get their listeners right after insertion.
  const tarteaucitron = {
    banner: () => document.querySelector('#tarteaucitronAlertBig'),
    accept: () => document.querySelector('#tarteaucitronPersonalize2'),
    customise: () => document.querySelector('#tarteaucitronCloseAlert'),
    wired: () => true,
  };
  // The page without any widget runs the same per-frame check, for a banner that never comes,
  // until its first contentful paint: the probe's own cost is then the same on every page.
  const none = {
    banner: () => document.querySelector('cookie-banner')?.shadowRoot?.querySelector('*'),
    accept: () => null,
    wired: () => false,
  };
  const find = { ours, server: ours, vanilla, klaro, tarteaucitron, empty: none }[widget];

  const state = {
    widget,
    bannerBuilt: null,
    bannerVisible: null,
    buttonsReady: null,
    longTasks: [],
    shifts: [],
    unsupported: [],
    click: null,
    open: null,
    lcp: [],
    firstFrameClick: null,
  };
  window.__bench = state;

  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({
        type,
        buffered: true,
      });
    } catch {
      state.unsupported.push(type);
    }
  };
  observe('longtask', (entry) =>
    state.longTasks.push({ start: entry.startTime, duration: entry.duration }),
  );
  observe('layout-shift', (entry) => {
    if (!entry.hadRecentInput) state.shifts.push({ start: entry.startTime, value: entry.value });
  });

  // Each largest-contentful-paint candidate, and whether its element is the page's own content
  // (not the widget's): the host page's LCP is the last of those.
  observe('largest-contentful-paint', (entry) =>
    state.lcp.push({
      start: entry.startTime,
      size: entry.size,
      host: entry.element?.closest('main, header') != null,
    }),
  );

  /** Laid out, inside the viewport, and neither `visibility: hidden` nor `opacity: 0` (itself or an ancestor). */
  const boxed = (element) => {
    if (!element?.isConnected) return false;
    const rect = element.getBoundingClientRect();
    return (
      rect.width > 0 &&
      rect.height > 0 &&
      rect.bottom > 0 &&
      rect.right > 0 &&
      rect.top < window.innerHeight &&
      rect.left < window.innerWidth
    );
  };
  const shown = (element) =>
    element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const visible = (element) => boxed(element) && shown(element);

  const hasDecisionCookie = () =>
    document.cookie.split('; ').some((pair) => pair.startsWith(`${cookieName}=`));

  // One check per frame, in requestAnimationFrame: what it sees is what this frame paints.
  // It stops once the banner is visible and its buttons respond, to cost nothing afterwards.
  const pollBanner = () => {
    const now = performance.now();
    const banner = find.banner();
    if (state.bannerBuilt === null && boxed(banner)) state.bannerBuilt = now;
    if (state.bannerVisible === null && visible(banner)) {
      state.bannerVisible = now;
      if (clickInFirstFrame) clickNow();
    }
    const accept = find.accept();
    if (state.buttonsReady === null && find.wired() && visible(accept) && !accept.disabled) {
      state.buttonsReady = now;
    }
    const waiting =
      find === none
        ? performance.getEntriesByName('first-contentful-paint').length === 0
        : state.bannerVisible === null || state.buttonsReady === null;
    if (waiting) requestAnimationFrame(pollBanner);
  };
  if (find) requestAnimationFrame(pollBanner);

  // "The buttons respond in the frame the banner appears in": a click on "accept all" in the
  // first frame where the banner is visible, then one check per frame for the decision cookie.
  // Handled by the next frame means the visitor's click in that frame took effect at once.
  const clickNow = () => {
    const accept = find.accept();
    const click = {
      at: performance.now(),
      clickable: find.wired() && visible(accept) && !accept.disabled,
      frames: null,
    };
    state.firstFrameClick = click;
    if (!click.clickable) return;
    accept.click();
    let frames = 0;
    const check = () => {
      frames += 1;
      if (hasDecisionCookie()) {
        click.frames = frames;
        click.handled = performance.now();
      } else if (frames < 120) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };

  // Click to cookie: the trusted click's own timestamp (when the input happened), then the
  // first moment the decision cookie is readable: at the end of the click's dispatch (the
  // window's bubbling listener runs after the button's), else at the next tasks.
  window.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || state.click) return;
      state.click = { timeStamp: event.timeStamp, captured: performance.now(), cookie: null };
    },
    true,
  );
  window.addEventListener('click', (event) => {
    if (!event.isTrusted || !state.click || state.click.cookie !== null) return;
    const poll = () => {
      if (hasDecisionCookie()) state.click.cookie = performance.now();
      else if (performance.now() - state.click.captured < 5000) window.setTimeout(poll, 0);
    };
    poll();
  });

  /**
   * Opens the preferences the way a visitor does, with the banner's customise button, and
   * resolves when the dialog is visible with its `expected` categories and action buttons,
   * two animation frames later (the frame that paints it has then been produced). An
   * untrusted `click()`: vanilla-cookieconsent builds its dialog on the button's mouseenter,
   * and a pointer moving there would build it before the timer starts.
   */
  window.__benchOpenPreferences = (expected) =>
    new Promise((resolveOpen) => {
      const open = { start: performance.now(), built: null, visible: null, done: null, rows: 0 };
      state.open = open;
      const check = (inFrame) => {
        const now = performance.now();
        const dialog = find.dialog();
        const ready =
          dialog && find.categories(dialog) >= expected && find.dialogAccept(dialog) !== null;
        if (open.built === null && ready && boxed(dialog)) open.built = now;
        if (ready && find.dialogOpen(dialog) && visible(dialog)) {
          open.visible = now;
          open.rows = find.rows(dialog);
          const finish = () => {
            open.done = performance.now();
            resolveOpen(open);
          };
          // Two frames after the content appeared; a check made in a frame is the first.
          if (inFrame) requestAnimationFrame(finish);
          else requestAnimationFrame(() => requestAnimationFrame(finish));
          return;
        }
        if (now - open.start > 20000) resolveOpen(open);
        else requestAnimationFrame(() => check(true));
      };
      find.customise().click();
      check(false);
    });

  /**
   * Expands the cookie list of the dialog's category number `index` as a visitor does (its
   * disclosure button), and resolves when its `expected` rows are in the DOM and its first row
   * is laid out and visible (it may be below the dialog's fold), two animation frames later.
   */
  window.__benchExpandCategory = (index, expected) =>
    new Promise((resolveExpand) => {
      const category = find.category(find.dialog(), index);
      const expand = { start: performance.now(), done: null, rows: 0 };
      const check = (inFrame) => {
        const rows = find.categoryRows(category);
        const first = rows[0];
        const rect = first?.getBoundingClientRect();
        if (rows.length >= expected && rect.height > 0 && shown(first)) {
          expand.rows = rows.length;
          const finish = () => {
            expand.done = performance.now();
            resolveExpand(expand);
          };
          if (inFrame) requestAnimationFrame(finish);
          else requestAnimationFrame(() => requestAnimationFrame(finish));
          return;
        }
        if (performance.now() - expand.start > 20000) resolveExpand(expand);
        else requestAnimationFrame(() => check(true));
      };
      find.disclosure(category).click();
      check(false);
    });

  /** The centre of the banner's accept-all button, where the benchmark clicks with the mouse. */
  window.__benchAcceptPoint = () => {
    const rect = find.accept().getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  };

  /** Clicks the dialog's accept-all button (measure 8 reads the cookie it writes). */
  window.__benchAcceptInDialog = () => find.dialogAccept(find.dialog()).click();

  /** The decision cookie's `name=value`, as the browser sends it back to the site. */
  window.__benchDecisionCookie = () =>
    document.cookie.split('; ').find((pair) => pair.startsWith(`${cookieName}=`)) ?? null;
}

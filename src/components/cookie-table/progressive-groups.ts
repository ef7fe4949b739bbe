import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Renders a long list of groups without freezing the page. The host renders
 * the first `built` groups and shows the first `shown` of them, the others
 * hidden. After each update that leaves groups out, the next one is built in
 * a task of its own, so that the page paints and answers input between them.
 * More are shown each time the last one shown comes into view: a browser lays
 * out a whole table again whenever rows are shown in it, and tens of
 * thousands of rows take seconds, which only a visitor who scrolls through
 * them pays, a few times (the number shown doubles).
 */
export class ProgressiveGroups implements ReactiveController {
  /** How many groups the host renders. */
  built = 0;
  /** How many of them it shows. */
  shown = 0;
  private total = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private observer?: IntersectionObserver;
  private watched?: Element | null;

  constructor(
    private readonly host: ReactiveElement,
    /** The element that ends the groups shown (the last of them). */
    private readonly lastShown: () => Element | null | undefined,
  ) {
    host.addController(this);
  }

  /** A new list of `total` groups: its first group at once, the others after. */
  restart(total: number): void {
    this.total = total;
    this.built = this.shown = Math.min(total, 1);
  }

  hostConnected(): void {
    // A host moved in the page resumes where it was.
    this.hostUpdated();
  }

  hostUpdated(): void {
    this.watch(this.shown < this.built ? this.lastShown() : null);
    if (this.built >= this.total || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.built += 1;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.watch(null);
  }

  private watch(target: Element | null | undefined): void {
    if (target === this.watched) return;
    this.observer?.disconnect();
    this.watched = target;
    if (!target) return;
    // Created on first use: the element may be constructed where there is no DOM.
    this.observer ??= new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.shown = Math.min(this.built, this.shown * 2);
      this.host.requestUpdate();
    });
    this.observer.observe(target);
  }
}

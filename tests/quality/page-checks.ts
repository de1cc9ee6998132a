// Checks that run inside a page of the built site (passed to page.evaluate, so each is self-contained).

/** One element that received keyboard focus, measured while it had it. */
export interface FocusStop {
  /** Its place among the page's tabbable elements (-1: not expected to be tabbable). */
  index: number;
  /** A short description ("a.skip-link “Skip to content”"). */
  label: string;
  /** It matched :focus-visible. */
  focusVisible: boolean;
  /** It showed a focus indicator: an outline of at least 2px, or a box shadow it does not have unfocused. */
  indicator: boolean;
  /** Its box was inside the viewport. */
  inView: boolean;
  /** What covered its centre, when something else did. */
  obscuredBy: string | null;
}

/** What the page offers to the keyboard, found before any key is pressed. */
export interface KeyboardSetup {
  /** Tabbable elements in the order Tab should visit them. */
  tabbable: string[];
  /** Problems seen in the markup: positive tabindex, focusable elements that are not native controls. */
  problems: string[];
}

/**
 * Lists the page's tabbable elements and starts recording, on every keydown, the element that has
 * focus (a keydown reaches the page only after the previous key's focus move and scroll are done).
 */
export function startFocusRecording(): KeyboardSetup {
  const describe = (element: Element): string => {
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const className = element.getAttribute('class')?.split(' ')[0];
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${className ? `.${className}` : ''}${text ? ` “${text}”` : ''}`;
  };
  const NATIVE =
    'a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls]';
  const problems: string[] = [];
  const tabbable = [...document.querySelectorAll<HTMLElement | SVGElement>('*')].filter((element) => {
    if (element.tabIndex < 0 || element.closest('[inert]') || element.matches(':disabled')) return false;
    if (!element.checkVisibility({ visibilityProperty: true })) return false;
    if (element.tabIndex > 0)
      problems.push(`${describe(element)} has tabindex="${element.tabIndex}": the tab order should follow the page`);
    if (!element.matches(NATIVE))
      problems.push(
        `${describe(element)} is focusable but is not a native control: the keyboard cannot be assumed to operate it`,
      );
    return true;
  });
  const unfocusedShadow = new Map(tabbable.map((element) => [element, getComputedStyle(element).boxShadow]));
  const stops: FocusStop[] = [];
  const measure = (): void => {
    const element = document.activeElement;
    // SVG links (the timeline chart's marks) take focus too: they are SVGElements, not HTMLElements.
    if (!(element instanceof HTMLElement || element instanceof SVGElement) || element === document.body) return;
    const style = getComputedStyle(element);
    const outline =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== unfocusedShadow.get(element);
    const rects = [...element.getClientRects()].sort((a, b) => b.width * b.height - a.width * a.height);
    const rect = rects[0] ?? element.getBoundingClientRect();
    const inView =
      rect.width > 0 &&
      rect.height > 0 &&
      rect.bottom > 0 &&
      rect.right > 0 &&
      rect.top < innerHeight &&
      rect.left < innerWidth;
    let obscuredBy: string | null = null;
    if (inView) {
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      if (hit && hit !== element && !element.contains(hit)) obscuredBy = describe(hit);
    }
    stops.push({
      index: tabbable.indexOf(element),
      label: describe(element),
      focusVisible: element.matches(':focus-visible'),
      indicator: outline || shadow,
      inView,
      obscuredBy,
    });
  };
  addEventListener('keydown', measure, true);
  Object.assign(window, { __focusStops: stops, __measureFocus: measure });
  return { tabbable: tabbable.map(describe), problems };
}

/** The focus stops recorded since startFocusRecording, measuring the current one first. */
export function finishFocusRecording(): FocusStop[] {
  const recorder = window as unknown as { __focusStops: FocusStop[]; __measureFocus: () => void };
  recorder.__measureFocus();
  return recorder.__focusStops;
}

/** Null when the page fits the viewport's width; otherwise how wide it is and what sticks out. */
export function horizontalOverflow(): string | null {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  const wide = [...document.body.querySelectorAll('*')]
    .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(-3)
    .map(
      (element) =>
        `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.getAttribute('class') ? `.${element.getAttribute('class')?.split(' ')[0]}` : ''}`,
    );
  return `${root.scrollWidth}px wide for ${root.clientWidth}px (${wide.join(', ')})`;
}

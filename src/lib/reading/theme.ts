/**
 * Light and dark themes. The site follows the system's colour scheme (`color-scheme: light dark` with
 * `light-dark()` colours in global.css) unless the reader picks one with the header's theme control,
 * which sets `data-theme` on <html> and remembers it in localStorage. So that a remembered choice is
 * applied before the first paint (no flash of the other theme), a tiny script inlined at the top of
 * <head> sets the attribute; the page's CSP allows it by its hash.
 */

/** The localStorage key of the reader's choice. */
export const THEME_STORAGE_KEY = 'theme';

/** The attribute on <html> that holds an explicit choice; absent: follow the system. */
export const THEME_ATTRIBUTE = 'data-theme';

/** The themes a reader can choose; "system" (no attribute) is the default. */
export const THEMES = ['system', 'light', 'dark'] as const;
/** One of THEMES. */
export type Theme = (typeof THEMES)[number];

/** True for a stored value that names an explicit theme. */
export const isExplicitTheme = (value: unknown): value is 'light' | 'dark' => value === 'light' || value === 'dark';

/**
 * The inline script that applies a remembered choice before the first paint. Plain ES5, no imports, as
 * short as it can be; storage can be blocked (private modes), so a failure leaves the system's scheme.
 */
// The names are plain words, quoted as they are (no JSON.stringify: a call the bundler keeps in the theme
// control's script, dead). Any stored value is copied: the stylesheet knows only "light" and "dark", so another value means "system".
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t)document.documentElement.setAttribute("${THEME_ATTRIBUTE}",t)}catch(e){}`;

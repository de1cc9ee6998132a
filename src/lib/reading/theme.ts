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

/**
 * The inline script of the theme, plain ES5, no imports. Before the first paint it applies a remembered
 * choice (storage can be blocked, in private modes: a failure leaves the system's scheme); once the page is
 * parsed it runs the header's theme control: the server renders the <select> (System, Light, Dark) hidden,
 * since it needs JavaScript; shown here, it reflects the current choice, applies a new one at once by setting
 * `data-theme` on <html> (global.css does the rest) and remembers it; "System" forgets it.
 * One script rather than this and a module for the control: each script is compressed on its own and
 * needs its own hash in the page's policy (the page budget).
 */
// The names are plain words, quoted as they are. Any stored value is applied: the stylesheet knows only
// "light" and "dark", so another value means "system".
export const THEME_BOOT_SCRIPT =
  `var d=document,h=d.documentElement,k="${THEME_STORAGE_KEY}",a="${THEME_ATTRIBUTE}";` +
  'try{var t=localStorage.getItem(k);if(t)h.setAttribute(a,t)}catch(e){}' +
  'd.addEventListener("DOMContentLoaded",function(){' +
  'var c=d.querySelector("[data-theme-control]"),s=c&&c.querySelector("select"),x=function(v){return v=="light"||v=="dark"};' +
  'if(s){s.value=x(h.getAttribute(a))?h.getAttribute(a):"system";c.hidden=!1;' +
  's.addEventListener("change",function(){var v=s.value;' +
  'try{x(v)?localStorage.setItem(k,v):localStorage.removeItem(k)}catch(e){}' +
  'x(v)?h.setAttribute(a,v):h.removeAttribute(a)})}})';

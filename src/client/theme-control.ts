/**
 * The header's theme control: a <select> (System, Light, Dark) that the server renders hidden, since it
 * needs JavaScript. Shown by this script, it reflects the current choice, applies a new one at once by
 * setting `data-theme` on <html> (global.css does the rest) and remembers it; "System" forgets it.
 * The inline boot script (src/lib/reading/theme.ts) applies the remembered choice before the first paint.
 */
import { isExplicitTheme, THEME_ATTRIBUTE, THEME_STORAGE_KEY } from '../lib/reading/theme.ts';

const control = document.querySelector<HTMLElement>('[data-theme-control]');
const select = control?.querySelector('select');
if (control && select) {
  const current = document.documentElement.getAttribute(THEME_ATTRIBUTE);
  select.value = isExplicitTheme(current) ? current : 'system';
  control.hidden = false;
  select.addEventListener('change', () => {
    const choice = select.value;
    try {
      if (isExplicitTheme(choice)) localStorage.setItem(THEME_STORAGE_KEY, choice);
      else localStorage.removeItem(THEME_STORAGE_KEY);
    } catch {
      // Storage blocked: the choice holds for this page only.
    }
    if (isExplicitTheme(choice)) document.documentElement.setAttribute(THEME_ATTRIBUTE, choice);
    else document.documentElement.removeAttribute(THEME_ATTRIBUTE);
  });
}

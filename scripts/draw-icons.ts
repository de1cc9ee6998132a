// `npm run icons`: draws the web app icons into public/icons/ (committed; run again only to change them).
// A pilcrow (¶, the site's "link to this" mark) in the page colour on the text colour, drawn as shapes so
// that no font is needed: icon.svg, PNGs at 192 and 512 px, a maskable 512 px PNG (the mark inside the
// central safe zone, the background to the edges) and a 180 px apple-touch-icon.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const INK = '#1c1b19';
const PAPER = '#fdfcfa';
/** The mark on a 512 grid, centred. */
const MARK = `<g fill="${PAPER}"><circle cx="225" cy="200" r="90"/><rect x="225" y="110" width="152" height="32"/><rect x="285" y="110" width="32" height="300"/><rect x="345" y="110" width="32" height="300"/></g>`;

/** The icon as SVG: rounded corners for ordinary use, square and with the mark scaled down when maskable. */
function svg(maskable: boolean): string {
  const background = maskable
    ? `<rect width="512" height="512" fill="${INK}"/>`
    : `<rect width="512" height="512" rx="96" fill="${INK}"/>`;
  const mark = maskable ? `<g transform="translate(256 256) scale(0.72) translate(-256 -256)">${MARK}</g>` : MARK;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${background}${mark}</svg>\n`;
}

const png = (source: string, size: number): Buffer =>
  new Resvg(source, { fitTo: { mode: 'width', value: size } }).render().asPng();

const dir = join('public', 'icons');
writeFileSync(join(dir, 'icon.svg'), svg(false));
writeFileSync(join(dir, 'icon-192.png'), png(svg(false), 192));
writeFileSync(join(dir, 'icon-512.png'), png(svg(false), 512));
writeFileSync(join(dir, 'icon-maskable-512.png'), png(svg(true), 512));
writeFileSync(join(dir, 'apple-touch-icon.png'), png(svg(true), 180));
console.log(`icons written to ${dir}/`);

/** Width of every preview image, in pixels (the Open Graph / large Twitter card size). */
export const OG_IMAGE_WIDTH = 1200;
/** Height of every preview image, in pixels. */
export const OG_IMAGE_HEIGHT = 630;

/** What a preview image shows. */
export interface OgImageText {
  /** Context above the title: the section or kind of page ("Timeline", "Stored article · Los Angeles Times"). */
  eyebrow: string;
  /** The page's own title. */
  title: string;
  /** The page's description, shortened to fit. */
  description: string;
  /** The site's name, shown at the foot. */
  siteName: string;
}

/** A font satori can use: TTF, OTF or WOFF (not WOFF2). */
export interface OgFont {
  /** Family name the template refers to: "Serif" or "Sans". */
  name: 'Serif' | 'Sans';
  /** The font file's bytes. */
  data: Buffer;
  /** Its weight. */
  weight: 400 | 600 | 700;
  /** Its style. */
  style: 'normal';
}

/** Bumped whenever the template changes, so cached images are redrawn. */
export const OG_TEMPLATE_VERSION = 1;

const COLORS = {
  bg: '#fdfcfa',
  text: '#1c1b19',
  muted: '#5b5852',
  accent: '#a3361f',
  us: '#1f4f8a',
  co: '#8a5a00',
  rule: '#dcd7cf',
};

/** An element of the image, in the React-like form satori reads. */
export interface OgNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | OgNode | (string | OgNode)[] };
}
const box = (style: OgNode['props']['style'], children?: OgNode['props']['children']): OgNode => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, ...(children === undefined ? {} : { children }) },
});

/** The title's size: long titles get smaller type so that they fit in four lines. */
export function titleSize(title: string): number {
  return title.length <= 40 ? 76 : title.length <= 75 ? 64 : title.length <= 120 ? 54 : 46;
}

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 2) return '';
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}

// Room for the title and description, in pixels, and rough average glyph widths (in em) of the fonts,
// to shorten the description to the lines left under the title (satori does not clamp lines).
const TEXT_WIDTH = 1040;
const TEXT_HEIGHT = 400;
const SERIF_BOLD_EM = 0.52;
const SANS_EM = 0.47;
const DESCRIPTION_SIZE = 30;
const DESCRIPTION_LINE = 1.35;

/** The element tree of a preview image (satori's React-like form). */
export function ogImageTree(text: OgImageText): OgNode {
  const size = titleSize(text.title);
  const title = shorten(text.title, 160);
  const titleLines = Math.min(4, Math.ceil(title.length / (TEXT_WIDTH / (size * SERIF_BOLD_EM))));
  const left = TEXT_HEIGHT - titleLines * size * 1.14 - 26;
  const descriptionLines = Math.max(0, Math.min(3, Math.floor(left / (DESCRIPTION_SIZE * DESCRIPTION_LINE))));
  const description = shorten(
    text.description,
    Math.floor(descriptionLines * (TEXT_WIDTH / (DESCRIPTION_SIZE * SANS_EM)) * 0.9),
  );
  return box(
    {
      width: OG_IMAGE_WIDTH,
      height: OG_IMAGE_HEIGHT,
      flexDirection: 'column',
      background: COLORS.bg,
      fontFamily: 'Sans',
    },
    [
      box({ height: 14, width: '100%', background: COLORS.accent }),
      box({ flexGrow: 1, flexDirection: 'column', padding: '56px 80px 0', overflow: 'hidden' }, [
        box(
          { fontSize: 28, fontWeight: 600, color: COLORS.accent, textTransform: 'uppercase', letterSpacing: 2 },
          shorten(text.eyebrow, 60),
        ),
        box(
          { marginTop: 22, fontFamily: 'Serif', fontWeight: 700, fontSize: size, lineHeight: 1.14, color: COLORS.text },
          title,
        ),
        ...(description === ''
          ? []
          : [
              box(
                { marginTop: 26, fontSize: DESCRIPTION_SIZE, lineHeight: DESCRIPTION_LINE, color: COLORS.muted },
                description,
              ),
            ]),
      ]),
      box(
        {
          margin: '0 80px',
          padding: '22px 0 34px',
          borderTop: `2px solid ${COLORS.rule}`,
          alignItems: 'center',
          justifyContent: 'space-between',
        },
        [
          box({ fontFamily: 'Serif', fontWeight: 700, fontSize: 30, color: COLORS.text }, text.siteName),
          box({ gap: 8 }, [
            box({ width: 40, height: 10, background: COLORS.us }),
            box({ width: 40, height: 10, background: COLORS.co }),
          ]),
        ],
      ),
    ],
  );
}

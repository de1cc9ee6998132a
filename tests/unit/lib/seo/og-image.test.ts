import { describe, expect, it } from 'vitest';
import { loadOgFonts, readPreview, renderOgImage } from '../../../../src/integrations/preview-images.ts';
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH, ogImageTree, shorten, titleSize } from '../../../../src/lib/seo/og-image.ts';
import { ogImageUrl, previewImageUrl } from '../../../../src/lib/links/urls.ts';
import { projectRoot } from '../../../helpers/content.ts';
import { pngSize } from '../../../helpers/png.ts';

describe('preview images', () => {
  it('live next to their page: /og/<path>.png', () => {
    expect(ogImageUrl('/')).toBe('/og/index.png');
    expect(ogImageUrl('/articles/')).toBe('/og/articles.png');
    expect(ogImageUrl('/timeline/2026-january/')).toBe('/og/timeline/2026-january.png');
  });

  it("are shared by the item pages of a section: its section page's image", () => {
    expect(previewImageUrl('/')).toBe('/og/index.png');
    expect(previewImageUrl('/articles/')).toBe('/og/articles.png');
    expect(previewImageUrl('/articles/x/')).toBe('/og/articles/x.png');
    expect(previewImageUrl('/meeting/')).toBe('/og/meeting.png');
    expect(previewImageUrl('/quotations/')).toBe('/og/quotations.png');
    expect(previewImageUrl('/timeline/2026-january/')).toBe('/og/timeline.png');
    expect(previewImageUrl('/people/gustavo-petro/')).toBe('/og/people.png');
    expect(previewImageUrl('/issues/visas/')).toBe('/og/issues.png');
    expect(previewImageUrl('/sources/only/x/')).toBe('/og/sources.png');
    expect(previewImageUrl('/articles/page/2/')).toBe('/og/articles.png');
    expect(previewImageUrl('/quotations/page/3/')).toBe('/og/quotations.png');
    expect(previewImageUrl('/sources/page/2/')).toBe('/og/sources.png');
    expect(previewImageUrl('/timeline/')).toBe('/og/timeline.png');
    expect(previewImageUrl('/timeline/2026-february/')).toBe('/og/timeline.png');
  });

  it('shorten long text at a word, with an ellipsis', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('one two three four', 12)).toBe('one two…');
    expect(shorten('Trump, Petro, and the rest', 14)).toBe('Trump, Petro…');
  });

  it('set long titles smaller', () => {
    expect(titleSize('Short')).toBeGreaterThan(titleSize('A title that runs a good deal longer than forty characters'));
    expect(titleSize('x'.repeat(200))).toBe(46);
  });

  it('show eyebrow, title, the description that fits, and the site name', () => {
    const text = JSON.stringify(
      ogImageTree({
        eyebrow: 'Event · October 2025',
        title: 'Washington puts Petro under sanctions',
        description: 'd '.repeat(300).trim(),
        siteName: 'The site',
      }),
    );
    expect(text).toContain('Event · October 2025');
    expect(text).toContain('Washington puts Petro under sanctions');
    expect(text).toContain('The site');
    expect(text).toMatch(/(d ){20,}d…/);
  });

  it('are read from what the page declares', () => {
    const html =
      '<html><head><meta property="og:title" content="T"><meta property="og:description" content="D"><meta property="og:image" content="https://x.org/og/a.png" data-eyebrow="E"></head><body><meta property="og:title" content="not in head"></body></html>';
    expect(readPreview(html)).toEqual({ title: 'T', description: 'D', image: 'https://x.org/og/a.png', eyebrow: 'E' });
  });

  it('are read with character references decoded, as the browser reads them', () => {
    const html =
      '<html><head><meta property="og:title" content="Colombia&#39;s &amp; &quot;Petro&quot; &lt;x&gt;"><meta property="og:description" content="D &#x2014; e"></head></html>';
    expect(readPreview(html)).toEqual({ title: 'Colombia\'s & "Petro" <x>', description: 'D — e' });
  });

  it('are drawn as 1200×630 PNGs with local fonts only', async () => {
    const png = await renderOgImage(
      { eyebrow: 'Issue', title: 'Sanctions', description: 'What the sanctions were.', siteName: 'The site' },
      loadOgFonts(projectRoot),
    );
    expect(pngSize(png)).toEqual({ width: OG_IMAGE_WIDTH, height: OG_IMAGE_HEIGHT });
  });
});

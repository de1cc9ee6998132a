import { isRedirectPage } from '../lib/links/addresses.ts';
import { siteName } from '../lib/links/navigation.ts';
import { ogImageUrl, previewImageUrl } from '../lib/links/urls.ts';
import type { OgImageText } from '../lib/seo/og-image.ts';
import { listMetaTags } from '../lib/security/html-scan.ts';
import type { PassContext } from './pass.ts';

// What a built page's head says about its preview image, read by the preview-images pass, its warm-up and the
// CSP pass (which reads every page anyway and hands what it read to the preview-images pass): nothing heavy is
// imported here (no satori, no resvg), so the CSP pass's workers load it at no cost.

/** What a built page says about its preview: og:title, og:description, og:image and the image's eyebrow. */
export function readPreview(html: string): { title?: string; description?: string; image?: string; eyebrow?: string } {
  const found: Record<string, string> = {};
  // Only the <meta> tags of the head are read, with the one-pass scanner: a full parse of every page is
  // most of the cost at scale.
  const head = html.slice(0, html.indexOf('</head>') + 7 || undefined);
  for (const meta of listMetaTags(head)) {
    const property = meta.get('property');
    const content = meta.get('content');
    if (property === undefined || content === undefined) continue;
    found[property] = content;
    const eyebrow = meta.get('data-eyebrow');
    if (property === 'og:image' && eyebrow !== undefined) found['eyebrow'] = eyebrow;
  }
  const preview: { title?: string; description?: string; image?: string; eyebrow?: string } = {};
  const fields = [
    ['og:title', 'title'],
    ['og:description', 'description'],
    ['og:image', 'image'],
    ['eyebrow', 'eyebrow'],
  ] as const;
  for (const [from, to] of fields) {
    const value = found[from];
    if (value !== undefined) preview[to] = value;
  }
  return preview;
}

/** What a built page's head says about its preview image (see pagePreview). */
export type PagePreview =
  | { kind: 'redirect' }
  | { kind: 'problem'; problem: string }
  | { kind: 'shared'; image: string }
  | { kind: 'own'; image: string; text: OgImageText };

/**
 * What the page at `pagePath` with this HTML needs of the preview images: nothing (a redirect page), a fix (no
 * preview, or og:image pointing elsewhere than previewImageUrl), its section page's image (`shared`), or its own
 * image drawn with `text`. The pass after the pages and the warm-up while Astro renders
 * (preview-images-warmup-worker.ts) both read pages through this, so they draw the same images.
 */
export function pagePreview(pagePath: string, html: string): PagePreview {
  return previewFromHead(pagePath, pageHead(html));
}

/** What pagePreview needs of a page's HTML, whatever its path: whether it is a redirect page, and its preview. */
export interface PageHead {
  redirect: boolean;
  preview: ReturnType<typeof readPreview>;
}

/** The PageHead of a page's HTML. */
export const pageHead = (html: string): PageHead => ({ redirect: isRedirectPage(html), preview: readPreview(html) });

/**
 * The preview the page at `pagePath` needs, from its PageHead (pagePreview). The CSP pass reads it before it
 * narrows the page's policy: narrowing changes only the policy's <meta>, which has no `property`, and adds or
 * removes no refresh, so the head says the same after it.
 */
export function previewFromHead(pagePath: string, head: PageHead): PagePreview {
  if (head.redirect) return { kind: 'redirect' };
  const { preview } = head;
  const own = ogImageUrl(pagePath);
  const expected = previewImageUrl(pagePath);
  if (preview.title === undefined || preview.description === undefined || preview.image === undefined)
    return {
      kind: 'problem',
      problem: 'no og:title, og:description or og:image; render the page with src/layouts/BaseLayout.astro',
    };
  if (new URL(preview.image).pathname !== expected)
    return {
      kind: 'problem',
      problem: `og:image points to ${preview.image}, expected ${expected} (from previewImageUrl in src/lib/links/urls.ts)`,
    };
  if (expected !== own) return { kind: 'shared', image: expected };
  return {
    kind: 'own',
    image: own,
    text: { eyebrow: preview.eyebrow ?? siteName, title: preview.title, description: preview.description, siteName },
  };
}

/**
 * The heads of a run's pages as the CSP pass read them (keyed by the run's context; each page's PageHead as JSON
 * by its file: a string of its own, where the values read keep their page's whole HTML alive), for the
 * preview-images pass that follows it, which then reads no page again.
 */
export const previewsFromCsp = new WeakMap<PassContext, Map<string, string>>();

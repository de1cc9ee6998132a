import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { scanHtml } from '../security/html-scan.ts';
import { visit } from 'unist-util-visit';
import {
  AddressManifestSchema,
  FragmentAliasSchema,
  PageAliasSchema,
  type AddressManifest,
  type FragmentAlias,
  type PageAlias,
} from '../../schemas/addresses.ts';
import { problemsFromZod, type Problem } from '../content/problems.ts';
import { withFragment } from './urls.ts';
import { parseYamlList } from '../content/yaml-list.ts';

/**
 * Lasting addresses: every page path and fragment id the site publishes is recorded in a manifest;
 * a build whose output lacks one fails, unless an alias keeps it working (an alias anchor for a
 * fragment, a redirect page for a page). Pure functions over HTML text and plain data; the
 * address-guard integration reads and writes the files.
 */

/** Where the files live and the command that rewrites the manifest, for messages. */
export const ADDRESS_FILES = {
  manifest: 'content/addresses/published.json',
  aliases: 'content/addresses/aliases.yaml',
  updateCommand: 'npm run addresses:update',
} as const;

/** Published addresses: every page path with its fragment ids, sorted. */
export type Addresses = Record<string, string[]>;

/** One page or fragment address. */
export interface Address {
  /** Page path ("/events/petro-elected/"). */
  page: string;
  /** Fragment id on that page; absent for the page itself. */
  id?: string;
}

/** The aliases editors have written, each with its line in the aliases file. */
export interface Aliases {
  /** Old fragment ids kept working. */
  fragments: (FragmentAlias & { line: number })[];
  /** Old page paths kept working. */
  pages: (PageAlias & { line: number })[];
}

/** Marks an alias anchor: `data-alias-of` names the id it stands in front of. */
export const ALIAS_ATTRIBUTE = 'data-alias-of';

/** Renders an address for messages: "/page/" or "/page/#id". */
export const formatAddress = (address: Address): string =>
  address.id === undefined ? address.page : withFragment(address.page, address.id);

/** Every id attribute of a page, in document order (duplicates kept, so they can be reported). */
export function listIds(html: string): string[] {
  return scanHtml(html).ids;
}

/** The ids that occur more than once, sorted. */
export function duplicateIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice].sort();
}

/** Addresses in canonical form: pages sorted, each page's ids unique and sorted. */
export function normalizeAddresses(addresses: Addresses): Addresses {
  return Object.fromEntries(
    Object.keys(addresses)
      .sort()
      .map((page) => [page, [...new Set(addresses[page])].sort()]),
  );
}

/** What is published but missing from the build (vanished), and what the build adds (added). */
export function compareAddresses(published: Addresses, current: Addresses): { vanished: Address[]; added: Address[] } {
  const difference = (from: Addresses, to: Addresses): Address[] => {
    const out: Address[] = [];
    for (const page of Object.keys(from).sort()) {
      const there = to[page];
      if (there === undefined) {
        out.push({ page });
        continue;
      }
      const ids = new Set(there);
      for (const id of [...new Set(from[page])].sort()) if (!ids.has(id)) out.push({ page, id });
    }
    return out;
  };
  return { vanished: difference(published, current), added: difference(current, published) };
}

/**
 * The build's error when published addresses vanished: each one, and the two ways to fix it.
 * `redirects` (old page → new page) says which pages now forward their fragments elsewhere.
 */
export function describeVanished(
  vanished: readonly Address[],
  redirects: ReadonlyMap<string, string> = new Map(),
): string {
  const count = vanished.length === 1 ? '1 published address has' : `${vanished.length} published addresses have`;
  const explain = (address: Address): string => {
    if (address.id === undefined)
      return `  - ${address.page}: the page is gone. Redirect it: - { from: ${address.page}, to: /its/new/path/ }`;
    const forwarded = redirects.get(address.page);
    return forwarded === undefined
      ? `  - ${formatAddress(address)}: no element on ${address.page} has id "${address.id}" any more. Alias it: - { page: ${address.page}, from: ${address.id}, to: its-new-id }, or, if it moved to another page: - { page: ${address.page}, from: ${address.id}, toPage: /its/new/page/, to: its-id-there }`
      : `  - ${formatAddress(address)}: ${address.page} now redirects to ${forwarded}, which has no id "${address.id}". Alias it there: - { page: ${forwarded}, from: ${address.id}, to: its-new-id }`;
  };
  return [
    `Address check failed: ${count} vanished, so links people have shared would break.`,
    `Keep each one working with an alias in ${ADDRESS_FILES.aliases}, or, if it is meant to go, run \`${ADDRESS_FILES.updateCommand}\` and commit ${ADDRESS_FILES.manifest}.`,
    ...vanished.map(explain),
  ].join('\n');
}

/** The manifest file's text for these addresses: stable JSON, one page per key, ids sorted. */
export function manifestText(addresses: Addresses): string {
  const manifest: AddressManifest = {
    about: `Every page path and fragment id this site has published. The build fails when one disappears unless ${ADDRESS_FILES.aliases} keeps it working. Rewrite with \`${ADDRESS_FILES.updateCommand}\`; do not edit by hand.`,
    pages: normalizeAddresses(addresses),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Reads the manifest file; problems name the file and field. */
export function parseManifest(file: string, text: string): { addresses?: Addresses; problems: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      problems: [
        {
          file,
          message: `malformed JSON (${(error as Error).message}); run \`${ADDRESS_FILES.updateCommand}\` to rewrite it`,
        },
      ],
    };
  }
  const parsed = AddressManifestSchema.safeParse(json);
  if (!parsed.success) return { problems: problemsFromZod(file, parsed.error, '') };
  return { addresses: parsed.data.pages, problems: [] };
}

/**
 * Reads the aliases file: a YAML list of `{ page, from, to }` (an old fragment id on a page) and
 * `{ from, to }` (an old page path). Problems name the file, line and field.
 */
export function parseAliases(file: string, text: string): { aliases: Aliases; problems: Problem[] } {
  const aliases: Aliases = { fragments: [], pages: [] };
  if (text.replace(/^\s*#.*$/gm, '').trim() === '') return { aliases, problems: [] };
  const list = parseYamlList(file, text);
  const problems = [...list.problems];
  const seen = new Map<string, number>();
  for (const [index, item] of list.items.entries()) {
    const isFragment = typeof item.value === 'object' && item.value !== null && 'page' in item.value;
    const parsed = isFragment ? FragmentAliasSchema.safeParse(item.value) : PageAliasSchema.safeParse(item.value);
    if (!parsed.success) {
      problems.push(...problemsFromZod(file, parsed.error, `[${index}]`, item.line));
      continue;
    }
    const alias = parsed.data;
    const key = 'page' in alias ? `${String(alias.page)}#${alias.from}` : alias.from;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        file,
        line: item.line,
        field: `[${index}].from`,
        message: `"${key}" is already aliased on line ${first}; keep one alias per old address`,
      });
      continue;
    }
    seen.set(key, item.line);
    const toPage = 'toPage' in alias && typeof alias.toPage === 'string' ? alias.toPage : undefined;
    const samePage = !('page' in alias) || toPage === undefined || toPage === alias.page;
    if (alias.from === alias.to && samePage) {
      problems.push({
        file,
        line: item.line,
        field: `[${index}].to`,
        message:
          toPage !== undefined
            ? 'an alias must point somewhere else than its own "from": give a toPage other than its page'
            : 'an alias must point somewhere else than its own "from"',
      });
      continue;
    }
    const fragment = isFragment ? FragmentAliasSchema.safeParse(alias) : undefined;
    if (fragment?.success) aliases.fragments.push({ ...fragment.data, line: item.line });
    else aliases.pages.push({ ...PageAliasSchema.parse(alias), line: item.line });
  }
  return { aliases, problems };
}

/** The empty element that keeps old id `from` working in front of or inside the element with id `to`. */
export const aliasAnchor = (from: string, to: string): string =>
  `<span id="${escapeAttribute(from)}" ${ALIAS_ATTRIBUTE}="${escapeAttribute(to)}"></span>`;

/** Elements that may not hold a <span>: an alias anchor for one of these goes right before it. */
const NO_PHRASING_CHILD = new Set([
  'ul',
  'ol',
  'dl',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'colgroup',
  'select',
  'optgroup',
  'datalist',
  'hgroup',
  'menu',
  'picture',
  'audio',
  'video',
]);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * Adds to a page an empty anchor with the old id `from`, as the first child of the element whose id is
 * `to` (or right before it, where a span may not go), so `#from` lands on that element. The anchor
 * carries `data-alias-of="to"`: CSS marks its element as the target, the script moves focus to it.
 * Returns undefined when no element has id `to`.
 */
export function insertAliasAnchor(html: string, from: string, to: string): string | undefined {
  let target: Element | undefined;
  visit(fromHtml(html) as Root, 'element', (node: Element) => {
    if (target === undefined && node.properties['id'] === to) target = node;
  });
  const start = target?.position?.start.offset;
  if (target === undefined || start === undefined) return undefined;
  const anchor = aliasAnchor(from, to);
  if (NO_PHRASING_CHILD.has(target.tagName) || VOID.has(target.tagName))
    return html.slice(0, start) + anchor + html.slice(start);
  const end = endOfStartTag(html, start);
  return html.slice(0, end) + anchor + html.slice(end);
}

/** Offset just past the `>` of the start tag that begins at `start`, skipping quoted attribute values. */
function endOfStartTag(html: string, start: number): number {
  let quote: string | undefined;
  for (let index = start; index < html.length; index++) {
    const char = html[index];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return index + 1;
  }
  return html.length;
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Marks a link that stands for an entry moved to another page: the page script follows it on arrival. */
export const MOVED_ATTRIBUTE = 'data-moved';

/** An entry that moved to another page: its old id, its new address and, for the reader, what it is and where it went. */
export interface MovedEntry {
  /** Its old id on this page. */
  from: string;
  /** Its new address (page and fragment). */
  href: string;
  /** What it is, in words ("Event “U.S. issues Petro a temporary visa”"); see describeMovedEntry. */
  what?: string;
  /** The name of the page it is on now (that page's main heading). */
  pageName?: string;
}

/**
 * The link that keeps old id `from` working on a page after its entry moved to `href` on another page. Its text
 * says what moved and where ("Event “…”, now on Timeline of tensions, February 2026"); the bare address only when
 * neither is known.
 */
export const movedLink = (entry: MovedEntry): string => {
  const text =
    entry.what === undefined && entry.pageName === undefined
      ? entry.href
      : `${entry.what ?? 'This entry'}, now on ${entry.pageName ?? entry.href}`;
  return `<a id="${escapeAttribute(entry.from)}" href="${escapeAttribute(entry.href)}" ${MOVED_ATTRIBUTE}>${escapeText(text)}</a>`;
};

// Controls inside a heading or block that are not part of its text.
const CONTROL_CLASSES = new Set(['link-to-this', 'cited-by-link']);
const isControl = (node: Element): boolean =>
  (Array.isArray(node.properties['className']) ? node.properties['className'] : []).some((name) =>
    CONTROL_CLASSES.has(String(name)),
  );
/** The text of an element without its controls, spaces collapsed. */
function plainText(node: Element): string {
  const parts: string[] = [];
  const walk = (child: Element['children'][number]): void => {
    if (child.type === 'text') parts.push(child.value);
    else if (child.type === 'element' && !isControl(child)) child.children.forEach(walk);
  };
  node.children.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * What a reader is told of an entry that moved, read from the page it is on now: what it is, as its "link to
 * this" control names it ("Link to event: X" → "Event “X”"; a control that names only the kind, "Link to this
 * correction", with the entry's first heading: "Correction “X”"), else its first heading's text; and the
 * page's name, its <h1> (controls left out). Either is undefined when the page does not give it.
 */
export function describeMovedEntry(targetHtml: string, id: string): { what?: string; pageName?: string } {
  const tree = fromHtml(targetHtml) as Root;
  let target: Element | undefined;
  let h1: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (target === undefined && node.properties['id'] === id) target = node;
    if (h1 === undefined && node.tagName === 'h1') h1 = node;
  });
  // An alias anchor (`<span id="old" data-alias-of="new">`) stands for the element it names: describe that one.
  const aliasOf = target?.properties['dataAliasOf'];
  if (typeof aliasOf === 'string' && aliasOf !== '') {
    id = aliasOf;
    target = undefined;
    visit(tree, 'element', (node: Element) => {
      if (target === undefined && node.properties['id'] === id) target = node;
    });
  }
  let what: string | undefined;
  if (target !== undefined) {
    let heading: Element | undefined;
    visit(target, 'element', (node: Element) => {
      if (heading === undefined && /^h[1-6]$/.test(node.tagName)) heading = node;
    });
    const headingText = heading === undefined ? '' : plainText(heading);
    visit(target, 'element', (node: Element) => {
      if (what !== undefined || node.tagName !== 'a' || !isControl(node)) return;
      if (String(node.properties['href'] ?? '').endsWith(`#${id}`)) {
        const name = /^Link to (.+)$/.exec(String(node.properties['ariaLabel'] ?? ''))?.[1];
        // "event: X" → Event “X”; "paragraph 7" → Paragraph 7.
        // "this correction" (its kind alone; the entry's heading says what it is) → Correction “heading”.
        const kindAlone = name === undefined ? undefined : /^this (.+)$/.exec(name)?.[1];
        const [kind, title] = name?.includes(': ')
          ? [name.slice(0, name.indexOf(': ')), name.slice(name.indexOf(': ') + 2)]
          : kindAlone !== undefined && headingText !== ''
            ? // A sentence's full stop would read doubled before the link's comma (“… reversed.”, now on).
              [kindAlone, headingText.replace(/[.;:]$/, '')]
            : [name, undefined];
        if (kind !== undefined)
          what = `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${title === undefined ? '' : ` “${title}”`}`;
      }
    });
    if (what === undefined && headingText !== '') what = `“${headingText}”`;
  }
  const pageName = h1 === undefined ? '' : plainText(h1);
  return { ...(what === undefined ? {} : { what }), ...(pageName === '' ? {} : { pageName }) };
}

/**
 * What stands at id `id` on a page: nothing, an element, or a moved-entry link (an `<a data-moved>`) and
 * where it goes.
 */
export function elementAt(
  html: string,
  id: string,
): { kind: 'none' } | { kind: 'element' } | { kind: 'moved'; href: string } {
  let found: Element | undefined;
  visit(fromHtml(html) as Root, 'element', (node: Element) => {
    if (found === undefined && node.properties['id'] === id) found = node;
  });
  if (found === undefined) return { kind: 'none' };
  const href = found.properties['href'];
  return found.tagName === 'a' && found.properties['dataMoved'] !== undefined && typeof href === 'string'
    ? { kind: 'moved', href }
    : { kind: 'element' };
}

const MOVED_LIST_START = '<ul class="moved-links meta">';
const MOVED_LIST_END = '</ul>';

/**
 * Adds to a page the links for entries that moved to other pages, at the end of its main content, in a list
 * (`ul.moved-links`) that the shared CSS hides unless it holds the fragment's target, and then shows that link
 * alone: each link carries the old id, so `#old` lands on it. With JavaScript the page script follows it at once
 * to the entry's new place; without, the link is there to follow; no other reader sees the list (it has no
 * heading: it is never seen but by who landed on one of its links). `links` pairs each old id with the entry's new address and
 * says, in words, what the entry is and the page it is on now (describeMovedEntry); an entry listed under two
 * ids (its own and an older alias) is one line, the older id joining it as "(earlier address: #old)".
 */
export function insertMovedLinks(html: string, links: readonly MovedEntry[]): string {
  if (links.length === 0) return html;
  // An entry moved under its id and under an older one (an alias): the entry's own id first, so its link names it.
  const byPlace = new Map<string, MovedEntry[]>();
  for (const link of links) byPlace.set(link.href, [...(byPlace.get(link.href) ?? []), link]);
  const own = (link: MovedEntry): boolean => link.href.endsWith(`#${link.from}`);
  const ordered = [...byPlace.values()].flatMap((same) => [...same.filter(own), ...same.filter((link) => !own(link))]);
  const items: string[] = [];
  let out = html;
  for (const link of ordered) {
    // One line per entry: a further id of an entry already listed (an older address) joins its line, by its id
    // alone, so the list does not name the same entry twice.
    const listed = `href="${escapeAttribute(link.href)}" ${MOVED_ATTRIBUTE}>`;
    const also = ` (earlier address: <a id="${escapeAttribute(link.from)}" ${listed}#${escapeText(link.from)}</a>)`;
    const mine = items.findIndex((item) => item.includes(listed));
    if (mine !== -1) {
      items[mine] = items[mine]!.replace(/<\/li>$/, `${also}</li>`);
      continue;
    }
    const start = out.indexOf(MOVED_LIST_START);
    const at = start === -1 ? -1 : out.indexOf(listed, start);
    const lineStart = at === -1 ? -1 : out.lastIndexOf('<li>', at);
    const lineEnd = at === -1 ? -1 : out.indexOf('</li>', at);
    if (lineEnd === -1) items.push(`<li>${movedLink(link)}</li>`);
    else if (!own(link)) out = out.slice(0, lineEnd) + also + out.slice(lineEnd);
    else {
      // The entry's own id, after a pass listed it under an older one: its link leads the line, the others join it.
      const others = [...out.slice(lineStart, lineEnd).matchAll(/<a id="([^"]+)"/g)].map((match) => match[1] as string);
      const joined = others.map((id) => ` (earlier address: <a id="${id}" ${listed}#${id}</a>)`).join('');
      out = `${out.slice(0, lineStart)}<li>${movedLink(link)}${joined}${out.slice(lineEnd)}`;
    }
  }
  if (items.length === 0) return out;
  // A page has one such list: links added by a later pass join it.
  const start = out.indexOf(MOVED_LIST_START);
  const listEnd = start === -1 ? -1 : out.indexOf(MOVED_LIST_END, start);
  if (listEnd !== -1) return out.slice(0, listEnd) + items.join('') + out.slice(listEnd);
  const list = MOVED_LIST_START + items.join('') + MOVED_LIST_END;
  const mainEnd = out.lastIndexOf('</main>');
  const end = mainEnd === -1 ? out.lastIndexOf('</body>') : mainEnd;
  return end === -1 ? out + list : out.slice(0, end) + list + out.slice(end);
}

/** The ids of the moved-entry links of a page (`<a id="…" … data-moved>`): they stand for entries that are elsewhere. */
export function movedLinkIds(html: string): Set<string> {
  const link = new RegExp(`<a id="([^"]+)"[^>]*?\\s${MOVED_ATTRIBUTE}[\\s>=]`, 'g');
  return new Set([...html.matchAll(link)].map((match) => match[1] as string));
}

/** True when the HTML is a redirect page to an entry (an address with a fragment): an item's old page. */
export const redirectsToEntry = (html: string): boolean =>
  /<meta http-equiv="refresh" content="0; url=[^"#]*#/i.test(html);

/** True when the HTML is one of the redirect pages written for page aliases. */
export const isRedirectPage = (html: string): boolean => /<meta http-equiv="refresh"/i.test(html);

/**
 * The static page written at an old page path: a meta refresh (which CSP does not restrict), a canonical
 * link to the new page, a visible link for when neither refresh nor script runs, and a one-line script,
 * allowed by its hash in the page's own CSP, that carries the fragment over (`/old/#x` → `/new/#x`), unless
 * `to` has a fragment of its own (an item's old page sends every fragment to the item's entry).
 */
export function redirectPageHtml(options: { to: string; canonical: string; siteName: string }): string {
  // An address with a fragment (an item's page redirected to its entry) is the place itself: any
  // fragment of the old page lands on the entry. A page's address carries the fragment over.
  const carry = options.to.includes('#') ? '' : '+location.hash';
  const script = `location.replace(${JSON.stringify(options.to).replace(/</g, '\\u003c')}${carry})`;
  const hash = createHash('sha256').update(script).digest('base64');
  const to = escapeAttribute(options.to);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // As strict as every other page's policy: nothing by default, its one script by hash.
    `<meta http-equiv="content-security-policy" content="default-src 'none'; base-uri 'none'; form-action 'none'; script-src 'sha256-${hash}'; style-src 'self'">`,
    `<title>Moved to ${escapeText(options.to)} · ${escapeText(options.siteName)}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${escapeAttribute(options.canonical)}">`,
    `<meta http-equiv="refresh" content="0; url=${to}">`,
    `<script>${script}</script>`,
    '</head>',
    '<body>',
    '<h1>This page has moved</h1>',
    // The visible text shows the path, which is right on every host (the canonical link names the full address).
    `<p>Its new address is <a href="${to}">${escapeText(options.to)}</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

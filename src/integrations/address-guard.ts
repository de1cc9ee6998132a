import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAddressFiles, writeManifest } from '../data/addresses.ts';
import {
  ADDRESS_FILES,
  compareAddresses,
  describeMovedEntry,
  describeVanished,
  duplicateIds,
  formatAddress,
  aliasAnchor,
  elementAt,
  insertAliasAnchor,
  insertMovedLinks,
  isRedirectPage,
  listIds,
  manifestText,
  type MovedEntry,
  movedLinkIds,
  redirectsToEntry,
  parseAliases,
  parseManifest,
  redirectPageHtml,
  type Addresses,
  type Aliases,
} from '../lib/links/addresses.ts';
import { siteName } from '../lib/links/navigation.ts';
import { formatProblem, type Problem } from '../lib/content/problems.ts';
import { absoluteUrl, HOME_FAMILIES, withFragment, type HomeFamily } from '../lib/links/urls.ts';
import { FragmentMapBuilder, pageIds } from '../lib/links/fragment-map.ts';
import { listBuiltPages } from './built-pages.ts';
import { mapsFromGuard } from './fragment-map.ts';
import type { AfterBuildPass, PassLogger } from './pass.ts';

/** The environment variable `npm run addresses:update` sets to rewrite the manifest instead of checking it. */
export const UPDATE_VARIABLE = 'ADDRESSES_UPDATE';

/** Error thrown when the address check fails; its message says what vanished and how to fix it. */
export class AddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddressError';
  }
}

/** What one run of the guard did. */
export interface AddressReport {
  /** The addresses of the build, after aliases were applied. */
  current: Addresses;
  /** Published addresses the build does not have yet in the manifest (new pages and ids). */
  added: string[];
  /** Whether the manifest was rewritten. */
  updated: boolean;
  /** Whether there was no manifest to compare against. */
  noManifest: boolean;
}

/** Reads and checks the aliases file; throws with every problem, naming file, line and field. */
export function loadAliases(root: string): Aliases {
  const { aliases } = readAddressFiles(root);
  if (!aliases) return { fragments: [], pages: [] };
  const parsed = parseAliases(aliases.file, aliases.text);
  if (parsed.problems.length > 0) throw new AddressError(formatAliasProblems(parsed.problems));
  return parsed.aliases;
}

/**
 * The addresses of a built site: every page with its ids. A redirect page forwards the fragment, so an
 * old page's fragments live on as the ids of the page it redirects to; an item's old page, redirected to
 * its entry, sends them all there (they are its ids in `published`). Also lists ids a page repeats. `onPage`, when
 * given, is called with each page that is not a redirect page, in path order, with its own ids (pageIds), so
 * that the map of the pages' ids is made from this reading (the fragment-map pass).
 */
export function builtAddresses(
  distDir: string,
  aliases: Aliases,
  published: Addresses = {},
  onPage?: (path: string, html: string, own: readonly string[]) => void,
): { current: Addresses; duplicates: string[] } {
  const redirects = new Map(aliases.pages.map((alias) => [alias.from, alias.to]));
  const joined = new Map<string, string>();
  const current: Addresses = {};
  const duplicates: string[] = [];
  for (const page of listBuiltPages(distDir)) {
    if (redirects.has(page.path)) continue;
    const html = readFileSync(page.file, 'utf8');
    // Both kinds of redirect below are redirect pages: most pages are not, and are told so by one search.
    const redirect = isRedirectPage(html);
    if (redirect && redirectsToEntry(html)) {
      // An item's old page sends every fragment it had to the item's entry (keepHomes found it in its home).
      current[page.path] = [...(published[page.path] ?? [])];
      continue;
    }
    const to = redirect ? redirectTarget(html) : undefined;
    if (to !== undefined) {
      // A home's page the build no longer makes, redirected by keepHomes to the page its entries joined: it keeps
      // the fragments it had that land there (not all of that page's: the build may make it again).
      joined.set(page.path, to);
      continue;
    }
    const { all: ids, own } = pageIds(html);
    if (onPage !== undefined && !redirect) onPage(page.path, html, own);
    for (const id of duplicateIds(ids))
      duplicates.push(
        `  - ${page.path}: id "${id}" is used more than once; ids on a page must be unique (see src/lib/links/urls.ts)`,
      );
    // Joined and split again so the ids are strings of their own: a slice of the page's text would keep
    // the whole page in memory (V8 shares the text), and at 80,000 pages that ran the heap out.
    current[page.path] = ids.length === 0 ? [] : [...new Set(ids)].sort().join('\n').split('\n');
  }
  for (const [from, to] of redirects) current[from] = current[to] ?? [];
  for (const [from, to] of joined) {
    const there = new Set(current[to] ?? []);
    current[from] = (published[from] ?? []).filter((id) => there.has(id));
  }
  return { current, duplicates };
}

/**
 * The guard on a built site in `distDir`: writes alias anchors, moved-entry links (for a fragment that
 * moved to another page, unless the page already links its old id there) and redirect pages, then compares every
 * page and fragment id with the manifest. Fails, naming each address and how to fix it, when a published
 * address vanished, an alias cannot be applied, or a page repeats an id. With `update`, rewrites the manifest.
 */
export function guardAddresses(options: {
  root: string;
  distDir: string;
  site: string;
  update: boolean;
  /** Called with each page that is not a redirect page as the guard last reads it (see builtAddresses). */
  onPage?: (path: string, html: string, own: readonly string[]) => void;
}): AddressReport {
  const { root, distDir, site, update, onPage } = options;
  const aliases = loadAliases(root);
  const files = readAddressFiles(root);
  const problems: Problem[] = [];
  const pages = new Map(listBuiltPages(distDir).map((page) => [page.path, page.file]));

  for (const alias of aliases.pages) {
    const at = { file: ADDRESS_FILES.aliases, line: alias.line, field: 'to' };
    const existing = pages.get(alias.from);
    if (existing !== undefined && !isRedirectPage(readFileSync(existing, 'utf8'))) {
      problems.push({ ...at, field: 'from', message: `${alias.from} is a page of the site again; remove this alias` });
    } else if (!pages.has(alias.to)) {
      problems.push({
        ...at,
        message: `${alias.to} is not a page of the site; point the alias at the page that replaced ${alias.from}`,
      });
    } else {
      const folder = join(distDir, ...alias.from.split('/').filter(Boolean));
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        join(folder, 'index.html'),
        redirectPageHtml({ to: alias.to, canonical: absoluteUrl(alias.to, site), siteName }),
      );
    }
  }
  const edited = new Map<string, string>();
  const moved = new Map<string, MovedEntry[]>();
  const builtPlaces = homePlaces(pages);
  for (const alias of aliases.fragments) {
    const at = { file: ADDRESS_FILES.aliases, line: alias.line };
    const file = pages.get(alias.page);
    if (file === undefined) {
      problems.push({
        ...at,
        field: 'page',
        message: `${alias.page} is not a page of the site; give the page the fragment is on`,
      });
      continue;
    }
    const html = edited.get(file) ?? readFileSync(file, 'utf8');
    if (alias.toPage !== undefined && alias.toPage !== alias.page) {
      // Moved to another page: the old page keeps a link with the old id to the new place. If the entry has
      // since moved on within its home (the home split), the link follows it there.
      const targetFile = pages.get(alias.toPage);
      if (targetFile === undefined) {
        problems.push({
          ...at,
          field: 'toPage',
          message: `${alias.toPage} is not a page of the site; give the page the entry moved to`,
        });
        continue;
      }
      const onTarget = listIds(readFileSync(targetFile, 'utf8')).includes(alias.to);
      const toPage = onTarget ? alias.toPage : (builtPlaces.elsewhere(alias.toPage, alias.to) ?? alias.toPage);
      const href = withFragment(toPage, alias.to);
      if (!onTarget && toPage === alias.toPage) {
        problems.push({
          ...at,
          field: 'to',
          message: `no element on ${alias.toPage} has id "${alias.to}"; give the id the entry has there`,
        });
        continue;
      }
      const there = elementAt(html, alias.from);
      if (there.kind === 'moved' && there.href !== href) {
        problems.push({
          ...at,
          field: 'toPage',
          message: `${alias.page} links #${alias.from} to ${there.href}, but this alias moves it to ${href}; make them agree`,
        });
      } else if (there.kind === 'element') {
        problems.push({
          ...at,
          field: 'from',
          message: `${alias.page} has an element with id "${alias.from}" again; remove this alias`,
        });
      } else if (there.kind === 'none') {
        moved.set(file, [...(moved.get(file) ?? []), movedEntry(pages, alias.from, toPage, alias.to)]);
      }
      continue;
    }
    if (html.includes(aliasAnchor(alias.from, alias.to))) continue;
    if (listIds(html).includes(alias.from)) {
      problems.push({
        ...at,
        field: 'from',
        message: `${alias.page} has an element with id "${alias.from}" again; remove this alias`,
      });
      continue;
    }
    const result = insertAliasAnchor(html, alias.from, alias.to);
    if (result !== undefined) {
      edited.set(file, result);
      continue;
    }
    // The entry it stands for is on another page of the same home (the home split, or the entry joined it
    // elsewhere): the alias follows it. Its anchor goes on the entry there, so the old id is an id of the home
    // (an item's old page with that id redirects to it), and the page the alias names keeps a link with the
    // old id to the entry, as for any entry that moved.
    const movedTo = builtPlaces.elsewhere(alias.page, alias.to);
    const movedFile = movedTo === undefined ? undefined : pages.get(movedTo);
    if (movedTo !== undefined && movedFile !== undefined) {
      const there = edited.get(movedFile) ?? readFileSync(movedFile, 'utf8');
      const followed = there.includes(aliasAnchor(alias.from, alias.to))
        ? there
        : listIds(there).includes(alias.from)
          ? undefined
          : insertAliasAnchor(there, alias.from, alias.to);
      if (followed === undefined) {
        problems.push({
          ...at,
          field: 'from',
          message: `the entry "${alias.to}" is now on ${movedTo}, which has an element with id "${alias.from}" of its own; remove this alias or rename one of the two`,
        });
        continue;
      }
      edited.set(movedFile, followed);
      moved.set(file, [...(moved.get(file) ?? []), movedEntry(pages, alias.from, movedTo, alias.to)]);
      continue;
    }
    const family = HOME_FAMILIES.find((candidate) => candidate.isHome(alias.page));
    problems.push({
      ...at,
      field: 'to',
      message:
        family === undefined
          ? `no element on ${alias.page} has id "${alias.to}"; point the alias at the id that replaced "${alias.from}"`
          : `no element on ${alias.page} or on exactly one other page of ${family.name} has id "${alias.to}"; point the alias at the id of the entry that replaced "${alias.from}"`,
    });
  }
  for (const [file, links] of moved)
    edited.set(file, insertMovedLinks(edited.get(file) ?? readFileSync(file, 'utf8'), links));
  for (const [file, html] of edited) writeFileSync(file, html);
  if (problems.length > 0) throw new AddressError(formatAliasProblems(problems));

  const manifest = files.manifest ? parseManifest(files.manifest.file, files.manifest.text) : undefined;
  if (manifest && !manifest.addresses) throw new AddressError(formatAliasProblems(manifest.problems));
  const homes = keepHomes({ published: manifest?.addresses ?? {}, pages, distDir, site, aliases });
  if (homes.problems.length > 0) throw new AddressError(formatAliasProblems(homes.problems));

  const { current, duplicates } = builtAddresses(distDir, aliases, manifest?.addresses, onPage);
  if (duplicates.length > 0)
    throw new AddressError(
      ['Address check failed: a page repeats an id, so its links are ambiguous.', ...duplicates].join('\n'),
    );

  if (update) {
    writeManifest(root, manifestText(current));
    return { current, added: [], updated: true, noManifest: false };
  }
  if (!manifest?.addresses) return { current, added: [], updated: false, noManifest: true };
  const { vanished, added } = compareAddresses(manifest.addresses, current);
  if (vanished.length > 0)
    throw new AddressError(describeVanished(vanished, new Map(aliases.pages.map((alias) => [alias.from, alias.to]))));
  return { current, added: added.map(formatAddress), updated: false, noManifest: false };
}

/**
 * The moved-entry link for old id `from`: the entry `id` on page `path`, named as that page names it (what it
 * is, and the page's name), so the reader of the old page is told in words what moved and where.
 */
function movedEntry(pages: ReadonlyMap<string, string>, from: string, path: string, id: string): MovedEntry {
  const file = pages.get(path);
  const described = file === undefined ? {} : describeMovedEntry(readFileSync(file, 'utf8'), id);
  return { from, href: withFragment(path, id), ...described };
}

/**
 * Where the entries of each home are on a built site, read from its pages when first asked (only a
 * published address that needs it asks). Moved-entry links are left out: they stand for entries elsewhere.
 */
function homePlaces(pages: ReadonlyMap<string, string>): {
  /** Each id on the pages of a home, with the pages that have it. */
  placesOf(family: HomeFamily): Map<string, string[]>;
  /** The ids of a page, moved-entry links left out. */
  pageIds(path: string): Set<string>;
  /** The one other page of the home of `path` that has `id`, if exactly one has it. */
  elsewhere(path: string, id: string): string | undefined;
} {
  const places = new Map<HomeFamily, Map<string, string[]>>();
  const idsOf = new Map<string, Set<string>>();
  const pageIds = (path: string): Set<string> => {
    let ids = idsOf.get(path);
    if (!ids) {
      const html = readFileSync(pages.get(path) as string, 'utf8');
      const moved = movedLinkIds(html);
      ids = new Set(listIds(html).filter((id) => !moved.has(id)));
      idsOf.set(path, ids);
    }
    return ids;
  };
  const placesOf = (family: HomeFamily): Map<string, string[]> => {
    let map = places.get(family);
    if (!map) {
      map = new Map();
      for (const path of pages.keys()) {
        if (!family.isHome(path)) continue;
        for (const id of pageIds(path)) map.set(id, [...(map.get(id) ?? []), path]);
      }
      places.set(family, map);
    }
    return map;
  };
  const elsewhere = (path: string, id: string): string | undefined => {
    const family = HOME_FAMILIES.find((candidate) => candidate.isHome(path));
    const others = family === undefined ? [] : (placesOf(family).get(id) ?? []).filter((other) => other !== path);
    return others.length === 1 ? others[0] : undefined;
  };
  return { placesOf, pageIds, elsewhere };
}

/**
 * Items live in homes (HOME_FAMILIES in src/lib/links/urls.ts), and the guard keeps their published
 * addresses without a hand edit: a published page an item had of its own (`/events/<id>/`) that the build
 * no longer makes becomes a redirect page to the item's entry in its home, found by its id; a published
 * fragment of a home's page whose entry is now on another page of the same home (the home split, or an
 * entry placed before it moved it on) becomes a moved-entry link on the old page to the entry's new
 * place. An entry is found only when exactly one page of its home has its id (moved-entry links aside).
 * Returns a problem for each item not found.
 */
export function keepHomes(options: {
  published: Addresses;
  pages: ReadonlyMap<string, string>;
  distDir: string;
  site: string;
  aliases: Aliases;
}): { problems: Problem[] } {
  const { published, pages, distDir, site, aliases } = options;
  const problems: Problem[] = [];
  const aliased = new Set(aliases.pages.map((alias) => alias.from));
  const { placesOf, elsewhere } = homePlaces(pages);
  const moved = new Map<string, MovedEntry[]>();
  for (const path of Object.keys(published).sort()) {
    if (aliased.has(path)) continue;
    if (!pages.has(path)) {
      for (const family of HOME_FAMILIES) {
        const id = family.itemOf?.(path);
        if (id === undefined) continue;
        const homes = placesOf(family).get(id) ?? [];
        if (homes.length !== 1) {
          problems.push({
            file: ADDRESS_FILES.manifest,
            field: path,
            message:
              homes.length === 0
                ? `${path} was an item's page and now redirects to its entry, but none of ${family.name} has an entry with id "${id}"; give the entry its id back, or keep it with an alias on its page: - { page: /its/home/page/, from: ${id}, to: its-new-id }`
                : `${path} was an item's page and now redirects to its entry, but ${homes.join(' and ')} all have id "${id}"; an entry's id must be on one page of ${family.name}`,
          });
          break;
        }
        const to = withFragment(homes[0] as string, id);
        const folder = join(distDir, ...path.split('/').filter(Boolean));
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, 'index.html'), redirectPageHtml({ to, canonical: absoluteUrl(to, site), siteName }));
        break;
      }
      const joined = joinedPage(path, published[path] ?? [], placesOf);
      if (joined !== undefined) {
        // A page of a home the build no longer makes (its entries put together on fewer pages, as the log's
        // pages when a day is no longer cut into parts): a redirect to the page that holds its entries now,
        // carrying the fragment. It stops as soon as the build makes the page again.
        const folder = join(distDir, ...path.split('/').filter(Boolean));
        mkdirSync(folder, { recursive: true });
        writeFileSync(
          join(folder, 'index.html'),
          redirectPageHtml({ to: joined, canonical: absoluteUrl(joined, site), siteName }),
        );
      }
      continue;
    }
    if (!HOME_FAMILIES.some((family) => family.isHome(path))) continue;
    const present = new Set(listIds(readFileSync(pages.get(path) as string, 'utf8')));
    for (const id of published[path] ?? []) {
      if (present.has(id)) continue;
      const there = elsewhere(path, id);
      if (there !== undefined) moved.set(path, [...(moved.get(path) ?? []), movedEntry(pages, id, there, id)]);
    }
  }
  for (const [path, links] of moved) {
    const file = pages.get(path) as string;
    writeFileSync(file, insertMovedLinks(readFileSync(file, 'utf8'), links));
  }
  return { problems };
}

/**
 * The page of the same home that now holds the entries a page of a home had, when the build no longer makes that
 * page: the one page holding most of its published ids that are on exactly one page of the home (ids every page
 * has, such as main, say nothing). Undefined for a path that is no home's page or whose entries are nowhere.
 */
function joinedPage(
  path: string,
  ids: readonly string[],
  placesOf: (family: HomeFamily) => Map<string, string[]>,
): string | undefined {
  const family = HOME_FAMILIES.find((candidate) => candidate.isHome(path));
  if (family === undefined) return undefined;
  const places = placesOf(family);
  const votes = new Map<string, number>();
  for (const id of ids) {
    const holders = places.get(id) ?? [];
    if (holders.length === 1) votes.set(holders[0]!, (votes.get(holders[0]!) ?? 0) + 1);
  }
  return [...votes.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0];
}

/** Where a page redirect written by keepHomes for a home's page leads (a page, no fragment), or undefined. */
function redirectTarget(html: string): string | undefined {
  return /<meta http-equiv="refresh" content="0; url=([^"#]+)">/i.exec(html)?.[1];
}

function formatAliasProblems(problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [
    `Address check failed: ${count}. Fix the file named on each line, then build again.`,
    ...problems.map((problem) => `  - ${formatProblem(problem)}`),
  ].join('\n');
}

function report(result: AddressReport, logger: PassLogger): void {
  const pages = Object.keys(result.current).length;
  const fragments = Object.values(result.current).reduce((sum, ids) => sum + ids.length, 0);
  if (result.updated)
    logger.info(`${ADDRESS_FILES.manifest} rewritten: ${pages} pages, ${fragments} fragment ids. Commit it.`);
  else if (result.noManifest)
    logger.warn(`no ${ADDRESS_FILES.manifest} to check against; run \`${ADDRESS_FILES.updateCommand}\` to create it`);
  else if (result.added.length > 0) {
    const shown = result.added.slice(0, 10).join(', ');
    logger.warn(
      `${result.added.length === 1 ? '1 new address is' : `${result.added.length} new addresses are`} not in ${ADDRESS_FILES.manifest} yet (${shown}${result.added.length > 10 ? ', …' : ''}); run \`${ADDRESS_FILES.updateCommand}\` and commit it so they are kept too`,
    );
  } else
    logger.info(`addresses checked: all ${pages} pages and ${fragments} fragment ids published so far are still there`);
}

/**
 * Keeps published addresses working: checks the aliases file before the build (so a mistake in it stops the
 * build at once); the pass after the pages (addressGuardPass) writes the alias anchors and redirect pages.
 */
export function addressGuard(): AstroIntegration {
  return {
    name: 'address-guard',
    hooks: {
      'astro:config:setup': ({ config }) => {
        loadAliases(fileURLToPath(config.root));
      },
    },
  };
}

/**
 * After the build, writes alias anchors and redirect pages and fails the build when a published page or
 * fragment id has vanished (guardAddresses); `npm run addresses:update` rewrites the manifest instead. Its last
 * listing of every page's ids, after its own changes, also makes the map of the pages' ids, left for the
 * fragment-map pass that follows (mapsFromGuard), which then reads no page again.
 */
export const addressGuardPass: AfterBuildPass = {
  name: 'address-guard',
  run: (context, logger) => {
    const { root, distDir, site } = context;
    if (!existsSync(distDir)) return;
    const map = new FragmentMapBuilder();
    const update = process.env[UPDATE_VARIABLE] === '1';
    report(
      guardAddresses({ root, distDir, site, update, onPage: (path, html, own) => map.add(path, html, own) }),
      logger,
    );
    mapsFromGuard.set(context, map.map());
  },
};

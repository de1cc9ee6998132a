import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAddressFiles, writeManifest } from '../data/addresses.ts';
import { LOCAL_ORIGIN } from '../lib/links/site-origin.ts';
import {
  ADDRESS_FILES,
  compareAddresses,
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
  parseAliases,
  parseManifest,
  redirectPageHtml,
  type Addresses,
  type Aliases,
} from '../lib/links/addresses.ts';
import { siteName } from '../lib/links/navigation.ts';
import { formatProblem, type Problem } from '../lib/content/problems.ts';
import { absoluteUrl, withFragment } from '../lib/links/urls.ts';
import { listBuiltPages } from './built-pages.ts';

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
 * old page's fragments live on as the ids of the page it redirects to. Also lists ids a page repeats.
 */
export function builtAddresses(distDir: string, aliases: Aliases): { current: Addresses; duplicates: string[] } {
  const redirects = new Map(aliases.pages.map((alias) => [alias.from, alias.to]));
  const current: Addresses = {};
  const duplicates: string[] = [];
  for (const page of listBuiltPages(distDir)) {
    if (redirects.has(page.path)) continue;
    const ids = listIds(readFileSync(page.file, 'utf8'));
    for (const id of duplicateIds(ids))
      duplicates.push(
        `  - ${page.path}: id "${id}" is used more than once; ids on a page must be unique (see src/lib/links/urls.ts)`,
      );
    // Joined and split again so the ids are strings of their own: a slice of the page's text would keep
    // the whole page in memory (V8 shares the text), and at 80,000 pages that ran the heap out.
    current[page.path] = ids.length === 0 ? [] : [...new Set(ids)].sort().join('\n').split('\n');
  }
  for (const [from, to] of redirects) current[from] = current[to] ?? [];
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
}): AddressReport {
  const { root, distDir, site, update } = options;
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
  const moved = new Map<string, { from: string; href: string }[]>();
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
      // Moved to another page: the old page keeps a link with the old id to the new place.
      const href = withFragment(alias.toPage, alias.to);
      const targetFile = pages.get(alias.toPage);
      if (targetFile === undefined) {
        problems.push({ ...at, field: 'toPage', message: `${alias.toPage} is not a page of the site; give the page the entry moved to` });
        continue;
      }
      if (!listIds(readFileSync(targetFile, 'utf8')).includes(alias.to)) {
        problems.push({ ...at, field: 'to', message: `no element on ${alias.toPage} has id "${alias.to}"; give the id the entry has there` });
        continue;
      }
      const there = elementAt(html, alias.from);
      if (there.kind === 'moved' && there.href !== href) {
        problems.push({ ...at, field: 'toPage', message: `${alias.page} links #${alias.from} to ${there.href}, but this alias moves it to ${href}; make them agree` });
      } else if (there.kind === 'element') {
        problems.push({ ...at, field: 'from', message: `${alias.page} has an element with id "${alias.from}" again; remove this alias` });
      } else if (there.kind === 'none') {
        moved.set(file, [...(moved.get(file) ?? []), { from: alias.from, href }]);
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
    if (result === undefined) {
      problems.push({
        ...at,
        field: 'to',
        message: `no element on ${alias.page} has id "${alias.to}"; point the alias at the id that replaced "${alias.from}"`,
      });
      continue;
    }
    edited.set(file, result);
  }
  for (const [file, links] of moved) edited.set(file, insertMovedLinks(edited.get(file) ?? readFileSync(file, 'utf8'), links));
  for (const [file, html] of edited) writeFileSync(file, html);
  if (problems.length > 0) throw new AddressError(formatAliasProblems(problems));

  const { current, duplicates } = builtAddresses(distDir, aliases);
  if (duplicates.length > 0)
    throw new AddressError(
      ['Address check failed: a page repeats an id, so its links are ambiguous.', ...duplicates].join('\n'),
    );

  if (update) {
    writeManifest(root, manifestText(current));
    return { current, added: [], updated: true, noManifest: false };
  }
  if (!files.manifest) return { current, added: [], updated: false, noManifest: true };
  const manifest = parseManifest(files.manifest.file, files.manifest.text);
  if (!manifest.addresses) throw new AddressError(formatAliasProblems(manifest.problems));
  const { vanished, added } = compareAddresses(manifest.addresses, current);
  if (vanished.length > 0)
    throw new AddressError(describeVanished(vanished, new Map(aliases.pages.map((alias) => [alias.from, alias.to]))));
  return { current, added: added.map(formatAddress), updated: false, noManifest: false };
}

function formatAliasProblems(problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [
    `Address check failed: ${count}. Fix the file named on each line, then build again.`,
    ...problems.map((problem) => `  - ${formatProblem(problem)}`),
  ].join('\n');
}

function report(result: AddressReport, logger: AstroIntegrationLogger): void {
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
 * Keeps published addresses working. Checks the aliases file before the build, and after it writes alias
 * anchors and redirect pages and fails the build when a published page or fragment id has vanished.
 */
export function addressGuard(): AstroIntegration {
  let root = '';
  let site = '';
  return {
    name: 'address-guard',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site ?? `${LOCAL_ORIGIN}/`;
        loadAliases(root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        if (!existsSync(distDir)) return;
        report(guardAddresses({ root, distDir, site, update: process.env[UPDATE_VARIABLE] === '1' }), logger);
      },
    },
  };
}

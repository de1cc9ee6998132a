/**
 * The search page's script (only /search/ loads it). Runs the reader's query against the Pagefind
 * index built from the site (src/integrations/search-index.ts), in the browser, with no server: the
 * page's form is a plain GET form, so a query in the address (?q=, as the header's form sends it) is
 * searched on arrival, and typing updates both the results and the address, so a search can be shared.
 * Each result names its kind and page in plain words ("Issue", "Comparison point", "Article paragraph") and
 * links to the blocks inside it that matched (paragraph, section, event, quotation), each named by kind too,
 * straight to their addresses. The analysis and the articles come before the corrections log; results show
 * 12 at a time, "More results" shows the next. The count is announced in a live region.
 */
// The bundle's address and the query's name come from the page (data-bundle, the input's name), which
// takes them from lib/links/urls.ts: importing it here would split a shared chunk off the site's inline script.

/** The parts of Pagefind's browser API used here. */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations: { balanced_score: number }[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; kind?: string };
  sub_results: PagefindSubResult[];
}
/** The options the site gives Pagefind, for the first section of the index and every section merged into it. */
interface SearchOptions {
  excerptLength?: number;
  ranking?: { pageLength?: number };
}
interface Pagefind {
  options(options: SearchOptions): Promise<void>;
  mergeIndex(indexPath: string, options: SearchOptions): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

/** Pages shown at a time, matched blocks shown per page, and results read at most (to rank the log last). */
const MAX_RESULTS = 12;
const MAX_BLOCKS = 4;
const MAX_READ = 120;

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
const announcer = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
// The kinds of page listed last (the corrections log): from lib/reading/search-kinds.ts, through the page.
const lastKinds: string[] = JSON.parse(list?.dataset['lastKinds'] ?? '[]');
/** KIND_SEPARATOR of lib/reading/search-kinds.ts, which imports urls.ts (see above); its unit test pins the value. */
const SEPARATOR = ' ¦ ';
const isLast = (data: PagefindResultData): boolean => lastKinds.includes(data.meta.kind ?? '');
const bundleUrl = form?.dataset['bundle'] ?? '';
const param = input?.name ?? 'q';

/** The words of a text, lower-cased (letters and digits). */
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Whether Pagefind found a word of the query in the result, not only a short word the query begins with: where
 * a word of the query is in no page, Pagefind falls back on the longest word of the index that it begins with,
 * so "xyzzy" matched every page with "post on X", "abracadabra" every page with "a". A result counts when one of
 * the words Pagefind marked in it begins as a word of the query does (its first three letters: a stemmed match,
 * "policy" for "policies", begins so too); one with nothing marked is kept.
 */
function matchesQuery(data: PagefindResultData, query: string[]): boolean {
  const marked = [data.excerpt, ...data.sub_results.map((sub) => sub.excerpt)].join(' ').match(/<mark>[^<]*<\/mark>/g);
  return !marked || wordsOf(marked.join(' ')).some((word) => query.some((term) => word.startsWith(term.slice(0, 3))));
}

/**
 * The address fragment the query names when its words are an id's ("maduro raid" for #maduro-raid): the note
 * for an address whose fragment names nothing on its page links here with the id's words, and the entry of
 * that id, on whichever page it is, is shown first.
 */
let wanted = '';
const isWanted = (sub: PagefindSubResult): boolean => sub.url.endsWith(wanted);
const named = (data: PagefindResultData): boolean => data.sub_results.some(isWanted);

let pagefind: Promise<Pagefind> | undefined;
let latest = 0;

/** Pagefind's excerpt as DOM: its text, with only the <mark> elements it adds around matched words. */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className !== '') created.className = className;
  created.append(...children);
  return created;
}

function link(href: string, text: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}

/** A kind label ("Issue") before a title, or nothing when the kind is not known. */
const kindLabel = (kind: string): (Node | string)[] => (kind === '' ? [] : [element('span', 'kind', kind), ' ']);

/** How well a block matches: the sum of Pagefind's scores of the words matched in it (a rare word counts more than "the"). */
const score = (sub: PagefindSubResult): number =>
  sub.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);

/**
 * One page's result: its kind and title, then the blocks that matched best, each named by kind and linked to
 * its own address. Pagefind gives a page's blocks in the page's order, and a block matches on any word of
 * the query: on a page of many entries (/sources/) the first few may match only on "the", so the best are
 * shown first (equal scores keep the page's order).
 */
function renderResult(data: PagefindResultData): HTMLLIElement {
  const blocks = data.sub_results
    .filter((sub) => sub.url.includes('#'))
    .sort((a, b) => Number(isWanted(b)) - Number(isWanted(a)) || score(b) - score(a))
    .slice(0, MAX_BLOCKS);
  const kind = data.meta.kind ?? '';
  const item = element(
    'li',
    'search-result',
    element('h2', '', ...kindLabel(kind), link(data.url, data.meta.title ?? data.url)),
  );
  if (blocks.length === 0) item.append(element('p', 'excerpt', ...excerptNodes(data.excerpt)));
  else
    item.append(
      element(
        'ul',
        'search-blocks',
        ...blocks.map((block) => {
          // "Event ¦ Petro takes office": the kind, then the name (blockTitle, lib/reading/search-kinds.ts).
          const [kind, name] = block.title.includes(SEPARATOR) ? block.title.split(SEPARATOR) : ['', block.title];
          return element(
            'li',
            '',
            ...kindLabel(kind ?? ''),
            link(block.url, name ?? ''),
            element('p', 'excerpt', ...excerptNodes(block.excerpt)),
          );
        }),
      ),
    );
  return item;
}

async function run(query: string): Promise<void> {
  if (!announcer || !list) return;
  const search = ++latest;
  const trimmed = query.trim();
  const address = new URL(location.href);
  if (trimmed === '') address.searchParams.delete(param);
  else address.searchParams.set(param, trimmed);
  history.replaceState(history.state, '', address);
  if (trimmed === '') {
    list.replaceChildren();
    if (more) more.hidden = true;
    announcer.textContent = '';
    return;
  }
  pagefind ??= import(/* @vite-ignore */ bundleUrl).then(async (module: Pagefind) => {
    // A long page (an article) is penalised less than by default (0.75): a match in an article's
    // paragraph should rank with the short analysis pages that cite it.
    const options: SearchOptions = { excerptLength: 22, ranking: { pageLength: 0.2 } };
    await module.options(options);
    // A large site's index is built in sections (src/integrations/search-index.ts): the others are listed
    // beside the first and merged into it.
    const base = new URL('./', new URL(bundleUrl, location.href));
    const listed = await fetch(new URL('sections.json', base));
    const sections = listed.ok ? ((await listed.json()) as string[]) : [];
    for (const section of sections) await module.mergeIndex(new URL(section, base).pathname, options);
    return module;
  });
  const { results } = await (await pagefind).search(trimmed);
  const terms = wordsOf(trimmed);
  const read = (await Promise.all(results.slice(0, MAX_READ).map((result) => result.data()))).filter((data) =>
    matchesQuery(data, terms),
  );
  if (search !== latest) return;
  wanted = `#${terms.join('-')}`;
  // Pagefind's order, with the corrections log after the analysis and the articles; first, the page with the
  // entry whose id the query's words spell.
  const ranked = [
    ...read.filter(named),
    ...read.filter((data) => !named(data) && !isLast(data)),
    ...read.filter((data) => !named(data) && isLast(data)),
  ];
  // Those past the ones read are counted as Pagefind counts them.
  const total = ranked.length + Math.max(0, results.length - MAX_READ);
  let shown = 0;
  const showMore = (): void => {
    list.append(...ranked.slice(shown, shown + MAX_RESULTS).map(renderResult));
    shown = Math.min(ranked.length, shown + MAX_RESULTS);
    if (more) {
      more.hidden = shown >= ranked.length;
      more.textContent = `More results (${ranked.length - shown} more)`;
    }
  };
  list.replaceChildren();
  showMore();
  if (more)
    more.onclick = () => {
      const next = shown;
      showMore();
      // Keyboard and screen-reader users continue at the first new result.
      list.children[next]?.querySelector('a')?.focus();
    };
  const count = total === 1 ? '1 page matches' : `${total} pages match`;
  announcer.textContent =
    total === 0
      ? `Nothing matches “${trimmed}”. Try another word, or browse the sections below.`
      : `${count} “${trimmed}”${ranked.length > MAX_RESULTS ? `; the ${MAX_RESULTS} best are shown first` : ''}.`;
}

if (form && input && announcer) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = (error: unknown): void => {
    announcer.textContent = 'The search could not be loaded. Browse the sections below instead.';
    console.warn(error);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value).catch(report);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value).catch(report), 250);
  });
  const initial = new URLSearchParams(location.search).get(param) ?? '';
  if (initial !== '') {
    input.value = initial;
    run(initial).catch(report);
  }
}

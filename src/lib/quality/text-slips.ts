import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** The kinds of slip the text check finds on a built page. */
export type TextSlipRule =
  | 'name-case'
  | 'link-spacing'
  | 'separator-spacing'
  | 'sentence-spacing'
  | 'count-agreement'
  | 'doubled-punctuation'
  | 'development-address'
  | 'cut-name';

/** One slip found on a page: which rule, what it found and the text around it. */
export interface TextSlip {
  /** The rule that found it. */
  rule: TextSlipRule;
  /** What is wrong, in words. */
  message: string;
  /** The text around the slip, as a reader meets it. */
  context: string;
}

/** What the check needs to know beyond the page. */
export interface TextCheckOptions {
  /** Names that must keep their own case wherever they appear (issue titles, people, outlets). */
  names: readonly string[];
  /**
   * Words that are proper nouns wherever they stand ("Venezuela", "Colombia"): a name that starts
   * with one may not lose its initial capital. Words written with a capital past their first letter or
   * with a full stop ("U.S.", "LA") count as proper anyway, as do the names' own capitalised words
   * after their first.
   */
  properWords?: Iterable<string>;
  /**
   * Classes of inline elements that the site's styles set apart with a space or a margin (a citation
   * badge, the "link to this" control): no space is needed in the text around them.
   */
  spacedClasses?: readonly string[];
}

/**
 * The site's inline elements that its styles space from the text around them (src/styles, Citations.astro),
 * and the timeline chart's marks (each a cell of its own in the chart's grid) and their dates (a line of
 * their own in the mark; TimelineChart.astro).
 */
export const SPACED_CLASSES: readonly string[] = ['citations', 'citation', 'link-to-this', 'tl-l', 'tl-d'];

// Elements whose content is not read as text on the page.
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math']);
// Elements that start a new line of text (their text never runs into their neighbours').
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'ul',
  'br',
  'input',
  'select',
  'textarea',
  'button',
  'label',
]);

/** Counted nouns the site writes after a number, singular → plural. */
export const COUNTED_NOUNS: Readonly<Record<string, string>> = {
  article: 'articles',
  change: 'changes',
  citation: 'citations',
  comparison: 'comparisons',
  correction: 'corrections',
  day: 'days',
  entry: 'entries',
  event: 'events',
  issue: 'issues',
  lane: 'lanes',
  month: 'months',
  outlet: 'outlets',
  page: 'pages',
  paragraph: 'paragraphs',
  part: 'parts',
  person: 'people',
  point: 'points',
  problem: 'problems',
  quotation: 'quotations',
  result: 'results',
  source: 'sources',
  statement: 'statements',
  week: 'weeks',
  word: 'words',
  year: 'years',
};

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** A run of text a reader reads as one line, with where each link in it starts and ends. */
interface TextRun {
  text: string;
  links: { start: number; end: number }[];
}

const classesOf = (element: Element): string[] => {
  const value: unknown = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
};

/**
 * Text shown as it once stood, slips included (a statement before its correction), is marked
 * `data-verbatim` and left out of the check.
 */
const isVerbatim = (element: Element): boolean => element.properties['dataVerbatim'] !== undefined;

const isHidden = (element: Element): boolean =>
  element.properties['hidden'] !== undefined &&
  element.properties['hidden'] !== false &&
  element.properties['hidden'] !== null;

/** The page's text as a reader meets it: one run per block, inline elements run together as rendered. */
function textRuns(tree: Root, spaced: ReadonlySet<string>): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun = { text: '', links: [] };
  const flush = (): void => {
    const trimmed = current.text.replace(/\s+/g, ' ');
    if (trimmed.trim() !== '') runs.push(current);
    current = { text: '', links: [] };
  };
  // Whitespace is collapsed as the browser does, so that offsets into the run stay true.
  const append = (value: string): void => {
    const collapsed = value.replace(/\s+/g, ' ');
    current.text += current.text.endsWith(' ') || current.text === '' ? collapsed.replace(/^ /, '') : collapsed;
  };
  const visit = (node: ElementContent | Root): void => {
    if (node.type === 'text') {
      append(node.value);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (NOT_TEXT.has(node.tagName) || isHidden(node) || isVerbatim(node)) return;
    }
    const block = node.type === 'element' && BLOCKS.has(node.tagName);
    const spacedOut = node.type === 'element' && classesOf(node).some((name) => spaced.has(name));
    if (block) flush();
    if (spacedOut) append(' ');
    const isLink = node.type === 'element' && node.tagName === 'a';
    const start = current.text.length;
    // The items of a navigation block (a pager, a list of parts) are read one by one, as laid out.
    const items = node.type === 'element' && node.tagName === 'nav';
    for (const child of node.children) {
      if (items && child.type === 'element') flush();
      visit(child as ElementContent);
      if (items && child.type === 'element') flush();
    }
    if (isLink && !spacedOut) current.links.push({ start, end: current.text.length });
    if (spacedOut) append(' ');
    if (block) flush();
  };
  visit(tree);
  flush();
  return runs.map((run) => ({ text: run.text.trimEnd(), links: run.links }));
}

const around = (text: string, start: number, end: number): string =>
  `${start > 30 ? '…' : ''}${text.slice(Math.max(0, start - 30), end + 30).trim()}${end + 30 < text.length ? '…' : ''}`;

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const WORD = /[\p{L}\p{N}]/u;

/** True when a word is a proper noun by its look: a capital past its first letter, or a full stop ("U.S.", "LA"). */
const looksProper = (word: string): boolean => /^.[^]*\p{Lu}/u.test(word) || /\p{Lu}.*\./u.test(word);

const bareWord = (word: string): string => word.replace(/[’']s$/u, '').replace(/[^\p{L}\p{N}.]/gu, '');

/** The words of a set of names that are proper nouns: those capitalised after a name's first word. */
function properWordsOf(names: readonly string[], extra: Iterable<string>): Set<string> {
  const proper = new Set([...extra].map(bareWord));
  for (const name of names) {
    name
      .split(/[\s–—-]+/u)
      .slice(1)
      .filter((word) => /^\p{Lu}/u.test(word))
      .forEach((word) => proper.add(bareWord(word)));
  }
  return proper;
}

/** Names written in another case than their own: "u.s. sanctions on petro" for "U.S. sanctions on Petro". */
function nameCaseSlips(run: string, names: readonly string[], proper: ReadonlySet<string>): TextSlip[] {
  const slips: TextSlip[] = [];
  for (const name of names) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of run.matchAll(pattern)) {
      const found = match[0];
      if (found === name) continue;
      // A title in sentence case may lose its first capital inside a sentence ("climate change"), unless its first word is a proper noun.
      const first = name.split(/\s+/)[0] ?? name;
      const lowerFirst = name.charAt(0).toLowerCase() + name.slice(1);
      if (found === lowerFirst && !looksProper(first) && !proper.has(bareWord(first))) continue;
      slips.push({
        rule: 'name-case',
        message: `the name “${name}” is written “${found}”: names keep their own case`,
        context: around(run, match.index, match.index + found.length),
      });
    }
  }
  return slips;
}

/** A link run into the text before or after it: "apart:drugs", "see<a>how</a>". */
function linkSpacingSlips(run: TextRun): TextSlip[] {
  const slips: TextSlip[] = [];
  for (const { start, end } of run.links) {
    if (end === start) continue;
    const before = run.text.charAt(start - 1);
    const first = run.text.charAt(start);
    const last = run.text.charAt(end - 1);
    const after = run.text.charAt(end);
    if (start > 0 && (WORD.test(before) || /[,;:]/.test(before)) && WORD.test(first)) {
      slips.push({
        rule: 'link-spacing',
        message: `no space before the link “${run.text.slice(start, end)}”`,
        context: around(run.text, start, end),
      });
    }
    if (WORD.test(after) && (WORD.test(last) || /[,;:.!?]/.test(last))) {
      slips.push({
        rule: 'link-spacing',
        message: `no space after the link “${run.text.slice(start, end)}”`,
        context: around(run.text, start, end),
      });
    }
  }
  return slips;
}

/** A separator dot without a space on each side: "Gustavo Petro· Its place". */
function separatorSlips(run: string): TextSlip[] {
  return [...run.matchAll(/\S·|·\S/gu)].map((match) => ({
    rule: 'separator-spacing' as const,
    message: 'a separator (·) needs a space on each side',
    context: around(run, match.index, match.index + match[0].length),
  }));
}

/** A sentence run into the next: "the page address.Page furniture" (a full stop after a lowercase word, then a capital). */
function sentenceSpacingSlips(run: string): TextSlip[] {
  return [...run.matchAll(/(?<=\p{Ll}{2})[.!?][)’”"]*\p{Lu}/gu)].map((match) => ({
    rule: 'sentence-spacing' as const,
    message: 'no space between two sentences',
    context: around(run, match.index, match.index + match[0].length),
  }));
}

/** A number and its noun that do not agree: "1 events", "one quotations", "3 point". */
function countSlips(run: string): TextSlip[] {
  const slips: TextSlip[] = [];
  const number = `(?<![\\p{L}\\p{N}¶.,:/-])(\\d+|${NUMBER_WORDS.join('|')})`;
  const nouns = Object.entries(COUNTED_NOUNS).flatMap(([singular, plural]) => [singular, plural]);
  const pattern = new RegExp(`${number} (${nouns.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}-])`, 'giu');
  for (const match of run.matchAll(pattern)) {
    const [found, count = '', noun = ''] = match;
    const one = count === '1' || count.toLowerCase() === 'one';
    const plural = Object.values(COUNTED_NOUNS).includes(noun.toLowerCase());
    if (one === plural) {
      slips.push({
        rule: 'count-agreement',
        message: `“${found}”: the number and its noun do not agree`,
        context: around(run, match.index, match.index + found.length),
      });
    }
  }
  return slips;
}

/**
 * Punctuation doubled: the same mark twice (",,", "..", not an ellipsis), a mark after a comma, colon
 * or semicolon, or a full stop after a sentence already ended inside a bracket or quotation ("address.).").
 * A full stop after a capital ("U.S.,") ends an abbreviation, not a sentence.
 */
function punctuationSlips(run: string): TextSlip[] {
  const pattern =
    /([,;:])\1|(?<![.…])\.\.(?!\.)|…\.|[,;:][.,;:]|(?<=[\p{Ll}\p{N}])[.!?][)\]’”"]*[.,;:](?![.\p{L}\p{N}])/gu;
  return [...run.matchAll(pattern)].map((match) => ({
    rule: 'doubled-punctuation' as const,
    message: `doubled punctuation “${match[0]}”`,
    context: around(run, match.index, match.index + match[0].length),
  }));
}

/** A development address in what a reader sees: "localhost:4321", "127.0.0.1". */
function developmentAddressSlips(run: string): TextSlip[] {
  return [...run.matchAll(/(?<![\p{L}\p{N}])(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?::\d+)?/giu)].map((match) => ({
    rule: 'development-address' as const,
    message: `a development address “${match[0]}” in the page's text`,
    context: around(run, match.index, match.index + match[0].length),
  }));
}

/** An accessible name, and whether an aria-label gave it (else it is a link's or button's own text, read with the page). */
interface AccessibleName {
  name: string;
  labelled: boolean;
}

/** The accessible names on a page: aria-label, else a link's or button's text (visually hidden text included). */
function accessibleNames(tree: Root): AccessibleName[] {
  const names: AccessibleName[] = [];
  const textOf = (node: ElementContent): string =>
    node.type === 'text'
      ? node.value
      : node.type === 'element' && !NOT_TEXT.has(node.tagName)
        ? node.children.map(textOf).join('')
        : '';
  const visit = (node: Root | ElementContent): void => {
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (NOT_TEXT.has(node.tagName)) return;
      const label = node.properties['ariaLabel'];
      if (typeof label === 'string' && label.trim() !== '') names.push({ name: label.trim(), labelled: true });
      else if (node.tagName === 'a' || node.tagName === 'button') {
        const text = node.children.map(textOf).join('').replace(/\s+/g, ' ').trim();
        if (text !== '') names.push({ name: text, labelled: false });
      }
    }
    node.children.forEach((child) => visit(child as ElementContent));
  };
  visit(tree);
  return names;
}

/**
 * Accessible names cut inside a word: "About this quotation: The United States sees itself as an
 * empi", where the page reads "…as an empire". A name is cut when its end (the words after its last
 * colon, or its last 30 characters) stands on the page with a letter straight after it: the name
 * stopped where the text it was cut from goes on inside a word.
 */
function cutNameSlips(names: readonly AccessibleName[], pageText: string): TextSlip[] {
  const slips: TextSlip[] = [];
  for (const { name } of names) {
    if (!/\p{L}$/u.test(name)) continue;
    const afterColon = name.slice(name.lastIndexOf(': ') + 1).trim();
    const end = (afterColon.length >= 12 ? afterColon.slice(-30) : name.slice(-30)).trimStart();
    const cut = new RegExp(`${escapeRegExp(end)}(\\p{L}+)`, 'u').exec(pageText);
    if (cut) {
      slips.push({
        rule: 'cut-name',
        message: `the accessible name stops inside a word: “…${end}” where the text reads “…${end}${cut[1]}”`,
        context: name,
      });
    }
  }
  return slips;
}

/** Every text slip on one page of the built site, by the rules of the text check (docs/quality.md). */
export function findTextSlips(html: string, options: TextCheckOptions): TextSlip[] {
  const tree = fromHtml(html);
  const runs = textRuns(tree, new Set(options.spacedClasses ?? SPACED_CLASSES));
  const proper = properWordsOf(options.names, options.properWords ?? []);
  const names = accessibleNames(tree);
  return [
    ...runs.flatMap((run) => [
      ...nameCaseSlips(run.text, options.names, proper),
      ...linkSpacingSlips(run),
      ...separatorSlips(run.text),
      ...sentenceSpacingSlips(run.text),
      ...countSlips(run.text),
      ...punctuationSlips(run.text),
      ...developmentAddressSlips(run.text),
    ]),
    // A link's own text is checked with the page's; a label only here.
    ...names.filter((name) => name.labelled).flatMap(({ name }) => developmentAddressSlips(name)),
    ...cutNameSlips(names, runs.map((run) => run.text).join('\n')),
  ];
}

/**
 * The words a body of prose treats as proper nouns: those it capitalises where no sentence starts
 * ("in Gaza", "energy, Venezuela"), without a possessive ending. Feed it the analysis, not headings.
 */
export function properWordsIn(texts: Iterable<string>): Set<string> {
  const proper = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/(?<=[^\s.!?:;—–(“"]\s+)\p{Lu}[\p{L}.’'-]*/gu)) proper.add(bareWord(match[0]));
  }
  return proper;
}

import { outletInText } from '../content/outlet-name.ts';
import { blockPlaces, type ArticleBlock } from '../content/article-blocks.ts';
import { frontMatterLabel } from '../content/front-matter-parts.ts';
import { siteName } from '../links/navigation.ts';
import type {
  Citation,
  Comparison,
  Correction,
  Event,
  Issue,
  Meeting,
  Outlet,
  Person,
  Quotation,
} from '../../schemas/index.ts';
import { citationPlaces, orderStatementCitations } from './citation-order.ts';
import { lastUpdated } from './last-updated.ts';
import { articlePages } from '../links/article-pages.ts';
import { paginateLog, type LogPage } from '../links/log-pages.ts';
import { orderNote, whenSpan, type Anchor } from './dates.ts';
import type { When } from '../../schemas/when.ts';
import { fileTimeline, type Filing } from './filing.ts';
import type { TimelinePart } from './timeline-parts.ts';
import { buildChronology, chronologyItems, chronologyKey, orderNotGiven, resolveAnchor } from './timeline.ts';
import {
  describeRelation,
  onlyInArticle,
  relationOf,
  type Relation,
  type RelationText,
} from './comparison-relation.ts';
import {
  INDEX_PAGE_SIZE,
  paginate,
  paginateByWeight,
  SOURCES_PAGE,
  SPEAKER_PAGE_QUOTATIONS,
  type IndexPage,
} from '../links/pagination.ts';
import {
  articlesPageUrl,
  articlesUrl,
  articleUrl,
  correctionsUrl,
  comparisonEntryUrl,
  correctionsPageUrl,
  entryId,
  correctionUrl,
  homeUrl,
  indexPageUrl,
  issuesUrl,
  issueUrl,
  meetingLineUrl,
  meetingUrl,
  paragraphUrl,
  peopleUrl,
  personUrl,
  quotationHomeUrl,
  quotationsUrl,
  sourcesOnlyInUrl,
  sourcesUrl,
  timelineEntryUrl,
  timelinePartUrl,
  timelineUrl,
  withFragment,
  type OccursAhead,
} from '../links/urls.ts';

/** What the index needs to know of an article. */
export interface IndexedArticle {
  /** Article id. */
  id: string;
  /** Its headline. */
  title: string;
  /** The texts its page shows above the body (headline, standfirst, byline, lead image, notes): its front matter's strings. */
  header?: readonly string[];
  /** Its outlet. */
  outlet: Outlet;
  /** Its blocks in order. */
  blocks: readonly ArticleBlock[];
  /** The day it was published ("2026-02-03"): an undated "after X" it reports falls by then (Anchor.by). */
  published?: string;
}

/** Everything the site shows, validated. */
export interface SiteContent {
  articles: readonly IndexedArticle[];
  outlets: readonly Outlet[];
  people: readonly Person[];
  issues: readonly Issue[];
  events: readonly Event[];
  quotations: readonly Quotation[];
  meeting: Meeting;
  comparisons: readonly Comparison[];
  /** The corrections and updates log, in any order (absent: an empty log). */
  corrections?: readonly Correction[];
}

/** A link back to something that cites a paragraph. */
export interface Backlink {
  /** What kind of item cites it. */
  kind: 'event' | 'issue' | 'person' | 'quotation' | 'meeting' | 'comparison';
  /** The item's label. */
  label: string;
  /** Where it is. */
  href: string;
}

/** A citation resolved for display: where it points and how to label it. */
export interface ResolvedCitation {
  /** The citation as written. */
  citation: Citation;
  /** Address of the paragraph (with a text fragment for cited words). */
  href: string;
  /** Short label: outlet and paragraph number ("LA Times ¶14"). */
  label: string;
  /** Full label for assistive technology and tooltips. */
  title: string;
}

/** Cross-links between every item of the site, computed once. */
/** The groups of /sources/, in order: points reported differently, by all alike, by some alike. */
export const SOURCES_GROUPS = ['differ', 'all', 'some'] as const;

/** One entry of /sources/: a point and the group it is listed under. */
export interface SourcesEntry {
  group: (typeof SOURCES_GROUPS)[number];
  comparison: Comparison;
}

export interface SiteIndex extends SiteContent {
  /** Events oldest first, in an order that meets every relation the sources give. */
  timeline: readonly Event[];
  /** The timeline's pages, by period, oldest first. */
  timelineParts: readonly TimelinePart[];
  /** The part of the timeline that lists an event. */
  timelinePartOf(eventId: string): TimelinePart;
  /** An event's address: its entry in the part of the timeline that lists it (its home). */
  eventHomeUrl(eventId: string): string;
  /** A quotation's address: its entry on its speaker's page (its home; the quotations pages link there). */
  quotationHomeUrl(quotation: Quotation): string;
  /** An event's place in the timeline, from 0 (looked up, not searched for: every event page asks). */
  timelinePosition(eventId: string): number;
  /** Every quotation in the same order as the timeline. */
  quotationsInOrder: readonly Quotation[];
  /** Of a list in timeline order, the items the sources do not place after the one before them ("order not given"). */
  orderNotGiven(kind: 'event' | 'quotation', ids: readonly string[]): ReadonlySet<string>;
  /** orderNotGiven over the whole timeline, worked out once (every part of the timeline asks for it). */
  timelineOrderNotGiven(): ReadonlySet<string>;
  /** What an event's line says where the sources do not give its order against the entry above it in the timeline, which may close the part before (orderNote); none where they do. */
  timelineOrderNote(eventId: string): string | undefined;
  /** Lookups by id. */
  personById: ReadonlyMap<string, Person>;
  issueById: ReadonlyMap<string, Issue>;
  eventById: ReadonlyMap<string, Event>;
  quotationById: ReadonlyMap<string, Quotation>;
  articleById: ReadonlyMap<string, IndexedArticle>;
  /** What cites each paragraph, keyed "article#paragraph". */
  citedBy: ReadonlyMap<string, readonly Backlink[]>;
  /** The dated event a relative date hangs on (undefined for dated whens). */
  anchorOf(when: When): Anchor | undefined;
  /** A part's events under the headings they are filed under (lib/analysis/filing.ts). */
  timelineFilings(partId: string): readonly Filing[];
  /** Resolves a citation to its address and label. */
  resolve(citation: Citation): ResolvedCitation;
  /**
   * Resolves a statement's citations to one chip per paragraph, in the site's one order (outlets in the site's
   * order, then paragraphs ascending: orderStatementCitations), whatever order the content cites them in:
   * several passages of one paragraph become one link whose text fragment highlights them all.
   */
  resolveStatement(citations: readonly Citation[]): ResolvedCitation[];
  /** Events that touch an issue, in timeline order. */
  eventsOfIssue(issueId: string): Event[];
  /** Quotations on an issue, in timeline order. */
  quotationsOfIssue(issueId: string): Quotation[];
  /** People involved in an issue: through its events, positions and quotations, by name. */
  peopleOfIssue(issueId: string): Person[];
  /** Comparison points on an issue. */
  comparisonsOfIssue(issueId: string): Comparison[];
  /** How a comparison point's accounts relate, among all the site's articles. */
  relationOf(comparison: Comparison): Relation;
  /** That relation in words, naming the outlets. */
  relationText(comparison: Comparison): RelationText;
  /** A comparison point's address: its entry in the full comparison (a page of /sources/ or an "only in" page), its home. */
  comparisonEntryUrl(comparison: Comparison): string;
  /** The articles an article is compared with, itself included, in the site's order (see comparedArticles). */
  comparedWith(articleId: string): readonly string[];
  /** The points only this article reports, among those it is compared with. */
  onlyIn(articleId: string): Comparison[];
  /** The pages of /sources/: every point more than one article reports, by group (differ, all, some). */
  sourcesPages(): readonly IndexPage<SourcesEntry>[];
  /** A person's quotations, in timeline order. */
  quotationsOf(personId: string): Quotation[];
  /**
   * A speaker's quotations in pages, oldest first (SPEAKER_PAGE_QUOTATIONS a page): the first on the speaker's
   * page, the others on its further pages; a quotation said later joins the last page. Always one page at least.
   */
  speakerPages(personId: string): readonly IndexPage<Quotation>[];
  /** Events a person took part in, in timeline order. */
  eventsOf(personId: string): Event[];
  /** Issues a person has a stated position on or events in, by title. */
  issuesOf(personId: string): Issue[];
  /** Quotations that belong to an event. */
  quotationsOfEvent(eventId: string): Quotation[];
  /** The log, newest first. */
  correctionLog: readonly Correction[];
  /** The log's pages, oldest first (lib/links/log-pages.ts): the homes of its entries. */
  correctionPages: readonly LogPage<Correction>[];
  /** A log entry's address in the log: its entry on the page of the log that holds it. */
  correctionHomeUrl(correctionId: string): string;
  /** What each page shows, by path, as entry references ("events/x", "events/*"). */
  pageContents: ReadonlyMap<string, ReadonlySet<string>>;
  /** The day a page was last updated (YYYY-MM-DD): the latest log entry touching what it shows, else the edition. */
  lastUpdatedOf(path: string): string | undefined;
  /** The address of an entry named in the log ("events/x"). */
  entryRefUrl(ref: string): string;
}

/** The key of a paragraph in the cited-by index. */
export const paragraphKey = (articleId: string, paragraphId: string): string => `${articleId}#${paragraphId}`;

/** The blocks of an article that the analysis cites, in the article's order, each with what cites it. */
export function citedBlocks<B extends { id: string }>(
  citedBy: SiteIndex['citedBy'],
  articleId: string,
  blocks: readonly B[],
): { block: B; backlinks: readonly Backlink[] }[] {
  return blocks.flatMap((block) => {
    const backlinks = citedBy.get(paragraphKey(articleId, block.id)) ?? [];
    return backlinks.length > 0 ? [{ block, backlinks }] : [];
  });
}

/** Builds every cross-link of the site from validated content (references were checked by the guard). */
export function buildSiteIndex(content: SiteContent): SiteIndex {
  const blockIndex = new Map(
    content.articles.flatMap((article, articleIndex) =>
      article.blocks.map((block, index): [string, number] => [
        `${article.id}#${block.id}`,
        articleIndex * 10_000 + index,
      ]),
    ),
  );
  const blockText = new Map(
    content.articles.flatMap((article) =>
      article.blocks.map((block): [string, string] => [`${article.id}#${block.id}`, block.text]),
    ),
  );
  const quotationOf = new Map(content.quotations.map((quotation) => [quotation.id, quotation]));
  const items = chronologyItems(content.events, content.quotations).map((item) => {
    const quotation = item.kind === 'quotation' ? quotationOf.get(item.id) : undefined;
    if (!quotation) return item;
    // Quotations nothing else orders keep the order of the text: article, paragraph, place in it.
    const key = `${quotation.source.article}#${quotation.source.paragraph}`;
    return {
      ...item,
      sequence: (blockIndex.get(key) ?? 0) * 10_000 + Math.max(0, (blockText.get(key) ?? '').indexOf(quotation.text)),
    };
  });
  const { chronology } = buildChronology(items);
  const eventByKey = new Map(content.events.map((event) => [chronologyKey('event', event.id), event]));
  const quotationByKey = new Map(
    content.quotations.map((quotation) => [chronologyKey('quotation', quotation.id), quotation]),
  );
  const timeline = chronology.order.flatMap((key) => eventByKey.get(key) ?? []);
  const timelinePositions = new Map(timeline.map((event, at) => [event.id, at]));
  const quotationsInOrder = chronology.order.flatMap((key) => quotationByKey.get(key) ?? []);
  const quotationPlace = new Map(quotationsInOrder.map((quotation, index) => [quotation.id, index]));
  // Which page of its speaker's quotations each quotation is on: its home (a home that grows at its end).
  const speakerPageOf = new Map<string, number>();
  const quotedSoFar = new Map<string, number>();
  for (const quotation of quotationsInOrder) {
    const before = quotedSoFar.get(quotation.speaker) ?? 0;
    speakerPageOf.set(quotation.id, Math.floor(before / SPEAKER_PAGE_QUOTATIONS) + 1);
    quotedSoFar.set(quotation.speaker, before + 1);
  }
  const quotationHome = (quotation: Pick<Quotation, 'id' | 'speaker'>): string =>
    quotationHomeUrl(quotation.speaker, quotation.id, speakerPageOf.get(quotation.id) ?? 1);
  const personById = new Map(content.people.map((person) => [person.id, person]));
  const issueById = new Map(content.issues.map((issue) => [issue.id, issue]));
  const eventById = new Map(content.events.map((event) => [event.id, event]));
  const quotationById = new Map(content.quotations.map((quotation) => [quotation.id, quotation]));
  const articleById = new Map(content.articles.map((article) => [article.id, article]));
  const articleIds = content.articles.map((article) => article.id);
  // The article page's text ahead of a cited passage (its headline, standfirst, the blocks before the
  // paragraph and the paragraph up to the passage): a text fragment's range must not start in it.
  const textBefore = (articleId: string, paragraphId: string, passage: string): string => {
    const article = articleById.get(articleId);
    if (!article) return '';
    const at = article.blocks.findIndex((block) => block.id === paragraphId);
    const own = article.blocks[at]?.text ?? '';
    // A part of the header (not a block) is ahead of every block: the whole article counts as before it.
    const earlier = at < 0 ? article.blocks : article.blocks.slice(0, at);
    return [
      siteName,
      article.title,
      ...(article.header ?? []),
      ...earlier.map((block) => block.text),
      at < 0 ? passage : own.slice(0, Math.max(0, own.indexOf(passage))),
    ].join(' ');
  };
  // What textBefore writes out, kept once an article: its page's text lowercased, with where each block starts
  // in it. A citation's text fragment asks whether words occur ahead of the passage (textDirective), and every
  // page that shows the citation asked again of a text joined and lowercased anew (4 s of a 1,000-article build's
  // profile). The text ahead of a passage is a beginning of this text, and whether words occur in that beginning
  // is where they first occur in the whole, so it is answered the same. Not kept where lowercasing the whole is
  // not lowercasing each beginning: a character whose lowercase is longer ("İ"), or a capital sigma (its
  // lowercase depends on what follows it); nor for a passage of the header, whose text ahead is not a beginning.
  const lowercaseTexts = new Map<string, { text: string; starts: readonly number[] } | null>();
  const lowercaseTextOf = (article: IndexedArticle): { text: string; starts: readonly number[] } | null =>
    remember(lowercaseTexts, article.id, () => {
      const head = [siteName, article.title, ...(article.header ?? [])].join(' ');
      const starts: number[] = [];
      let length = head.length;
      for (const block of article.blocks) {
        starts.push(length + 1);
        length += 1 + block.text.length;
      }
      const whole = [head, ...article.blocks.map((block) => block.text)].join(' ');
      const text = whole.toLowerCase();
      return text.length === whole.length && !whole.includes('Σ') ? { text, starts } : null;
    });
  const textAhead = (articleId: string, paragraphId: string, passage: string): string | OccursAhead => {
    const article = articleById.get(articleId);
    const at = article?.blocks.findIndex((block) => block.id === paragraphId) ?? -1;
    const lowercase = article === undefined || at < 0 ? null : lowercaseTextOf(article);
    if (article === undefined || lowercase === null) return textBefore(articleId, paragraphId, passage);
    const own = article.blocks[at]?.text ?? '';
    const end = (lowercase.starts[at] as number) + Math.max(0, own.indexOf(passage));
    return (words) => {
      const found = lowercase.text.indexOf(words);
      return found !== -1 && found + words.length <= end;
    };
  };
  let timelineUnordered: Set<string> | undefined;
  // A point's relation and its wording are asked for by every page that shows the point (its page, the
  // sources index, the issue pages…); each is worked out once (relationOf is linear in the articles).
  const relations = new Map<Comparison, Relation>();
  const relationTexts = new Map<Comparison, RelationText>();
  const comparedWith = comparedArticles(articleIds, content.comparisons);
  const scopeOf = (comparison: Comparison): readonly string[] =>
    comparedWith.get(comparison.accounts[0]?.article ?? '') ?? articleIds;
  const relationOfPoint = (comparison: Comparison): Relation =>
    remember(relations, comparison, () => relationOf(comparison, scopeOf(comparison)));
  let onlyInMap: Map<string, Comparison[]> | undefined;
  const onlyInByArticle = (): Map<string, Comparison[]> => {
    if (onlyInMap) return onlyInMap;
    onlyInMap = new Map();
    for (const comparison of content.comparisons) {
      const only = onlyInArticle(relationOfPoint(comparison));
      if (only !== undefined) onlyInMap.set(only, [...(onlyInMap.get(only) ?? []), comparison]);
    }
    return onlyInMap;
  };
  let sourcesPagesList: IndexPage<SourcesEntry>[] | undefined;
  const articleRank = new Map(articleIds.map((id, at) => [id, at]));
  // When a point joined the comparison: the second of its articles, in the site's order (by date), to be
  // published; a point is compared from then on. A new article's points join after every earlier point.
  const joinedAt = (comparison: Comparison): number => {
    const ranks = [...new Set(comparison.accounts.map((account) => articleRank.get(account.article) ?? 0))].sort(
      (a, b) => a - b,
    );
    return ranks[1] ?? ranks[0] ?? 0;
  };
  const sourcesPages = (): IndexPage<SourcesEntry>[] => {
    // A home: its points in the order they joined, so a new point takes the end of the last page and no
    // earlier page changes; points that joined together (with the same article), those that differ first (as
    // they weigh more), then by id. Not by group: a point reported alike by all becomes one reported by some
    // when a later article of its story is silent on it, and it keeps its place (its page shows the group).
    const weightClass = (entry: SourcesEntry): number => (entry.group === 'differ' ? 0 : 1);
    sourcesPagesList ??= paginateByWeight(
      content.comparisons
        .filter((comparison) => onlyInArticle(relationOfPoint(comparison)) === undefined)
        .map((comparison) => ({
          entry: { group: relationOfPoint(comparison).kind, comparison },
          joined: joinedAt(comparison),
        }))
        .sort(
          (a, b) =>
            a.joined - b.joined ||
            weightClass(a.entry) - weightClass(b.entry) ||
            a.entry.comparison.id.localeCompare(b.entry.comparison.id),
        )
        .map(({ entry }) => entry),
      SOURCES_PAGE.capacity,
      (entry) => (entry.group === 'differ' ? SOURCES_PAGE.full : SOURCES_PAGE.brief),
    );
    return sourcesPagesList;
  };
  let sourcesPageMap: Map<string, number> | undefined;
  const sourcesPageOf = (): Map<string, number> => {
    sourcesPageMap ??= new Map(
      sourcesPages().flatMap((page) => page.items.map((entry) => [entry.comparison.id, page.number] as const)),
    );
    return sourcesPageMap;
  };

  // An undated "after X" happened by the day the first article that reports it was published (Anchor.by): its
  // date line, its heading and its arrow on the chart end there.
  const publishedDay = new Map(
    content.articles.flatMap((article) =>
      article.published === undefined
        ? []
        : [[article.id, whenSpan({ date: article.published, precision: 'day' }).first] as const],
    ),
  );
  const reportedBy = new Map(
    content.events.flatMap((event) => {
      const days = event.citations.flatMap((citation) => publishedDay.get(citation.article) ?? []);
      return days.length === 0 ? [] : [[event.when, Math.min(...days)] as const];
    }),
  );
  const anchorOf = (when: When): Anchor | undefined => {
    const anchor = resolveAnchor(when, eventById);
    const by = reportedBy.get(when);
    return anchor?.relation === 'after' && by !== undefined && by >= whenSpan(anchor.when).first
      ? { ...anchor, by }
      : anchor;
  };
  // Each part's events filed under headings no more precise than their dates (lib/analysis/filing.ts).
  const filings = new Map<string, Filing[]>();
  const timelineParts: TimelinePart[] = fileTimeline(timeline, eventById, content.meeting.event, anchorOf).map(
    ({ filings: filed, ...part }) => {
      filings.set(part.id, filed);
      return part;
    },
  );
  const partOf = new Map(timelineParts.flatMap((part) => part.events.map((event) => [event.id, part] as const)));

  const eventHomeUrl = (eventId: string): string => {
    const part = partOf.get(eventId);
    if (!part) throw new Error(`timeline: no event "${eventId}" (an event id from content/events/ was expected)`);
    return timelineEntryUrl(part.id, eventId);
  };
  // Asked for by every backlink, entry key and page that shows the point; comparisonEntryUrl works the relation
  // out again each time (linear in the articles compared): once a point.
  const comparisonHomes = new Map<Comparison, string>();
  const comparisonHomeUrl = (comparison: Comparison): string =>
    remember(comparisonHomes, comparison, () =>
      comparisonEntryUrl(comparison, scopeOf(comparison), sourcesPageOf().get(comparison.id)),
    );

  const placesOf = new Map(content.articles.map((article) => [article.id, blockPlaces(article.blocks)]));
  // Where each citable part stands in the site's one order: a statement's chips follow it (citation-order.ts).
  const citationPlace = citationPlaces(content.articles);

  const citedBy = new Map<string, Backlink[]>();
  const addBacklinks = (citations: readonly Citation[], link: Backlink): void => {
    for (const citation of citations) {
      const key = paragraphKey(citation.article, citation.paragraph);
      const list = citedBy.get(key) ?? [];
      if (!list.some((existing) => existing.href === link.href)) list.push(link);
      citedBy.set(key, list);
    }
  };
  for (const event of timeline) {
    addBacklinks([...event.citations, ...(event.discrepancy?.citations ?? [])], {
      kind: 'event',
      label: event.title,
      href: eventHomeUrl(event.id),
    });
  }
  for (const issue of content.issues) {
    const citations = [
      ...issue.summary.flatMap((statement) => statement.citations),
      ...issue.positions.flatMap((position) => position.statements.flatMap((statement) => statement.citations)),
      ...issue.unresolved.flatMap((statement) => statement.citations),
    ];
    addBacklinks(citations, { kind: 'issue', label: issue.title, href: issueUrl(issue.id) });
  }
  for (const person of content.people)
    addBacklinks(person.citations, { kind: 'person', label: person.name, href: personUrl(person.id) });
  for (const quotation of content.quotations) {
    const speaker = personById.get(quotation.speaker)?.name ?? quotation.speaker;
    addBacklinks([quotation.source], {
      kind: 'quotation',
      label: `${speaker}: “${truncate(quotation.text, 60)}”`,
      href: quotationHome(quotation),
    });
  }
  for (const line of [...content.meeting.facts, ...content.meeting.sections.flatMap((section) => section.lines)]) {
    addBacklinks(line.citations, {
      kind: 'meeting',
      // The cited-by list names the kind ("Meeting") once per group: the label is the line alone.
      label: line.label ?? truncate(line.text, 60),
      href: meetingLineUrl(line.id),
    });
  }
  for (const comparison of content.comparisons) {
    const quoted = comparison.accounts.flatMap((account) =>
      (account.quoted ?? []).map((words) => ({
        article: account.article,
        paragraph: words.paragraph,
        words: words.words,
      })),
    );
    addBacklinks([...comparison.accounts.flatMap((account) => account.citations), ...quoted], {
      kind: 'comparison',
      // Shown under the kind "Sources compared": the topic alone.
      label: comparison.topic,
      href: comparisonHomeUrl(comparison),
    });
  }

  const quotationOrder = (a: Quotation, b: Quotation): number =>
    (quotationPlace.get(a.id) ?? 0) - (quotationPlace.get(b.id) ?? 0);
  const correctionLog = [...(content.corrections ?? [])].sort(
    (a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id),
  );

  // What each page shows, for its "last updated" date: the entry itself and what it lists in full.
  const pageContents = new Map<string, Set<string>>();
  const page = (path: string, ...refs: string[]): void => {
    const set = pageContents.get(path) ?? new Set<string>();
    refs.forEach((ref) => set.add(ref));
    pageContents.set(path, set);
  };
  const meetingQuotations = [
    ...content.meeting.facts,
    ...content.meeting.sections.flatMap((section) => section.lines),
  ].flatMap((line) => line.quotations);
  page(homeUrl(), 'meeting/*', 'issues/*', ...timeline.slice(-5).map((event) => `events/${event.id}`));
  page(
    meetingUrl(),
    'meeting/*',
    `events/${content.meeting.event}`,
    ...meetingQuotations.map((id) => `quotations/${id}`),
  );
  page(timelineUrl(), 'events/*');
  for (const part of timelineParts) page(timelinePartUrl(part.id), ...part.events.map((event) => `events/${event.id}`));
  page(quotationsUrl(), 'quotations/*');
  page(issuesUrl(), 'issues/*');
  page(peopleUrl(), 'people/*');
  page(sourcesUrl(), 'comparisons/*');
  page(articlesUrl(), 'articles/*');
  // A page of the articles (oldest first, lib/links/article-pages.ts) shows its own articles.
  for (const articlePage of articlePages(content.articles))
    page(articlesPageUrl(articlePage.number), ...articlePage.items.map((article) => `articles/${article.id}`));
  page(
    correctionsUrl(),
    'events/*',
    'quotations/*',
    'issues/*',
    'people/*',
    'meeting/*',
    'comparisons/*',
    'outlets/*',
    'articles/*',
  );
  for (const correction of correctionLog) page(correctionUrl(correction.id), ...correction.affects);
  // A page of the log was last updated when its newest entry was published (what its entries touched may have
  // changed since, but that is on the later pages).
  const correctionPages = paginateLog(correctionLog);
  const correctionHome = new Map<string, string>();
  const logPageUpdated = new Map<string, string>();
  for (const logPage of correctionPages) {
    const newest = logPage.days[0];
    if (newest) logPageUpdated.set(correctionsPageUrl(logPage.number), newest.date);
    for (const day of logPage.days)
      for (const correction of day.items)
        correctionHome.set(correction.id, withFragment(correctionsPageUrl(logPage.number), entryId(correction.id)));
  }
  for (const article of content.articles) {
    page(articleUrl(article.id), `articles/${article.id}`);
  }
  for (const [article, points] of onlyInByArticle())
    page(sourcesOnlyInUrl(article), ...points.map((comparison) => `comparisons/${comparison.id}`));
  for (const quotation of content.quotations) {
    // An event's entry names its quotations; a quotation's entry names its event.
    if (quotation.event !== undefined) {
      page(timelinePartUrl(partOf.get(quotation.event)?.id ?? ''), `quotations/${quotation.id}`);
      page(quotationHome(quotation).split('#')[0] ?? '', `events/${quotation.event}`);
    }
  }
  // A further page of /sources/ shows its own points: a change to another point leaves its date as it was.
  for (const part of sourcesPages().slice(1))
    page(indexPageUrl(sourcesUrl(), part.number), ...part.items.map((entry) => `comparisons/${entry.comparison.id}`));
  for (const quotationsPage of paginate(quotationsInOrder, INDEX_PAGE_SIZE.quotations))
    page(
      indexPageUrl(quotationsUrl(), quotationsPage.number),
      ...quotationsPage.items.map((quotation) => `quotations/${quotation.id}`),
      ...quotationsPage.items.map((quotation) => `people/${quotation.speaker}`),
    );
  for (const issue of content.issues) {
    page(issueUrl(issue.id), `issues/${issue.id}`);
    for (const position of issue.positions) page(personUrl(position.who), `issues/${issue.id}`);
  }
  for (const person of content.people) page(personUrl(person.id), `people/${person.id}`);
  for (const event of content.events) {
    for (const issue of event.issues) page(issueUrl(issue), `events/${event.id}`);
    for (const person of [...event.people, ...(event.mentions ?? [])]) page(personUrl(person), `events/${event.id}`);
  }
  for (const quotation of content.quotations) {
    for (const issue of quotation.issues) page(issueUrl(issue), `quotations/${quotation.id}`);
    page(quotationHome(quotation).split('#')[0] ?? '', `quotations/${quotation.id}`);
  }
  for (const comparison of content.comparisons)
    for (const issue of comparison.issues) page(issueUrl(issue), `comparisons/${comparison.id}`);

  // Each lookup below is a list per id, built once here: pages ask them per item, and a scan of every
  // event or quotation per item would grow with the square of the content.
  const sortedQuotations = [...content.quotations].sort(quotationOrder);
  const group = <T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> => {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      for (const key of new Set(keysOf(item))) {
        const list = groups.get(key);
        if (list) list.push(item);
        else groups.set(key, [item]);
      }
    }
    return groups;
  };
  const eventsByIssue = group(timeline, (event) => event.issues);
  // A person's page lists the events they take part in and those that only name them.
  const eventsByPerson = group(timeline, (event) => [...event.people, ...(event.mentions ?? [])]);
  const quotationsByIssue = group(sortedQuotations, (quotation) => quotation.issues);
  const quotationsBySpeaker = group(sortedQuotations, (quotation) => [quotation.speaker]);
  const quotationsByEvent = group(sortedQuotations, (quotation) =>
    quotation.event === undefined ? [] : [quotation.event],
  );
  const comparisonsByIssue = group(content.comparisons, (comparison) => comparison.issues);
  const issuesByPositionHolder = group(content.issues, (issue) => issue.positions.map((position) => position.who));
  const listOf = <T>(groups: ReadonlyMap<string, T[]>, key: string): T[] => [...(groups.get(key) ?? [])];

  // A citation resolved to `href`, with its label and title (resolve, resolveStatement).
  const resolved = (citation: Citation, href: string): ResolvedCitation => {
    const article = articleById.get(citation.article);
    const outlet = article?.outlet;
    const short = outlet?.shortName ?? outlet?.name ?? citation.article;
    // A part of the front matter (headline, standfirst, date line) is named as such; a block of the body by its
    // number, a heading by its words, an embedded post as such (blockPlaces): never by its id.
    const part = frontMatterLabel(citation.paragraph);
    const place =
      part === undefined ? placesOf.get(citation.article)?.get(citation.paragraph) : { short: part, long: part };
    // "LA Times ¶7", "LA Times headline", "Clash Report § Heading"; "Clash Report, post on X".
    const label = place === undefined ? short : `${short}${place.short.startsWith('post ') ? ', ' : ' '}${place.short}`;
    return {
      citation,
      href,
      label,
      // The cited words travel in the link's text fragment; the tooltip names only the place, to keep pages light.
      title: `${outlet?.name ?? citation.article}${place === undefined ? '' : `, ${place.long}`}`,
    };
  };

  const index: SiteIndex = {
    ...content,
    timeline,
    timelineParts,
    eventHomeUrl,
    quotationHomeUrl: quotationHome,
    timelinePosition: (eventId) => timelinePositions.get(eventId) ?? -1,
    timelinePartOf(eventId) {
      const part = partOf.get(eventId);
      if (!part) throw new Error(`timeline: no event "${eventId}" (an event id from content/events/ was expected)`);
      return part;
    },
    quotationsInOrder,
    orderNotGiven: (kind, ids) => orderNotGiven(chronology, kind, ids),
    timelineOrderNotGiven: () =>
      (timelineUnordered ??= orderNotGiven(
        chronology,
        'event',
        timeline.map((event) => event.id),
      )),
    timelineOrderNote(eventId) {
      if (!this.timelineOrderNotGiven().has(eventId)) return undefined;
      const at = this.timelinePosition(eventId);
      return orderNote(timeline[at]?.when ?? { precision: 'relative' }, timeline[at - 1]?.when, 'entry');
    },
    personById,
    issueById,
    eventById,
    quotationById,
    articleById,
    citedBy,
    anchorOf,
    timelineFilings: (partId) => filings.get(partId) ?? [],
    resolveStatement(citations) {
      return orderStatementCitations(citations, citationPlace).map((group) => {
        const first = group[0]!;
        const words = [...new Set(group.flatMap((citation) => (citation.words === undefined ? [] : [citation.words])))];
        return resolved(
          first,
          paragraphUrl(first.article, first.paragraph, words, (passage) =>
            textAhead(first.article, first.paragraph, passage),
          ),
        );
      });
    },
    resolve(citation) {
      return resolved(
        citation,
        paragraphUrl(citation.article, citation.paragraph, citation.words, (passage) =>
          textAhead(citation.article, citation.paragraph, passage),
        ),
      );
    },
    eventsOfIssue: (issueId) => listOf(eventsByIssue, issueId),
    quotationsOfIssue: (issueId) => listOf(quotationsByIssue, issueId),
    peopleOfIssue(issueId) {
      const issue = issueById.get(issueId);
      const ids = new Set<string>([
        ...listOf(eventsByIssue, issueId).flatMap((event) => event.people),
        ...(issue?.positions.map((position) => position.who) ?? []),
        ...listOf(quotationsByIssue, issueId).map((quotation) => quotation.speaker),
      ]);
      return [...ids].flatMap((id) => personById.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    },
    comparisonsOfIssue: (issueId) => listOf(comparisonsByIssue, issueId),
    relationOf: relationOfPoint,
    relationText: (comparison) =>
      remember(relationTexts, comparison, () =>
        describeRelation(relationOfPoint(comparison), comparison.difference, (id) => {
          const outlet = articleById.get(id)?.outlet;
          return outlet === undefined ? id : outletInText(outlet);
        }),
      ),
    comparisonEntryUrl: comparisonHomeUrl,
    comparedWith: (articleId) => comparedWith.get(articleId) ?? [articleId],
    onlyIn: (articleId) => listOf(onlyInByArticle(), articleId),
    sourcesPages,
    quotationsOf: (personId) => listOf(quotationsBySpeaker, personId),
    speakerPages: (personId) => paginate(listOf(quotationsBySpeaker, personId), SPEAKER_PAGE_QUOTATIONS),
    eventsOf: (personId) => listOf(eventsByPerson, personId),
    issuesOf(personId) {
      const ids = new Set<string>([
        ...listOf(issuesByPositionHolder, personId).map((issue) => issue.id),
        ...listOf(eventsByPerson, personId).flatMap((event) => event.issues),
      ]);
      return [...ids].flatMap((id) => issueById.get(id) ?? []).sort((a, b) => a.title.localeCompare(b.title));
    },
    quotationsOfEvent: (eventId) => listOf(quotationsByEvent, eventId),
    correctionLog,
    correctionPages,
    correctionHomeUrl: (correctionId) => correctionHome.get(correctionId) ?? correctionsUrl(),
    pageContents,
    lastUpdatedOf: (path) => logPageUpdated.get(path) ?? lastUpdated(correctionLog, pageContents.get(path)),
    entryRefUrl(ref) {
      const [collection = '', id = ''] = ref.split('/');
      switch (collection) {
        case 'events':
          return eventById.has(id) ? eventHomeUrl(id) : timelineUrl();
        case 'quotations': {
          const quotation = quotationById.get(id);
          return quotation ? quotationHome(quotation) : quotationsUrl();
        }
        case 'issues':
          return issueUrl(id);
        case 'people':
          return personUrl(id);
        case 'meeting':
          return id === content.meeting.id ? meetingUrl() : meetingLineUrl(id);
        case 'comparisons': {
          const comparison = content.comparisons.find((point) => point.id === id);
          // A withdrawn point: its id on /sources/ is kept by an alias (content/addresses/aliases.yaml).
          return comparison ? comparisonHomeUrl(comparison) : withFragment(sourcesUrl(), id);
        }
        case 'articles':
          return articleUrl(id);
        default:
          return sourcesUrl();
      }
    },
  };
  return index;
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

/** The value cached for `key` in `cache`, worked out by `make` the first time. */
function remember<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * For each article, the articles it is compared with (itself included, in the site's order): those
 * linked to it through comparison points, a point's accounts linking its articles, and so on. These are
 * the articles that cover the same story, so a point that one of them does not report names it as
 * silent, and an article about another story is not named. (With every article compared with every
 * other, as in the first edition, it is every article.)
 */
function comparedArticles(
  articleIds: readonly string[],
  comparisons: readonly Comparison[],
): Map<string, readonly string[]> {
  const parent = new Map(articleIds.map((id) => [id, id]));
  const root = (id: string): string => {
    let at = id;
    while (parent.get(at) !== at && parent.has(at)) at = parent.get(at) as string;
    for (let step = id; step !== at;) {
      const next = parent.get(step) as string;
      parent.set(step, at);
      step = next;
    }
    return at;
  };
  for (const comparison of comparisons) {
    const [first, ...rest] = comparison.accounts.map((account) => account.article).filter((id) => parent.has(id));
    if (first === undefined) continue;
    for (const other of rest) parent.set(root(other), root(first));
  }
  const groups = new Map<string, string[]>();
  for (const id of articleIds) {
    const group = groups.get(root(id));
    if (group) group.push(id);
    else groups.set(root(id), [id]);
  }
  return new Map(articleIds.map((id) => [id, groups.get(root(id)) as string[]]));
}

import { stringify } from 'yaml';
import { MONTHS } from '../../../src/lib/analysis/dates.ts';
import { createRandom, type Random } from './prng.ts';
import {
  claim,
  headingText,
  headline,
  personName,
  PLACES,
  reportSentence,
  ROLES,
  slugify,
  THEMES,
  uniquePersonName,
} from './words.ts';

/** How many entries of each analysis collection the corpus has per article (today's content/ divided by its articles). */
export interface Proportions {
  events: number;
  issues: number;
  people: number;
  quotations: number;
  comparisons: number;
}

/** The comparison format to write: `n-source` (agree | differ, 1..N accounts) or `two-source` (both | only-one | differ). */
export type ComparisonForm = 'n-source' | 'two-source';

/**
 * Who and what a story is about. `news`: as in the news, a story most often continues a running one (a
 * topic), whose main actors and questions come back story after story, with a few newcomers; `per-article`:
 * every story brings its own people and issues in today's proportions per article, the worst case for the
 * site (the most people and issue pages). See NEWS_MODEL and docs/bench-build.md.
 */
export type CastModel = 'news' | 'per-article';

/**
 * The `news` model's proportions. Stories join running topics by preferential attachment (a topic is picked
 * in proportion to the stories it already has, so a few topics carry most of the coverage, as a few running
 * stories carry most of a newsroom's); a topic's first story brings people and issues in today's
 * proportions (the first edition is such a story: one meeting, its 11 people and 16 issues); each later
 * story of the topic brings back its main actors and some of the rest, and adds a newcomer or two and now
 * and then a new question.
 */
export const NEWS_MODEL = {
  /** Chance that a story starts a new topic rather than continuing one. */
  newTopic: 0.1,
  /** The first people of a topic, who come back in every story of it (its main actors). */
  mainActors: 3,
  /** Of the topic's other people, how many come back in a later story (at most). */
  returning: 3,
  /** New people a later story adds: from 0 to this many, evenly (1 on average). */
  newPeople: 2,
  /** Chance that a later story adds a new issue to its topic. */
  newIssue: 0.25,
} as const;

/** What to generate. */
export interface CorpusOptions {
  /** Seed of the pseudo-random generator: the same seed and options give the same files, byte for byte. */
  seed: number;
  /** Number of articles. */
  articles: number;
  /** Entries per article (see `proportionsOf`). */
  proportions: Proportions;
  /** Comparison format; default `n-source`. */
  comparisons?: ComparisonForm;
  /** Whether people and issues recur across stories; default `news` (see CastModel). */
  cast?: CastModel;
}

/** A generated tree: file paths relative to the project root (content/…) and their text, sorted by path. */
export interface Corpus {
  files: Map<string, string>;
  /** What was generated, by collection. */
  counts: Record<'articles' | 'outlets' | keyof Proportions | 'meeting', number>;
}

/** Today's proportions from the counts of a content tree: entries of each collection per article. */
export function proportionsOf(counts: Record<'articles' | keyof Proportions, number>): Proportions {
  const per = (value: number): number => value / Math.max(1, counts.articles);
  return {
    events: per(counts.events),
    issues: per(counts.issues),
    people: per(counts.people),
    quotations: per(counts.quotations),
    comparisons: per(counts.comparisons),
  };
}

const OUTLETS = [
  { id: 'harbour-gazette', name: 'The Harbour Gazette', shortName: 'Gazette', kind: 'A daily newspaper (synthetic)' },
  { id: 'southern-wire', name: 'Southern Wire', kind: 'A news agency (synthetic)' },
  { id: 'capital-ledger', name: 'The Capital Ledger', shortName: 'Ledger', kind: 'A weekly news magazine (synthetic)' },
  { id: 'coastline-news', name: 'Coastline News', kind: 'An online news outlet (synthetic)' },
  {
    id: 'evening-courier',
    name: 'The Evening Courier',
    shortName: 'Courier',
    kind: 'An evening newspaper (synthetic)',
  },
  { id: 'atlas-report', name: 'Atlas Report', kind: 'A geopolitics newsletter (synthetic)' },
] as const;

const START = Date.UTC(2023, 0, 2);
const DAY = 86_400_000;
/** Stories per YAML file, so no file grows without bound. */
const STORIES_PER_FILE = 100;

interface Block {
  id: string;
  kind: 'paragraph' | 'heading' | 'pullquote' | 'embed';
  text: string;
  /** Sentences without quotations, to cite words from. */
  plain: string[];
  attribution?: string;
}
interface GenArticle {
  id: string;
  title: string;
  outlet: (typeof OUTLETS)[number];
  date: string;
  blocks: Block[];
}
interface GenPerson {
  id: string;
  name: string;
  role: string;
}
interface GenQuote {
  speaker: GenPerson;
  text: string;
  article: GenArticle;
  block: Block;
}
type Citation = { article: string; paragraph: string; words?: string };

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);
const printedDate = (iso: string): string => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}, ${year}`;
};

/** Integer share of `total × ratio` for item `index` of `count`, so the shares add up to the rounded whole. */
const share = (ratio: number, before: number, size: number): number =>
  Math.round(ratio * (before + size)) - Math.round(ratio * before);

/** A running story: its place and themes, its people (main actors first) and its issues. */
interface Topic {
  place: string;
  themes: string[];
  people: GenPerson[];
  issueIds: string[];
  stories: number;
}

/** Generates a complete content/ tree (articles, outlets and every analysis collection) that passes the content checks. */
export function generateCorpus(options: CorpusOptions): Corpus {
  const random = createRandom(options.seed);
  const cast = options.cast ?? 'news';
  const topics: Topic[] = [];
  let storiesSoFar = 0;
  const form = options.comparisons ?? 'n-source';
  const { proportions } = options;
  const files = new Map<string, string>();
  const data: Record<'people' | 'issues' | 'events' | 'quotations' | 'comparisons', unknown[][]> = {
    people: [],
    issues: [],
    events: [],
    quotations: [],
    comparisons: [],
  };
  let meeting: unknown;
  let articleIndex = 0;
  let peopleSoFar = 0;
  for (let story = 0; articleIndex < options.articles; story += 1) {
    const size = Math.min(options.articles - articleIndex, random.int(2, 4));
    const chunk = Math.floor(story / STORIES_PER_FILE);
    // A running topic, picked in proportion to its stories so far, or a new one.
    let topic: Topic | undefined;
    if (cast === 'news' && topics.length > 0 && !random.chance(NEWS_MODEL.newTopic)) {
      let at = random.int(0, storiesSoFar - 1);
      topic = topics.find((candidate) => (at -= candidate.stories) < 0);
    }
    const generated = generateStory(random, {
      story,
      firstPerson: peopleSoFar,
      size,
      before: articleIndex,
      proportions,
      form,
      topic,
    });
    peopleSoFar += generated.people.length;
    if (topic === undefined) topics.push(generated.topic);
    (topic ?? generated.topic).stories += 1;
    storiesSoFar += 1;
    for (const article of generated.articles) {
      files.set(`content/articles/${article.id}.md`, article.markdown);
      // The content check wants each article's capture file to exist; a synthetic article has none of its own.
      files.set(`content/captures/synthetic-${article.id}.txt`, `${SYNTHETIC_CAPTURE}\n`);
    }
    for (const name of Object.keys(data) as (keyof typeof data)[]) {
      (data[name][chunk] ??= []).push(...generated[name]);
    }
    meeting ??= generated.meeting;
    articleIndex += size;
  }
  files.set(
    'content/outlets/outlets.yaml',
    yamlList(
      OUTLETS.map((outlet) => ({
        ...outlet,
        outside: {
          note: 'A synthetic outlet of a generated benchmark corpus.',
          source: 'scripts/generate-corpus.ts',
          url: 'https://example.org/',
        },
      })),
    ),
  );
  files.set('content/meeting/meeting.yaml', yamlList([meeting]));
  for (const [name, chunks] of Object.entries(data)) {
    chunks.forEach((entries, index) => {
      if (entries.length > 0)
        files.set(`content/${name}/part-${String(index + 1).padStart(3, '0')}.yaml`, yamlList(entries));
    });
  }
  const count = (name: keyof typeof data): number => data[name].reduce((sum, entries) => sum + entries.length, 0);
  return {
    files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    counts: {
      articles: options.articles,
      outlets: OUTLETS.length,
      people: count('people'),
      issues: count('issues'),
      events: count('events'),
      quotations: count('quotations'),
      comparisons: count('comparisons'),
      meeting: 1,
    },
  };
}

function yamlList(entries: unknown[]): string {
  return `# Generated by scripts/generate-corpus.ts: a synthetic benchmark corpus, not news.\n${stringify(entries, { lineWidth: 0 })}`;
}

interface StoryInput {
  story: number;
  /** How many people the stories before this one have. */
  firstPerson: number;
  size: number;
  before: number;
  proportions: Proportions;
  form: ComparisonForm;
  /** The running story this one continues (its people and issues come back); none for a new topic. */
  topic?: Topic | undefined;
}

function generateStory(random: Random, input: StoryInput) {
  const { story, size, before, proportions, topic } = input;
  const place = topic?.place ?? random.pick(PLACES);
  const themes = topic?.themes ?? random.sample(THEMES, 4);
  const theme = themes[0] as string;
  const prefix = `s${story + 1}`;
  const counts = {
    people: topic ? random.int(0, NEWS_MODEL.newPeople) : Math.max(1, share(proportions.people, before, size)),
    issues: topic ? (random.chance(NEWS_MODEL.newIssue) ? 1 : 0) : Math.max(1, share(proportions.issues, before, size)),
    events: Math.max(1, share(proportions.events, before, size)),
    quotations: share(proportions.quotations, before, size),
    comparisons: share(proportions.comparisons, before, size),
  };

  const newcomers: GenPerson[] = Array.from({ length: counts.people }, (_, index) => {
    const name = uniquePersonName(input.firstPerson + index);
    return { id: `${prefix}-${slugify(name)}-${index + 1}`, name, role: `${random.pick(ROLES)} of ${place}` };
  });
  // A continuing story: the topic's main actors, some of its other people, then the newcomers.
  const returning = topic
    ? [
        ...topic.people.slice(0, NEWS_MODEL.mainActors),
        ...random.sample(
          topic.people.slice(NEWS_MODEL.mainActors),
          Math.min(
            topic.people.length - Math.min(topic.people.length, NEWS_MODEL.mainActors),
            random.int(0, NEWS_MODEL.returning),
          ),
        ),
      ]
    : [];
  const people: GenPerson[] = [...returning, ...newcomers];
  const outlets = random.sample(OUTLETS, size);
  const quotes: GenQuote[] = [];
  let speakerTurn = 0;
  const articles: GenArticle[] = outlets.map((outlet, index) => {
    const title = headline(random, place, theme);
    const id = `${outlet.id}-${slugify(title).split('-').slice(0, 6).join('-')}-${before + index + 1}`;
    const article: GenArticle = { id, title, outlet, date: isoDate(START + (before + index) * DAY), blocks: [] };
    const quotaHere = share(proportions.quotations, before + index, 1);
    const total = random.int(10, 30);
    const pullquotes = Math.min(quotaHere, total > 24 ? 2 : total > 14 ? 1 : 0);
    const paragraphSlots: number[] = [];
    let quoteBudget = quotaHere - pullquotes;
    for (let position = 0; position < total; position += 1) {
      const kind: Block['kind'] =
        position > 2 && position % 7 === 3
          ? 'heading'
          : position === 5 && pullquotes > 0
            ? 'pullquote'
            : position === 19 && pullquotes > 1
              ? 'pullquote'
              : position === 8 && random.chance(0.3)
                ? 'embed'
                : 'paragraph';
      const blockId = `${kind === 'heading' ? 'h' : kind === 'pullquote' ? 'pq' : kind === 'embed' ? 'post' : 'p'}${position + 1}-${random.pick(themes)}`;
      if (kind === 'heading')
        article.blocks.push({ id: blockId, kind, text: headingText(random, place, random.pick(themes)), plain: [] });
      else if (kind === 'embed') article.blocks.push({ id: blockId, kind, text: '', plain: [] });
      else if (kind === 'pullquote') {
        const speaker = people[speakerTurn++ % people.length] as GenPerson;
        const block: Block = {
          id: blockId,
          kind,
          text: claim(random),
          plain: [],
          attribution: `${speaker.name}, ${speaker.role}`,
        };
        article.blocks.push(block);
        quotes.push({ speaker, text: block.text, article, block });
      } else {
        paragraphSlots.push(article.blocks.length);
        const plain = Array.from({ length: random.int(2, 4) }, () =>
          reportSentence(random, place, random.pick(themes)),
        );
        article.blocks.push({ id: blockId, kind, text: plain.join(' '), plain });
      }
    }
    // Spread the paragraph quotations over the paragraphs, one each and then a second where needed.
    for (let turn = 0; quoteBudget > 0 && paragraphSlots.length > 0; turn += 1) {
      const block = article.blocks[paragraphSlots[turn % paragraphSlots.length] as number] as Block;
      const speaker = people[speakerTurn++ % people.length] as GenPerson;
      const words = claim(random);
      block.text = `${block.text} ${speaker.name}, the ${speaker.role}, said, “${words}”`;
      quotes.push({ speaker, text: words, article, block });
      quoteBudget -= 1;
    }
    return article;
  });

  // Everyone is named in a paragraph, so each person can cite where the article names them.
  const namedIn = new Map<string, { article: GenArticle; block: Block }>();
  for (const quote of quotes)
    if (quote.block.kind === 'paragraph' && !namedIn.has(quote.speaker.id)) namedIn.set(quote.speaker.id, quote);
  for (const person of people) {
    if (namedIn.has(person.id)) continue;
    const article = random.pick(articles);
    const block = random.pick(article.blocks.filter((candidate) => candidate.kind === 'paragraph'));
    block.text = `${block.text} ${person.name}, the ${person.role}, declined to comment.`;
    namedIn.set(person.id, { article, block });
  }

  const cite = (within: readonly GenArticle[] = articles): Citation => {
    const article = random.pick(within);
    const block = random.pick(article.blocks.filter((candidate) => candidate.plain.length > 0));
    const words = random.pick(block.plain).split(' ');
    const length = Math.min(words.length, random.int(3, 7));
    const start = random.int(0, words.length - length);
    return { article: article.id, paragraph: block.id, words: words.slice(start, start + length).join(' ') };
  };
  const cites = (count: number, within?: readonly GenArticle[]): Citation[] =>
    Array.from({ length: count }, () => cite(within));
  const statement = (text: string, within?: readonly GenArticle[]) => ({
    text,
    citations: cites(random.int(1, 2), within),
  });

  const newIssueIds = Array.from(
    { length: counts.issues },
    (_, index) => `${prefix}-${themes[index % themes.length]}-${index + 1}`,
  );
  // What the story's events, quotations and points bear on: its topic's questions and any new one.
  const issueIds = [...(topic?.issueIds ?? []), ...newIssueIds];
  const firstDate = articles[0]?.date ?? isoDate(START);
  const eventIds: string[] = [];
  let previousDaysBefore = Number.POSITIVE_INFINITY;
  const events = Array.from({ length: counts.events }, (_, index) => {
    const id = `${prefix}-event-${index + 1}`;
    const daysBefore = random.int(0, 300);
    const date = isoDate(Date.parse(firstDate) - daysBefore * DAY);
    const precision = random.pick(['day', 'day', 'day', 'month', 'year'] as const);
    const when: Record<string, string> = {
      date: precision === 'day' ? date : precision === 'month' ? date.slice(0, 7) : date.slice(0, 4),
      precision,
    };
    // "After" only where the dates allow it: the content check refuses an event dated before the one it follows.
    if (index > 0 && random.chance(0.1) && daysBefore <= previousDaysBefore)
      when['after'] = eventIds[index - 1] as string;
    previousDaysBefore = daysBefore;
    eventIds.push(id);
    const entry: Record<string, unknown> = {
      id,
      title: `${random.pick(['Talks', 'A vote', 'A summit', 'A statement', 'A protest', 'A ruling', 'A visit'])} on ${random.pick(themes)} in ${place} (${index + 1})`,
      when,
      summary: `In our words, a step in the dispute over ${random.pick(themes)} in ${place}, as the articles report it.`,
      citations: cites(random.int(1, 3)),
      issues: random.sample(issueIds, random.int(1, 2)),
      people: random.sample(people, random.int(0, 2)).map((person) => person.id),
    };
    if (random.chance(0.1)) entry['discrepancy'] = statement('The sources give this step in different terms.');
    return entry;
  });

  const quotationIds: { id: string; speaker: string }[] = [];
  const quotations = quotes.map((quote, index) => {
    const id = `${prefix}-quote-${index + 1}`;
    quotationIds.push({ id, speaker: quote.speaker.id });
    const entry: Record<string, unknown> = {
      id,
      speaker: quote.speaker.id,
      text: quote.text,
      when: { date: quote.article.date, precision: 'day' },
      occasion: `speaking about ${random.pick(themes)} in ${place}`,
      source: { article: quote.article.id, paragraph: quote.block.id },
      issues: random.sample(issueIds, random.int(1, 2)),
    };
    if (random.chance(0.5)) {
      const event = random.pick(eventIds);
      entry['event'] = event;
      // A quotation made at an event is dated like it: the content check refuses a date outside the event's.
      const { date, precision } = (events.find((candidate) => candidate['id'] === event)?.['when'] ?? {}) as Record<
        string,
        string
      >;
      if (date !== undefined && precision !== undefined) entry['when'] = { date, precision };
    }
    return entry;
  });

  const issues = newIssueIds.map((id, index) => {
    const title = `${(themes[index % themes.length] as string).replace(/^./, (c) => c.toUpperCase())} in ${place}${index >= themes.length ? `, part ${Math.floor(index / themes.length) + 1}` : ''}`;
    const positions = random.sample(people, random.int(0, 2)).map((person) => ({
      who: person.id,
      statements: [statement(`In our words, where ${person.name} stands.`)],
      quotations: quotationIds
        .filter((quotation) => quotation.speaker === person.id)
        .slice(0, 2)
        .map((quotation) => quotation.id),
    }));
    return {
      id,
      title,
      description: `What the dispute over ${themes[index % themes.length]} in ${place} is about, in our words.`,
      summary: Array.from({ length: random.int(1, 3) }, () => statement('In our words, a point the articles make.')),
      positions,
      unresolved: random.chance(0.5) ? [statement('What remained open, in our words.')] : [],
    };
  });

  const personEntries = newcomers.map((person) => {
    const named = namedIn.get(person.id) as { article: GenArticle; block: Block };
    return {
      id: person.id,
      name: person.name,
      kind: 'person',
      role: `The ${person.role}, in our words.`,
      citations: [{ article: named.article.id, paragraph: named.block.id, words: person.name }],
      side: random.pick(['united-states', 'colombia', 'other'] as const),
    };
  });

  const comparisons = Array.from({ length: counts.comparisons }, (_, index) =>
    comparisonPoint(
      random,
      {
        id: `${prefix}-point-${index + 1}`,
        topic: `Point ${index + 1} on ${random.pick(themes)} in ${place}`,
        articles,
        issueIds,
        cite,
      },
      input.form,
    ),
  );

  const meeting = {
    id: `${prefix}-meeting`,
    title: `Leaders meet in ${place}`,
    description: `The one meeting of the synthetic corpus, in our words.`,
    when: { date: firstDate, precision: 'day' },
    event: eventIds[0],
    participants: people.slice(0, 2).map((person) => person.id),
    facts: [
      { id: 'fact-who', label: 'Who', text: 'The leaders named in the articles.', citations: cites(1) },
      { id: 'fact-where', label: 'Where', text: `In ${place}.`, citations: cites(1) },
    ],
    sections: [
      {
        id: 'agenda',
        heading: 'The agenda',
        lines: [{ id: 'agenda-main', text: 'What they discussed, in our words.', citations: cites(2) }],
      },
    ],
  };

  return {
    articles: articles.map((article) => ({ id: article.id, markdown: articleMarkdown(article, random, place, theme) })),
    people: personEntries,
    issues,
    events,
    quotations,
    comparisons,
    meeting,
    topic: {
      place,
      themes,
      people: [...(topic?.people ?? []), ...newcomers],
      issueIds: [...(topic?.issueIds ?? []), ...newIssueIds],
      stories: 0,
    } satisfies Topic,
  };
}

interface PointInput {
  id: string;
  topic: string;
  articles: readonly GenArticle[];
  issueIds: readonly string[];
  cite: (within?: readonly GenArticle[]) => Citation;
}

const DIFFERENCES = ['fact', 'figure', 'date', 'wording', 'framing', 'emphasis'] as const;

/** One comparison point over the story's articles, in the requested format. */
function comparisonPoint(random: Random, input: PointInput, form: ComparisonForm): Record<string, unknown> {
  const { id, topic, articles, issueIds, cite } = input;
  const differ = articles.length >= 2 && random.chance(0.4);
  const maxAccounts = form === 'two-source' ? Math.min(2, articles.length) : articles.length;
  const count = differ
    ? random.int(2, maxAccounts)
    : form === 'two-source'
      ? random.pick([1, maxAccounts])
      : random.int(1, maxAccounts);
  const reporting = random.sample(articles, count).sort((a, b) => articles.indexOf(a) - articles.indexOf(b));
  const withSides = form === 'n-source' && differ && random.chance(0.5);
  const difference = differ ? random.pick(DIFFERENCES) : undefined;
  // A difference in wording, a figure, a date or the framing is shown in each outlet's own words.
  const mustQuote =
    form === 'n-source' && difference !== undefined && ['wording', 'figure', 'date', 'framing'].includes(difference);
  const accounts = reporting.map((article, index) => {
    const account: Record<string, unknown> = {
      article: article.id,
      text: `What ${article.outlet.name} says, in our words.`,
    };
    if (withSides) account['side'] = index === 0 ? 'first' : index === 1 ? 'second' : random.pick(['first', 'second']);
    if (form === 'n-source' && (mustQuote || random.chance(0.3))) {
      const quoted = cite([article]);
      account['quoted'] = [{ paragraph: quoted.paragraph, words: quoted.words }];
    }
    account['citations'] = [cite([article])];
    return account;
  });
  const agreement = differ ? 'differ' : form === 'n-source' ? 'agree' : count === 1 ? 'only-one' : 'both';
  const point: Record<string, unknown> = { id, topic, agreement };
  if (difference !== undefined) point['difference'] = difference;
  point['summary'] = `How the outlets compare on this point, in our words.`;
  point['accounts'] = accounts;
  point['issues'] = random.sample(issueIds, 1);
  return point;
}

/** The text of every synthetic article's capture file: there is no capture, and the file says so. */
const SYNTHETIC_CAPTURE = 'A synthetic article generated by scripts/generate-corpus.ts; there is no capture.';

function articleMarkdown(article: GenArticle, random: Random, place: string, theme: string): string {
  const author = personName(random, random.int(0, 200));
  const front = {
    title: article.title,
    outlet: article.outlet.id,
    byline: { authors: [{ name: author, role: 'Staff Writer' }], contributors: [] },
    published: { date: article.date, precision: 'day', asPrinted: printedDate(article.date) },
    standfirst: reportSentence(random, place, theme),
    capture: {
      file: `synthetic-${article.id}.txt`,
      from: SYNTHETIC_CAPTURE,
    },
  };
  const body = article.blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `## ${block.text} {#${block.id}}`;
      case 'pullquote':
        return `:::pullquote{#${block.id} attribution="${block.attribution}"}\n${block.text}\n:::`;
      case 'embed':
        return `::embed{#${block.id} platform="X"}`;
      default:
        return `${block.text} {#${block.id}}`;
    }
  });
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${body.join('\n\n')}\n`;
}

import type { Citation } from '../../schemas/citation.ts';
import type { DataCollectionName } from '../../schemas/collections.ts';
import type { ContentModel, LoadedEntry } from './content-model.ts';
import type { Problem } from './problems.ts';
import { buildChronology, chronologyItems, chronologyKey, resolveAnchor, timelineOf } from '../analysis/timeline.ts';
import { formatDay, formatWhen, whenDatetime, whenSpan, type Span } from '../analysis/dates.ts';
import { fileTimeline, holds } from '../analysis/filing.ts';
import { INDEX_PAGE_SEGMENT, SOURCES_RESERVED_SEGMENT } from '../links/urls.ts';
import type { When } from '../../schemas/when.ts';
import { frontMatterPart } from './front-matter-parts.ts';
import { sectionIds } from '../links/urls.ts';

const { headline, standfirst, dateLine } = sectionIds.article;
// The front-matter parts a citation may name, for messages.
const FRONT_MATTER_IDS = `"${headline}", "${standfirst}" or "${dateLine}" for the headline, standfirst or date line as printed`;

/** Where a reference was made, for messages. */
interface Site {
  file: string;
  line: number;
  field: string;
}

/**
 * Checks every cross-reference: outlets, people, issues, events and quotations exist; every cited
 * article and paragraph exists; cited words and quotations appear word for word in their paragraph.
 */
export function checkIntegrity(model: ContentModel): Problem[] {
  const problems: Problem[] = [];
  const refer = (site: Site, collection: DataCollectionName | 'articles', id: string): void => {
    if (!model.knownIds[collection].has(id)) {
      problems.push({
        ...site,
        message: `unknown ${singular[collection]} id "${id}"; expected one of the ids in content/${collection}/`,
      });
    }
  };
  const cite = (site: Site, citation: Citation, quoted?: string): void => {
    const article = model.blocksByArticle.get(citation.article);
    if (!article) {
      if (!model.knownIds.articles.has(citation.article)) {
        problems.push({
          ...site,
          message: `cites unknown article "${citation.article}"; expected one of: ${[...model.knownIds.articles].join(', ')}`,
        });
      }
      return;
    }
    // A citation may also name a part of the front matter printed above the text (headline, standfirst, date line).
    const data = model.articles.get(citation.article)?.data;
    const block =
      article.blocks.find((candidate) => candidate.id === citation.paragraph) ??
      (data && frontMatterPart(data, citation.paragraph));
    if (!block) {
      problems.push({
        ...site,
        message: `cites paragraph "${citation.paragraph}", which does not exist in ${article.file}; expected the {#id} of one of its blocks, or ${FRONT_MATTER_IDS}`,
      });
      return;
    }
    const words = quoted ?? citation.words;
    if (words !== undefined && !block.text.includes(words)) {
      problems.push({
        ...site,
        message: `the words ${JSON.stringify(words)} do not appear word for word in paragraph "${block.id}" of ${article.file}; copy them exactly`,
      });
    }
  };
  const citeAll = (site: Site, citations: readonly Citation[]): void =>
    citations.forEach((citation, index) => cite({ ...site, field: `${site.field}[${index}]` }, citation));
  const at = (loaded: LoadedEntry<{ id: string }>, field: string): Site => ({
    file: loaded.file,
    line: loaded.line,
    field: `${loaded.entry.id}.${field}`,
  });

  const eventById = new Map(model.data.events.map(({ entry }) => [entry.id, entry]));
  const dated = (site: Site, when: When): void => {
    if (when.after !== undefined) refer({ ...site, field: `${site.field}.after` }, 'events', when.after);
    if (when.before !== undefined) refer({ ...site, field: `${site.field}.before` }, 'events', when.before);
    if (when.during !== undefined) refer({ ...site, field: `${site.field}.during` }, 'events', when.during);
    const target = when.before ?? when.after;
    if (
      when.precision === 'relative' &&
      target !== undefined &&
      eventById.has(target) &&
      !resolveAnchor(when, eventById)
    ) {
      problems.push({
        ...site,
        message: `a relative date must lead to a dated event through ${when.before !== undefined ? 'before' : 'after'} links in one direction; "${target}" does not`,
      });
    }
  };

  for (const article of model.articles.values()) {
    refer({ file: article.file, line: 1, field: 'outlet' }, 'outlets', article.data.outlet);
    if (!model.captures.has(article.data.capture.file)) {
      problems.push({
        file: article.file,
        field: 'capture.file',
        message: `the capture "${article.data.capture.file}" is not in content/captures/; add the raw capture there (npm run import copies it) or correct the file name`,
      });
    }
    if (article.id === INDEX_PAGE_SEGMENT) {
      problems.push({
        file: article.file,
        message: `the article id "${article.id}" is reserved for the pages of the index, /articles/${article.id}/2/…; rename the file`,
      });
    }
  }
  // The paginated indexes keep their further pages under /<index>/page/<n>/, so no item there may be called "page".
  for (const loaded of model.data.comparisons) {
    if (loaded.entry.id === INDEX_PAGE_SEGMENT) {
      problems.push({
        ...at(loaded, 'id'),
        message: `the id "${loaded.entry.id}" is reserved for the pages of the comparison, /sources/${loaded.entry.id}/2/…; choose another`,
      });
    }
  }
  // The corrections log keeps its pages at /corrections/page/<n>/, beside each entry's /corrections/<id>/.
  for (const loaded of model.data.corrections) {
    if (loaded.entry.id === INDEX_PAGE_SEGMENT) {
      problems.push({
        ...at(loaded, 'id'),
        message: `the id "${loaded.entry.id}" is reserved for the pages of the log, /corrections/${loaded.entry.id}/1/…; choose another`,
      });
    }
  }
  for (const collection of ['quotations', 'people', 'issues'] as const) {
    for (const loaded of model.data[collection]) {
      if (loaded.entry.id === INDEX_PAGE_SEGMENT) {
        problems.push({
          ...at(loaded, 'id'),
          message: `the id "${loaded.entry.id}" is reserved for the pages of the index, /${collection}/${loaded.entry.id}/2/…; choose another`,
        });
      }
    }
  }
  for (const loaded of model.data.people) citeAll(at(loaded, 'citations'), loaded.entry.citations);
  for (const loaded of model.data.events) {
    const { entry } = loaded;
    citeAll(at(loaded, 'citations'), entry.citations);
    entry.issues.forEach((id, index) => refer(at(loaded, `issues[${index}]`), 'issues', id));
    entry.people.forEach((id, index) => refer(at(loaded, `people[${index}]`), 'people', id));
    entry.mentions?.forEach((id, index) => {
      refer(at(loaded, `mentions[${index}]`), 'people', id);
      if (entry.people.includes(id))
        problems.push({
          ...at(loaded, `mentions[${index}]`),
          message: `"${id}" is both among its people and named only in passing; keep it in one of people or mentions`,
        });
    });
    dated(at(loaded, 'when'), entry.when);
    if (entry.discrepancy) citeAll(at(loaded, 'discrepancy.citations'), entry.discrepancy.citations);
  }
  for (const loaded of model.data.quotations) {
    const { entry } = loaded;
    refer(at(loaded, 'speaker'), 'people', entry.speaker);
    cite(at(loaded, 'text'), entry.source, entry.text);
    dated(at(loaded, 'when'), entry.when);
    entry.issues.forEach((id, index) => refer(at(loaded, `issues[${index}]`), 'issues', id));
    if (entry.event !== undefined) refer(at(loaded, 'event'), 'events', entry.event);
  }
  for (const loaded of model.data.issues) {
    const { entry } = loaded;
    entry.summary.forEach((statement, index) =>
      citeAll(at(loaded, `summary[${index}].citations`), statement.citations),
    );
    entry.unresolved.forEach((statement, index) =>
      citeAll(at(loaded, `unresolved[${index}].citations`), statement.citations),
    );
    entry.positions.forEach((position, index) => {
      refer(at(loaded, `positions[${index}].who`), 'people', position.who);
      position.statements.forEach((statement, inner) =>
        citeAll(at(loaded, `positions[${index}].statements[${inner}].citations`), statement.citations),
      );
      position.quotations.forEach((id, inner) =>
        refer(at(loaded, `positions[${index}].quotations[${inner}]`), 'quotations', id),
      );
    });
  }
  if (model.knownIds.meeting.size !== 1) {
    const files = [...new Set(model.data.meeting.map((loaded) => loaded.file))];
    problems.push({
      file: files.join(', ') || 'content/meeting/',
      message: `expected exactly one meeting entry in content/meeting/, found ${model.knownIds.meeting.size}; the site has one meeting page`,
    });
  }
  for (const loaded of model.data.meeting) {
    const { entry } = loaded;
    refer(at(loaded, 'event'), 'events', entry.event);
    entry.participants.forEach((id, index) => refer(at(loaded, `participants[${index}]`), 'people', id));
    const lineIds = new Set<string>();
    const lines = [
      ...entry.facts.map((line, index) => ({ line, field: `facts[${index}]` })),
      ...entry.sections.flatMap((section, index) =>
        section.lines.map((line, inner) => ({ line, field: `sections[${index}].lines[${inner}]` })),
      ),
    ];
    const sectionIds = entry.sections.map((section) => section.id);
    for (const { line, field } of lines) {
      if (lineIds.has(line.id) || sectionIds.includes(line.id)) {
        problems.push({
          ...at(loaded, `${field}.id`),
          message: `duplicate id "${line.id}" on the meeting page; ids must be unique`,
        });
      }
      lineIds.add(line.id);
      citeAll(at(loaded, `${field}.citations`), line.citations);
      line.quotations.forEach((id, index) => refer(at(loaded, `${field}.quotations[${index}]`), 'quotations', id));
    }
  }
  for (const loaded of model.data.comparisons) {
    const { entry } = loaded;
    if (entry.id === SOURCES_RESERVED_SEGMENT) {
      problems.push({
        ...at(loaded, 'id'),
        message: `the id "${entry.id}" is reserved for the address /sources/${entry.id}/…; choose another`,
      });
    }
    entry.issues.forEach((id, index) => refer(at(loaded, `issues[${index}]`), 'issues', id));
    const seen = new Set<string>();
    entry.accounts.forEach((account, index) => {
      const site = at(loaded, `accounts[${index}]`);
      if (!model.knownIds.articles.has(account.article)) {
        problems.push({
          ...site,
          field: `${site.field}.article`,
          message: `unknown article "${account.article}"; expected one of: ${[...model.knownIds.articles].join(', ')}`,
        });
        return;
      }
      if (seen.has(account.article)) {
        problems.push({
          ...site,
          field: `${site.field}.article`,
          message: `a second account from article "${account.article}"; give one account per article`,
        });
      }
      seen.add(account.article);
      account.citations.forEach((citation, inner) => {
        if (citation.article !== account.article) {
          problems.push({
            ...site,
            field: `${site.field}.citations[${inner}]`,
            message: `cites article "${citation.article}" inside the account of "${account.article}"; cite the account's own article`,
          });
        } else cite({ ...site, field: `${site.field}.citations[${inner}]` }, citation);
      });
      account.quoted?.forEach((quoted, inner) =>
        cite(
          { ...site, field: `${site.field}.quoted[${inner}]` },
          { article: account.article, paragraph: quoted.paragraph },
          quoted.words,
        ),
      );
    });
  }
  for (const loaded of model.data.corrections) {
    const { entry } = loaded;
    citeAll(at(loaded, 'sources'), entry.sources);
    entry.affects.forEach((ref, index) => {
      const [collection = '', id = ''] = ref.split('/');
      if (collection === 'meeting') {
        const meeting = model.data.meeting.map(({ entry: value }) => value);
        const ids = new Set(
          meeting.flatMap((value) => [
            value.id,
            ...value.facts.map((line) => line.id),
            ...value.sections.flatMap((section) => [section.id, ...section.lines.map((line) => line.id)]),
          ]),
        );
        if (!ids.has(id))
          problems.push({
            ...at(loaded, `affects[${index}]`),
            message: `unknown meeting entry "${id}"; expected the meeting's id or the id of one of its sections or lines in content/meeting/`,
          });
      } else refer(at(loaded, `affects[${index}]`), collection as DataCollectionName | 'articles', id);
    });
  }
  problems.push(...checkOrder(model));
  if (problems.length === 0) problems.push(...checkFiling(model));
  return problems;
}

/** Words in an entry's `wording` that say the sources give it no date. */
const NO_DATE_WORDING = /\b(no date given|date not given|not dated|gives? no date)\b/i;

/**
 * No heading or datetime claims more than an entry's date (issue 18): refuses an entry whose wording says
 * the sources give no date while it is dated to a day, week, month or season (the timeline would file it
 * under that period) without an outside source; a quotation dated more precisely than the bounds of the
 * undated event it belongs to; and, as the pages file them (lib/analysis/filing.ts), any event whose
 * heading or `<time datetime>` names a period that does not hold every day it could fall on.
 */
export function checkFiling(model: ContentModel): Problem[] {
  const problems: Problem[] = [];
  const events = model.data.events.map(({ entry }) => entry);
  const eventById = new Map(events.map((event) => [event.id, event]));
  // The events' own order: a quotation must not narrow the bounds of the event it is checked against.
  const { chronology } = buildChronology(chronologyItems(events, []));
  const between = (span: Span): string =>
    !Number.isFinite(span.last)
      ? Number.isFinite(span.first)
        ? `after ${formatDay(span.first)}`
        : 'no event bounds it'
      : `${Number.isFinite(span.first) ? `between ${formatDay(span.first)} and ` : 'before '}${formatDay(span.last)}`;
  // The days the entries it follows and precedes leave it: what dates an entry the sources do not date.
  const spanOf = (id: string | undefined): Span | undefined =>
    id === undefined || !eventById.has(id) ? undefined : chronology.span(chronologyKey('event', id));
  for (const loaded of [...model.data.events, ...model.data.quotations]) {
    const { when } = loaded.entry;
    if (
      when.precision === 'relative' ||
      when.precision === 'year' ||
      when.outside !== undefined ||
      !NO_DATE_WORDING.test(when.wording ?? '')
    )
      continue;
    const bounds = {
      first: spanOf(when.after ?? when.during)?.first ?? -Infinity,
      last: spanOf(when.before ?? when.during)?.last ?? Infinity,
    };
    if (!holds(whenSpan(when), bounds)) {
      problems.push({
        file: loaded.file,
        line: loaded.line,
        field: `${loaded.entry.id}.when`,
        message: `its wording says the sources give no date (${JSON.stringify(when.wording)}), but it is dated to the ${when.precision} (${formatWhen(when)}), which the events it follows and precedes do not give (${between(bounds)}): the timeline would file it under that ${when.precision}; give precision relative with after/before (shown as "date not given"), or the outside source that dates it (when.outside)`,
      });
    }
  }
  for (const loaded of model.data.quotations) {
    const quotation = loaded.entry;
    const event = quotation.event === undefined ? undefined : eventById.get(quotation.event);
    if (!event || event.when.precision !== 'relative' || quotation.when.precision === 'relative') continue;
    const bounds = chronology.span(chronologyKey('event', event.id));
    if (!holds(whenSpan(quotation.when), bounds)) {
      problems.push({
        file: loaded.file,
        line: loaded.line,
        field: `${quotation.id}.when`,
        message: `is dated ${formatWhen(quotation.when)}, more precisely than its event "${event.id}", which the sources do not date (${between(bounds)}): give it precision relative with the event's after/before, or a date that holds those bounds`,
      });
    }
  }
  // As the pages file them: a heading and a datetime never narrower than the entry's own date.
  const byId = new Map(model.data.events.map((loaded) => [loaded.entry.id, loaded]));
  for (const part of fileTimeline(timelineOf(chronology, events), eventById)) {
    for (const filing of part.filings) {
      for (const event of filing.events) {
        const loaded = byId.get(event.id);
        const own = event.when.precision === 'relative' ? undefined : whenSpan(event.when);
        const datetime = whenDatetime(event.when);
        const heading = filing.title;
        const claimed = filing.undated ? undefined : filing.span;
        if (
          loaded &&
          ((own && claimed && !holds(claimed, own)) ||
            (own === undefined && (datetime !== undefined || claimed !== undefined)))
        ) {
          problems.push({
            file: loaded.file,
            line: loaded.line,
            field: `${event.id}.when`,
            message: `would be filed under "${heading}"${datetime === undefined ? '' : ` with datetime ${datetime}`}, more precisely than its date (${formatWhen(event.when)}); expected a heading and datetime that hold every day it could fall on`,
          });
        }
      }
    }
  }
  return problems;
}

/**
 * The timeline's order must meet every relation the sources give: refuses a cycle of after/before
 * relations, a date that would list an entry before one it is recorded to follow, and a quotation
 * dated outside (or less precisely than) the event it belongs to.
 */
export function checkOrder(model: ContentModel): Problem[] {
  const { issues } = buildChronology(
    chronologyItems(
      model.data.events.map(({ entry }) => entry),
      model.data.quotations.map(({ entry }) => entry),
    ),
  );
  const where = new Map<string, LoadedEntry<{ id: string }>>([
    ...model.data.events.map((loaded) => [`event:${loaded.entry.id}`, loaded] as const),
    ...model.data.quotations.map((loaded) => [`quotation:${loaded.entry.id}`, loaded] as const),
  ]);
  return issues.flatMap((issue) => {
    const loaded = where.get(`${issue.kind}:${issue.id}`);
    return loaded
      ? [
          {
            file: loaded.file,
            line: loaded.line,
            field: `${issue.id}.${issue.field}`,
            message: `${issue.kind} "${issue.id}" ${issue.message}`,
          },
        ]
      : [];
  });
}

const singular: Record<DataCollectionName | 'articles', string> = {
  articles: 'article',
  outlets: 'outlet',
  people: 'person',
  issues: 'issue',
  events: 'event',
  quotations: 'quotation',
  meeting: 'meeting',
  comparisons: 'comparison',
  corrections: 'correction',
};

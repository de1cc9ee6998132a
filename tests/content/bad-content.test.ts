import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureRoot, messageFor, readFixture, withEdit } from '../helpers/content.ts';

// Each case makes one mistake in the valid fixture set and pins the message the build would print.
const ARTICLE = 'tests/fixtures/content-min/content/articles/sample-article.md';
const EVENTS = 'tests/fixtures/content-min/content/events/events.yaml';
const QUOTATIONS = 'tests/fixtures/content-min/content/quotations/quotations.yaml';
const PEOPLE = 'tests/fixtures/content-min/content/people/people.yaml';
const ISSUES = 'tests/fixtures/content-min/content/issues/issues.yaml';
const COMPARISONS = 'tests/fixtures/content-min/content/comparisons/comparisons.yaml';

const problemLines = (message: string): string[] => message.split('\n').slice(1).map((line) => line.replace(/^ {2}- /, ''));

describe('the fixture content set', () => {
  it('is valid, so each case below fails for its own mistake only', () => {
    expect(messageFor(readFixture())).toBe('');
  });
});

describe('bad article front matter stops the build, naming file, field and expectation', () => {
  it('missing required field', () => {
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace('title: A sample headline\n', '')));
    expect(message).toContain('Content check failed: 1 problem. Fix the file named on each line, then build again.');
    expect(problemLines(message)).toEqual([`${ARTICLE} › title: required field is missing (expected string)`]);
  });

  it('wrong type', () => {
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace('outlet: sample-outlet', 'outlet: 42')));
    expect(problemLines(message)).toEqual([`${ARTICLE} › outlet: Invalid input: expected string, received number`]);
  });

  it('impossible calendar date', () => {
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace('date: 2026-02-03', 'date: 2026-02-30')));
    expect(problemLines(message)).toEqual([
      `${ARTICLE} › published.date: expected a real calendar date written YYYY-MM-DD (for example 2026-02-03)`,
    ]);
  });

  it('unknown (misspelt) field', () => {
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace('title: A sample headline', 'title: A sample headline\ntitel: Oops')));
    expect(problemLines(message)).toEqual([
      `${ARTICLE} › : unknown field "titel"; check the spelling against the schema in src/schemas/`.replace(' › : ', ': '),
    ]);
  });

  it('malformed YAML front matter', () => {
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace('title: A sample headline', 'title: "A sample headline')));
    const lines = problemLines(message);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${ARTICLE}:\\d+: malformed YAML: `));
  });

  it('missing front matter', () => {
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace(/^---\n[\s\S]*?\n---\n/, '')));
    expect(problemLines(message)).toEqual([
      `${ARTICLE}:1: expected YAML front matter between two lines of "---" at the top of the file`,
    ]);
  });
});

describe('bad article bodies stop the build, naming file and line', () => {
  it('duplicate paragraph id', () => {
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace('{#no-deal}', '{#leaders-met}')));
    // Citations of the lost id "no-deal" are reported too, after the article's own problem.
    expect(problemLines(message).slice(0, 1)).toEqual([
      `${ARTICLE}:22: duplicate block id "leaders-met" (first used on line 18); every id in an article must be unique`,
    ]);
  });

  it('paragraph without an id', () => {
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace(' {#no-deal}', '')));
    expect(problemLines(message).slice(0, 1)).toEqual([
      `${ARTICLE}:22: block has no id; end the block with " {#some-id}" with a new, unique kebab-case id`,
    ]);
  });

  it('raw HTML or a script in the body', () => {
    const message = messageFor(withEdit(ARTICLE, (text) => `${text}\n<script>alert(1)</script>\n`));
    expect(problemLines(message)).toEqual([
      `${ARTICLE}:24: raw HTML is not allowed in an article body (found "<script>alert(1)</script>"); write plain text`,
    ]);
  });

  it('inline HTML with an event handler', () => {
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace('They did not', 'They <img src=x onerror=alert(1)> did not')));
    expect(problemLines(message)).toEqual([
      `${ARTICLE}:22: raw HTML is not allowed in an article body (found "<img src=x onerror=alert(1)>"); write plain text`,
    ]);
  });
});

describe('bad analysis content stops the build, naming file, entry and field', () => {
  it('duplicate id across entries', () => {
    const message = messageFor(
      withEdit(EVENTS, (text) => `${text}${text.replace('title: The meeting', 'title: The meeting again')}`),
    );
    expect(problemLines(message)).toEqual([
      `${EVENTS}:9 › [1] (id "the-meeting").id: duplicate id "the-meeting" in events: already used at ${EVENTS}:1; ids must be unique`,
    ]);
  });

  it('event with no citation', () => {
    const message = messageFor(withEdit(EVENTS, (text) => text.replace(/  citations:\n.*\n/, '  citations: []\n')));
    expect(problemLines(message)).toEqual([
      `${EVENTS}:1 › [0] (id "the-meeting").citations: expected at least one citation ({ article, paragraph }): every statement must cite its source`,
    ]);
  });

  it('citation of a missing article', () => {
    const message = messageFor(withEdit(EVENTS, (text) => text.replace('article: sample-article', 'article: no-such-article')));
    expect(problemLines(message)).toEqual([
      `${EVENTS}:1 › the-meeting.citations[0]: cites unknown article "no-such-article"; expected one of: sample-article, second-article`,
    ]);
  });

  it('citation of a missing paragraph', () => {
    const message = messageFor(withEdit(EVENTS, (text) => text.replace('paragraph: leaders-met', 'paragraph: no-such-paragraph')));
    expect(problemLines(message)).toEqual([
      `${EVENTS}:1 › the-meeting.citations[0]: cites paragraph "no-such-paragraph", which does not exist in tests/fixtures/content-min/content/articles/sample-article.md; expected the {#id} of one of its blocks, or "headline", "standfirst" or "date-line" for the headline, standfirst or date line as printed`,
    ]);
  });

  it('cited words not in the paragraph', () => {
    const message = messageFor(withEdit(ISSUES, (text) => text.replace('words: very positive', 'words: very productive')));
    expect(problemLines(message)).toEqual([
      `${ISSUES}:1 › talks.summary[0].citations[0]: the words "very productive" do not appear word for word in paragraph "leaders-met" of tests/fixtures/content-min/content/articles/sample-article.md; copy them exactly`,
    ]);
  });

  it('a citation of the headline or the date line as printed is checked word for word too', () => {
    const cite = (paragraph: string, words: string) => (text: string): string =>
      text.replace('{ article: sample-article, paragraph: leaders-met }', `{ article: sample-article, paragraph: ${paragraph}, words: "${words}" }`);
    expect(messageFor(withEdit(EVENTS, cite('headline', 'sample headline')))).toBe('');
    expect(messageFor(withEdit(EVENTS, cite('date-line', 'Feb. 3, 2026')))).toBe('');
    expect(problemLines(messageFor(withEdit(EVENTS, cite('date-line', 'February 3, 2026'))))).toEqual([
      `${EVENTS}:1 › the-meeting.citations[0]: the words "February 3, 2026" do not appear word for word in paragraph "date-line" of ${ARTICLE}; copy them exactly`,
    ]);
    // The fixture article has no standfirst: there is none to cite.
    expect(problemLines(messageFor(withEdit(EVENTS, cite('standfirst', 'A'))))).toEqual([
      `${EVENTS}:1 › the-meeting.citations[0]: cites paragraph "standfirst", which does not exist in ${ARTICLE}; expected the {#id} of one of its blocks, or "headline", "standfirst" or "date-line" for the headline, standfirst or date line as printed`,
    ]);
  });

  it('quotation not word for word in its paragraph', () => {
    const message = messageFor(withEdit(QUOTATIONS, (text) => text.replace('text: very positive.', 'text: very positive!')));
    expect(problemLines(message)).toEqual([
      `${QUOTATIONS}:1 › very-positive.text: the words "very positive!" do not appear word for word in paragraph "leaders-met" of tests/fixtures/content-min/content/articles/sample-article.md; copy them exactly`,
    ]);
  });

  it('unknown person', () => {
    const message = messageFor(withEdit(QUOTATIONS, (text) => text.replace('speaker: ada-leader', 'speaker: nobody')));
    expect(problemLines(message)).toEqual([
      `${QUOTATIONS}:1 › very-positive.speaker: unknown person id "nobody"; expected one of the ids in content/people/`,
    ]);
  });

  it('a person among an event\'s people and also named only in passing, or named but unknown', () => {
    const message = messageFor(
      withEdit(EVENTS, (text) => text.replace('  people: [ada-leader]\n', '  people: [ada-leader]\n  mentions: [ada-leader, nobody]\n')),
    );
    expect(problemLines(message)).toEqual([
      `${EVENTS}:1 › the-meeting.mentions[0]: "ada-leader" is both among its people and named only in passing; keep it in one of people or mentions`,
      `${EVENTS}:1 › the-meeting.mentions[1]: unknown person id "nobody"; expected one of the ids in content/people/`,
    ]);
  });

  it('unknown issue', () => {
    const message = messageFor(withEdit(EVENTS, (text) => text.replace('issues: [talks]', 'issues: [taxes]')));
    expect(problemLines(message)).toEqual([
      `${EVENTS}:1 › the-meeting.issues[0]: unknown issue id "taxes"; expected one of the ids in content/issues/`,
    ]);
  });

  it('impossible date in an analysis entry', () => {
    const message = messageFor(withEdit(EVENTS, (text) => text.replace('"2026-02-03"', '"2026-02-30"')));
    expect(problemLines(message)).toEqual([
      `${EVENTS}:1 › [0] (id "the-meeting").when.date: expected a real day for precision "day", written like 2026-02-03`,
    ]);
  });

  it('unknown field in an analysis entry', () => {
    const message = messageFor(withEdit(PEOPLE, (text) => text.replace('side: other', 'side: other\n  sde: typo')));
    expect(problemLines(message)).toEqual([
      `${PEOPLE}:1 › [0] (id "ada-leader"): unknown field "sde"; check the spelling against the schema in src/schemas/`,
    ]);
  });

  it('a relative date that leads to no dated event', () => {
    const message = messageFor(
      withEdit(EVENTS, (text) => `${text}- id: later\n  title: Later\n  when: { precision: relative, after: earlier }\n  summary: Later.\n  issues: [talks]\n  citations: [{ article: sample-article, paragraph: no-deal }]\n- id: earlier\n  title: Earlier\n  when: { precision: relative, before: later }\n  summary: Earlier.\n  issues: [talks]\n  citations: [{ article: sample-article, paragraph: no-deal }]\n`),
    );
    expect(problemLines(message)).toEqual([
      `${EVENTS}:9 › later.when: a relative date must lead to a dated event through after links in one direction; "earlier" does not`,
      `${EVENTS}:15 › earlier.when: a relative date must lead to a dated event through before links in one direction; "later" does not`,
    ]);
  });

  it('a second meeting', () => {
    const MEETING = 'tests/fixtures/content-min/content/meeting/meeting.yaml';
    const message = messageFor(withEdit(MEETING, (text) => `${text}${text.replace('id: sample-meeting', 'id: another-meeting')}`));
    expect(problemLines(message)[0]).toBe(`${MEETING}: expected exactly one meeting entry in content/meeting/, found 2; the site has one meeting page`);
  });

  it('malformed YAML in an analysis file', () => {
    const message = messageFor(withEdit(PEOPLE, (text) => text.replace('name: Ada Leader', 'name: [Ada Leader')));
    expect(problemLines(message)[0]).toMatch(new RegExp(`^${PEOPLE}:\\d+: malformed YAML: `));
  });
});

describe('ids the paginated indexes reserve stop the build', () => {
  it('a quotation, person or issue called "page" (the indexes keep their further pages at /<index>/page/<n>/)', () => {
    const message = messageFor(
      withEdit(QUOTATIONS, (text) => `${text}${text.replace('id: very-positive', 'id: page')}`),
    );
    expect(problemLines(message)).toEqual([
      `${QUOTATIONS}:8 › page.id: the id "page" is reserved for the pages of the index, /quotations/page/2/…; choose another`,
    ]);
  });

  it('a comparison point called "page" (the comparison keeps its further pages at /sources/page/<n>/)', () => {
    const message = messageFor(withEdit(COMPARISONS, (text) => text.replace('id: deal', 'id: page')));
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › page.id: the id "page" is reserved for the pages of the comparison, /sources/page/2/…; choose another`,
    ]);
  });

  it('a corrections log entry called "page" (the log keeps its pages at /corrections/page/<n>/)', () => {
    const LOG = 'tests/fixtures/content-min/content/corrections/log.yaml';
    const message = messageFor(withEdit(LOG, (text) => text.replace('id: meeting-retold', 'id: page')));
    expect(problemLines(message)).toEqual([
      `${LOG}:7 › page.id: the id "page" is reserved for the pages of the log, /corrections/page/1/…; choose another`,
    ]);
  });

  it('an article called "page"', () => {
    const sources = readFixture();
    const article = sources.articles[0];
    if (!article) throw new Error('the fixture set has no article');
    sources.articles.push({ file: article.file.replace(/[^/]+\.md$/, 'page.md'), text: article.text });
    expect(problemLines(messageFor(sources))).toEqual([
      `tests/fixtures/content-min/content/articles/page.md: the article id "page" is reserved for the pages of the index, /articles/page/2/…; rename the file`,
    ]);
  });
});

describe('bad comparison points stop the build, naming file, point and field', () => {
  const COMPARISONS = 'tests/fixtures/content-min/content/comparisons/comparisons.yaml';
  const SECOND = '    - article: second-article\n      text: Two hours.\n      citations: [{ article: second-article, paragraph: two-hours }]\n';
  // Turns the fixture's one-account point into a point where the two articles differ in `difference`.
  const differ = (text: string, difference = 'emphasis'): string =>
    `${text.replace('agreement: agree', `agreement: differ\n  difference: ${difference}`)}${SECOND}`;

  it('the old agreement value "both" (now "agree")', () => {
    const message = messageFor(withEdit(COMPARISONS, (text) => text.replace('agreement: agree', 'agreement: both')));
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › [0] (id "deal").agreement: expected "agree" (every article that reports it reports it alike) or "differ" (two or more report it, not alike); "both" and "only-one" are now "agree"`,
    ]);
  });

  it('a difference with one account only', () => {
    const message = messageFor(withEdit(COMPARISONS, (text) => text.replace('agreement: agree', 'agreement: differ\n  difference: fact')));
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › [0] (id "deal").accounts: agreement "differ" needs at least 2 accounts (one per article), found 1; a point one article alone reports is "agree"`,
    ]);
  });

  it('"differ" without saying in what', () => {
    const message = messageFor(withEdit(COMPARISONS, (text) => `${text.replace('agreement: agree', 'agreement: differ')}${SECOND}`));
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › [0] (id "deal").difference: expected difference (fact, figure, date, precision, wording, framing or emphasis): agreement "differ" must say in what the accounts differ`,
    ]);
  });

  it('a difference given on a point where the accounts agree', () => {
    const message = messageFor(withEdit(COMPARISONS, (text) => text.replace('agreement: agree', 'agreement: agree\n  difference: fact')));
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › [0] (id "deal").difference: give difference only when agreement is "differ"; remove it or set agreement: differ`,
    ]);
  });

  it('a side on a point where the accounts agree', () => {
    const message = messageFor(withEdit(COMPARISONS, (text) => text.replace('      text: No deal', '      side: firm\n      text: No deal')));
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › [0] (id "deal").accounts.0.side: give side only when agreement is "differ"; accounts that agree take no sides`,
    ]);
  });

  it('sides that name only one side', () => {
    const message = messageFor(
      withEdit(COMPARISONS, (text) => differ(text).replace('      text: No deal', '      side: firm\n      text: No deal').replace('      text: Two hours.', '      side: firm\n      text: Two hours.')),
    );
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › [0] (id "deal").accounts: where sides are given, expected at least 2 different sides, found only "firm"; accounts with the same side stand together, so a difference needs two`,
    ]);
  });

  it('an account from an unknown article', () => {
    const message = messageFor(withEdit(COMPARISONS, (text) => `${text}${SECOND.replaceAll('second-article', 'third-article')}`));
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › deal.accounts[1].article: unknown article "third-article"; expected one of: sample-article, second-article`,
    ]);
  });

  it('two accounts from one article', () => {
    const message = messageFor(withEdit(COMPARISONS, (text) => `${text}${SECOND.replaceAll('second-article', 'sample-article').replace('two-hours', 'no-deal')}`));
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › deal.accounts[1].article: a second account from article "sample-article"; give one account per article`,
    ]);
  });

  it('quoted words not printed in that paragraph of the account\'s article', () => {
    const message = messageFor(
      withEdit(COMPARISONS, (text) => text.replace('      citations: [{ article: sample-article', '      quoted: [{ paragraph: no-deal, words: did not sign any deal }]\n      citations: [{ article: sample-article')),
    );
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › deal.accounts[0].quoted[0]: the words "did not sign any deal" do not appear word for word in paragraph "no-deal" of tests/fixtures/content-min/content/articles/sample-article.md; copy them exactly`,
    ]);
  });

  it('quoted words from a paragraph the account\'s article does not have', () => {
    // "two-hours" is a paragraph of the second article, not of the sample article this account is from.
    const message = messageFor(
      withEdit(COMPARISONS, (text) => text.replace('      citations: [{ article: sample-article', '      quoted: [{ paragraph: two-hours, words: two hours }]\n      citations: [{ article: sample-article')),
    );
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › deal.accounts[0].quoted[0]: cites paragraph "two-hours", which does not exist in tests/fixtures/content-min/content/articles/sample-article.md; expected the {#id} of one of its blocks, or "headline", "standfirst" or "date-line" for the headline, standfirst or date line as printed`,
    ]);
  });

  it('a difference in wording, a figure, a date, precision or framing without each outlet\'s own words', () => {
    for (const difference of ['wording', 'figure', 'date', 'precision', 'framing']) {
      const message = messageFor(withEdit(COMPARISONS, (text) => differ(text, difference)));
      expect(problemLines(message)).toEqual([
        `${COMPARISONS}:1 › [0] (id "deal").accounts.0.quoted: a ${difference} difference must be shown in each outlet's own words: expected quoted: [{ paragraph, words }] with the exact words article "sample-article" printed`,
        `${COMPARISONS}:1 › [0] (id "deal").accounts.1.quoted: a ${difference} difference must be shown in each outlet's own words: expected quoted: [{ paragraph, words }] with the exact words article "second-article" printed`,
      ]);
    }
    // With the outlets' own words, the same point is valid; a difference in a fact or emphasis needs none.
    const quoted = (text: string): string =>
      differ(text, 'wording')
        .replace('      citations: [{ article: sample-article', '      quoted: [{ paragraph: no-deal, words: They did not announce any deal. }]\n      citations: [{ article: sample-article')
        .replace('      citations: [{ article: second-article', '      quoted: [{ paragraph: two-hours, words: two hours }]\n      citations: [{ article: second-article');
    expect(messageFor(withEdit(COMPARISONS, quoted))).toBe('');
    expect(messageFor(withEdit(COMPARISONS, (text) => differ(text, 'fact')))).toBe('');
  });

  it("an account citing another article than its own", () => {
    const message = messageFor(withEdit(COMPARISONS, (text) => `${text}${SECOND.replace('citations: [{ article: second-article', 'citations: [{ article: sample-article')}`));
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › deal.accounts[1].citations[0]: cites article "sample-article" inside the account of "second-article"; cite the account's own article`,
    ]);
  });

  it('an empty quoted list', () => {
    const message = messageFor(
      withEdit(COMPARISONS, (text) => text.replace('      citations: [{ article: sample-article', '      quoted: []\n      citations: [{ article: sample-article')),
    );
    expect(problemLines(message)).toEqual([
      `${COMPARISONS}:1 › [0] (id "deal").accounts.0.quoted: expected at least one { paragraph, words } when quoted is given; leave quoted out otherwise`,
    ]);
  });
});

describe('an order the sources give that the dates or relations break stops the build', () => {
  const later = (when: string): string =>
    `- id: later\n  title: Later\n  when: ${when}\n  summary: Later.\n  issues: [talks]\n  citations: [{ article: sample-article, paragraph: no-deal }]\n`;

  it('an event dated before the event it is recorded to follow', () => {
    const message = messageFor(withEdit(EVENTS, (text) => `${text}${later('{ date: "2026-01", precision: month, after: the-meeting }')}`));
    expect(problemLines(message)).toEqual([
      `${EVENTS}:9 › later.when.after: event "later" is dated January 2026, before event "the-meeting" (3 February 2026), which it is recorded to follow: it would be listed before an event it follows; correct the date or the relation`,
    ]);
  });

  it('a cycle of after/before relations', () => {
    const message = messageFor(
      withEdit(EVENTS, (text) =>
        `${text.replace('when: { date: "2026-02-03", precision: day }', 'when: { date: "2026-02-03", precision: day, after: later }')}${later('{ date: "2026-02-03", precision: day, after: the-meeting }')}`,
      ),
    );
    expect(problemLines(message)).toEqual([
      `${EVENTS}:1 › the-meeting.when.after: event "the-meeting" is in a cycle of after/before relations (later → the-meeting → later, each before the next): nothing can come after itself; remove or correct one of them`,
    ]);
  });

  it('a quotation dated less precisely than its event', () => {
    const message = messageFor(withEdit(QUOTATIONS, (text) => text.replace('when: { date: "2026-02-03", precision: day }', 'when: { date: "2026-02", precision: month }')));
    expect(problemLines(message)).toEqual([
      `${QUOTATIONS}:1 › very-positive.when: quotation "very-positive" is dated February 2026, less precisely than event "the-meeting" (3 February 2026), which it is part of: give it the event's date, or a date within it`,
    ]);
  });

  it('an order that names no event', () => {
    const message = messageFor(withEdit(EVENTS, (text) => text.replace('precision: day }', 'precision: day, during: no-such-event }')));
    expect(problemLines(message)).toEqual([`${EVENTS}:1 › the-meeting.when.during: unknown event id "no-such-event"; expected one of the ids in content/events/`]);
  });
});

describe("a heading or datetime more precise than an entry's date stops the build (issue 18)", () => {
  const entry = (id: string, when: string): string =>
    `- id: ${id}\n  title: ${id}\n  when: ${when}\n  summary: Said.\n  issues: [talks]\n  citations: [{ article: sample-article, paragraph: no-deal }]\n`;

  it('an entry the sources give no date for, dated to a month its relations do not give', () => {
    const message = messageFor(
      withEdit(
        EVENTS,
        (text) =>
          `${text}${entry('labelled', '{ date: "2026-01", precision: month, before: the-meeting, wording: "no date given (“has labeled”)" }')}`,
      ),
    );
    expect(problemLines(message)).toEqual([
      `${EVENTS}:9 › labelled.when: its wording says the sources give no date ("no date given (“has labeled”)"), but it is dated to the month (January 2026), which the events it follows and precedes do not give (before 3 February 2026): the timeline would file it under that month; give precision relative with after/before (shown as "date not given"), or the outside source that dates it (when.outside)`,
    ]);
  });

  it('an entry the sources give no date for, dated to the day of the event it precedes', () => {
    const message = messageFor(
      withEdit(
        EVENTS,
        (text) =>
          `${text}${entry('ahead', '{ date: "2026-02-03", precision: day, before: the-meeting, wording: "date not given: ahead of the visit" }')}`,
      ),
    );
    expect(problemLines(message)).toEqual([
      `${EVENTS}:9 › ahead.when: its wording says the sources give no date ("date not given: ahead of the visit"), but it is dated to the day (3 February 2026), which the events it follows and precedes do not give (before 3 February 2026): the timeline would file it under that day; give precision relative with after/before (shown as "date not given"), or the outside source that dates it (when.outside)`,
    ]);
  });

  it('a quotation dated more precisely than the bounds of the undated event it was said at', () => {
    const events = withEdit(
      EVENTS,
      (text) =>
        `${text}${entry('earlier', '{ date: "2026-01-07", precision: day }')}${entry('ahead', '{ precision: relative, after: earlier, before: the-meeting }')}`,
    );
    const message = messageFor(
      withEdit(
        QUOTATIONS,
        (text) =>
          text
            .replace('when: { date: "2026-02-03", precision: day }', 'when: { date: "2026-01", precision: month }')
            .replace('event: the-meeting', 'event: ahead'),
        events,
      ),
    );
    expect(problemLines(message)).toEqual([
      `${QUOTATIONS}:1 › very-positive.when: is dated January 2026, more precisely than its event "ahead", which the sources do not date (between 7 January 2026 and 3 February 2026): give it precision relative with the event's after/before, or a date that holds those bounds`,
    ]);
  });
});

describe('a bad corrections log stops the build', () => {
  const LOG = 'tests/fixtures/content-min/content/corrections/log.yaml';
  it('names an entry that does not exist', () => {
    const message = messageFor(withEdit(LOG, (text) => text.replace('affects: [events/the-meeting]', 'affects: [events/the-meeting, issues/no-such-issue]')));
    expect(problemLines(message)).toEqual([`${LOG}:7 › meeting-retold.affects[1]: unknown issue id "no-such-issue"; expected one of the ids in content/issues/`]);
  });

  it('names a meeting line that does not exist, or a collection there is none of', () => {
    const message = messageFor(withEdit(LOG, (text) => text.replace('affects: [events/the-meeting]', 'affects: [events/the-meeting, meeting/no-such-line, things/x]')));
    expect(problemLines(message)).toEqual([
      `${LOG}:7 › [1] (id "meeting-retold").affects.2: expected "<collection>/<id>" with a collection among events, quotations, issues, people, meeting, comparisons, outlets, articles (for example "events/jan-7-call")`,
    ]);
    const line = messageFor(withEdit(LOG, (text) => text.replace('affects: [events/the-meeting]', 'affects: [events/the-meeting, meeting/no-such-line]')));
    expect(problemLines(line)).toEqual([
      `${LOG}:7 › meeting-retold.affects[1]: unknown meeting entry "no-such-line"; expected the meeting's id or the id of one of its sections or lines in content/meeting/`,
    ]);
  });

  it("quotes the sources' words that are not in the paragraph", () => {
    const message = messageFor(withEdit(LOG, (text) => text.replace('words: very positive }', 'words: very positively }')));
    expect(problemLines(message)).toEqual([
      `${LOG}:7 › meeting-retold.sources[0]: the words "very positively" do not appear word for word in paragraph "leaders-met" of tests/fixtures/content-min/content/articles/sample-article.md; copy them exactly`,
    ]);
  });

  it('changes an entry without listing it, or dates a correction impossibly', () => {
    const message = messageFor(withEdit(LOG, (text) => text.replace('{ entry: events/the-meeting,', '{ entry: events/other,').replace('date: 2026-02-05', 'date: 2026-02-30')));
    expect(problemLines(message)).toEqual([
      `${LOG}:7 › [1] (id "meeting-retold").date: expected a real calendar date written YYYY-MM-DD (for example 2026-02-03)`,
      `${LOG}:7 › [1] (id "meeting-retold").changes.0.entry: "events/other" is changed here but missing from affects; list it there too`,
    ]);
  });
});

describe('only web addresses reach a page: every address from content is https: or http:', () => {
  const OUTLETS = 'tests/fixtures/content-min/content/outlets/outlets.yaml';
  const outside = (url: string): string =>
    `  outside: { note: Founded in 1900., source: An outside page, url: "${url}" }\n`;
  const refused =
    'expected a web address starting with https:// or http:// (javascript:, data:, file: and other schemes are refused)';

  it('an outlet\'s outside.url', () => {
    for (const url of ['javascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'JavaScript:alert(1)']) {
      const message = messageFor(withEdit(OUTLETS, (text) => `${text}${outside(url)}`));
      expect(problemLines(message)).toEqual([`${OUTLETS}:1 › [0] (id "sample-outlet").outside.url: ${refused}`]);
    }
    expect(messageFor(withEdit(OUTLETS, (text) => `${text}${outside('https://example.org/about')}`))).toBe('');
  });

  it("an event's outside.url (a date from outside the articles)", () => {
    const message = messageFor(
      withEdit(EVENTS, (text) =>
        text.replace('when: { date: "2026-02-03", precision: day }', 'when: { date: "2026-02-03", precision: day, outside: { note: A note., source: A page, url: "javascript:alert(1)" } }'),
      ),
    );
    expect(problemLines(message)).toEqual([`${EVENTS}:1 › [0] (id "the-meeting").when.outside.url: ${refused}`]);
  });

  it("an article's capture.url", () => {
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace('  from: A test fixture.', '  from: A test fixture.\n  url: data:text/html,hi')));
    expect(problemLines(message)).toEqual([`${ARTICLE} › capture.url: ${refused}`]);
  });
});

describe('an article body refuses link syntax of any kind, at its file line', () => {
  const NO_LINKS =
    'stored article text has no links of its own; write the words without link syntax (a literal "[" or "<" is written "\\[" or "\\<")';
  const inBody = (edit: string): string[] =>
    problemLines(messageFor(withEdit(ARTICLE, (text) => text.replace('They did not announce any deal.', edit))));

  it('an inline link', () => {
    expect(inBody('They did not announce [any deal](javascript:alert(1)).')).toEqual([
      `${ARTICLE}:22: a link (to "javascript:alert(1)") is not allowed in an article body: ${NO_LINKS}`,
    ]);
  });

  it('an autolink, a bare <url>', () => {
    expect(inBody('They did not announce any deal <https://example.org/deal>.')).toEqual([
      `${ARTICLE}:22: a link (to "https://example.org/deal") is not allowed in an article body: ${NO_LINKS}`,
    ]);
    expect(inBody('Write to <ada@example.org>.')).toEqual([
      `${ARTICLE}:22: a link (to "mailto:ada@example.org") is not allowed in an article body: ${NO_LINKS}`,
    ]);
  });

  it('a reference link and its definition', () => {
    const message = messageFor(
      withEdit(ARTICLE, (text) => `${text.replace('They did not announce any deal.', 'They did not announce [any deal][x].')}\n[x]: javascript:alert(1)\n`),
    );
    expect(problemLines(message)).toEqual([
      `${ARTICLE}:22: a reference link ([x]) is not allowed in an article body: ${NO_LINKS}`,
      `${ARTICLE}:24: a link definition ([x]: "javascript:alert(1)") is not allowed in an article body: ${NO_LINKS}`,
    ]);
  });

  it('a link in a heading or a pull quote', () => {
    const message = messageFor(
      withEdit(ARTICLE, (text) =>
        text
          .replace('## A section heading', '## A [section](vbscript:x) heading')
          .replace('They did not announce any deal. {#no-deal}', ':::pullquote{#no-deal attribution="Ada"}\nThey did not [announce](https://example.org) any deal.\n:::'),
      ),
    );
    expect(problemLines(message)).toEqual([
      `${ARTICLE}:20: a link (to "vbscript:x") is not allowed in an article body: ${NO_LINKS}`,
      `${ARTICLE}:23: a link (to "https://example.org") is not allowed in an article body: ${NO_LINKS}`,
    ]);
  });

  it('text that only looks like a link is kept: escaped brackets, a bare address without <>', () => {
    expect(inBody('They did not announce \\[any deal\\](see example.org) at https://example.org.')).toEqual([]);
  });
});

describe('ids have a bound that every file named after one fits within', () => {
  const long = 'a'.repeat(101);
  const refused = 'expected an id of at most 100 characters (files and addresses are named after it); shorten it';

  it('a hand-written long id in an analysis file', () => {
    const message = messageFor(withEdit(EVENTS, (text) => text.replace('- id: the-meeting', `- id: ${long}`)));
    expect(problemLines(message)[0]).toBe(`${EVENTS}:1 › [0] (id "${long}").id: ${refused}`);
  });

  it('an article file named with a long id; 100 characters are accepted', () => {
    const named = (id: string): string[] => {
      const sources = readFixture();
      const article = sources.articles[0];
      if (!article) throw new Error('the fixture set has no article');
      sources.articles.push({ file: article.file.replace(/[^/]+\.md$/, `${id}.md`), text: article.text });
      return problemLines(messageFor(sources));
    };
    expect(named(long)).toEqual([
      `tests/fixtures/content-min/content/articles/${long}.md: the article id (its file name) is 101 characters long: ${refused}`,
    ]);
    expect(named('a'.repeat(100))).toEqual([]);
  });
});

describe('refusals, not crashes: what a parser cannot take is a problem naming the file', () => {
  const bomb = readFileSync(join(fixtureRoot, '..', 'bad-input', 'alias-bomb.yaml'), 'utf8');
  const ALIASES =
    'malformed YAML: its aliases (*name) expand to too many values (Excessive alias count indicates a resource exhaustion attack); write the values out without *aliases or deep nesting';

  it('a YAML alias bomb in an analysis file (the list layout the fast parser takes, and another)', () => {
    const BOMB = 'tests/fixtures/content-min/content/people/zz-bomb.yaml';
    const withFile = (text: string): string[] => {
      const sources = readFixture();
      sources.data.people.push({ file: BOMB, text });
      return problemLines(messageFor(sources));
    };
    expect(withFile(bomb)).toEqual([`${BOMB}:1: ${ALIASES}`]);
    // A list indented as a whole, which the fast parser leaves to the full one whatever it holds.
    expect(withFile(bomb.replace(/^/gm, '  '))).toEqual([`${BOMB}:1: ${ALIASES}`]);
  });

  it('a YAML alias bomb in article front matter', () => {
    const frontMatter = bomb.replace(/^#.*\n/gm, '').replace('- id: bomb\n', '').replace(/^ {2}/gm, '');
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace('title: A sample headline\n', `title: A sample headline\n${frontMatter}`)));
    expect(problemLines(message)[0]).toBe(`${ARTICLE}:2: ${ALIASES}`);
  });

  it('a carriage return alone as a line ending, in an article and in a YAML file', () => {
    const article = messageFor(withEdit(ARTICLE, (text) => text.replace('They did not', '\rThey did not')));
    const refused =
      'a line ends with a carriage return alone (classic Mac OS line endings); save the file with LF (Unix) line endings, e.g. tr "\\r" "\\n"';
    expect(problemLines(article)).toEqual([`${ARTICLE}:22: ${refused}`]);
    const yaml = messageFor(withEdit(EVENTS, (text) => text.replace(/\n/g, '\r')));
    expect(problemLines(yaml)).toEqual([`${EVENTS}:1: ${refused}`]);
  });

  it('a capture named in the front matter that is not in content/captures/', () => {
    const message = messageFor(withEdit(ARTICLE, (text) => text.replace('file: sample.txt', 'file: no-such-capture.txt')));
    expect(problemLines(message)).toEqual([
      `${ARTICLE} › capture.file: the capture "no-such-capture.txt" is not in content/captures/; add the raw capture there (npm run import copies it) or correct the file name`,
    ]);
  });
});

describe('an article body beyond what the Markdown parser takes is a problem at its line, found at once', () => {
  const body = (edit: (text: string) => string): { lines: string[]; ms: number } => {
    const started = performance.now();
    const lines = problemLines(messageFor(withEdit(ARTICLE, edit)));
    return { lines, ms: performance.now() - started };
  };

  it('block quotes or lists nested 100,000 deep (the parser took minutes, then ran out of stack)', () => {
    for (const marker of ['> ', '- ']) {
      const { lines, ms } = body((text) => text.replace('They did not', `${marker.repeat(100_000)}They did not`));
      expect(lines).toEqual([
        `${ARTICLE}:22: block quotes, lists or ::: containers are nested 100000 deep here, deeper than the Markdown parser is given (8); an article body is plain paragraphs, "## " headings, :::pullquote blocks and ::embed markers`,
      ]);
      expect(ms).toBeLessThan(10_000);
    }
  });

  it('::: containers nested inside each other', () => {
    const { lines } = body((text) => `${text}\n${':::pullquote{#q attribution="A"}\n'.repeat(20)}Words.\n${':::\n'.repeat(20)}`);
    expect(lines[0]).toBe(
      `${ARTICLE}:32: block quotes, lists or ::: containers are nested 9 deep here, deeper than the Markdown parser is given (8); an article body is plain paragraphs, "## " headings, :::pullquote blocks and ::embed markers`,
    );
  });

  it('tens of thousands of emphasis delimiters in a paragraph (pairing them took minutes)', () => {
    const { lines, ms } = body((text) => text.replace('They did not', `${'*a* '.repeat(50_000)}They did not`));
    expect(lines).toEqual([
      `${ARTICLE}:22: this paragraph holds more than 256 unescaped "*", "_" or "[", more than the Markdown parser is given; write a literal one as "\\*", "\\_" or "\\["`,
    ]);
    expect(ms).toBeLessThan(10_000);
    const run = body((text) => text.replace('They did not', `${'~'.repeat(100_000)} They did not`));
    expect(run.lines).toEqual([
      `${ARTICLE}:22: a run of 100000 "~" characters, more than the Markdown parser is given (64); write a literal one as "\\~"`,
    ]);
  });
});

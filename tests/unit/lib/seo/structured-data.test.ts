import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../../../src/data/read-sources.ts';
import { checkContent } from '../../../../src/lib/content/check-content.ts';
import {
  buildStructuredData,
  linkedArticles,
  serializeJsonLd,
  websiteId,
  type PageInfo,
  type StoredArticle,
} from '../../../../src/lib/seo/structured-data.ts';
import { projectRoot } from '../../../helpers/content.ts';
import { checkJsonLd } from '../../../helpers/json-ld.ts';

const { model } = checkContent(readContentSources(projectRoot));
const outlets = new Map(model.data.outlets.map(({ entry }) => [entry.id, entry]));
const stored: StoredArticle[] = [...model.articles.values()].map((article) => {
  const outlet = outlets.get(article.data.outlet);
  if (!outlet) throw new Error(`no outlet ${article.data.outlet}`);
  return { id: article.id, data: article.data, outlet };
});
const meeting = model.data.meeting[0]?.entry;
const people = new Map(model.data.people.map(({ entry }) => [entry.id, entry]));
const la = stored.find((article) => article.id === 'los-angeles-times-petro-and-trump-make-peace');
const clash = stored.find((article) => article.id === 'clash-report-trump-meets-petro');
if (!meeting || !la || !clash) throw new Error('missing content');

const page = (path: string, title = 'A page'): PageInfo => ({
  url: `https://example.org${path}`,
  title,
  description: 'What the page is.',
  image: `https://example.org/og${path === '/' ? '/index' : path.replace(/\/$/, '')}.png`,
  site: 'https://example.org/',
  siteName: 'The site',
});
const nodes = (graph: { '@graph': readonly unknown[] }) => graph['@graph'] as Record<string, unknown>[];

describe('structured data', () => {
  it('describes the home page as the WebSite', () => {
    const graph = buildStructuredData({ type: 'WebSite' }, page('/'), stored);
    expect(checkJsonLd(graph)).toEqual([]);
    expect(nodes(graph)[0]).toMatchObject({
      '@type': 'WebSite',
      '@id': websiteId('https://example.org/'),
      name: 'The site',
      url: 'https://example.org/',
    });
  });

  it('describes a stored article as a NewsArticle with its outlet, author and contributor', () => {
    const graph = buildStructuredData(
      { type: 'NewsArticle', article: la },
      page('/articles/la/', la.data.title),
      stored,
    );
    expect(checkJsonLd(graph)).toEqual([]);
    expect(nodes(graph)[0]).toMatchObject({
      '@type': 'NewsArticle',
      '@id': `https://example.org/articles/${la.id}/`,
      headline: la.data.title,
      datePublished: '2026-02-03T15:17-08:00',
      author: [{ '@type': 'Person', name: 'Kate Linthicum', jobTitle: 'Staff Writer' }],
      contributor: [
        {
          '@type': 'Person',
          name: 'Ana Ceballos',
          jobTitle: 'Times staffer',
          description: 'contributed reporting from Washington',
        },
      ],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Los Angeles Times' },
    });
  });

  it('gives an article without a byline no author, and its date at the precision printed', () => {
    const node = nodes(
      buildStructuredData({ type: 'NewsArticle', article: clash }, page('/articles/clash/'), stored),
    )[0];
    expect(node).not.toHaveProperty('author');
    expect(node).not.toHaveProperty('contributor');
    expect(node).toMatchObject({
      datePublished: '2026-02-04',
      publisher: { '@type': 'NewsMediaOrganization', name: 'Clash Report' },
    });
  });

  it('describes an analysis page as an Article based on both stored articles', () => {
    const graph = buildStructuredData({ type: 'Article' }, page('/timeline/'), stored);
    expect(checkJsonLd(graph)).toEqual([]);
    const isBasedOn = nodes(graph)[0]?.['isBasedOn'] as { '@id': string }[];
    expect(isBasedOn.map((node) => node['@id']).sort()).toEqual([
      `https://example.org/articles/${clash.id}/`,
      `https://example.org/articles/${la.id}/`,
    ]);
    // References only: each article is described on its own page, not again on every page citing it.
    for (const node of isBasedOn) expect(Object.keys(node)).toEqual(['@id']);
  });

  it('describes the meeting as an Event at the White House, with both presidents attending', () => {
    const participants = meeting.participants.flatMap((id) => people.get(id) ?? []);
    const graph = buildStructuredData(
      { type: 'Event', meeting, participants, place: 'The White House' },
      page('/meeting/'),
      stored,
    );
    expect(checkJsonLd(graph)).toEqual([]);
    const [article, event] = nodes(graph);
    expect(article).toMatchObject({ '@type': 'Article', about: { '@id': 'https://example.org/meeting/#event' } });
    expect(event).toMatchObject({
      '@type': 'Event',
      '@id': 'https://example.org/meeting/#event',
      startDate: '2026-02-03',
      location: { '@type': 'Place', name: 'The White House' },
      attendee: [
        { '@type': 'Person', name: 'Donald Trump', url: 'https://example.org/people/donald-trump/' },
        { '@type': 'Person', name: 'Gustavo Petro', url: 'https://example.org/people/gustavo-petro/' },
      ],
    });
  });

  it('describes a person page as a ProfilePage of a Person, and an organisation as an Organization', () => {
    const trump = people.get('donald-trump');
    const organisation = [...people.values()].find((person) => person.kind === 'organisation');
    if (!trump || !organisation) throw new Error('missing people');
    const graph = buildStructuredData({ type: 'Person', person: trump }, page('/people/donald-trump/'), stored);
    expect(checkJsonLd(graph)).toEqual([]);
    expect(nodes(graph)[0]).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: { '@type': 'Person', name: 'Donald Trump' },
    });
    const other = nodes(
      buildStructuredData({ type: 'Person', person: organisation }, page(`/people/${organisation.id}/`), stored),
    )[0];
    expect(other?.['mainEntity']).toMatchObject({ '@type': 'Organization', name: organisation.name });
  });

  it('serialises so that no text can end the script element', () => {
    const graph = buildStructuredData(
      { type: 'Article' },
      { ...page('/x/'), title: 'A </script><script>alert(1)</script> title' },
      stored,
    );
    const text = serializeJsonLd(graph);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)['@graph'][0].headline).toBe('A </script><script>alert(1)</script> title');
  });

  it('the checker reports what is missing or malformed', () => {
    expect(
      checkJsonLd({
        '@context': 'https://schema.org',
        '@graph': [{ '@type': 'Event', name: 'x', startDate: 'Feb 3' }, { '@type': 'Thingy' }],
      }),
    ).toEqual([
      '@graph[0] (Event): missing @id',
      '@graph[0] (Event): missing location',
      '@graph[0] (Event): missing attendee',
      '@graph[0] (Event): missing eventStatus',
      '@graph[0] (Event): missing eventAttendanceMode',
      '@graph[0].startDate: expected an ISO 8601 date, got "Feb 3"',
      '@graph[1]: unexpected @type "Thingy"',
    ]);
  });
});

describe('linkedArticles', () => {
  it('lists the stored articles a page links to, in stored order, once each', () => {
    const html = `<p><a href="/articles/${clash?.id}/#p1:~:text=x">¶1</a> <a href="/articles/${la?.id}/">LA</a> <a href="/articles/${clash?.id}/#p2">¶2</a> <a href="/articles/">all</a></p>`;
    expect(linkedArticles(html, stored).map((article) => article.id)).toEqual(
      stored.filter((article) => article === clash || article === la).map((article) => article.id),
    );
    expect(linkedArticles('<p><a href="/people/x/">x</a></p>', stored)).toEqual([]);
    // An id ends at a fragment, a query or the value's end; an index page of the articles is no article.
    const ends = `<a href="/articles/page/2/">2</a><a href="/articles/${la?.id}#p1">a</a><a href="/articles/${clash?.id}?x">b</a>`;
    expect(linkedArticles(ends, stored)).toEqual(stored.filter((article) => article === clash || article === la));
    expect(linkedArticles(`<a href="/articles/${la?.id}">a</a> href="/articles/`, stored)).toEqual([la]);
  });
});

import { sectionIds } from '../links/urls.ts';

/** What of an article's front matter a statement may cite: the parts printed above its text. */
export interface FrontMatterPart {
  /** Its fragment id on the article page (reserved: no block of the body may take it). */
  id: string;
  /** What a reader calls it ("headline", "standfirst", "date line"). */
  label: string;
  /** The words as printed. */
  text: string;
}

/** The front-matter fields the parts are read from (an article's validated front matter has them). */
export interface FrontMatterFields {
  /** The headline as published. */
  title: string;
  /** The standfirst, where there is one. */
  standfirst?: string | undefined;
  /** The date line, with the words as printed. */
  published: { asPrinted: string };
}

/**
 * The parts of an article's front matter a citation may name as its `paragraph`, in page order: the
 * headline, the standfirst (when there is one) and the date line as printed. The article page gives
 * each its id, so a citation of one links to it as a citation of a paragraph does.
 */
export function frontMatterParts(data: FrontMatterFields): FrontMatterPart[] {
  const { headline, standfirst, dateLine } = sectionIds.article;
  return [
    { id: headline, label: 'headline', text: data.title },
    ...(data.standfirst === undefined ? [] : [{ id: standfirst, label: 'standfirst', text: data.standfirst }]),
    { id: dateLine, label: 'date line', text: data.published.asPrinted },
  ];
}

/** The front-matter part of an article that `id` names, if it names one. */
export const frontMatterPart = (data: FrontMatterFields, id: string): FrontMatterPart | undefined =>
  frontMatterParts(data).find((part) => part.id === id);

/** What a reader calls the front-matter part with fragment id `id` ("date line"), or undefined for any other id. */
export function frontMatterLabel(id: string): string | undefined {
  const { headline, standfirst, dateLine } = sectionIds.article;
  return { [headline]: 'headline', [standfirst]: 'standfirst', [dateLine]: 'date line' }[id];
}

/** A contributor as the byline's fields give one. */
export interface ContributorFields {
  name: string;
  role?: string | undefined;
  contribution: string;
  location?: string | undefined;
}

/** A contributor's line as the article header prints it: "Times staffer Ana Ceballos contributed reporting from Washington." */
export const contributorLine = (contributor: ContributorFields): string =>
  `${contributor.role ? `${contributor.role} ` : ''}${contributor.name} ${contributor.contribution}${contributor.location ? ` from ${contributor.location}` : ''}.`;

/**
 * An article's credits in one line, as every list of the articles gives them (/sources/'s cards, /articles/): "By
 * Kate Linthicum; Ana Ceballos contributed reporting"; without a named author, the byline's note, else "No byline".
 */
export const bylineCredits = (byline: {
  authors: readonly { name: string }[];
  contributors: readonly ContributorFields[];
  note?: string | undefined;
}): string =>
  (byline.authors.length > 0
    ? `By ${byline.authors.map((author) => author.name).join(', ')}`
    : (byline.note ?? 'No byline')) +
  byline.contributors.map((contributor) => `; ${contributor.name} ${contributor.contribution}`).join('');

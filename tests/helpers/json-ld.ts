/**
 * Checks a page's JSON-LD beyond what TypeScript checks: src/lib/seo/structured-data.ts types every node with
 * schema-dts, so property names and value types are schema.org's at `astro check`. Here: the context,
 * known types, the properties each type needs for its purpose here, ISO 8601 dates and absolute URLs.
 */

/** The properties each type must have on this site. */
export const REQUIRED: Record<string, readonly string[]> = {
  WebSite: ['@id', 'name', 'url', 'publisher'],
  Article: ['@id', 'headline', 'url', 'description', 'image', 'author', 'publisher', 'isBasedOn'],
  NewsArticle: ['@id', 'headline', 'url', 'datePublished', 'publisher'],
  CollectionPage: ['@id', 'name', 'url', 'hasPart'],
  ProfilePage: ['@id', 'name', 'url', 'mainEntity', 'isBasedOn'],
  Event: ['@id', 'name', 'startDate', 'location', 'attendee', 'eventStatus', 'eventAttendanceMode'],
  Person: ['name'],
  Organization: ['name'],
  NewsMediaOrganization: ['name'],
  Place: ['name', 'address'],
  PostalAddress: ['addressLocality', 'addressCountry'],
};

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z))?)?)?$/;

/** Every problem with one JSON-LD document, as "path: message"; empty when it is valid. */
export function checkJsonLd(document: unknown): string[] {
  const problems: string[] = [];
  if (typeof document !== 'object' || document === null) return ['the document is not an object'];
  const root = document as Record<string, unknown>;
  if (root['@context'] !== 'https://schema.org') problems.push('@context: expected "https://schema.org"');
  const nodes = Array.isArray(root['@graph']) ? (root['@graph'] as unknown[]) : [root];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => walk(item, `${path}[${index}]`));
    if (typeof value !== 'object' || value === null) return;
    const node = value as Record<string, unknown>;
    const type = node['@type'];
    if (typeof type === 'string') {
      const required = REQUIRED[type];
      if (!required) problems.push(`${path}: unexpected @type "${type}"`);
      for (const key of required ?? [])
        if (node[key] === undefined || node[key] === '') problems.push(`${path} (${type}): missing ${key}`);
    } else if (!('@id' in node)) problems.push(`${path}: a node without @type must be a reference with @id`);
    for (const [key, inner] of Object.entries(node)) {
      if (
        (key === 'url' || key === '@id' || key === 'image') &&
        typeof inner === 'string' &&
        !/^https?:\/\//.test(inner)
      )
        problems.push(`${path}.${key}: expected an absolute URL, got "${inner}"`);
      if ((key === 'datePublished' || key === 'startDate') && (typeof inner !== 'string' || !ISO_DATE.test(inner)))
        problems.push(`${path}.${key}: expected an ISO 8601 date, got ${JSON.stringify(inner)}`);
      if (!key.startsWith('@')) walk(inner, `${path}.${key}`);
    }
  };
  nodes.forEach((node, index) => walk(node, `@graph[${index}]`));
  return problems;
}

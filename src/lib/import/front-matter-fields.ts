import type { Outlet } from '../../schemas/outlet.ts';
import type { FieldLine } from './read-capture.ts';

/** A front-matter field the capture did not give, which the editor must fill in. */
export interface MissingField {
  /** Dotted path of the field, as the validator names it. */
  field: string;
  /** What to write there. */
  hint: string;
}

/** The front matter the importer can fill from a capture, and what it could not. */
export interface ImportedFrontMatter {
  /** The fields, in the order the article schema lists them. */
  data: Record<string, unknown>;
  /** Required fields left out, for the validator to name and the editor to fill. */
  missing: MissingField[];
  /** Things the editor should check, in words. */
  notes: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Standard-time UTC offsets of the zones a US or UK page prints, and whether they keep summer time. */
const ZONES: Record<string, { offset: number; summer: 'us' | 'none' }> = {
  PT: { offset: -8, summer: 'us' },
  MT: { offset: -7, summer: 'us' },
  CT: { offset: -6, summer: 'us' },
  ET: { offset: -5, summer: 'us' },
  PST: { offset: -8, summer: 'none' },
  PDT: { offset: -7, summer: 'none' },
  MST: { offset: -7, summer: 'none' },
  MDT: { offset: -6, summer: 'none' },
  CST: { offset: -6, summer: 'none' },
  CDT: { offset: -5, summer: 'none' },
  EST: { offset: -5, summer: 'none' },
  EDT: { offset: -4, summer: 'none' },
  UTC: { offset: 0, summer: 'none' },
  GMT: { offset: 0, summer: 'none' },
  BST: { offset: 1, summer: 'none' },
  CET: { offset: 1, summer: 'none' },
  CEST: { offset: 2, summer: 'none' },
};

/** The day of the month (0-based `month`) of its `nth` Sunday: US summer time runs from March's 2nd to November's 1st. */
function nthSunday(year: number, month: number, nth: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + (nth - 1) * 7;
}

/** The UTC offset ("-08:00") of a printed zone on a date, or undefined for a zone we do not know. */
export function utcOffset(zone: string, date: string): string | undefined {
  const known = ZONES[zone];
  if (!known) return undefined;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  let summer = false;
  if (known.summer === 'us') {
    const start = nthSunday(year, 2, 2);
    const end = nthSunday(year, 10, 1);
    summer = (month > 3 || (month === 3 && day >= start)) && (month < 11 || (month === 11 && day < end));
  }
  const hours = known.offset + (summer ? 1 : 0);
  return `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

/** A printed date's YYYY-MM-DD, from a date rule's groups, or undefined when it is not a real day. */
export function calendarDate(groups: Record<string, string>): string | undefined {
  const month = MONTHS.indexOf((groups['month'] ?? '').slice(0, 3).toLowerCase()) + 1;
  const year = Number(groups['year']);
  const day = Number(groups['day']);
  if (month === 0 || !Number.isInteger(year) || !Number.isInteger(day)) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A printed time's 24-hour HH:MM, from a time rule's groups. */
export function clockTime(groups: Record<string, string>): string | undefined {
  let hour = Number(groups['hour']);
  const minute = Number(groups['minute']);
  const meridiem = (groups['meridiem'] ?? '').replace(/\./g, '').toUpperCase();
  if (meridiem === 'PM' && hour < 12) hour += 12;
  if (meridiem === 'AM' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * Builds the article's front matter from the capture's front-matter lines: title, outlet (given, or
 * named on the date line), byline authors, publication date and time at the precision printed,
 * standfirst, lead image, and the capture's file. Every required field it cannot fill is left out and
 * listed as missing, so the validator names it until the editor writes it.
 */
export function buildFrontMatter(
  fields: readonly FieldLine[],
  options: {
    outlet: string | undefined;
    outlets: readonly Outlet[];
    captureFile: string;
    paragraphs: readonly string[];
  },
): ImportedFrontMatter {
  const missing: MissingField[] = [];
  const notes: string[] = [];
  const first = (target: FieldLine['target']): FieldLine | undefined => fields.find((field) => field.target === target);
  const data: Record<string, unknown> = {};

  const title = first('title');
  if (title) data['title'] = title.line.text;
  else missing.push({ field: 'title', hint: 'the headline exactly as published' });

  const date = first('date');
  let outlet = options.outlet;
  const printedOutlet = date?.groups['outlet']?.trim();
  if (outlet === undefined && printedOutlet) {
    outlet = options.outlets.find((candidate) =>
      [candidate.name, candidate.shortName].some((name) => name?.toLowerCase() === printedOutlet.toLowerCase()),
    )?.id;
    if (outlet !== undefined)
      notes.push(
        `outlet "${outlet}" was read from the date line ("${date?.line.text}"); pass --outlet to choose another`,
      );
  }
  if (outlet !== undefined) data['outlet'] = outlet;
  else
    missing.push({
      field: 'outlet',
      hint: `the id of the outlet in content/outlets/ (${options.outlets.map((known) => known.id).join(', ')}); add the outlet there first if it is new`,
    });

  const authors: { name: string; role?: string }[] = [];
  for (const field of fields) {
    if (field.target === 'author') authors.push({ name: field.line.text });
    const last = authors.at(-1);
    if (field.target === 'author-role' && last) last.role = field.line.text;
  }
  if (authors.length > 0) {
    data['byline'] = { authors, contributors: [] };
    notes.push('byline.contributors is empty: add anyone the article credits for contributing reporting');
  } else {
    missing.push({
      field: 'byline',
      hint: '{ authors: [{ name, role }], contributors: [] }, or authors: [] with note: The page names no author.',
    });
  }

  const published = readPublished(date, first('time'), notes);
  if (published) data['published'] = published;
  else
    missing.push({
      field: 'published',
      hint: '{ date: YYYY-MM-DD, precision: day, asPrinted: the date line as printed } (add time, timeZone, utcOffset and precision: minute when a time is printed)',
    });

  const standfirst = first('standfirst');
  if (standfirst) data['standfirst'] = standfirst.line.text;

  const description = first('image-description');
  const caption = first('image-caption');
  const credit = first('image-credit');
  if (description || caption || credit) {
    data['leadImage'] = {
      ...(description ? { description: description.line.text } : {}),
      ...(caption ? { caption: caption.line.text } : {}),
      ...(credit ? { credit: credit.groups['credit'] ?? credit.line.text } : {}),
    };
    if (!caption) missing.push({ field: 'leadImage.caption', hint: 'the lead image caption as printed' });
  }

  data['capture'] = { file: options.captureFile };
  missing.push({
    field: 'capture.from',
    hint: 'where the capture came from, in words (and capture.url, the page address, when it is known)',
  });

  const credits = options.paragraphs.filter((text) => /contributed (?:reporting|to this report)/i.test(text));
  for (const text of credits)
    notes.push(`a paragraph credits contributors ("${text}"): add them to byline.contributors`);
  return { data, missing, notes };
}

function readPublished(
  date: FieldLine | undefined,
  time: FieldLine | undefined,
  notes: string[],
): Record<string, unknown> | undefined {
  if (!date) return undefined;
  const day = calendarDate(date.groups);
  if (day === undefined) {
    notes.push(`the date line "${date.line.text}" is not a real calendar date; write published by hand`);
    return undefined;
  }
  const printed = date.groups['printed'] ?? date.line.text;
  if (!time) return { date: day, precision: 'day', asPrinted: printed };
  const clock = clockTime(time.groups);
  const zone = time.groups['zone'];
  const offset = zone === undefined ? undefined : utcOffset(zone, day);
  if (clock === undefined || offset === undefined) {
    notes.push(
      `the time "${time.line.text}" has no time zone we know: published is given to the day; add time, timeZone, utcOffset and precision: minute by hand`,
    );
    return { date: day, precision: 'day', asPrinted: `${printed}, ${time.line.text}` };
  }
  return {
    date: day,
    time: clock,
    timeZone: zone,
    utcOffset: offset,
    precision: 'minute',
    asPrinted: `${printed}, ${time.line.text}`,
  };
}

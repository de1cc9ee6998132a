import type { Event } from '../../schemas/event.ts';
import type { When } from '../../schemas/when.ts';
import { filingId } from '../links/urls.ts';
import {
  boundsInSentence,
  dayKey,
  dayRangeLabel,
  formatDay,
  formatWhen,
  MONTHS,
  whenSpan,
  type Anchor,
  type Span,
} from './dates.ts';
import { MONTH_IDS, periodOfWhen, splitTimeline, type TimelinePart } from './timeline-parts.ts';
import { resolveAnchor } from './timeline.ts';

/**
 * Where the timeline files each event, so that no heading claims more than the event's date: an event
 * whose date falls within its part's period ("February 2026") is listed under the part's heading; an event
 * known only by its order under "Date not given, before 3 February 2026"; an event dated less precisely
 * than its part (a year in a part that is a month) under "2026, month not given". The part's label says when
 * it holds such entries by its dates ("Week of 2 February 2026, and entries without a date": partLabel). Pure; the content guard runs the same filing
 * (lib/content/integrity.ts checkFiling) and refuses any heading more precise than an entry's date.
 */

/** A run of a part's events under one heading. */
export interface Filing {
  /** A heading that says more than the part's period ("Date not given, before 3 February 2026", "2026, month not given"); none when the entries fall within the part's period. */
  heading?: string;
  /** Whether its entries are undated (known only by their order). */
  undated: boolean;
  /** What its heading reads on the page: `heading`, or within the part's period the year (a part of years) or the entries' own date ("7 January 2026", "January 2026"). */
  title: string;
  /** Its heading's fragment id, from the dates it names, never from its words (`filed-2025`, `filed-2026-02-03`, `filed-before-2026-02-03`): editing a title leaves it. */
  id: string;
  /** The days its heading claims; none for undated entries (their heading names only bounds). */
  span?: Span;
  /** Its events, in timeline order. */
  events: Event[];
}

const DAY_MS = 86_400_000;
const day = (year: number, month: number, date = 1): number => Date.UTC(year, month, date) / DAY_MS;

/** The days a part's id names: "2022-2025" from 1 January 2022 to 31 December 2025; "2026-february" (or "2026-january-march", "2026-march-2") its months. */
export function partPeriod(partId: string): Span {
  const [fromYear = 0, second, third] = partId.split('-');
  const years = /^\d{4}$/.test(second ?? '')
    ? [Number(fromYear), Number(second)]
    : [Number(fromYear), Number(fromYear)];
  const from = MONTH_IDS.indexOf(second ?? '');
  if (from === -1) return { first: day(years[0] ?? 0, 0), last: day((years[1] ?? 0) + 1, 0) - 1 };
  const to = MONTH_IDS.indexOf(third ?? '');
  const year = Number(fromYear);
  return { first: day(year, from), last: day(year, (to === -1 ? from : to) + 1) - 1 };
}

/** Whether a part is a month (or months) of a year, rather than whole years. */
const isMonthPart = (partId: string): boolean => MONTH_IDS.some((month) => partId.split('-').includes(month));

/** A date as a key of a fragment id: "2026-02-03", "2026-w06", "2025-fall". */
const dateKey = (when: When): string => `${when.date ?? ''}${when.season ? `-${when.season}` : ''}`.toLowerCase();

/** The heading an event is filed under in `part`, its id, and whether it is undated. */
export function filingOf(
  event: Event,
  part: Pick<TimelinePart, 'id'>,
  anchorOf: (when: When) => Anchor | undefined,
): Omit<Filing, 'events'> {
  const { when } = event;
  if (when.precision === 'relative') {
    const anchor = anchorOf(when);
    // The group first, then the bound all its entries share: "Date not given, before 3 February 2026". Each entry's
    // own line may give narrower bounds ("Between 2025 and 3 February 2026"), which the heading holds.
    const heading = anchor ? `Date not given, ${boundsInSentence(anchor)}` : 'Date not given';
    return {
      heading,
      undated: true,
      title: heading,
      id: filingId(anchor ? `${anchor.relation}-${dateKey(anchor.when)}` : 'undated'),
    };
  }
  const period = partPeriod(part.id);
  const span = whenSpan(when);
  if (holds(period, span)) {
    // Within the part's period: under its year in a part of years, else under its own date.
    const year = Number((when.date ?? '').slice(0, 4));
    const yearSpan = partPeriod(String(year));
    return !isMonthPart(part.id) && holds(yearSpan, span)
      ? { undated: false, title: String(year), id: filingId(String(year)), span: yearSpan }
      : { undated: false, title: formatWhen(when), id: filingId(dateKey(when)), span };
  }
  // Its own date is the heading: "2026, month not given" for a year within a part of months, "Week of 26 January 2026".
  const heading = `${formatWhen(when)}${when.precision === 'year' && isMonthPart(part.id) ? ', month not given' : ''}`;
  return { heading, undated: false, title: heading, id: filingId(dateKey(when)), span };
}

/**
 * A part's events in runs under one heading each (consecutive events with the same heading share it). A heading
 * that comes back after another (never so far: the order is by date) keeps its id with "-2", "-3" added.
 */
export function fileEvents(
  part: Pick<TimelinePart, 'id' | 'events'>,
  anchorOf: (when: When) => Anchor | undefined,
): Filing[] {
  const filings: Filing[] = [];
  const seen = new Map<string, number>();
  for (const event of part.events) {
    const filing = filingOf(event, part, anchorOf);
    const last = filings.at(-1);
    if (last && last.title === filing.title && last.undated === filing.undated) {
      last.events.push(event);
      continue;
    }
    const times = (seen.get(filing.id) ?? 0) + 1;
    seen.set(filing.id, times);
    filings.push({ ...filing, id: times === 1 ? filing.id : `${filing.id}-${times}`, events: [event] });
  }
  return filings;
}

/** What a part's label needs to know besides its filings: the dates of the events its entries are recorded after or before, and the meeting's event. */
export interface LabelContext {
  /** An event's date, by id (the bounds "after X", "before X" put on an entry's own date). */
  whenOf: (eventId: string) => When | undefined;
  /** The meeting's event: a part that begins on its day says so ("the meeting day"). */
  meetingEvent?: string | undefined;
}

/** The days an entry's date could mean, narrowed by the events the sources put it after and before ("February 2026, after the meeting": 3–28 February). */
function entrySpan(when: When, context: LabelContext): Span {
  const span = whenSpan(when);
  const after = when.after === undefined ? undefined : context.whenOf(when.after);
  const before = when.before === undefined ? undefined : context.whenOf(when.before);
  return {
    first: after && after.precision !== 'relative' ? Math.max(span.first, whenSpan(after).first) : span.first,
    last: before && before.precision !== 'relative' ? Math.min(span.last, whenSpan(before).last) : span.last,
  };
}

/**
 * A part's label as readers see it, saying what it holds by its dates, computed from its filings: a part of
 * years its period ("2022–2025"); a part of months the days its dated entries cover, the whole month as "February
 * 2026", a single heading as itself ("Week of 2 February 2026"), else the days ("3–10 February 2026"), "The meeting
 * day, 3 February 2026, and the rest of February" where it begins on the meeting's day; then what else it holds
 * (", and entries without a date", ", and entries dated less precisely"). `label` is the part's period as
 * splitTimeline names it ("February 2026, part 2"); its page number stays only where the dates alone say no more.
 */
export function partLabel(
  part: Pick<TimelinePart, 'id' | 'label'>,
  filings: readonly Filing[],
  context: LabelContext,
): string {
  const also = filings.some((filing) => filing.undated)
    ? ', and entries without a date'
    : filings.some((filing) => filing.heading !== undefined)
      ? ', and entries dated less precisely'
      : '';
  const [, period = part.label, page = ''] = /^(.*?)(, part \d+)?$/.exec(part.label) ?? [];
  // The entries within the part's period: those under a heading of their own are named by `also`.
  const dated = filings.filter((filing) => !filing.undated && filing.heading === undefined);
  if (!isMonthPart(part.id) || dated.length === 0) return `${period}${also}${page}`;
  const spans = dated.flatMap((filing) => filing.events.map((event) => entrySpan(event.when, context)));
  const first = Math.min(...spans.map((span) => span.first));
  const last = Math.max(...spans.map((span) => span.last));
  const whole = partPeriod(part.id);
  const meeting = context.meetingEvent === undefined ? undefined : context.whenOf(context.meetingEvent);
  const meetingDay = meeting?.precision === 'day' ? whenSpan(meeting).first : undefined;
  const monthEnd = (() => {
    const date = new Date(first * DAY_MS);
    return day(date.getUTCFullYear(), date.getUTCMonth() + 1) - 1;
  })();
  let base: string;
  if (first === meetingDay && last === first) base = `${formatDay(first)}: the meeting day`;
  else if (first === meetingDay && last === monthEnd)
    base = `The meeting day, ${formatDay(first)}, and the rest of ${MONTHS[new Date(first * DAY_MS).getUTCMonth()]}`;
  else if (first === meetingDay) base = `${dayRangeLabel(dayKey(first), dayKey(last))}: the meeting day and after`;
  else if (first <= whole.first && last >= whole.last) return `${period}${also}${page}`;
  else if (dated.length === 1) base = dated[0]?.title ?? period;
  else base = dayRangeLabel(dayKey(Math.max(first, whole.first)), dayKey(Math.min(last, whole.last)));
  return `${base}${also}`;
}

/** Whether a heading's period (`within`) holds every day an entry could fall on (`span`). */
export const holds = (within: Span, span: Span): boolean => span.first >= within.first && span.last <= within.last;

/** A part of the timeline with its events filed under their headings. */
export interface FiledPart extends TimelinePart {
  /** Its events in runs under one heading each. */
  filings: Filing[];
}

/**
 * The timeline's parts (lib/analysis/timeline-parts.ts) with each event filed, and each label saying what
 * the part holds: the one filing the pages show and the content guard checks. `anchorOf` gives an undated entry's
 * bounds (the site's adds the day of its first report, Anchor.by); by default its order alone.
 */
export function fileTimeline(
  timeline: readonly Event[],
  eventById: ReadonlyMap<string, Event>,
  meetingEvent?: string,
  anchorOf: (when: When) => Anchor | undefined = (when) => resolveAnchor(when, eventById),
): FiledPart[] {
  return splitTimeline(
    timeline,
    (event) => {
      const when = event.when.precision === 'relative' ? anchorOf(event.when)?.when : event.when;
      return when && periodOfWhen(when);
    },
    undefined,
    // A month's pages keep the events under one heading together: the meeting's day on one page.
    (event, monthPartId) => filingOf(event, { id: monthPartId }, anchorOf).id,
  )
    .map((part) => {
      const filings = fileEvents(part, anchorOf);
      const label = partLabel(part, filings, { whenOf: (id) => eventById.get(id)?.when, meetingEvent });
      return { ...part, label, filings, page: /, part \d+$/.exec(part.label)?.[0] ?? '' };
    })
    .map(({ page, ...part }, at, parts) =>
      // Two parts whose dates read alike keep their page numbers ("…, part 2"): no two labels the same.
      parts.some((other, index) => index !== at && other.label === part.label) && !part.label.endsWith(page)
        ? { ...part, label: `${part.label}${page}` }
        : part,
    );
}

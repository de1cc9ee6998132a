import { ComparisonSchema } from './comparison.ts';
import { CorrectionSchema } from './correction.ts';
import { EventSchema } from './event.ts';
import { IssueSchema } from './issue.ts';
import { MeetingSchema } from './meeting.ts';
import { OutletSchema } from './outlet.ts';
import { PersonSchema } from './person.ts';
import { QuotationSchema } from './quotation.ts';

/**
 * The analysis collections: each is a folder content/<name>/ of YAML files, every file a list of
 * entries with explicit ids. One table, so the loader, the guard and the docs cannot disagree.
 */
export const dataCollections = {
  outlets: OutletSchema,
  people: PersonSchema,
  issues: IssueSchema,
  events: EventSchema,
  quotations: QuotationSchema,
  meeting: MeetingSchema,
  comparisons: ComparisonSchema,
  corrections: CorrectionSchema,
} as const;

/** Name of one analysis collection. */
export type DataCollectionName = keyof typeof dataCollections;

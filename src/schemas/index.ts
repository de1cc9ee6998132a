/** Every content schema, by collection name: the single list the loader, the guard and the tests share. */
export { ArticleSchema, type Article, type Published } from './article.ts';
export { CitationSchema, StatementSchema, type Citation, type Statement, type OutsideSource } from './citation.ts';
export { ComparisonSchema, type Comparison } from './comparison.ts';
export { CorrectionSchema, type Correction } from './correction.ts';
export { EventSchema, type Event } from './event.ts';
export { IssueSchema, type Issue } from './issue.ts';
export { MeetingSchema, type Meeting, type MeetingLine } from './meeting.ts';
export { OutletSchema, type Outlet } from './outlet.ts';
export { PersonSchema, type Person } from './person.ts';
export { QuotationSchema, type Quotation } from './quotation.ts';
export { WhenSchema, type When } from './when.ts';

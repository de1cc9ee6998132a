import type { SiteIndex } from './site-index.ts';

/** How the log names the entries it touched: a reader's label, and a quotation's words (shown as a quotation). */
export interface CorrectionLabels {
  /** "Event: The call of 7 January", "The meeting: …", or the reference itself when unknown. */
  labelOf(ref: string): string;
  /** A quotation's words, shortened; undefined for anything else. */
  quotedOf(ref: string): string | undefined;
}

/** A log entry's kind as the log shows it. */
export const correctionKindLabel = { correction: 'Correction', update: 'Update', edition: 'Edition' } as const;

const short = (text: string): string => (text.length <= 70 ? text : `${text.slice(0, 69).trimEnd()}…`);

/** The labels of the entries the log touches, from the site index. */
export function correctionLabels(index: SiteIndex): CorrectionLabels {
  const meetingLines = [...index.meeting.facts, ...index.meeting.sections.flatMap((section) => section.lines)];
  return {
    labelOf(ref) {
      const [collection = '', id = ''] = ref.split('/');
      switch (collection) {
        case 'events':
          return `Event: ${index.eventById.get(id)?.title ?? id}`;
        case 'quotations':
          return 'Quotation';
        case 'issues':
          return `Issue: ${index.issueById.get(id)?.title ?? id}`;
        case 'people':
          return `Person: ${index.personById.get(id)?.name ?? id}`;
        case 'meeting': {
          const line = meetingLines.find((candidate) => candidate.id === id);
          const section = index.meeting.sections.find((candidate) => candidate.id === id);
          return `The meeting: ${line ? (line.label ?? short(line.text)) : (section?.heading ?? 'the account')}`;
        }
        case 'comparisons':
          return `Sources compared: ${index.comparisons.find((comparison) => comparison.id === id)?.topic ?? id}`;
        default:
          return ref;
      }
    },
    quotedOf(ref) {
      const [collection, id = ''] = ref.split('/');
      return collection === 'quotations' ? short(index.quotationById.get(id)?.text ?? id) : undefined;
    },
  };
}

import { describe, expect, it } from 'vitest';
import {
  blockKind,
  blockTitle,
  KIND_SEPARATOR,
  PAGE_KINDS,
  pageKind,
} from '../../../../src/lib/reading/search-kinds.ts';

describe('search result kinds', () => {
  it('names a page by its section: the list itself, or one of its items; the corrections log last', () => {
    expect(pageKind('/issues/sanctions/', PAGE_KINDS)).toEqual({ kind: 'Issue', last: false });
    // Points are entries on /sources/ and its further pages, not pages: a page under /sources/ is the comparison.
    expect(pageKind('/sources/page/2/', PAGE_KINDS)).toEqual({ kind: 'How the sources compare', last: false });
    expect(pageKind('/sources/', PAGE_KINDS)).toEqual({ kind: 'How the sources compare', last: false });
    expect(pageKind('/corrections/some-entry/', PAGE_KINDS)).toEqual({ kind: 'Correction', last: true });
    expect(pageKind('/corrections/', PAGE_KINDS)).toEqual({ kind: 'Corrections log', last: true });
    expect(pageKind('/', PAGE_KINDS)).toEqual({ kind: 'Home page', last: false });
    expect(pageKind('/elsewhere/', PAGE_KINDS)).toEqual({ kind: '', last: false });
  });

  it('names a block by what its "link to this" control calls it, in plain words', () => {
    expect(blockKind('Paragraph 16')).toEqual({ kind: 'Article paragraph', name: '¶16' });
    expect(blockKind('standfirst')).toEqual({ kind: 'Article', name: 'Standfirst' });
    expect(blockKind('date line')).toEqual({ kind: 'Article', name: 'Date line' });
    expect(blockKind('Pull quote, paragraph 4')).toEqual({ kind: 'Article paragraph', name: '¶4 (pull quote)' });
    expect(blockKind('Event: Petro takes office')).toEqual({ kind: 'Event', name: 'Petro takes office' });
    expect(blockKind('Quotation of Gustavo Petro: This is a pact')).toEqual({
      kind: 'Quotation',
      name: 'Gustavo Petro: “This is a pact”',
    });
    // Cut by the control's name already: one ellipsis, not two.
    expect(blockKind('Quotation of Donald Trump: He told me he doesn’t believe in…')).toEqual({
      kind: 'Quotation',
      name: 'Donald Trump: “He told me he doesn’t believe in…”',
    });
    expect(blockKind('Comparison point: U.S. sanctions on Petro')).toEqual({
      kind: 'Comparison point',
      name: 'U.S. sanctions on Petro',
    });
    expect(blockKind('Person: Gustavo Petro')).toEqual({ kind: 'Person', name: 'Gustavo Petro' });
    expect(blockKind('Issue: Sanctions')).toEqual({ kind: 'Issue', name: 'Sanctions' });
    expect(blockKind('Correction of 2026-02-10')).toEqual({ kind: 'Correction', name: 'Correction of 2026-02-10' });
    expect(blockKind('this update')).toEqual({ kind: 'Correction', name: 'Update' });
    expect(blockKind('Meeting, What was discussed: Petro says he told Trump…')).toEqual({
      kind: 'The meeting',
      name: 'What was discussed: Petro says he told Trump…',
    });
    expect(blockKind('Position of Donald Trump')).toEqual({ kind: 'Where each side stands', name: 'Donald Trump' });
    // Plain words, not "Section" (the fresh reader's review): a heading's part of a page, a part of the site.
    expect(blockKind('Section: Issues')).toEqual({ kind: 'Part of the page', name: 'Issues' });
    expect(blockKind('Part: People')).toEqual({ kind: 'Part of the site', name: 'People' });
    expect(blockTitle('Paragraph 16')).toBe('Article paragraph ¦ ¶16');
    expect(blockTitle('Something else')).toBe('Something else');
    // src/client/site-search.ts splits titles at the same separator, written there as ' ¦ '.
    expect(KIND_SEPARATOR).toBe(' ¦ ');
  });
});

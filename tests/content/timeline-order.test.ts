import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../src/data/read-sources.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { projectRoot, siteIndexOf } from '../helpers/content.ts';

// The cases of issue 12, pinned against the real content: each relation the sources give holds in
// the order of /timeline/ and of the quotations index.
const { model } = checkContent(readContentSources(projectRoot));
const index = siteIndexOf(model, (id) => ({ id, name: id, kind: 'outlet' }));
const events = index.timeline.map((event) => event.id);
const quotations = index.quotationsInOrder.map((quotation) => quotation.id);
const at = (list: readonly string[], id: string): number => {
  const position = list.indexOf(id);
  if (position === -1) throw new Error(`"${id}" is not in the list`);
  return position;
};
const before = (list: readonly string[], first: string, ...later: string[]): void => {
  for (const id of later) expect(at(list, first), `${first} before ${id}`).toBeLessThan(at(list, id));
};

describe('the timeline keeps every order the sources give', () => {
  it('lists what followed the capture of Maduro after it: the "kidnapped" dare and Trump\'s "very nice" remarks', () => {
    before(events, 'maduro-capture', 'petro-kidnapped-dare', 'trump-military-threat', 'trump-pre-visit-remarks', 'jan-7-call');
    before(quotations, 'come-get-me', 'very-nice');
    before(quotations, 'kidnapped', 'very-nice');
    before(events, 'petro-kidnapped-dare', 'jan-7-call');
  });

  it('lists the temporary visa after the 7 January call', () => {
    before(events, 'jan-7-call', 'temporary-visa', 'trump-pre-visit-remarks');
  });

  it("lists Petro's statements and his handshake post after the meeting", () => {
    before(events, 'white-house-meeting', 'petro-post-meeting-statements', 'petro-posts-handshake-photo', 'trump-working-on-remarks');
  });

  it('on 3 February, lists the meeting first, then what happened at it, then what followed; what came before it, before it', () => {
    before(events, 'white-house-meeting', 'gifts-exchanged', 'petro-rewrites-cap', 'sanctions-discussed', 'drug-bosses-shared', 'ecuador-mediation-request');
    for (const during of ['gifts-exchanged', 'sanctions-discussed', 'drug-bosses-shared', 'ecuador-mediation-request']) {
      before(events, during, 'trump-remarks-after-meeting', 'petro-hails-meeting', 'petro-embassy-remarks');
    }
    before(events, 'gifts-exchanged', 'petro-rewrites-cap');
    for (const earlier of ['colombia-previews-agenda', 'petro-murderer-hitler', 'idarraga-extradition-record']) before(events, earlier, 'white-house-meeting');
    const meetingAt = at(events, 'white-house-meeting');
    expect(events.slice(meetingAt + 1).filter((id) => index.eventById.get(id)?.when.before === 'white-house-meeting')).toEqual([]);
  });

  it('in the year before the meeting, keeps the orders the LA Times gives and no other', () => {
    // "relinquishing only after Trump threatened", "After Petro gave a speech ...": orders the text gives.
    before(events, 'trump-second-term', 'deportation-flights-refused', 'tariff-threat', 'white-house-meeting');
    before(events, 'trump-second-term', 'un-general-assembly-speech', 'visa-revoked', 'white-house-meeting');
    // The decertification, the aid halt and the recall have no time word of their own: told next to the
    // accusations of "Last fall", they are not placed after them (closeness in the text is not an order),
    // and, undated, they are known only to follow Trump's return and to precede the meeting.
    for (const id of ['decertification', 'aid-halted', 'ambassador-recalled']) {
      expect(index.eventById.get(id)?.when, id).toEqual(
        expect.objectContaining({ precision: 'relative', after: 'trump-second-term', before: 'white-house-meeting' }),
      );
      before(events, 'trump-second-term', id, 'white-house-meeting');
    }
    expect(index.timeline.filter((event) => event.when.after === 'drug-trafficker-accusation').map((event) => event.id)).toEqual([]);
  });

  it('meets every after, before and during of every event and quotation', () => {
    const place = (id: string): number => at(events, id);
    for (const event of index.timeline) {
      const { after, before: ahead, during } = event.when;
      if (after) expect(place(after), `${event.id} after ${after}`).toBeLessThan(place(event.id));
      if (during) expect(place(during), `${event.id} during ${during}`).toBeLessThan(place(event.id));
      if (ahead) expect(place(event.id), `${event.id} before ${ahead}`).toBeLessThan(place(ahead));
    }
    for (const quotation of index.quotationsInOrder) {
      for (const other of index.quotationsInOrder) {
        const [a, b] = [index.eventById.get(quotation.when.after ?? ''), index.eventById.get(other.event ?? '')];
        // A quotation said after event X comes after every quotation said during X.
        if (a && b && a.id === b.id) expect(at(quotations, other.id), `${other.id} before ${quotation.id}`).toBeLessThan(at(quotations, quotation.id));
      }
    }
  });

  it('marks "order not given" where the sources give none, and not where they do', () => {
    const unordered = index.orderNotGiven('event', events);
    // The call is not placed by the sources against Trump's "sick man" remark (January, from outside reporting).
    expect(unordered.has('white-house-meeting')).toBe(false);
    expect(unordered.has('petro-kidnapped-dare')).toBe(false);
    expect(unordered.has('sanctions-discussed')).toBe(true);
    expect(unordered.has('ecuador-mediation-request')).toBe(true);
  });

  it('dates the quotations like their events', () => {
    for (const quotation of index.quotations) {
      const event = quotation.event === undefined ? undefined : index.eventById.get(quotation.event);
      if (event && event.when.precision === 'day') expect(quotation.when, quotation.id).toMatchObject({ date: event.when.date, precision: 'day' });
    }
    expect(index.quotationById.get('design-spectacular')?.when.after).toBeUndefined();
    expect(index.quotationById.get('working-on')?.event).toBe('trump-working-on-remarks');
  });
});

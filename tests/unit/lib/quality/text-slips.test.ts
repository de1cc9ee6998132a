import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTextSlips, properWordsIn } from '../../../../src/lib/quality/text-slips.ts';

// Each fixture holds one kind of slip as the first edition printed it; clean.html holds the same passages
// written right, and what the rules must leave alone (citation badges, a pager, abbreviations, a quotation's
// own full stop, a name cut at a word with "…").
const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'text-check', `${name}.html`), 'utf8');

const names = [
  'Drugs and counternarcotics',
  'U.S. sanctions on Petro',
  'Venezuela and the capture of Maduro',
  'Donald Trump',
  'Gustavo Petro',
  'Clash Report',
];
const check = (name: string) => findTextSlips(fixture(name), { names, properWords: ['Venezuela'] });

describe('the text check catches each slip it is for', () => {
  it('names of issues and people in another case than their own', () => {
    const slips = check('name-case');
    expect(slips.map((slip) => slip.rule)).toEqual(['name-case', 'name-case']);
    expect(slips.map((slip) => slip.message)).toEqual([
      'the name “U.S. sanctions on Petro” is written “u.s. sanctions on petro”: names keep their own case',
      'the name “Venezuela and the capture of Maduro” is written “venezuela and the capture of maduro”: names keep their own case',
    ]);
  });

  it('a link run into the text before it', () => {
    const slips = check('link-spacing');
    expect(slips.map((slip) => slip.rule)).toEqual(['link-spacing', 'link-spacing']);
    expect(slips.map((slip) => slip.message)).toEqual([
      'no space before the link “drugs and counternarcotics”',
      'no space before the link “how the sources compare”',
    ]);
  });

  it('a separator without a space on each side', () => {
    expect(check('separator-spacing')).toEqual([
      {
        rule: 'separator-spacing',
        message: 'a separator (·) needs a space on each side',
        context: '…Donald Trump and Gustavo Petro· Its place in the timeline',
      },
    ]);
  });

  it('two sentences run together', () => {
    expect(check('sentence-spacing').map((slip) => slip.context)).toEqual([
      '…es not record the page address.Page furniture is left out.',
    ]);
  });

  it('a number and a noun that do not agree', () => {
    expect(check('count-agreement').map((slip) => slip.message)).toEqual([
      '“1 events”: the number and its noun do not agree',
      '“1 quotations”: the number and its noun do not agree',
    ]);
  });

  it('doubled punctuation', () => {
    expect(check('doubled-punctuation').map((slip) => slip.message)).toEqual(['doubled punctuation “.).”']);
  });

  it('a development address in the text', () => {
    expect(check('development-address').map((slip) => slip.message)).toEqual([
      "a development address “localhost:4321” in the page's text",
    ]);
  });

  it('an accessible name cut inside a word', () => {
    expect(check('cut-name')).toEqual([
      {
        rule: 'cut-name',
        message:
          'the accessible name stops inside a word: “…States sees itself as an empi” where the text reads “…States sees itself as an empire”',
        context: 'About this quotation: The United States sees itself as an empi',
      },
    ]);
  });

  it('finds nothing in the same passages written right', () => {
    expect(check('clean')).toEqual([]);
  });
});

describe('the rules, one by one', () => {
  it('a sentence-case title may lose its first capital, unless its first word is a proper noun', () => {
    const page = (text: string) => `<p>${text}</p>`;
    const slips = (text: string, proper: string[] = []) =>
      findTextSlips(page(text), {
        names: ['Energy', 'Venezuela and the capture of Maduro', 'Colombian government'],
        properWords: proper,
      }).map((slip) => slip.rule);
    expect(slips('The talks touched on energy.')).toEqual([]);
    expect(slips('the colombian government said')).toEqual([]);
    expect(slips('the colombian government said', ['Colombian'])).toEqual(['name-case']);
    expect(slips('venezuela and the capture of Maduro', ['Venezuela'])).toEqual(['name-case']);
    expect(slips('Venezuela and the capture of maduro')).toEqual(['name-case']);
  });

  it('a count in words agrees with its noun too', () => {
    const rulesOf = (text: string) => findTextSlips(`<p>${text}</p>`, { names: [] }).map((slip) => slip.rule);
    expect(rulesOf('one events, three point')).toEqual(['count-agreement', 'count-agreement']);
    expect(rulesOf('one event, three points, 1 person, 2 people, ¶1 points to it')).toEqual([]);
  });

  it('text shown as it once stood (data-verbatim: a statement before its correction) is left out', () => {
    const before = (attribute: string) =>
      findTextSlips(`<dd${attribute}>Before: the talks touched u.s. sanctions on petro.</dd>`, { names }).map(
        (slip) => slip.rule,
      );
    expect(before('')).toEqual(['name-case']);
    expect(before(' data-verbatim')).toEqual([]);
  });

  it('a development address in an accessible name is a slip too', () => {
    const html = '<a href="/x/" aria-label="Open http://127.0.0.1:4321/x/">Open</a>';
    expect(findTextSlips(html, { names: [] }).map((slip) => slip.rule)).toEqual(['development-address']);
  });

  it('properWordsIn finds the words prose capitalises where no sentence starts', () => {
    expect([
      ...properWordsIn(['The talks touched on energy, Venezuela and drugs. Gaza was raised in Gaza’s name.']),
    ]).toEqual(['Venezuela', 'Gaza']);
  });
});

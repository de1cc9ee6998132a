import { describe, expect, it } from 'vitest';
import { scanHtml } from '../../../../src/lib/security/html-scan.ts';
import { referenceScan } from '../../../helpers/html-reference.ts';

const cases: Record<string, string> = {
  'ids in document order, repeats kept':
    '<!DOCTYPE html><html><head></head><body><p id="a">x</p><div id="b"><span id="a"></span></div></body></html>',
  'quoted either way, unquoted, uppercase': `<body><P ID=one>x</P><div class='x' id='two'></div><a href=/x/ id="three">y</a></body>`,
  'a ">" inside a quoted value': '<body><meta content="a > b" id="after-gt"><p title=\'c > d\' id="p2"></p></body>',
  'character references in values': '<body><p id="a&amp;b"></p><p id="&#x61;&#98;"></p></body>',
  'comments are not markup': '<body><!-- <p id="commented"> --><p id="real"></p></body>',
  'script and style text is not markup': `<head><style>p::after{content:"<b id=no>"}</style><script type="module">const s = '<div id="no2">';</script></head><body><p id="yes"></p></body>`,
  'external scripts are not inline code':
    '<head><script type="module" src="/_astro/x.js"></script><script>inline()</script><script type="application/ld+json">{"@id":"x"}</script></head>',
  'template content': '<body><template><p id="in-template"></p></template></body>',
  'title text is not markup': '<head><title>A <b id="not-an-element"> title</title></head><body id="body"></body>',
  'empty id': '<body><p id="">x</p><p id="ok"></p></body>',
};

describe('scanHtml', () => {
  for (const [name, html] of Object.entries(cases)) {
    it(`reads what a full parse reads: ${name}`, () => {
      expect(scanHtml(html)).toEqual(referenceScan(html));
    });
  }

  it('finds the ids and inline code', () => {
    expect(scanHtml(cases['script and style text is not markup'] ?? '')).toEqual({
      ids: ['yes'],
      scripts: [`const s = '<div id="no2">';`],
      styles: ['p::after{content:"<b id=no>"}'],
    });
  });
});

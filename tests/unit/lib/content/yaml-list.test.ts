import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../../scripts/lib/corpus/corpus.ts';
import { measureProportions } from '../../../../scripts/lib/corpus/write.ts';
import { readContentSources } from '../../../../src/data/read-sources.ts';
import { parseYamlList, parseYamlListFull } from '../../../../src/lib/content/yaml-list.ts';

const projectRoot = new URL('../../../../', import.meta.url).pathname;

describe('parseYamlList: the fast path gives what the full parser gives', () => {
  it('on every analysis file of content/ (values, lines and ids)', () => {
    const files = Object.values(readContentSources(projectRoot).data).flat();
    expect(files.length).toBeGreaterThan(5);
    for (const { file, text } of files) expect(parseYamlList(file, text), file).toEqual(parseYamlListFull(file, text));
  });

  it('on every analysis file of a generated corpus', () => {
    const corpus = generateCorpus({ seed: 3, articles: 12, proportions: measureProportions(projectRoot).proportions });
    const files = [...corpus.files].filter(([path]) => path.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(5);
    for (const [file, text] of files) expect(parseYamlList(file, text), file).toEqual(parseYamlListFull(file, text));
  });

  it.each([
    ['a flow list (another layout: lines come from the full parser)', '[{ id: a }, { id: b }]\n'],
    ['a list whose items hold lists and block text', '# note\n- id: a\n  when: |\n    - not an item\n  tags:\n  - x\n  - y\n-   id: b\n'],
    ['malformed YAML', '- id: a\n  title: "unclosed\n'],
    ['a duplicate key', '- id: a\n  id: b\n'],
    ['a mapping, not a list', 'id: a\n'],
    ['an empty file', ''],
    ['dates, numbers and booleans (kept as YAML 1.2 core types: a date stays a string)', '- id: a\n  date: 2026-02-03\n  n: 0x1f\n  ok: yes\n  on: true\n'],
  ])('on %s', (_label, text) => {
    expect(parseYamlList('content/x/a.yaml', text)).toEqual(parseYamlListFull('content/x/a.yaml', text));
  });

  it('reports each item at the line it starts on', () => {
    const { items } = parseYamlList('content/x/a.yaml', '# head\n\n- id: a\n  title: A\n- id: b\n\n- id: c\n');
    expect(items.map((item) => [item.id, item.line])).toEqual([
      ['a', 3],
      ['b', 5],
      ['c', 7],
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/lib/import/errors.ts';
import { readFurnitureFile } from '../../../../src/lib/import/furniture-file.ts';
import type { ImportResult } from '../../../../src/lib/import/import-article.ts';
import { formatReport } from '../../../../src/lib/import/report.ts';
import { projectRoot } from '../../../helpers/content.ts';

describe('formatReport', () => {
  it('lists 300,000 blocks without overflowing the call stack (no spread of a capture-sized list)', () => {
    const blocks = Array.from({ length: 300_000 }, (_, index) => ({
      kind: 'paragraph' as const,
      text: 'Same words.',
      line: index + 1,
      id: `same-words-${index + 1}`,
    }));
    const result: ImportResult = {
      article: '',
      record: { capture: 'big.txt', article: 'big', lines: [] },
      blocks,
      dropped: [],
      filled: ['title'],
      missing: [],
      notes: [],
      keptIds: 0,
    };
    const report = formatReport(result, {
      articleFile: 'content/articles/big.md',
      captureFile: 'content/captures/big.txt',
      copied: true,
      replaced: false,
    });
    expect(report).toContain('Kept word for word: 300000 paragraphs:');
    expect(report).toContain('  #same-words-300000   Same words.');
  });
});

describe('readFurnitureFile', () => {
  it('refuses a YAML alias bomb as a problem naming the file, not an exception of the parser', () => {
    const bomb = readFileSync(join(projectRoot, 'tests', 'fixtures', 'bad-input', 'alias-bomb.yaml'), 'utf8')
      .replace('- id: bomb\n', 'rules:\n')
      .replace(/^ {2}/gm, '    ');
    expect(() => readFurnitureFile(bomb)).toThrow(ImportError);
    expect(() => readFurnitureFile(bomb)).toThrow(
      'content/captures/furniture.yaml:1: malformed YAML: its aliases (*name) expand to too many values (Excessive alias count indicates a resource exhaustion attack); write the values out without *aliases or deep nesting',
    );
  });
});

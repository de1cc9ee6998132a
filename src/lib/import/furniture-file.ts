import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { FurnitureFileSchema, type CaptureRecord, type FurnitureFile } from '../../schemas/capture.ts';
import { formatProblems, problemsFromZod, type Problem } from '../content/problems.ts';
import { parseYaml } from '../content/front-matter.ts';
import { ImportError } from './errors.ts';

/** Where the furniture rules and the capture records live, relative to the project root. */
export const FURNITURE_FILE = 'content/captures/furniture.yaml';

/** Parses and validates content/captures/furniture.yaml; problems name the field at fault. */
export function parseFurnitureFile(
  text: string,
  file = FURNITURE_FILE,
): { furniture?: FurnitureFile; problems: Problem[] } {
  const parsed = parseYaml(file, text, 0);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  const result = FurnitureFileSchema.safeParse(parsed.value);
  if (!result.success) return { problems: problemsFromZod(file, result.error, '') };
  return { furniture: result.data, problems: [] };
}

/** Parses furniture.yaml, throwing the formatted problems when it is invalid (for tools and tests). */
export function readFurnitureFile(text: string, file = FURNITURE_FILE): FurnitureFile {
  const { furniture, problems } = parseFurnitureFile(text, file);
  if (!furniture) throw new ImportError(formatProblems(problems));
  return furniture;
}

/**
 * The text of furniture.yaml with `record` in its `captures` list: replacing the record of the same
 * article or capture where there is one, else added at the end. Comments and the rest are kept.
 */
export function withCaptureRecord(text: string, record: CaptureRecord): string {
  const document: Document = parseDocument(text);
  const captures = document.get('captures', true);
  if (!isSeq(captures))
    throw new ImportError(`${FURNITURE_FILE} has no "captures:" list; add "captures: []" at its end`);
  const node = document.createNode({ capture: record.capture, article: record.article, lines: [] });
  const lines = node.get('lines', true);
  if (isSeq(lines)) {
    for (const line of record.lines) {
      const item = document.createNode(line);
      item.flow = true;
      lines.items.push(item);
    }
  }
  const index = captures.items.findIndex(
    (item) => isMap(item) && (item.get('article') === record.article || item.get('capture') === record.capture),
  );
  if (index === -1) captures.items.push(node);
  else captures.items[index] = node;
  return document.toString({ lineWidth: 0 });
}

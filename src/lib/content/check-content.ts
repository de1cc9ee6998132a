import { loadContent, type ContentModel, type ContentSources } from './content-model.ts';
import type { FileResults } from './file-results.ts';
import { checkIntegrity } from './integrity.ts';
import type { Problem } from './problems.ts';

/**
 * Validates all content: each file against its schema (or, with `results`, as an earlier run found the same
 * text), then every cross-reference, always.
 */
export function checkContent(
  sources: ContentSources,
  results?: FileResults,
): { model: ContentModel; problems: Problem[] } {
  const { model, problems } = loadContent(sources, results);
  return { model, problems: [...problems, ...checkIntegrity(model)] };
}

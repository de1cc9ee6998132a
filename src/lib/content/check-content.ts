import { loadContent, type ContentModel, type ContentSources } from './content-model.ts';
import { checkIntegrity } from './integrity.ts';
import type { Problem } from './problems.ts';

/** Validates all content: each file against its schema, then every cross-reference. */
export function checkContent(sources: ContentSources): { model: ContentModel; problems: Problem[] } {
  const { model, problems } = loadContent(sources);
  return { model, problems: [...problems, ...checkIntegrity(model)] };
}

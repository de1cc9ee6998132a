import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readContentSources } from '../../../src/data/read-sources.ts';
import { parseYamlList } from '../../../src/lib/content/yaml-list.ts';
import { AgreementSchema } from '../../../src/schemas/comparison.ts';
import {
  generateCorpus,
  proportionsOf,
  type CastModel,
  type ComparisonForm,
  type Corpus,
  type Proportions,
} from './corpus.ts';

/** Entries per article in the content tree at `root` (by default the project's own content/). */
export function measureProportions(root: string): { proportions: Proportions; counts: Record<string, number> } {
  const sources = readContentSources(root);
  const count = (name: keyof Proportions): number =>
    sources.data[name].reduce((sum, { file, text }) => sum + parseYamlList(file, text).items.length, 0);
  const counts = {
    articles: sources.articles.length,
    events: count('events'),
    issues: count('issues'),
    people: count('people'),
    quotations: count('quotations'),
    comparisons: count('comparisons'),
  };
  return { proportions: proportionsOf(counts), counts };
}

/** The comparison format the site's schema accepts: N-source once `agree` is an agreement, else the two-source form. */
export function currentComparisonForm(): ComparisonForm {
  return (AgreementSchema.options as readonly string[]).includes('agree') ? 'n-source' : 'two-source';
}

/**
 * Generates a corpus like the content at `like` (its proportions per article; people and issues recurring
 * across stories unless `cast` is `per-article`) and writes it as `<out>/content/`, replacing any content/
 * there. Each article's capture is a one-line file saying it is synthetic (the content check wants it to
 * exist; the capture provenance is a test over the real content); no address manifest is written (without
 * one the address guard only warns).
 */
export function writeCorpus(options: {
  out: string;
  seed: number;
  articles: number;
  like: string;
  cast?: CastModel;
}): Corpus {
  const { proportions } = measureProportions(resolve(options.like));
  const corpus = generateCorpus({
    seed: options.seed,
    articles: options.articles,
    proportions,
    comparisons: currentComparisonForm(),
    cast: options.cast ?? 'news',
  });
  const out = resolve(options.out);
  rmSync(join(out, 'content'), { recursive: true, force: true });
  for (const [path, text] of corpus.files) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return corpus;
}

// Writes a synthetic content/ tree for benchmarks: `npm run corpus -- --articles 1000 --seed 1 --out /tmp/corpus`.
// The proportions of events, quotations and comparison points per article are those of the project's
// content/ (or of --like <root>); people and issues recur across the stories of a running topic as in the
// news (--corpus per-article: every story brings new ones in today's proportions, the worst case; see
// docs/bench-build.md). The result passes `npm run check:content -- <out>`.
import { parseArgs } from 'node:util';
import { writeCorpus } from './lib/corpus/write.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    like: { type: 'string', default: '.' },
    corpus: { type: 'string', default: 'news' },
  },
});
if (values.out === undefined) {
  console.error(
    'Usage: npm run corpus -- --out <folder> [--articles 100] [--seed 1] [--like <content root>] [--corpus news|per-article]',
  );
  process.exit(2);
}
const articles = Number(values.articles);
const seed = Number(values.seed);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(seed)) {
  console.error('--articles must be a positive integer and --seed an integer');
  process.exit(2);
}
if (values.corpus !== 'news' && values.corpus !== 'per-article') {
  console.error(`--corpus must be news or per-article, not ${values.corpus}`);
  process.exit(2);
}
const corpus = writeCorpus({ out: values.out, seed, articles, like: values.like, cast: values.corpus });
const summary = Object.entries(corpus.counts)
  .map(([name, count]) => `${count} ${name}`)
  .join(', ');
console.log(`Wrote ${corpus.files.size} files to ${values.out}/content: ${summary}.`);

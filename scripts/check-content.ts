// Checks the content folder without building the site: `npm run check:content [root]`.
import { resolve } from 'node:path';
import { readAddressFiles } from '../src/data/addresses.ts';
import { readContentSources } from '../src/data/read-sources.ts';
import { parseAliases } from '../src/lib/addresses.ts';
import { checkContent } from '../src/lib/check-content.ts';
import { formatProblems } from '../src/lib/problems.ts';

const root = resolve(process.argv[2] ?? '.');
const { model, problems: contentProblems } = checkContent(readContentSources(root));
const { aliases } = readAddressFiles(root);
const problems = [...contentProblems, ...(aliases ? parseAliases(aliases.file, aliases.text).problems : [])];
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
const entries = Object.entries(model.data).map(([name, list]) => `${list.length} ${name}`);
console.log(`Content OK: ${model.articles.size} articles, ${entries.join(', ')}.`);

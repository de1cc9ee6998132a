// Checks the content folder without building the site: `npm run check:content [root]`.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readAddressFiles } from '../src/data/addresses.ts';
import { readContentSources } from '../src/data/read-sources.ts';
import { parseAliases } from '../src/lib/links/addresses.ts';
import { checkContent } from '../src/lib/content/check-content.ts';
import { FURNITURE_FILE, parseFurnitureFile } from '../src/lib/import/furniture-file.ts';
import { formatProblems } from '../src/lib/content/problems.ts';

function main(): number {
  const root = resolve(process.argv[2] ?? '.');
  const { model, problems: contentProblems } = checkContent(readContentSources(root));
  const { aliases } = readAddressFiles(root);
  const furniture = existsSync(join(root, FURNITURE_FILE))
    ? parseFurnitureFile(readFileSync(join(root, FURNITURE_FILE), 'utf8')).problems
    : [];
  const problems = [
    ...contentProblems,
    ...(aliases ? parseAliases(aliases.file, aliases.text).problems : []),
    ...furniture,
  ];
  if (problems.length > 0) {
    console.error(formatProblems(problems));
    return 1;
  }
  const entries = Object.entries(model.data).map(([name, list]) => `${list.length} ${name}`);
  console.log(`Content OK: ${model.articles.size} articles, ${entries.join(', ')}.`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  // Every known problem is reported above with its file; this is for what nobody foresaw, said without a stack trace.
  console.error(
    `Content check stopped: ${(error as Error).message ?? String(error)}. Check the file it names, or report this as a bug of the content check`,
  );
  process.exitCode = 1;
}

// Imports a raw capture as an article: `npm run import -- <capture.txt> --slug <slug> [--outlet <id>] [--force]`.
// The reading is done by src/lib/import (pure); this script only reads and writes files, in the project
// the command runs in (npm runs it at the project root; the capture path is taken from where you typed it).
// It prepares every file before it writes any, then writes them all in one step (scripts/lib/import/files.ts).
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArticleBody, type ArticleBlock } from '../src/lib/content/article-blocks.ts';
import { splitFrontMatter } from '../src/lib/content/front-matter.ts';
import { ImportError } from '../src/lib/import/errors.ts';
import { FURNITURE_FILE, readFurnitureFile, withCaptureRecord } from '../src/lib/import/furniture-file.ts';
import { checkOutlet, checkSlug, importCapture } from '../src/lib/import/import-article.ts';
import { formatReport } from '../src/lib/import/report.ts';
import { checkWritePlace, readCaptureFile, writeAllOrNothing, type FileWrite } from './lib/import/files.ts';
import { parseYamlList } from '../src/lib/content/yaml-list.ts';
import { OutletSchema, type Outlet } from '../src/schemas/outlet.ts';

const USAGE = 'usage: npm run import -- <capture.txt> --slug <slug> [--outlet <id>] [--force]';
const CAPTURE_NAME = /^[\w.-]+\.txt$/;

function main(): void {
  const root = process.cwd();
  const typedFrom = process.env['INIT_CWD'] ?? root;
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { slug: { type: 'string' }, outlet: { type: 'string' }, force: { type: 'boolean', default: false } },
    });
  } catch (error) {
    throw new ImportError(`${(error as Error).message}\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) throw new ImportError(`expected one capture file, got ${positionals.length}\n${USAGE}`);
  const slug = checkSlug(values.slug);

  // The folders it uses and the files it writes: plain folders and files of the project, never a link
  // (checked before anything is read, so that a named pipe there cannot hang it either).
  for (const folder of ['content', 'content/articles', 'content/captures', 'content/outlets'])
    checkWritePlace(join(root, folder), `${folder}/`, true);
  const articleFile = `content/articles/${slug}.md`;
  const articlePath = join(root, articleFile);
  checkWritePlace(articlePath, articleFile);
  checkWritePlace(join(root, FURNITURE_FILE), FURNITURE_FILE);
  const replacing = existsSync(articlePath);
  if (replacing && !values.force) {
    throw new ImportError(
      `${articleFile} already exists; nothing was written. Choose another --slug, or add --force to replace it (paragraphs whose text is unchanged keep their ids)`,
    );
  }
  const outlets = readOutlets(root);
  const outlet = checkOutlet(values.outlet, outlets);

  const capturePath = resolve(typedFrom, positionals[0] ?? '');
  // Named in messages as typed (an absolute path stays absolute).
  const captureShown = positionals[0] ?? capturePath;
  const bytes = readCaptureFile(capturePath, captureShown);

  const furnitureText = readFileSync(join(root, FURNITURE_FILE), 'utf8');
  const furniture = readFurnitureFile(furnitureText);
  const captureName = CAPTURE_NAME.test(basename(capturePath)) ? basename(capturePath) : `${slug}.txt`;
  const captureFile = `content/captures/${captureName}`;
  const captureCopy = join(root, captureFile);
  const copyNeeded = !existsSync(captureCopy) || realpathSync(captureCopy) !== realpathSync(capturePath);
  if (copyNeeded) checkWritePlace(captureCopy, captureFile);
  if (copyNeeded && existsSync(captureCopy) && !readCaptureFile(captureCopy, captureFile).equals(bytes)) {
    throw new ImportError(
      `${captureFile} already exists with other content, and captures are never edited; nothing was written. Rename the file you import`,
    );
  }

  const previous = replacing ? readPrevious(articleFile, readFileSync(articlePath, 'utf8')) : undefined;
  const result = importCapture({
    captureFile: captureShown,
    captureName,
    bytes,
    slug,
    outlet,
    outlets,
    rules: furniture.rules,
    ...previous,
  });

  // Everything is prepared before anything is written: the article, the capture's copy, the record, the report.
  const writes: FileWrite[] = [
    { path: articlePath, shown: articleFile, data: result.article },
    ...(copyNeeded ? [{ path: captureCopy, shown: captureFile, data: bytes }] : []),
    { path: join(root, FURNITURE_FILE), shown: FURNITURE_FILE, data: withCaptureRecord(furnitureText, result.record) },
  ];
  const report = formatReport(result, { articleFile, captureFile, copied: copyNeeded, replaced: replacing });
  const warning = writeAllOrNothing(join(root, 'content'), writes);
  console.log(report);
  if (warning !== undefined) console.warn(`Warning: ${warning}`);
}

function readOutlets(root: string): Outlet[] {
  const dir = join(root, 'content', 'outlets');
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .flatMap((name) => parseYamlList(`content/outlets/${name}`, readFileSync(join(dir, name), 'utf8')).items)
    .flatMap((item) => {
      const outlet = OutletSchema.safeParse(item.value);
      return outlet.success ? [outlet.data] : [];
    });
}

function readPrevious(file: string, text: string): { previous: ArticleBlock[]; previousBody: string } {
  const body = splitFrontMatter(file, text).result?.body ?? '';
  return { previous: parseArticleBody(body).blocks, previousBody: body };
}

try {
  main();
} catch (error) {
  // Every refusal is an ImportError that says what to do; anything else happened before the one-step
  // write (which turns its own failures into ImportErrors), so nothing was written either way.
  const message =
    error instanceof ImportError ? error.message : `${(error as Error).message ?? String(error)}; nothing was written`;
  console.error(`Import failed: ${message}`);
  process.exit(1);
}

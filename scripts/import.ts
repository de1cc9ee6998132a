// Imports a raw capture as an article: `npm run import -- <capture.txt> --slug <slug> [--outlet <id>] [--force]`.
// The reading is done by src/lib/import (pure); this script only reads and writes files, in the project
// the command runs in (npm runs it at the project root; the capture path is taken from where you typed it).
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArticleBody, type ArticleBlock } from '../src/lib/content/article-blocks.ts';
import { splitFrontMatter } from '../src/lib/content/front-matter.ts';
import { ImportError } from '../src/lib/import/errors.ts';
import { FURNITURE_FILE, readFurnitureFile, withCaptureRecord } from '../src/lib/import/furniture-file.ts';
import { checkOutlet, checkSlug, importCapture } from '../src/lib/import/import-article.ts';
import { formatReport } from '../src/lib/import/report.ts';
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
  const outlets = readOutlets(root);
  const outlet = checkOutlet(values.outlet, outlets);

  const articleFile = `content/articles/${slug}.md`;
  const articlePath = join(root, articleFile);
  const replacing = existsSync(articlePath);
  if (replacing && !values.force) {
    throw new ImportError(
      `${articleFile} already exists; nothing was written. Choose another --slug, or add --force to replace it (paragraphs whose text is unchanged keep their ids)`,
    );
  }

  const capturePath = resolve(typedFrom, positionals[0] ?? '');
  const captureShown = relative(typedFrom, capturePath) || capturePath;
  if (!existsSync(capturePath)) throw new ImportError(`no such file: ${captureShown}`);
  if (statSync(capturePath).isDirectory())
    throw new ImportError(`${captureShown} is a folder; give the capture's .txt file`);
  const bytes = readFileSync(capturePath);

  const furnitureText = readFileSync(join(root, FURNITURE_FILE), 'utf8');
  const furniture = readFurnitureFile(furnitureText);
  const captureName = CAPTURE_NAME.test(basename(capturePath)) ? basename(capturePath) : `${slug}.txt`;
  const captureCopy = join(root, 'content', 'captures', captureName);
  const copyNeeded = !existsSync(captureCopy) || realpathSync(captureCopy) !== realpathSync(capturePath);
  if (copyNeeded && existsSync(captureCopy) && !readFileSync(captureCopy).equals(bytes)) {
    throw new ImportError(
      `content/captures/${captureName} already exists with other content, and captures are never edited; nothing was written. Rename the file you import`,
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

  writeFileSync(articlePath, result.article);
  if (copyNeeded) writeFileSync(captureCopy, bytes);
  writeFileSync(join(root, FURNITURE_FILE), withCaptureRecord(furnitureText, result.record));
  console.log(
    formatReport(result, {
      articleFile,
      captureFile: `content/captures/${captureName}`,
      copied: copyNeeded,
      replaced: replacing,
    }),
  );
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
  if (!(error instanceof ImportError)) throw error;
  console.error(`Import failed: ${error.message}`);
  process.exit(1);
}

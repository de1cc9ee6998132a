// `npm run bench:build`: the build's cost as content grows, beside a plain Astro 7 site. For each size N
// (articles) it generates a synthetic corpus (scripts/generate-corpus.ts; people and issues recurring as in
// the news, or --corpus per-article for today's proportions, the worst case), builds our site on it and, in
// the same run, a baseline that renders the same article Markdown with @astrojs/markdown-remark's unified
// processor and a minimal layout (no analysis). It prints the median wall time of the cold builds, the
// peak memory of the whole process tree, the pages, files and bytes of the output, the ratios to the
// baseline and a rebuild after one article is added and cited (caches kept), where each of those builds
// spent its time (phases read from its log, scripts/lib/bench/phases.ts), and exits non-zero when a budget
// of issue 19 is missed. Our time is all of `npm run build` (scripts/build.ts): `astro build` with the content
// guard, then the CSP, the preview images, the address guard and the search index. Options: --sizes 100,1000,3000  --runs 3
// --seed 1  --corpus news|per-article  --concurrency <build.concurrency>  --without-item-pages (the
// event, quotation and comparison-point pages left out, as issue 19's homes will)  --work <folder>  --keep.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './lib/corpus/write.ts';
import { checkBudgets, formatBudget, median, type SizeFigures } from './lib/bench/budget.ts';
import { addCitedArticle, clearBuild, copySite, measureOutput, writeBaseline } from './lib/bench/projects.ts';
import { formatPhases, readPhases, type Phase } from './lib/bench/phases.ts';
import { KEY_INPUTS_VARIABLE, readKeyInputs, type KeyInputs } from '../src/lib/build/key-inputs.ts';
import { cachedCopies, compareCopies, formatKeyChanges, formatReuse } from './lib/bench/reuse.ts';
import { treeResidentBytes } from './lib/bench/process-tree.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,3000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    work: { type: 'string', default: join(tmpdir(), 'bench-build') },
    keep: { type: 'boolean', default: false },
    corpus: { type: 'string', default: 'news' },
    concurrency: { type: 'string' },
    'without-item-pages': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((size) => Number(size.trim()));
const runs = Number(values.runs);
const cast = values.corpus;
if (
  sizes.some((size) => !Number.isInteger(size) || size < 1) ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  (cast !== 'news' && cast !== 'per-article') ||
  (values.concurrency !== undefined && !/^[1-9]\d*$/.test(values.concurrency))
) {
  console.error(
    'Usage: npm run bench:build -- [--sizes 100,1000,3000] [--runs 3] [--seed 1] [--corpus news|per-article] [--concurrency N] [--without-item-pages] [--work <folder>] [--keep]',
  );
  process.exit(2);
}
const root = process.cwd();
const work = resolve(values.work);
const started = Date.now();

interface BuildResult {
  ms: number;
  /** The larger of the two below, bytes. */
  peak: number;
  /**
   * GNU time's maximum resident size of the build's largest single process (its worker threads included),
   * bytes: the `astro build` process in practice, whose peak is the largest.
   */
  processPeak: number;
  /** The highest sampled sum over the whole process tree (Pagefind's indexer included), bytes. */
  treePeak: number;
  /** Seconds from the start at which the tree's sampled peak was taken, to place it in a phase. */
  treePeakAt: number;
  /** Where the time went, read from the build's log. */
  phases: Phase[];
}

/** How often the memory of a build's whole process tree is sampled, ms. */
const SAMPLE_EVERY = 250;

/**
 * Builds `project` under GNU time, ours as `npm run build` does (scripts/build.ts: `astro build`, then the passes
 * after the pages in a process of its own), the baseline with `astro build`; the log goes to a file beside it.
 * The peak memory is the larger of GNU time's (the largest single process of the build: GNU time reads the
 * maximum resident size of the process it ran and of every descendant it waited for) and the highest sum over
 * the build's whole process tree sampled every SAMPLE_EVERY ms (its worker threads are in the first; Pagefind's
 * indexer, a process of its own, only in the second).
 */
async function build(project: string, label: string, entry: 'ours' | 'baseline'): Promise<BuildResult> {
  const log = join(work, `${label}.log`);
  const timing = join(work, `${label}.time`);
  // Every page's key inputs (src/data/page-keys.ts), to say why the rebuild rendered a page again.
  const keys = join(work, `${label}.keys`);
  rmSync(keys, { force: true });
  const out = openSync(log, 'w');
  const startedAt = new Date();
  const begin = performance.now();
  const child = spawn(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      '-o',
      timing,
      process.execPath,
      ...(entry === 'ours'
        ? [join(root, 'scripts', 'build.ts')]
        : [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build']),
    ],
    {
      cwd: project,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        SITE_URL: 'http://localhost:4321',
        [KEY_INPUTS_VARIABLE]: keys,
        ...(values.concurrency === undefined ? {} : { BUILD_CONCURRENCY: values.concurrency }),
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
    },
  );
  let treePeak = 0;
  let treePeakAt = 0;
  const sampler = setInterval(() => {
    const resident = treeResidentBytes(child.pid as number);
    if (resident > treePeak) {
      treePeak = resident;
      treePeakAt = (performance.now() - begin) / 1000;
    }
  }, SAMPLE_EVERY);
  const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const ms = performance.now() - begin;
  closeSync(out);
  if (status !== 0) {
    console.error(`${label}: the build failed (exit ${status}); the end of ${log}:`);
    console.error(readFileSync(log, 'utf8').split('\n').slice(-30).join('\n'));
    process.exit(1);
  }
  const peakKb = Number(readFileSync(timing, 'utf8').trim().split('\n').pop());
  const phases = readPhases(readFileSync(log, 'utf8'), startedAt);
  return { ms, peak: Math.max(peakKb * 1024, treePeak), processPeak: peakKb * 1024, treePeak, treePeakAt, phases };
}

/** The phase a moment of a build (seconds from its start) fell in, by the phases' lengths in order. */
function phaseAt(phases: readonly Phase[], seconds: number): string {
  let end = 0;
  for (const phase of phases) {
    end += phase.seconds;
    if (seconds <= end + 1) return phase.name;
  }
  return 'the end';
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 ** 2)} MB`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
/** A build's memory in one line: its largest process's peak, the whole tree's, and where the tree's was. */
const memoryOf = (result: BuildResult): string =>
  `largest process ${megabytes(result.processPeak)}, whole tree ${megabytes(result.treePeak)} (in ${phaseAt(result.phases, result.treePeakAt)})`;

console.log(
  `bench:build: sizes ${sizes.join(', ')}, ${runs} cold run${runs === 1 ? '' : 's'} each; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ` +
    `${megabytes(totalmem())} memory (${megabytes(freemem())} free), load ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}; Node ${process.version}`,
);
const figures: SizeFigures[] = [];
for (const articles of sizes) {
  const ours = join(work, `ours-${articles}`);
  const base = join(work, `baseline-${articles}`);
  rmSync(ours, { recursive: true, force: true });
  rmSync(base, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  copySite(root, ours);
  if (values['without-item-pages'])
    for (const route of ['events/[id].astro', 'quotations/[id].astro', 'sources/[id].astro'])
      rmSync(join(ours, 'src', 'pages', route), { force: true });
  const corpus = writeCorpus({ out: ours, seed: Number(values.seed), articles, like: root, cast });
  writeBaseline(root, base);
  writeCorpus({ out: base, seed: Number(values.seed), articles, like: root, cast });
  console.log(
    `\nN = ${articles}: ${Object.entries(corpus.counts)
      .map(([name, count]) => `${count} ${name}`)
      .join(', ')}`,
  );
  const cold: BuildResult[] = [];
  const baseCold: BuildResult[] = [];
  for (let run = 1; run <= runs; run += 1) {
    clearBuild(ours);
    cold.push(await build(ours, `ours-${articles}-cold-${run}`, 'ours'));
    clearBuild(base);
    baseCold.push(await build(base, `baseline-${articles}-cold-${run}`, 'baseline'));
    console.log(`  cold run ${run}: ours ${seconds(cold.at(-1)!.ms)}, baseline ${seconds(baseCold.at(-1)!.ms)}`);
    console.log(`  peak memory, ours: ${memoryOf(cold.at(-1)!)}; baseline: ${memoryOf(baseCold.at(-1)!)}`);
  }
  // The phases of the median cold run (by wall time) of each site, and below those of the warm rebuilds.
  const medianRun = (results: BuildResult[]): BuildResult =>
    [...results].sort((a, b) => a.ms - b.ms)[Math.floor((results.length - 1) / 2)] as BuildResult;
  console.log(`  where a cold build went (its median run), ours: ${formatPhases(medianRun(cold).phases)}`);
  console.log(`  baseline: ${formatPhases(medianRun(baseCold).phases)}`);
  // The output of the last cold build, before the rebuild adds to it.
  const output = measureOutput(join(ours, 'dist'));
  const added = addCitedArticle(ours, true);
  addCitedArticle(base, false);
  const copies = cachedCopies(ours);
  const warm = await build(ours, `ours-${articles}-warm`, 'ours');
  const baseWarm = await build(base, `baseline-${articles}-warm`, 'baseline');
  const reuse = compareCopies(copies, cachedCopies(ours));
  console.log(
    `  rebuild after ${added} was added and cited: ours ${seconds(warm.ms)} (${reuse.reused.length} pages reused, ${reuse.rendered.length} rendered again), baseline ${seconds(baseWarm.ms)}`,
  );
  console.log(`  where the rebuild went, ours: ${formatPhases(warm.phases)}`);
  console.log(`  peak memory of the rebuild, ours: ${memoryOf(warm)}; baseline: ${memoryOf(baseWarm)}`);
  console.log(`  baseline: ${formatPhases(baseWarm.phases)}`);
  // Which keyed pages the rebuild rendered again, by route: each should show what the new article changed.
  for (const line of formatReuse(reuse)) console.log(`  ${line}`);
  const keysOf = (label: string): Map<string, KeyInputs> => {
    const file = join(work, `${label}.keys`);
    return existsSync(file) ? readKeyInputs(readFileSync(file, 'utf8')) : new Map();
  };
  console.log('  why, by what the keys of the pages rendered again cover:');
  for (const line of formatKeyChanges(
    reuse.rendered,
    keysOf(`ours-${articles}-cold-${runs}`),
    keysOf(`ours-${articles}-warm`),
  ))
    console.log(`  ${line}`);
  writeFileSync(join(work, `ours-${articles}-rendered.txt`), `${reuse.rendered.join('\n')}\n`);
  figures.push({
    articles,
    cold: median(cold.map((result) => result.ms)),
    baseCold: median(baseCold.map((result) => result.ms)),
    warm: warm.ms,
    baseWarm: baseWarm.ms,
    peak: Math.max(warm.peak, ...cold.map((result) => result.peak)),
    basePeak: Math.max(baseWarm.peak, ...baseCold.map((result) => result.peak)),
    pages: output.pages,
    basePages: measureOutput(join(base, 'dist')).pages,
    files: output.files,
    bytes: output.bytes,
  });
  if (!values.keep) {
    rmSync(ours, { recursive: true, force: true });
    rmSync(base, { recursive: true, force: true });
  }
}

const rows = [
  [
    'N',
    'pages (base)',
    'files',
    'output',
    'cold, median',
    'baseline',
    'ratio',
    'rebuild',
    'ratio to base cold',
    'peak memory',
    'baseline',
  ],
  ...figures.map((figure) => [
    String(figure.articles),
    `${figure.pages} (${figure.basePages})`,
    String(figure.files),
    megabytes(figure.bytes),
    seconds(figure.cold),
    seconds(figure.baseCold),
    ratio(figure.cold, figure.baseCold),
    seconds(figure.warm),
    ratio(figure.warm, figure.baseCold),
    megabytes(figure.peak),
    megabytes(figure.basePeak),
  ]),
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
console.log('');
for (const row of rows)
  console.log(
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  '),
  );
console.log('');
const budgets = checkBudgets(figures);
for (const budget of budgets) console.log(formatBudget(budget));
console.log(
  `\nbench:build took ${seconds(Date.now() - started)}; load at the end ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
);
if (budgets.some((budget) => !budget.ok)) process.exit(1);

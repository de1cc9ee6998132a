/** The figures of one corpus size: ours and the plain-Astro baseline. */
export interface SizeFigures {
  /** Number of articles. */
  articles: number;
  /** Median wall time of the cold builds, ms. */
  cold: number;
  /** Median wall time of the baseline's cold builds, ms. */
  baseCold: number;
  /** Rebuild with the caches of the cold builds kept, after one article was added and cited, ms. */
  warm: number;
  /** The baseline's rebuild after the same article was added, ms. */
  baseWarm: number;
  /** Peak resident memory over our builds, bytes. */
  peak: number;
  /** Peak resident memory over the baseline's builds, bytes. */
  basePeak: number;
  /** Pages built. */
  pages: number;
  /** Pages the baseline built. */
  basePages: number;
  /** Files in our output folder. */
  files: number;
  /** Bytes in our output folder. */
  bytes: number;
}

/** One budget, checked or not measured. */
export interface BudgetResult {
  /** What is limited, in words. */
  name: string;
  /** The measured value, or undefined when the sizes it needs were not built. */
  value: number | undefined;
  /** The limit. */
  limit: number;
  /** How to print value and limit. */
  unit: '×' | 'GB' | 'files';
  /** Whether it holds (true when not measured). */
  ok: boolean;
}

/** The budgets of issue 19 (never loosened: a budget missed is reported with the measurement that shows why). */
export const BUDGETS = {
  /** Our cold build at N = 1,000 against the baseline's cold build. */
  coldRatio1000: 4,
  /** Our rebuild after one article is added and cited, N = 1,000, against the baseline's COLD build. */
  rebuildRatio1000: 2,
  /** Our cold build at N = 3,000 against ours at N = 1,000 (linear). */
  growth1000to3000: 3.3,
  /** Peak memory of the build's whole process tree at N = 3,000. */
  peakBytes3000: 4 * 1024 ** 3,
  /** Files in the output at N = 1,000 (what common static hosts accept). */
  files1000: 100_000,
  /** Bytes of the output at N = 1,000. */
  bytes1000: 1024 ** 3,
} as const;

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Checks the budgets against whichever sizes were measured. */
export function checkBudgets(figures: readonly SizeFigures[]): BudgetResult[] {
  const at = (articles: number): SizeFigures | undefined => figures.find((figure) => figure.articles === articles);
  const n1000 = at(1000);
  const n3000 = at(3000);
  const result = (
    name: string,
    value: number | undefined,
    limit: number,
    unit: BudgetResult['unit'],
  ): BudgetResult => ({
    name,
    value,
    limit,
    unit,
    ok: value === undefined || value <= limit,
  });
  return [
    result(
      'cold build at N = 1,000, ours / baseline',
      n1000 && n1000.cold / n1000.baseCold,
      BUDGETS.coldRatio1000,
      '×',
    ),
    result(
      'rebuild after one article is added and cited, N = 1,000, ours / baseline cold',
      n1000 && n1000.warm / n1000.baseCold,
      BUDGETS.rebuildRatio1000,
      '×',
    ),
    result(
      'growth of our cold build, N = 1,000 to 3,000',
      n1000 && n3000 && n3000.cold / n1000.cold,
      BUDGETS.growth1000to3000,
      '×',
    ),
    result('peak memory of the whole process tree at N = 3,000', n3000?.peak, BUDGETS.peakBytes3000, 'GB'),
    result('files in the output at N = 1,000', n1000?.files, BUDGETS.files1000, 'files'),
    result('size of the output at N = 1,000', n1000?.bytes, BUDGETS.bytes1000, 'GB'),
  ];
}

/** A budget as one line: "ok   cold build … 3.21× (at most 4.00×)". */
export function formatBudget(budget: BudgetResult): string {
  const show = (value: number): string =>
    budget.unit === 'GB'
      ? `${(value / 1024 ** 3).toFixed(2)} GB`
      : budget.unit === 'files'
        ? `${value.toLocaleString('en')} files`
        : `${value.toFixed(2)}×`;
  const state = budget.value === undefined ? 'n/a ' : budget.ok ? 'ok  ' : 'MISS';
  const value = budget.value === undefined ? 'not measured (needs that size in --sizes)' : show(budget.value);
  return `${state} ${budget.name}: ${value} (at most ${show(budget.limit)})`;
}

import type { z } from 'zod';

/** One thing wrong with the content: what, where, and how to fix it. */
export interface Problem {
  /** Path of the file, relative to the project root (content/...). */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** Dotted path of the field or entry at fault, when there is one. */
  field?: string;
  /** What is wrong and what was expected. */
  message: string;
}

/** Renders one problem as "file:line › field: message". */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return problem.field === undefined ? `${where}: ${problem.message}` : `${where} › ${problem.field}: ${problem.message}`;
}

/** Renders a list of problems as the message the build and the tests print. */
export function formatProblems(problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [
    `Content check failed: ${count}. Fix the file named on each line, then build again.`,
    ...problems.map((problem) => `  - ${formatProblem(problem)}`),
  ].join('\n');
}

/** Error thrown when content fails the checks; its message lists every problem. */
export class ContentError extends Error {
  /** The problems found. */
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Turns zod issues into problems naming the file and the field, prefixed with `prefix` (an entry path). */
export function problemsFromZod(file: string, error: z.ZodError, prefix: string, line?: number): Problem[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    const message = describeIssue(issue);
    return { file, ...(line === undefined ? {} : { line }), ...(path === '' ? {} : { field: path }), message };
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}; check the spelling against the schema in src/schemas/`;
  }
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return `required field is missing (expected ${issue.expected})`;
  }
  return issue.message;
}

/**
 * The passes that run on the finished pages (src/integrations/after-build.ts): what each is given and the
 * variable by which `npm run build` (scripts/build.ts) asks Astro to hand them over instead of running them.
 * Nothing heavy is imported here: scripts/build.ts loads this module while `astro build` runs beside it.
 */

/** Where a pass finds the built site and the project. */
export interface PassContext {
  /** The project's folder. */
  root: string;
  /** The built site (Astro's output folder). */
  distDir: string;
  /** The site's origin as configured (`site`), ending in '/'. */
  site: string;
  /** Astro's cache folder (node_modules/.astro/ by default), where passes keep work between builds. */
  cacheDir: string;
}

/** What a pass reports through: Astro's logger, or the same lines printed by scripts/build.ts. */
export interface PassLogger {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Work a pass leaves running when it returns (on worker threads: the preview images drawn and copied), which
 * writes nothing a later pass reads; runAfterBuild awaits it before a pass that runs `alone`, and at the end.
 */
export interface LeftRunning {
  rest: Promise<void>;
}

/** One pass after the pages: its name (the label of its log lines) and what it does. */
export interface AfterBuildPass {
  name: string;
  run(context: PassContext, logger: PassLogger): Promise<void | LeftRunning> | void | LeftRunning;
  /**
   * Runs only once the work earlier passes left running is done, with nothing beside it (the search index:
   * its indexer holds a section of the index in memory, the whole tree's peak at 3,000 articles).
   */
  alone?: boolean;
}

/** A pass's failure, naming the pass (a pass's work left running fails after later passes have begun). */
export class PassError extends Error {
  /** The pass that failed. */
  readonly pass: string;

  constructor(pass: string, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'PassError';
    this.pass = pass;
  }
}

/**
 * When set (to a file's path), `astro build` does not run the passes after the pages: it writes their
 * PassContext to that file and ends, and the process that set it runs them once Astro's process has exited
 * (scripts/build.ts), so that their memory does not come on top of what Astro holds to its end.
 */
export const HANDOFF_VARIABLE = 'AFTER_BUILD_HANDOFF';

/**
 * The file beside the handoff file in which `astro build` writes its output folder's path as soon as its config is
 * settled, for what `npm run build` does while Astro renders (the preview images' warm-up).
 */
export const outDirFileOf = (handoff: string): string => `${handoff}.out-dir`;

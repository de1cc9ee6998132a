import { createHash } from 'node:crypto';
import type { SourceFile } from './content-model.ts';

/**
 * What the content checks work out for one file on its own (its parse and schema validation), kept between
 * builds so that an unchanged file is not parsed and validated again. The checks across files (ids known,
 * duplicates, references, order) always run, on these results. A result is found by the file's path, a
 * digest of its text and the digest of the checking code (`code`): a change to either is a miss.
 */
export interface FileResults {
  /** The result kept for `source` read as `kind` ("article", a collection name), or undefined. */
  get(kind: string, source: SourceFile): unknown;
  /** Keeps `result` for `source` read as `kind`. */
  set(kind: string, source: SourceFile, result: unknown): void;
}

/** The results of a previous run and those of this one, by key; `hits` and `misses` count the lookups. */
export interface StoredFileResults extends FileResults {
  /** Whether the previous run kept a result for `source` read as `kind` (not counted as a lookup). */
  has(kind: string, source: SourceFile): boolean;
  /** The key of `source` read as `kind` (fileResultKey), worked out once a run: it changes with the text or the code. */
  keyOf(kind: string, source: SourceFile): string;
  /** The digest of the checking code the results are for. */
  readonly code: string;
  /** The results this run used or made: what to keep for the next (the others are of files gone or changed). */
  readonly current: Map<string, unknown>;
  /** Files answered from the previous run (each file and kind counted once, however often looked up). */
  readonly hits: number;
  /** Files that were not. */
  readonly misses: number;
  /** Whether `current` differs from what the previous run left (a miss, or a file of it not read). */
  readonly changed: boolean;
}

/** The key of a file's result: its kind, path and a digest of its text and of the checking code. */
export function fileResultKey(code: string, kind: string, source: SourceFile): string {
  const digest = createHash('sha256').update(code).update('\0').update(source.text).digest('base64url');
  return `${kind}\0${source.file}\0${digest}`;
}

/**
 * File results backed by those of a previous run (`previous`, as `current` was left by it), for checking code
 * whose digest is `code`. A result set in this run (worked out ahead, e.g. on another thread) answers a later
 * lookup of the same file as a miss: it was not kept from the previous run.
 */
export function fileResults(code: string, previous: ReadonlyMap<string, unknown> = new Map()): StoredFileResults {
  const current = new Map<string, unknown>();
  const hit = new Set<string>();
  const missed = new Set<string>();
  // Each file's key once a run: a digest of a long text (the analysis files run to megabytes) is not free.
  const keys = new WeakMap<SourceFile, { kind: string; text: string; key: string }[]>();
  const keyOf = (kind: string, source: SourceFile): string => {
    const known = keys.get(source) ?? [];
    const found = known.find((entry) => entry.kind === kind && entry.text === source.text);
    if (found !== undefined) return found.key;
    const key = fileResultKey(code, kind, source);
    keys.set(source, [...known, { kind, text: source.text, key }]);
    return key;
  };
  return {
    code,
    current,
    get changed() {
      return missed.size > 0 || current.size !== previous.size;
    },
    get hits() {
      return hit.size;
    },
    get misses() {
      return missed.size;
    },
    keyOf,
    has(kind, source) {
      return previous.has(keyOf(kind, source));
    },
    get(kind, source) {
      const key = keyOf(kind, source);
      if (!previous.has(key)) {
        missed.add(key);
        return current.get(key);
      }
      hit.add(key);
      const result = previous.get(key);
      current.set(key, result);
      return result;
    },
    set(kind, source, result) {
      current.set(keyOf(kind, source), result);
    },
  };
}

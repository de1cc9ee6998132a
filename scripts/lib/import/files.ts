// The importer's file system side: reading a capture safely, checking where it will write, and writing
// every file as one step (all or nothing). The reading of a capture itself is pure, in src/lib/import.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readlinkSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import { ImportError } from '../../../src/lib/import/errors.ts';
import { MAX_CAPTURE_BYTES } from '../../../src/lib/import/import-article.ts';

/** What a non-regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** A size in words: "52.4 MB", "1 MB". */
export function formatSize(bytes: number): string {
  const mb = bytes / 1_048_576;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/**
 * Reads a capture: only a regular file (a device such as /dev/zero, a named pipe or a folder is refused
 * before it is opened, so nothing hangs) of at most MAX_CAPTURE_BYTES (refused by its size, before it is
 * read). `shown` names the file in messages. A link to a capture may be read; the importer never writes there.
 */
export function readCaptureFile(path: string, shown: string): Buffer {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ImportError(`no such file: ${shown}`);
    throw new ImportError(`cannot read ${shown} (${(error as Error).message}); check the path and its permissions`);
  }
  if (stats.isDirectory()) throw new ImportError(`${shown} is a folder; give the capture's .txt file`);
  const refuseKind = (found: Stats): never => {
    throw new ImportError(
      `${shown} is ${kindOf(found)}, not a regular file; save the article's page as a .txt file and import that`,
    );
  };
  const refuseSize = (size: number): never => {
    throw new ImportError(
      `${shown} is ${formatSize(size)}, more than the ${formatSize(MAX_CAPTURE_BYTES)} a capture may be (an article's text is a few dozen KB); check that this is the article's page saved as text`,
    );
  };
  if (!stats.isFile()) refuseKind(stats);
  if (stats.size > MAX_CAPTURE_BYTES) refuseSize(stats.size);
  // Opened without blocking, and checked again once open: the file may have been swapped since.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) refuseKind(opened);
    const buffer = Buffer.alloc(MAX_CAPTURE_BYTES + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read)
      read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_CAPTURE_BYTES) refuseSize(Math.max(length, opened.size));
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses a place the importer would write to that is not a plain file or folder of the project: a
 * symbolic link (writing would change the file it points to, perhaps outside the repository), a folder
 * where a file goes, a device or a pipe. `shown` is the path relative to the project root; `folder` says
 * what is expected there. A path that does not exist yet is fine for a file.
 */
export function checkWritePlace(path: string, shown: string, folder = false): void {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !folder) return;
    throw new ImportError(
      `${shown} cannot be used (${(error as Error).message}); run the import at the project root, where ${folder ? 'that folder exists' : 'it can write'}`,
    );
  }
  if (stats.isSymbolicLink()) {
    throw new ImportError(
      `${shown} is a symbolic link (to ${readlinkSync(path)}); the importer writes only plain files inside the project, never through a link: replace the link with the ${folder ? 'folder' : 'file'} itself, or remove it, and import again`,
    );
  }
  if (folder ? !stats.isDirectory() : !stats.isFile()) {
    throw new ImportError(
      `${shown} is ${kindOf(stats)}, where the importer writes ${folder ? 'into a folder' : 'a file'}; move it away and import again`,
    );
  }
}

/** One file to write: where, as shown in messages, and what. */
export interface FileWrite {
  /** Absolute path. */
  path: string;
  /** Path relative to the project root, for messages. */
  shown: string;
  /** The new content. */
  data: string | Uint8Array;
}

/** The file operations the one-step write uses (the tests pass ones that fail at a chosen step). */
export interface WriteOps {
  mkdtemp: (prefix: string) => string;
  writeFile: (path: string, data: string | Uint8Array) => void;
  rename: (from: string, to: string) => void;
  exists: (path: string) => boolean;
  remove: (path: string) => void;
}

/** The real file system. */
export const fileOps: WriteOps = {
  mkdtemp: (prefix) => mkdtempSync(prefix),
  writeFile: (path, data) => writeFileSync(path, data, { flag: 'wx' }),
  rename: (from, to) => renameSync(from, to),
  exists: (path) => {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  },
  remove: (path) => rmSync(path, { recursive: true, force: true }),
};

/**
 * Writes every file as one step: each new content first goes to a temporary folder beside the files
 * (`stageDir`, on the same file system, so that a rename moves it in place at once), then every file is
 * moved in, the old one kept aside until all are in. When any step fails, every file moved in so far is
 * taken out again and every old one put back, so the tree is as it was, and the failure is an ImportError
 * saying so. Returns a warning when the old copies could not be removed afterwards (the files are written).
 */
export function writeAllOrNothing(
  stageDir: string,
  writes: readonly FileWrite[],
  ops: WriteOps = fileOps,
): string | undefined {
  let stage: string;
  try {
    stage = ops.mkdtemp(join(stageDir, '.import-'));
  } catch (error) {
    throw new ImportError(
      `could not make a temporary folder in ${stageDir} (${(error as Error).message}); nothing was written`,
    );
  }
  const placed: { write: FileWrite; backup: string | undefined }[] = [];
  let current = writes[0];
  try {
    for (const [index, write] of writes.entries()) {
      current = write;
      ops.writeFile(join(stage, String(index)), write.data);
    }
    for (const [index, write] of writes.entries()) {
      current = write;
      let backup: string | undefined;
      if (ops.exists(write.path)) {
        backup = join(stage, `${index}.old`);
        ops.rename(write.path, backup);
      }
      placed.push({ write, backup });
      ops.rename(join(stage, String(index)), write.path);
    }
  } catch (error) {
    const unrestored = rollBack(placed, ops);
    const reason = `could not write ${current?.shown ?? 'the files'} (${(error as Error).message})`;
    if (unrestored.length > 0) {
      throw new ImportError(
        `${reason}, and could not put back ${unrestored.join(', ')}: their previous versions are in ${stage}; move them back by hand`,
      );
    }
    try {
      ops.remove(stage);
    } catch {
      // Only the temporary copies are left; the project's files are as they were.
    }
    throw new ImportError(`${reason}; nothing was written, every file is as it was`);
  }
  try {
    ops.remove(stage);
    return undefined;
  } catch (error) {
    return `the files are written, but the temporary folder ${stage} could not be removed (${(error as Error).message}); delete it`;
  }
}

/** Takes out every file moved in and puts back its old version, last first; returns those it could not restore. */
function rollBack(placed: readonly { write: FileWrite; backup: string | undefined }[], ops: WriteOps): string[] {
  const unrestored: string[] = [];
  for (const { write, backup } of [...placed].reverse()) {
    try {
      if (backup !== undefined) {
        if (ops.exists(backup)) ops.rename(backup, write.path);
      } else if (ops.exists(write.path)) ops.remove(write.path);
    } catch {
      unrestored.push(write.shown);
    }
  }
  return unrestored;
}

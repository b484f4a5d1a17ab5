import * as path from 'node:path';
import { Minimatch, type MinimatchOptions } from 'minimatch';
import { folderFromLevels, type IgnoreLevel, ignoreLevel, isEntryGitIgnored, isGitIgnored } from './gitignoreStack';
import type { SkippedFile } from './model';
import { errorCode } from '../files/errorCode';
import { displayPath, displaySegment } from '../values/redactValues';
import { nodeFileSystem, type WalkerFileSystem, type WalkerStats } from './walkerFileSystem';

/** Folders that hold dependencies or build output: skipped, and reported once per folder. */
export const DEFAULT_IGNORED_FOLDERS: readonly string[] = [
  'node_modules', 'dist', 'out', 'build', 'target', '.next', 'coverage', '.piaudit-cache',
];
/** Version-control metadata: never content, skipped without a report. */
const VCS_FOLDERS = new Set(['.git', '.svn', '.hg']);

export interface WalkOptions {
  /** Globs on the relative path (forward slashes); when given, only matching files are yielded. */
  include?: readonly string[];
  /** Globs on the relative path; matching files and folders are out of scope. */
  exclude?: readonly string[];
  /** Files larger than this many bytes are skipped with reason `too-large`. */
  maxFileSize?: number;
  /** Honour `.gitignore` files (and the repository's `.git/info/exclude`); default true. */
  useGitignore?: boolean;
  /** Folder names skipped wherever they occur; default DEFAULT_IGNORED_FOLDERS. */
  ignoredFolders?: readonly string[];
  /**
   * The folder relative paths are relative to (the workspace folder or repository); default:
   * the walked folder, a file's folder, or the common parent folder of several paths.
   */
  root?: string;
  /** Told about everything in scope that is not yielded, in walk order. */
  onSkip?: (skip: SkippedFile) => void;
  signal?: AbortSignal;
  fs?: WalkerFileSystem;
  /**
   * Check that each file can be opened (`canRead`) and report it `unreadable` when not; default
   * true. A caller that reads every file it is given and reports what it cannot read with the
   * same reason (a scan) saves a call per file.
   */
  checkReadable?: boolean;
}

/** A folder being walked: its entries in walk order, how far the walk has got, the ignore rules in force. */
interface OpenFolder {
  dir: string;
  /** Relative to the root, forward slashes ('' for the root). */
  relDir: string;
  /** `relDir` as shown (`displayPath`), worked out once for all its entries. */
  shownDir: string;
  real: string;
  names: string[];
  next: number;
  levels: readonly IgnoreLevel[];
  /** The folder as each level sees it (`folderFromLevels`). */
  seenFrom: readonly (string | undefined)[];
}

/**
 * A file in scope. `relPath` is relative to the root folder, with forward slashes, and is the
 * name every output shows: a PI value in a file or folder name is masked (`displayPath`).
 */
export interface WalkedFile {
  absPath: string;
  relPath: string;
  size: number;
}

/**
 * Skip reasons: `ignored-folder` (dependencies or build output, reported once with `file`
 * ending in `/`), `too-large`, `symlink-loop`, `symlink-duplicate` (a link to something already
 * walked), `unreadable: <error code>` (also for a path that does not exist).
 */
export type SkipReason = 'ignored-folder' | 'too-large' | 'symlink-loop' | 'symlink-duplicate' | `unreadable: ${string}`;

/**
 * Yields every file in scope under `paths` (folders or files) in a deterministic order: depth
 * first, names sorted by code unit. Everything in scope that is not yielded goes to `onSkip`
 * with its reason. Files excluded by `.gitignore`, `exclude` or a non-matching `include` were
 * never in scope and are not reported. A path that is a file is yielded when include/exclude
 * allow it, whatever `.gitignore` says, because the user named it; so is a named folder that the
 * repository ignores (its own ignore files still apply inside it). When the signal aborts the
 * walk stops by throwing the signal's reason.
 */
export async function* walkFiles(paths: string | readonly string[], options: WalkOptions = {}): AsyncGenerator<WalkedFile> {
  const starts = (typeof paths === 'string' ? [paths] : [...paths]).map((p) => path.resolve(p));
  const fs = options.fs ?? nodeFileSystem;
  const startStats = await Promise.all(starts.map((p) => fs.stat(p).then((s): WalkerStats | Error => s, toError)));
  const root = path.resolve(options.root ?? defaultRoot(starts, startStats));
  const walk = new Walk(fs, root, options);

  for (let i = 0; i < starts.length; i++) {
    options.signal?.throwIfAborted();
    const start = starts[i];
    const stats = startStats[i];
    if (stats instanceof Error) {
      walk.skip(start, false, unreadable(stats));
    } else if (stats.isDirectory()) {
      yield* walk.tree(start, await walk.ignoreLevelsAbove(start));
    } else if (stats.isFile()) {
      const file = await walk.namedFile(start, stats);
      if (file) yield file;
    }
  }
}

class Walk {
  private readonly globOptions: MinimatchOptions = { dot: true, matchBase: true, nocomment: true };
  /** Compiled once: compiling a glob costs ~60 times a match, and every entry is matched against every glob. */
  private readonly include: readonly Minimatch[];
  private readonly exclude: readonly Minimatch[];
  private readonly ignoredFolders: ReadonlySet<string>;
  /** Real paths of the folders and files walked so far, and of the folders being walked (loops). */
  private readonly walkedDirs = new Set<string>();
  private readonly openDirs = new Set<string>();
  private readonly walkedFiles = new Set<string>();

  constructor(
    private readonly fs: WalkerFileSystem,
    private readonly root: string,
    private readonly options: WalkOptions,
  ) {
    this.ignoredFolders = new Set(options.ignoredFolders ?? DEFAULT_IGNORED_FOLDERS);
    this.include = (options.include ?? []).map((glob) => new Minimatch(glob, this.globOptions));
    this.exclude = (options.exclude ?? []).map((glob) => new Minimatch(glob, this.globOptions));
  }

  /** A file the caller named: only include/exclude apply. */
  async namedFile(absPath: string, stats: WalkerStats): Promise<WalkedFile | undefined> {
    const relPath = this.rel(absPath);
    if (!this.inScope(relPath, false)) return undefined;
    const real = await this.realPathOr(absPath);
    if (this.walkedFiles.has(real)) return undefined; // named twice, or also under a named folder
    this.walkedFiles.add(real);
    return this.file(absPath, displayPath(relPath), stats);
  }

  /**
   * Every file under a folder, depth first, with the folders being walked on an explicit stack:
   * nested async generators would hand each file up through one generator per level.
   */
  async *tree(start: string, levels: readonly IgnoreLevel[]): AsyncGenerator<WalkedFile> {
    const stack: OpenFolder[] = [];
    const first = await this.open(start, this.rel(start), levels, false);
    if (first) stack.push(first);
    try {
      while (stack.length > 0) {
        const folder = stack[stack.length - 1];
        if (folder.next === folder.names.length) {
          stack.pop();
          this.openDirs.delete(folder.real);
          continue;
        }
        const found = await this.entry(folder, folder.names[folder.next++]);
        if (found === undefined) continue;
        if ('names' in found) stack.push(found);
        else yield found;
      }
    } finally {
      for (const folder of stack) this.openDirs.delete(folder.real);
    }
  }

  /**
   * Opens a folder for walking: its sorted entries and the ignore rules inside it, or undefined
   * when it was walked already (a loop or a second way in) or cannot be read (reported).
   * `knownReal` is the folder's real path when its parent's is known and it is no link: asking
   * the file system costs a lookup per path segment, quadratic in the depth of the tree (a
   * 1,000-deep tree took 37 s).
   */
  private async open(dir: string, relDir: string, levels: readonly IgnoreLevel[], viaSymlink: boolean, knownReal?: string): Promise<OpenFolder | undefined> {
    this.options.signal?.throwIfAborted();
    let real: string;
    let names: string[];
    try {
      real = knownReal ?? (await this.fs.realpath(dir));
      if (this.openDirs.has(real) || this.walkedDirs.has(real)) {
        // Through a link: a loop or a second way in, worth telling. Otherwise a folder named
        // twice or inside another named folder: nothing new, nothing to say.
        if (viaSymlink) this.skip(dir, true, this.openDirs.has(real) ? 'symlink-loop' : 'symlink-duplicate');
        return undefined;
      }
      names = await this.fs.readdir(dir);
    } catch (error) {
      this.skip(dir, true, unreadable(error));
      return undefined;
    }
    this.walkedDirs.add(real);
    this.openDirs.add(real);
    const own = this.options.useGitignore === false ? undefined : await this.readIgnoreFile(dir, '.gitignore');
    const active = own ? [...levels, own] : levels;
    return { dir, relDir, shownDir: displayPath(relDir), real, names: names.sort(compareCodeUnits), next: 0, levels: active, seenFrom: folderFromLevels(active, dir) };
  }

  /** One entry of a folder: a file in scope, a folder to walk, or nothing (out of scope, skipped). */
  private async entry(folder: OpenFolder, name: string): Promise<WalkedFile | OpenFolder | undefined> {
    this.options.signal?.throwIfAborted();
    // `path.join` without its normalising: the folder's path is normal and a name has no separator.
    const absPath = folder.dir.endsWith(path.sep) ? `${folder.dir}${name}` : `${folder.dir}${path.sep}${name}`;
    // The same as `rel(absPath)`, which is lexical, without working it out from the root again.
    const relPath = folder.relDir === '' ? name : `${folder.relDir}/${name}`;
    const levels = folder.levels;
    let stats: WalkerStats;
    let isLink = false;
    try {
      stats = await this.fs.lstat(absPath);
      if (stats.isSymbolicLink()) {
        isLink = true;
        stats = await this.fs.stat(absPath);
      }
    } catch (error) {
      // A dangling link or an entry that vanished: report it if it was in scope.
      if (!isEntryGitIgnored(levels, folder.seenFrom, name, false) && this.inScope(relPath, false)) this.skip(absPath, false, unreadable(error));
      return undefined;
    }
    const isDirectory = stats.isDirectory();
    if (isDirectory && VCS_FOLDERS.has(name)) return undefined;
    if (isEntryGitIgnored(levels, folder.seenFrom, name, isDirectory) || !this.inScope(relPath, isDirectory)) return undefined;

    if (isDirectory) {
      if (this.ignoredFolders.has(name)) {
        this.skip(absPath, true, 'ignored-folder');
        return undefined;
      }
      return this.open(absPath, relPath, levels, isLink, isLink ? undefined : path.join(folder.real, name));
    }
    // Sockets, FIFOs and devices hold nothing anyone wrote: neither walked nor reported.
    if (!stats.isFile()) return undefined;
    const real = isLink ? await this.realPathOr(absPath) : path.join(folder.real, name);
    if (this.walkedFiles.has(real)) {
      if (isLink) this.skip(absPath, false, 'symlink-duplicate');
      return undefined;
    }
    this.walkedFiles.add(real);
    // displayPath masks each name on its own: the folder's shown path, then this name.
    const shown = folder.shownDir === '' ? displaySegment(name) : `${folder.shownDir}/${displaySegment(name)}`;
    return this.file(absPath, shown, stats);
  }

  /** The file as yielded (`shown`: its relative path as shown), unless it is too large or (when the walk checks) unreadable. */
  private async file(absPath: string, shown: string, stats: WalkerStats): Promise<WalkedFile | undefined> {
    const max = this.options.maxFileSize;
    if (max !== undefined && stats.size > max) {
      this.skip(absPath, false, 'too-large');
      return undefined;
    }
    if (this.options.checkReadable !== false) {
      try {
        await this.fs.canRead(absPath);
      } catch (error) {
        this.skip(absPath, false, unreadable(error));
        return undefined;
      }
    }
    this.options.signal?.throwIfAborted();
    return { absPath, relPath: shown, size: stats.size };
  }

  /**
   * The ignore rules that reach `start` from outside it: the repository's `.git/info/exclude`
   * and the `.gitignore` of every folder from the repository's top down to `start`'s parent
   * (`start`'s own is read when it is walked). Nothing when `start` is in no repository.
   */
  async ignoreLevelsAbove(start: string): Promise<IgnoreLevel[]> {
    if (this.options.useGitignore === false) return [];
    const above: string[] = [];
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (dir !== start) above.unshift(dir);
      if (await this.exists(path.join(dir, '.git'))) {
        const levels: IgnoreLevel[] = [];
        const exclude = await this.readIgnoreFile(dir, path.join('.git', 'info', 'exclude'));
        if (exclude) levels.push(exclude);
        for (const folder of above) {
          const level = await this.readIgnoreFile(folder, '.gitignore');
          if (level) levels.push(level);
        }
        // A folder the user named is walked even when the repository ignores it (as ripgrep
        // does): only the ignore files inside it apply then, or the scan would find nothing.
        const named = [...above.slice(1), start];
        if (named.some((folder) => isGitIgnored(levels, folder, true))) return [];
        return levels;
      }
      if (path.dirname(dir) === dir) return [];
    }
  }

  /** The rules in `dir/<file>`; undefined when there is none, or (reported) when it cannot be read. */
  private async readIgnoreFile(dir: string, file: string): Promise<IgnoreLevel | undefined> {
    const absPath = path.join(dir, file);
    try {
      return ignoreLevel(dir, new TextDecoder().decode(await this.fs.readFile(absPath)));
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.skip(absPath, false, unreadable(error));
      return undefined;
    }
  }

  private async exists(absPath: string): Promise<boolean> {
    try {
      await this.fs.lstat(absPath);
      return true;
    } catch (error) {
      const code = errorCode(error);
      // Anything but "not there" (say, a folder above the workspace we may not look into) is
      // reported, and the search goes on as if the path were absent.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.skip(absPath, false, unreadable(error));
      return false;
    }
  }

  private async realPathOr(absPath: string): Promise<string> {
    try {
      return await this.fs.realpath(absPath);
    } catch (error) {
      // stat just succeeded, so this is a race with a deletion: the logical path still names it.
      if (errorCode(error) === undefined) throw error;
      return absPath;
    }
  }

  /** Exclude wins over include; include filters files only (a folder may hold matching files). */
  private inScope(relPath: string, isDirectory: boolean): boolean {
    const matches = (glob: Minimatch): boolean => glob.match(relPath) || (isDirectory && glob.match(`${relPath}/`));
    if (this.exclude.some(matches)) return false;
    return isDirectory || this.include.length === 0 || this.include.some(matches);
  }

  skip(absPath: string, isDirectory: boolean, reason: SkipReason): void {
    const relPath = displayPath(this.rel(absPath)) || '.';
    this.options.onSkip?.({ file: isDirectory ? `${relPath}/` : relPath, reason });
  }

  private rel(absPath: string): string {
    return path.relative(this.root, absPath).split(path.sep).join('/');
  }
}

/** The walked folder, a named file's folder, or the deepest folder containing all paths. */
function defaultRoot(starts: readonly string[], stats: ReadonlyArray<WalkerStats | Error>): string {
  if (starts.length === 0) return process.cwd();
  const folders = starts.map((p, i) => {
    const s = stats[i];
    return s instanceof Error || !s.isDirectory() ? path.dirname(p) : p;
  });
  return folders.reduce(commonAncestor);
}

function commonAncestor(a: string, b: string): string {
  let dir = a;
  for (;;) {
    const rel = path.relative(dir, b);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return dir;
    dir = parent;
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}


function unreadable(error: unknown): SkipReason {
  return `unreadable: ${errorCode(error) ?? (error instanceof Error ? error.message : String(error))}`;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

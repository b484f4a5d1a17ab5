import { constants, promises as fsp } from 'node:fs';

/**
 * The file-system calls the walker makes, so the editor can hand in its own view (or a test a
 * failing one) without the walker knowing. Paths are absolute, in the platform's form.
 */
export interface WalkerFileSystem {
  lstat(path: string): Promise<WalkerStats>;
  stat(path: string): Promise<WalkerStats>;
  readdir(path: string): Promise<string[]>;
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<Uint8Array>;
  /** Resolves when the file can be opened for reading. */
  canRead(path: string): Promise<void>;
}

export interface WalkerStats {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  size: number;
}

export const nodeFileSystem: WalkerFileSystem = {
  lstat: (path) => fsp.lstat(path),
  stat: (path) => fsp.stat(path),
  readdir: (path) => fsp.readdir(path),
  realpath: (path) => fsp.realpath(path),
  readFile: (path) => fsp.readFile(path),
  canRead: (path) => fsp.access(path, constants.R_OK),
};

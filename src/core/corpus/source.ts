/** The only way core touches storage: the CLI and worker use the Node implementation, tests may use memory. */

export interface FileStat {
  kind: 'file' | 'directory' | 'other';
  size: number;
  /** Identity of the target after following links, to break symlink loops. */
  realPath: string;
}

export interface CorpusSource {
  stat(path: string): Promise<FileStat>;
  readDirectory(path: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
}

export interface LoadLimits {
  /** Files larger than this are skipped with a diagnostic. */
  maxFileBytes: number;
  /** Stop discovering after this many files (reported). */
  maxFiles: number;
  /** The setting or option that sets maxFileBytes, named when a file is skipped for its size. */
  maxFileBytesOption?: string;
}

export const DEFAULT_LIMITS: LoadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxFiles: 200_000,
};

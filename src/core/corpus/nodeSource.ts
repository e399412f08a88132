import { promises as fs, readdirSync, readFileSync, realpathSync, statSync } from 'fs';
import type { CorpusSource, FileStat } from './source';

/** CorpusSource over the local file system (Node only; used by the CLI and the extension host). */
export const nodeSource: CorpusSource = {
  async stat(path: string): Promise<FileStat> {
    const st = await fs.stat(path);
    const realPath = await fs.realpath(path);
    return { kind: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other', size: st.size, realPath };
  },
  async readDirectory(path: string): Promise<string[]> {
    return (await fs.readdir(path)).sort();
  },
  async readFile(path: string): Promise<Uint8Array> {
    return fs.readFile(path);
  },
};

/**
 * The same over blocking calls, for an indexing worker: it has nothing else to do while it waits
 * for the disk, and each asynchronous call costs a round trip through libuv's small thread pool,
 * which all workers share. On a warm reopen (every file a cache hit) those round trips were most
 * of the time.
 */
export const blockingNodeSource: CorpusSource = {
  stat(path: string): Promise<FileStat> {
    return attempt(() => {
      const st = statSync(path);
      return { kind: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other', size: st.size, realPath: realpathSync(path) };
    });
  },
  readDirectory(path: string): Promise<string[]> {
    return attempt(() => readdirSync(path).sort());
  },
  readFile(path: string): Promise<Uint8Array> {
    return attempt(() => readFileSync(path));
  },
};

function attempt<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (err) {
    return Promise.reject(err);
  }
}

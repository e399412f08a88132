import { promises as fs } from 'fs';
import type { CorpusSource, FileStat } from './source';

/** CorpusSource over the local file system (Node only; used by the CLI and the indexing worker). */
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

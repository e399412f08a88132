/** Every id the extension contributes, in one place (must match package.json). */
export const EXTENSION_ID = 'news-lens.news-lens';

export const Views = {
  container: 'newsLens',
  entities: 'newsLens.entities',
  events: 'newsLens.events',
  articles: 'newsLens.articles',
} as const;

export const Commands = {
  refresh: 'newsLens.refresh',
  openSummaries: 'newsLens.openSummaries',
  addFolder: 'newsLens.addFolder',
  useSample: 'newsLens.useSample',
  configure: 'newsLens.configure',
  showLog: 'newsLens.showLog',
} as const;

export const Settings = {
  section: 'newsLens',
  corpusPaths: 'corpus.paths',
  corpusInclude: 'corpus.include',
  useSample: 'corpus.useSample',
  workers: 'index.workers',
  maxFileSizeMB: 'index.maxFileSizeMB',
  fileTimeoutSeconds: 'index.fileTimeoutSeconds',
  cacheEnabled: 'index.cache',
  summarySentences: 'summary.sentences',
} as const;

export const ContextKeys = {
  state: 'newsLens.state',
} as const;

export const ARTICLE_SCHEME = 'news-lens';

/** Every id the extension contributes, in one place (must match package.json). */
export const EXTENSION_ID = 'news-lens.news-lens';

export const Views = {
  container: 'newsLens',
  entities: 'newsLens.entities',
  events: 'newsLens.events',
  articles: 'newsLens.articles',
} as const;

export const Panels = {
  summaries: 'newsLens.summaries',
  connections: 'newsLens.connections',
  timeline: 'newsLens.timeline',
} as const;

export const Commands = {
  refresh: 'newsLens.refresh',
  cancelIndexing: 'newsLens.cancelIndexing',
  openSummaries: 'newsLens.openSummaries',
  showConnections: 'newsLens.showConnections',
  showTimeline: 'newsLens.showTimeline',
  addFolder: 'newsLens.addFolder',
  useSample: 'newsLens.useSample',
  configure: 'newsLens.configure',
  showLog: 'newsLens.showLog',
  export: 'newsLens.export',
  revealEntityUnderCursor: 'newsLens.revealEntityUnderCursor',
  filterByDate: 'newsLens.filterByDate',
  filterBySource: 'newsLens.filterBySource',
  clearDateSourceFilter: 'newsLens.clearDateSourceFilter',
  // Used from views, hovers and the panel; hidden from the Command Palette.
  revealEntity: 'newsLens.revealEntity',
  showMentions: 'newsLens.showMentions',
  openArticle: 'newsLens.openArticle',
  sortByName: 'newsLens.entities.sortByName',
  sortByMentions: 'newsLens.entities.sortByMentions',
  filterEntities: 'newsLens.entities.filter',
  clearEntityFilter: 'newsLens.entities.clearFilter',
  showMore: 'newsLens.showMore',
  // Corrections: on an entity (tree, hover card), on a selection, and undo.
  renameEntity: 'newsLens.entity.rename',
  retypeEntity: 'newsLens.entity.retype',
  mergeEntity: 'newsLens.entity.merge',
  detachAlias: 'newsLens.entity.detach',
  ignoreEntity: 'newsLens.entity.ignore',
  markAsPerson: 'newsLens.markAsPerson',
  markAsOrganization: 'newsLens.markAsOrganization',
  markAsPlace: 'newsLens.markAsPlace',
  markAsRole: 'newsLens.markAsRole',
  undoCorrection: 'newsLens.undoCorrection',
  openCurationFile: 'newsLens.openCurationFile',
} as const;

export const Settings = {
  section: 'newsLens',
  corpusPaths: 'corpus.paths',
  corpusInclude: 'corpus.include',
  corpusFields: 'corpus.fields',
  useSample: 'corpus.useSample',
  hoverEnabled: 'hover.enabled',
  decorationsEnabled: 'decorations.enabled',
  autoReveal: 'tree.autoReveal',
  workers: 'index.workers',
  maxFileSizeMB: 'index.maxFileSizeMB',
  fileTimeoutSeconds: 'index.fileTimeoutSeconds',
  cacheEnabled: 'index.cache',
  cacheMaxMB: 'index.cacheMaxMB',
  summarySentences: 'summary.sentences',
  eventsOrder: 'events.order',
  watchlists: 'watchlists',
} as const;

export const ContextKeys = {
  state: 'newsLens.state',
  entitySort: 'newsLens.entities.sort',
  entityFiltered: 'newsLens.entities.filtered',
  /** A date or source filter is set (see features/filter). */
  dateSourceFiltered: 'newsLens.filter.active',
  canUndoCorrection: 'newsLens.canUndoCorrection',
} as const;

/**
 * Theme colours contributed in package.json, one per entity type. One dot only: webviews get them as
 * `--vscode-` + the id with its first dot turned into a dash (`--vscode-newsLens-personForeground`).
 */
export const EntityColors = {
  person: 'newsLens.personForeground',
  organization: 'newsLens.organizationForeground',
  place: 'newsLens.placeForeground',
  date: 'newsLens.dateForeground',
  role: 'newsLens.roleForeground',
  nationality: 'newsLens.nationalityForeground',
} as const;

export const ARTICLE_SCHEME = 'news-lens';

/** The scheme of the resource a tree item of an entity names, for its badges (see curation/badges.ts). */
export const ENTITY_SCHEME = 'news-lens-entity';

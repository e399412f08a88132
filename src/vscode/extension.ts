// First import: marks when the bundle starts evaluating (see loadTime.ts).
import { bundleEvaluationStart } from './loadTime';
import * as vscode from 'vscode';
import { Views } from './constants';
import type { CorpusIndex } from '../core/index/corpusIndex';
import { CorpusService } from './corpusService';
import type { ArticlesFeature } from './features/articles/registerArticles';
import { openArticle, registerArticles } from './features/articles/registerArticles';
import { registerArticleContent } from './features/corpus/articleContentProvider';
import { registerCorpusCommands } from './features/corpus/registerCorpusCommands';
import { CurationStore } from './features/curation/curationStore';
import type { CurationFeature } from './features/curation/registerCuration';
import { registerCuration } from './features/curation/registerCuration';
import type { MentionDecorations } from './features/decorations/mentionDecorations';
import { registerDecorations } from './features/decorations/mentionDecorations';
import type { EntitiesFeature } from './features/entities/registerEntities';
import { registerEntities } from './features/entities/registerEntities';
import type { EventsFeature } from './features/events/registerEvents';
import { registerEvents } from './features/events/registerEvents';
import { registerExport } from './features/export/exportCommand';
import type { GraphFeature } from './features/graph/registerGraph';
import { registerGraph } from './features/graph/registerGraph';
import type { FeatureContext } from './features/feature';
import type { ArticleFilterFeature } from './features/filter/registerArticleFilter';
import { registerArticleFilter } from './features/filter/registerArticleFilter';
import { registerHover } from './features/hover/entityHoverProvider';
import { registerNavigation } from './features/navigation/navigationProviders';
import { registerShowMore } from './features/paging';
import { registerStatusBar } from './features/statusBar';
import type { SummariesFeature } from './features/summaries/registerSummaries';
import type { TimelineFeature } from './features/timeline/registerTimeline';
import { registerTimeline } from './features/timeline/registerTimeline';
import { registerSummaries } from './features/summaries/registerSummaries';

/**
 * Activation timings on the extension host's `performance.now()` clock (ms), for `npm run
 * bench:host`: bundle evaluation start, then the start and the end of `activate()`.
 */
export interface ActivationTiming {
  bundleEvaluationStart: number;
  activateStart: number;
  activateEnd: number;
}

/** What `activate` returns: used by integration tests, the host benchmark and other extensions. */
export interface NewsLensApi {
  corpus: CorpusService;
  whenReady(): Promise<CorpusIndex>;
  /** The date and source filter every view applies. */
  filter: ArticleFilterFeature;
  entities: EntitiesFeature;
  events: EventsFeature;
  articles: ArticlesFeature;
  summaries: SummariesFeature;
  graph: GraphFeature;
  timeline: TimelineFeature;
  decorations: MentionDecorations;
  curation: CurationFeature;
  statusBar: vscode.StatusBarItem;
  /** Folder of the extension's logs: the News Lens channel writes `News Lens.log` there. */
  logUri: vscode.Uri;
  activation: ActivationTiming;
}

/**
 * Composition root. Builds the log and the corpus service, registers each feature (each owns its
 * disposables), and has indexing start once it has returned: activation reads no corpus and runs no NLP.
 */
export function activate(context: vscode.ExtensionContext): NewsLensApi {
  const activateStart = performance.now();
  const log = vscode.window.createOutputChannel('News Lens', { log: true });
  const store = new CurationStore(log);
  const corpus = new CorpusService(context.extensionPath, (context.storageUri ?? context.globalStorageUri)?.fsPath, log, store);
  context.subscriptions.push(log, store, corpus);
  const ctx: FeatureContext = { extension: context, corpus, log };

  registerCorpusCommands(ctx);
  registerArticleContent(ctx);
  const filter = registerArticleFilter(ctx);
  const entities = registerEntities(ctx, filter.service);
  const events = registerEvents(ctx, filter.service);
  const articles = registerArticles(ctx, filter.service);
  registerShowMore(ctx, { [Views.entities]: entities.provider, [Views.events]: events.provider, [Views.articles]: articles.provider });
  registerHover(ctx);
  registerNavigation(ctx);
  const decorations = registerDecorations(ctx);
  registerExport(ctx);
  const curation = registerCuration(ctx, { store, revealEntity: (id) => entities.reveal(id, { focus: false }) });
  const summaries = registerSummaries(ctx, {
    revealEntity: (id) => entities.reveal(id, { focus: false, expand: true }),
    openArticle: (id) => openArticle(ctx, id),
    dateSource: filter.service,
  });
  const selectedEntity = (): string | undefined => {
    const node = entities.view.selection[0];
    return node?.kind === 'entity' ? node.entity.id : undefined;
  };
  const graph = registerGraph(
    ctx,
    {
      revealEntity: (id) => entities.reveal(id, { focus: false, expand: true }),
      showArticles: (id, withId) => void summaries.show(id, withId ?? undefined),
      dateSource: filter.service,
    },
    selectedEntity,
  );
  const timeline = registerTimeline(ctx, { openArticle: (id) => openArticle(ctx, id), dateSource: filter.service }, selectedEntity);
  const statusBar = registerStatusBar(ctx);

  corpus.start();
  const activation = { bundleEvaluationStart, activateStart, activateEnd: performance.now() };
  return { corpus, whenReady: () => corpus.whenReady(), filter, entities, events, articles, summaries, graph, timeline, decorations, curation, statusBar, logUri: context.logUri, activation };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

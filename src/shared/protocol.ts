/**
 * Messages between the extension host and the summaries webview, and the panel's UI state.
 * This file is compiled into both sides: no `vscode`, Node or DOM imports.
 *
 * The page speaks first: it sends `ready` (with the UI state it restored) and the host answers
 * with a `snapshot` carrying the same request id. Requests from the page carry an `id`; the
 * host's answer names it in `replyTo`. The host may also push a `snapshot` (corpus changed),
 * the `activeArticle` (editor changed), an entity (or two) to filter on, or the window's date and
 * source filter.
 */
import type { ArticleFilter } from '../core/index/articleFilter';
import type { EntityType } from '../core/model/types';
import { ENTITY_TYPES } from '../core/model/types';
import { isId, isObject, isText } from './validate';

export type CardSort = 'date' | 'title';

export interface ChipData {
  id: string;
  name: string;
  type: EntityType;
  /** Mentions in this article. */
  count: number;
}

export interface CardData {
  articleId: string;
  title: string;
  source: string | null;
  date: string | null;
  /** The summary sentences, in article order, on one line each. */
  summary: string[];
  main: { who: string | null; what: string | null; when: string | null; where: string | null };
  /** The article's most mentioned entities, for chips. */
  chips: ChipData[];
  /** Every entity the article mentions, for filtering by entity. */
  entityIds: string[];
}

export type CorpusStatus = 'indexing' | 'ready' | 'empty';

export interface Snapshot {
  status: CorpusStatus;
  sample: boolean;
  entityCount: number;
  cards: CardData[];
}

export type EntityRef = Pick<ChipData, 'id' | 'name' | 'type'>;

/** What the page keeps with `setState` (UI state only, never corpus data). */
export interface PanelUiState {
  search: string;
  sort: CardSort;
  /** The entity the cards are filtered to. */
  entity: EntityRef | null;
  /** With `entity`: only the articles that mention both (an edge of the connections graph). */
  with: EntityRef | null;
  scrollTop: number;
  /** How many cards are rendered ("Show more" extends it). */
  shown: number;
}

export const DEFAULT_UI_STATE: PanelUiState = { search: '', sort: 'date', entity: null, with: null, scrollTop: 0, shown: 100 };

// Page -> host
export type WebviewMessage =
  | { type: 'ready'; id: number; state: PanelUiState | null }
  | { type: 'revealEntity'; id: number; entityId: string }
  | { type: 'openArticle'; id: number; articleId: string }
  /** The page's "clear" on the date and source filter: clears it everywhere. */
  | { type: 'clearFilter'; id: number }
  | { type: 'rendered'; visible: number; total: number; state: PanelUiState };

// Host -> page
export type HostMessage =
  | { type: 'snapshot'; replyTo?: number; snapshot: Snapshot; activeArticleId: string | null; restoreState?: PanelUiState }
  | { type: 'done'; replyTo: number; ok: boolean; error?: string }
  | { type: 'activeArticle'; articleId: string | null }
  | { type: 'focusEntity'; entity: PanelUiState['entity']; with?: EntityRef | null }
  /** The window's date and source filter (see features/filter), with its description. */
  | { type: 'filter'; filter: ArticleFilter; label: string };


/** An entity reference from storage or a message, or null when it is not one. */
export function sanitizeEntityRef(e: unknown): EntityRef | null {
  return isObject(e) && isText(e.id, 1000) && isText(e.name, 1000) && ENTITY_TYPES.includes(e.type as EntityType) ? { id: e.id, name: e.name, type: e.type as EntityType } : null;
}

/** A UI state from storage or a message, repaired field by field; anything unusable becomes the default. */
export function sanitizeUiState(raw: unknown): PanelUiState {
  if (!isObject(raw)) return { ...DEFAULT_UI_STATE };
  const entity = sanitizeEntityRef(raw.entity);
  return {
    search: isText(raw.search, 500) ? raw.search : DEFAULT_UI_STATE.search,
    sort: raw.sort === 'title' || raw.sort === 'date' ? raw.sort : DEFAULT_UI_STATE.sort,
    entity,
    with: entity ? sanitizeEntityRef(raw.with) : null,
    scrollTop: typeof raw.scrollTop === 'number' && Number.isFinite(raw.scrollTop) && raw.scrollTop >= 0 ? raw.scrollTop : 0,
    shown: Number.isSafeInteger(raw.shown) && (raw.shown as number) > 0 ? Math.min(raw.shown as number, 100_000) : DEFAULT_UI_STATE.shown,
  };
}

/**
 * Validates a message from the page. The page renders hostile article text, so the host treats
 * what it sends as untrusted: unknown shapes are dropped, never acted on.
 */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return isId(raw.id) ? { type: 'ready', id: raw.id, state: raw.state === null || raw.state === undefined ? null : sanitizeUiState(raw.state) } : undefined;
    case 'revealEntity':
      return isId(raw.id) && isText(raw.entityId, 1000) ? { type: 'revealEntity', id: raw.id, entityId: raw.entityId } : undefined;
    case 'openArticle':
      return isId(raw.id) && isText(raw.articleId, 2000) ? { type: 'openArticle', id: raw.id, articleId: raw.articleId } : undefined;
    case 'clearFilter':
      return isId(raw.id) ? { type: 'clearFilter', id: raw.id } : undefined;
    case 'rendered':
      return isId(raw.visible) && isId(raw.total) ? { type: 'rendered', visible: raw.visible, total: raw.total, state: sanitizeUiState(raw.state) } : undefined;
    default:
      return undefined;
  }
}

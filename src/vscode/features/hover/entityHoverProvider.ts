import * as vscode from 'vscode';
import type { HoverCard } from '../../../core/render/hoverCard';
import { entityHoverCard } from '../../../core/render/hoverCard';
import { setting } from '../../adapters/config';
import { ARTICLE_DOCUMENTS, mentionAt } from '../../adapters/documents';
import { Commands, Settings } from '../../constants';
import type { CorpusService } from '../../corpusService';
import type { FeatureContext } from '../feature';

const HOVER_COMMANDS = {
  revealEntity: Commands.revealEntity,
  showMentions: Commands.showMentions,
  openSummaries: Commands.openSummaries,
  corrections: { rename: Commands.renameEntity, retype: Commands.retypeEntity, merge: Commands.mergeEntity, detach: Commands.detachAlias, ignore: Commands.ignoreEntity },
};

/**
 * The entity card over a mention. Lookups only: the article by path or id, the mention by binary
 * search, the card's data from the index's precomputed maps. Nothing when the word is not a
 * mention, when the document no longer matches its indexed text, or when hovers are turned off.
 */
export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!setting(Settings.hoverEnabled, true)) return undefined;
    const index = this.corpus.index;
    const hit = mentionAt(index, document, position);
    const entity = hit && index.entity(hit.mention.entity);
    if (!hit || !entity) return undefined;
    const card = entityHoverCard(index, entity, HOVER_COMMANDS, { mentionsAt: [document.uri.toString(), hit.range.start.line, hit.range.start.character] });
    return new vscode.Hover(cardMarkdown(card), hit.range);
  }
}

/**
 * A card as VS Code gets it: theme icons on (the type icon; article text is escaped for exactly
 * this, see escapeMarkdown), no HTML, and only the card's own commands trusted.
 */
export function cardMarkdown(card: HoverCard): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(card.markdown, true);
  markdown.isTrusted = { enabledCommands: card.enabledCommands };
  markdown.supportHtml = false;
  return markdown;
}

export function registerHover(ctx: FeatureContext): void {
  ctx.extension.subscriptions.push(vscode.languages.registerHoverProvider(ARTICLE_DOCUMENTS, new EntityHoverProvider(ctx.corpus)));
}

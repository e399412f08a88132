import * as assert from 'assert';
import * as vscode from 'vscode';
import { corpusSpan } from '../../../src/core/index/filteredCorpus';
import { comparePeriods, periodOf } from '../../../src/core/model/period';
import { groupEntities } from '../../../src/core/render/entityGroups';
import { groupEvents } from '../../../src/core/render/eventGroups';
import { Commands } from '../../../src/vscode/constants';
import type { EntityTreeNode } from '../../../src/vscode/features/entities/entitiesTree';
import { ready, waitFor } from '../ui';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('sidebar views', () => {
  it('Entities groups by type with counts, then entity (name, role or mentions), articles and mentions', async () => {
    const newsLens = await ready();
    const { provider } = newsLens.entities;
    const index = newsLens.corpus.index;
    const groups = provider.getChildren();
    const expected = groupEntities(index.entities(), 'mentions');
    assert.deepStrictEqual(
      groups.map((g) => [label(provider.getTreeItem(g)), provider.getTreeItem(g).description]),
      expected.map((g) => [g.label, String(g.entities.length)]),
    );
    const first = provider.getChildren(groups[0])[0];
    assert.strictEqual(first.kind, 'entity');
    const entity = first.kind === 'entity' ? first.entity : undefined;
    assert.ok(entity);
    const item = provider.getTreeItem(first);
    assert.strictEqual(label(item), entity.name);
    assert.strictEqual(item.description, entity.roles[0] ?? `${entity.mentionCount} mention${entity.mentionCount === 1 ? '' : 's'}`);
    const resolved = provider.resolveTreeItem(item, first);
    assert.ok(resolved.tooltip instanceof vscode.MarkdownString && resolved.tooltip.value.includes('mention'), 'a tooltip with aliases and articles');
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);

    const articles = provider.getChildren(first).filter((n) => n.kind === 'article');
    assert.deepStrictEqual(articles.map((a) => (a.kind === 'article' ? a.articleId : '')).sort(), index.articleIdsOf(entity.id).sort());
    const mentions = articles.flatMap((a) => provider.getChildren(a));
    assert.strictEqual(mentions.length, entity.mentionCount);
    for (const m of mentions) assert.strictEqual(provider.getParent(m)?.id, articles.find((a) => a.kind === 'article' && m.kind === 'mention' && a.articleId === m.mention.articleId)?.id);
  });

  it('opens the article at the exact range when a mention is clicked', async () => {
    const newsLens = await ready();
    const { provider } = newsLens.entities;
    const entityNode = provider.getChildren(provider.getChildren()[0])[0];
    const mentionNode = provider.getChildren(provider.getChildren(entityNode)[0])[0];
    assert.strictEqual(mentionNode.kind, 'mention');
    const item = provider.getTreeItem(mentionNode);
    assert.ok(item.command);
    assert.ok(label(item).length > 0);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await waitFor('an editor on the mention', () => vscode.window.activeTextEditor);
    const m = mentionNode.kind === 'mention' ? mentionNode.mention : undefined;
    assert.ok(m);
    assert.strictEqual(editor.document.getText(editor.selection), m.text);
    assert.strictEqual(editor.document.offsetAt(editor.selection.start), m.start);
  });

  it('sorts by name or mentions from the view title', async () => {
    const newsLens = await ready();
    const { provider } = newsLens.entities;
    const names = (): string[] => provider.getChildren(provider.getChildren()[0]).map((n) => (n.kind === 'entity' ? n.entity.name : ''));
    await vscode.commands.executeCommand(Commands.sortByName);
    assert.deepStrictEqual(names(), [...names()].sort((a, b) => a.localeCompare(b)));
    await vscode.commands.executeCommand(Commands.sortByMentions);
    const counts = provider.getChildren(provider.getChildren()[0]).map((n) => (n.kind === 'entity' ? n.entity.mentionCount : 0));
    assert.deepStrictEqual(counts, [...counts].sort((a, b) => b - a));
  });

  it('filters by text, says so in the view, and a reveal clears a filter that hides the entity', async () => {
    const newsLens = await ready();
    const { provider, view } = newsLens.entities;
    const entities = newsLens.corpus.index.entities();
    const target = entities[0];
    const other = entities.find((e) => !e.name.toLowerCase().includes(target.name.toLowerCase()) && !target.name.toLowerCase().includes(e.name.toLowerCase()));
    assert.ok(other, 'the corpus has two distinct entities');
    provider.filter = target.name;
    const shown = provider.getChildren().flatMap((g) => provider.getChildren(g));
    assert.ok(shown.some((n) => n.kind === 'entity' && n.entity.id === target.id));
    assert.ok(!shown.some((n) => n.kind === 'entity' && n.entity.id === other.id));

    await vscode.commands.executeCommand(Commands.revealEntity, other.id);
    assert.strictEqual(provider.filter, '', 'the filter that hid the entity is cleared');
    const selected = await waitFor('the revealed entity to be selected', () => view.selection[0] as EntityTreeNode | undefined);
    assert.strictEqual(selected.kind === 'entity' && selected.entity.id, other.id);
    assert.strictEqual(view.visible, true, 'revealing opens the view');
  });

  it('Events lists dates newest first, plans after the last article and history before the first under their own rows, undated last; each event with participants and its evidence', async () => {
    const newsLens = await ready();
    const { provider } = newsLens.events;
    const index = newsLens.corpus.index;
    const roots = provider.getChildren();
    const span = corpusSpan(index);
    const expected = groupEvents(index.timeline(), 'newest', span);
    assert.deepStrictEqual(
      roots.map((r) => (r.kind === 'date' ? r.date : r.kind === 'section' ? r.id : r.kind)),
      [...(expected.later.length ? ['later'] : []), ...expected.dated.map((g) => g.date), ...(expected.earlier.length ? ['earlier'] : []), ...(expected.undated ? [null] : [])],
    );
    const dated = roots.flatMap((r) => (r.kind === 'date' && r.date !== null ? [r.date] : []));
    assert.deepStrictEqual(dated, [...dated].sort((a, b) => comparePeriods(b, a)));
    for (const section of roots.filter((r) => r.kind === 'section')) {
      assert.strictEqual(provider.getTreeItem(section).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      for (const d of provider.getChildren(section)) {
        const p = d.kind === 'date' && d.date !== null ? periodOf(d.date) : undefined;
        assert.ok(p && (section.id === 'earlier' ? p.end < (span.first ?? '') : p.start > (span.last ?? '')), `${d.id} lies outside the corpus's publication dates`);
      }
    }
    const days = roots.flatMap((r) => (r.kind === 'section' ? provider.getChildren(r) : [r]));
    assert.strictEqual(days.length, new Set(index.timeline().map((t) => t.date ?? t.articleDate)).size);
    for (const r of days) {
      if (r.kind !== 'date') continue;
      assert.strictEqual(provider.getParent(r)?.id, r.section);
      for (const e of provider.getChildren(r)) if (e.kind === 'event') assert.strictEqual(e.entry.date ?? e.entry.articleDate, r.date);
      if (r.date && /W\d\d$/.test(r.date)) assert.match(label(provider.getTreeItem(r)), /^week of \d{1,2} \w+ \d{4}$/);
    }
    const events = days.flatMap((r) => provider.getChildren(r));
    assert.strictEqual(events.length, index.timeline().length);
    for (const e of events) {
      assert.strictEqual(e.kind, 'event');
      if (e.kind !== 'event') continue;
      const item = provider.getTreeItem(e);
      if (e.entry.event.label?.trim()) assert.strictEqual(label(item), e.entry.event.label.trim());
      else assert.ok(label(item).length > 0, 'an event without a label still reads as who-did-what');
      const children = provider.getChildren(e);
      const evidence = children.find((c) => c.kind === 'evidence');
      assert.ok(evidence, 'an evidence sentence');
      const open = provider.getTreeItem(evidence).command;
      assert.strictEqual(open?.command, 'vscode.open');
      for (const p of children.filter((c) => c.kind === 'participant')) {
        const cmd = provider.getTreeItem(p).command;
        assert.deepStrictEqual([cmd?.command, cmd?.arguments?.[0]], [Commands.revealEntity, p.kind === 'participant' && p.entityId]);
      }
    }
  });

  it('Articles shows each article with date and source, and opens at a summary sentence', async () => {
    const newsLens = await ready();
    const { provider } = newsLens.articles;
    const roots = provider.getChildren();
    assert.strictEqual(roots.length, newsLens.corpus.index.size);
    const node = roots[0];
    assert.ok(node.kind === 'article');
    const item = newsLens.corpus.index.article(node.articleId);
    assert.ok(item);
    const tree = provider.getTreeItem(node);
    assert.strictEqual(label(tree), item.article.title);
    assert.strictEqual(tree.description, [item.article.date, item.article.source].filter(Boolean).join(' · '));
    const sentences = provider.getChildren(node);
    assert.strictEqual(sentences.length, item.summary.length);
    assert.ok(sentences.length > 0, 'a summary');
    const last = sentences[sentences.length - 1];
    const cmd = provider.getTreeItem(last).command;
    assert.ok(cmd);
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    const editor = await waitFor('the article open at the sentence', () => vscode.window.activeTextEditor);
    const s = item.summary[item.summary.length - 1];
    assert.strictEqual(editor.document.getText(editor.selection), item.article.text.slice(s.start, s.end));
  });

  it('shows "News Lens: N articles · M entities" in the status bar, opening the summaries', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    const n = index.size;
    const m = index.entities().length;
    const counts = `News Lens: ${n} article${n === 1 ? '' : 's'} · ${m} ${m === 1 ? 'entity' : 'entities'}`;
    // A corpus with skipped files says so after the counts (the hostile scenario checks how).
    const { skipped, partial } = newsLens.corpus.gaps;
    if (skipped + partial === 0) assert.strictEqual(newsLens.statusBar.text, `$(book) ${counts}`);
    else assert.ok(newsLens.statusBar.text.startsWith(`$(warning) ${counts} · `), newsLens.statusBar.text);
    const command = newsLens.statusBar.command;
    assert.strictEqual(typeof command === 'string' ? command : command?.command, Commands.openSummaries);
  });
});

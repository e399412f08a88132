// A corpus of hundreds of articles makes lists longer than a tree should send at once: each list
// shows a page and a "Show more" row, and revealing an entity beyond the page still works.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { PAGE_SIZE } from '../../../src/core/render/pages';
import { Commands } from '../../../src/vscode/constants';
import type { EntityTreeNode } from '../../../src/vscode/features/entities/entitiesTree';
import { ready, useCorpus, waitFor } from '../ui';

const ARTICLES = PAGE_SIZE * 2 + 40;
const GIVEN = ['Anna', 'Lars', 'Kari', 'Erik', 'Ingrid', 'Nils'];
const FIRST = ['Ber', 'Hal', 'Tor', 'Vik', 'Lund', 'Dahl', 'Strand', 'Moe', 'Aas', 'Nes'];
const LAST = ['sen', 'rud', 'heim', 'stad', 'land', 'berg', 'dal', 'holm'];

/** A distinct full name per article: 6 × 10 × 8 = 480 of them. */
function person(i: number): string {
  return `${GIVEN[i % GIVEN.length]} ${FIRST[Math.floor(i / GIVEN.length) % FIRST.length]}${LAST[Math.floor(i / (GIVEN.length * FIRST.length)) % LAST.length]}`;
}

describe('long lists in the trees', () => {
  let dir: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-lens-lists-'));
    for (let i = 0; i < ARTICLES; i++) {
      const text = `Budget item ${i}\n\nWire Service Updated on 2024-03-${String((i % 28) + 1).padStart(2, '0')}\n\nMayor ${person(i)} said on Monday that the council would vote on item ${i} next week.\n`;
      await fs.writeFile(path.join(dir, `item-${i}.txt`), text);
    }
    await useCorpus([dir]);
  });

  after(async () => {
    await useCorpus(undefined);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('Articles shows a page and a "Show more" row that shows the next page', async () => {
    const newsLens = await ready();
    assert.strictEqual(newsLens.corpus.index.size, ARTICLES);
    const { provider } = newsLens.articles;
    let roots = provider.getChildren();
    assert.strictEqual(roots.length, PAGE_SIZE + 1);
    const more = roots[PAGE_SIZE];
    assert.strictEqual(more.kind, 'more');
    const item = provider.getTreeItem(more);
    assert.strictEqual(item.label, `Show ${PAGE_SIZE} more…`);
    assert.strictEqual(item.description, `${ARTICLES - PAGE_SIZE} not shown`);
    const command = item.command;
    assert.strictEqual(command?.command, Commands.showMore);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    roots = provider.getChildren();
    assert.strictEqual(roots.length, PAGE_SIZE * 2 + 1);
    const tail = roots[PAGE_SIZE * 2];
    assert.ok(tail.kind === 'more');
    assert.strictEqual(tail.hidden, ARTICLES - PAGE_SIZE * 2);
  });

  it('Entities pages each type group, and reveals an entity beyond the page', async () => {
    const newsLens = await ready();
    const { provider, view } = newsLens.entities;
    const people = provider.getChildren().find((n): n is Extract<EntityTreeNode, { kind: 'type' }> => n.kind === 'type' && n.group.type === 'person');
    assert.ok(people && people.group.entities.length > PAGE_SIZE, `more than ${PAGE_SIZE} people (${people?.group.entities.length})`);
    const rows = provider.getChildren(people);
    assert.strictEqual(rows.length, PAGE_SIZE + 1);
    assert.strictEqual(rows[PAGE_SIZE].kind, 'more');
    const last = people.group.entities[people.group.entities.length - 1];
    assert.ok(await newsLens.entities.reveal(last.id, { focus: false }));
    await waitFor('the revealed entity to be selected', () => view.selection[0]?.kind === 'entity' && view.selection[0].entity.id === last.id);
    assert.ok(provider.getChildren(people).some((n) => n.kind === 'entity' && n.entity.id === last.id));
  });

  it('Events opens a long timeline on its newest days only, so no day sends all its events at once', async () => {
    const newsLens = await ready();
    const { provider } = newsLens.events;
    const days = provider.getChildren().filter((d) => d.kind === 'date');
    assert.ok(newsLens.corpus.index.timeline().length > PAGE_SIZE);
    const open = days.filter((d) => provider.getTreeItem(d).collapsibleState === vscode.TreeItemCollapsibleState.Expanded);
    assert.ok(open.length >= 1 && (open.length < days.length || days.length === 1), `the first days open, the rest collapsed (${open.length} of ${days.length})`);
    assert.deepStrictEqual(open, days.slice(0, open.length), 'the open days are the first ones');
    const events = (d: (typeof days)[number]): number => (d.kind === 'date' ? d.entries.length : 0);
    if (open.length > 1) assert.ok(open.reduce((n, d) => n + events(d), 0) <= PAGE_SIZE, 'the open days together hold at most a page of events');
    for (const day of days) assert.ok(provider.getChildren(day).length <= PAGE_SIZE + 1);
  });
});

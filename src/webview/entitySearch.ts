// The entity search of the graph and timeline pages: a combobox whose text the host looks up in
// the index, with the results listed under it (arrows, Enter and Escape work as in a quick pick).
import { TYPE_ICONS } from '../shared/entityTypes';
import type { SearchResult } from '../shared/pageProtocol';
import { el, icon } from './dom';

export interface EntitySearch {
  /** The box and its result list, to place in the toolbar. */
  element: HTMLElement;
  input: HTMLInputElement;
  /** Shows the host's answer to request `replyTo`, unless a newer request or an empty box made it moot. */
  showResults(replyTo: number, results: SearchResult[]): void;
}

/**
 * `ask(text)` sends the text to the host and returns the request's id; `pick(id)` receives the
 * entity chosen. `/` anywhere on the page focuses the box.
 */
export function entitySearch(options: { placeholder: string; label: string; empty: string; ask(text: string): number; pick(id: string): void }): EntitySearch {
  const wrap = el('div', 'search-wrap');
  const box = el('div', 'search');
  const input = el('input');
  input.type = 'search';
  input.placeholder = options.placeholder;
  input.setAttribute('aria-label', `${options.label} (press / to focus)`);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-controls', 'results');
  input.setAttribute('aria-expanded', 'false');
  input.spellcheck = false;
  box.append(icon('search'), input);
  const list = el('ul', 'results');
  list.id = 'results';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  wrap.append(box, list);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = -1;
  const options_ = (): HTMLButtonElement[] => [...list.querySelectorAll<HTMLButtonElement>('button.result')];
  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const choose = (id: string): void => {
    close();
    input.value = '';
    options.pick(id);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) return close();
    timer = setTimeout(() => (latest = options.ask(text)), 150);
  });
  input.addEventListener('keydown', (e) => {
    const found = options_();
    if (e.key === 'Escape') {
      close();
      input.value = '';
    } else if (e.key === 'ArrowDown' && found.length) {
      found[0].focus();
      e.preventDefault();
    } else if (e.key === 'Enter' && found.length) {
      choose(found[0].dataset.id ?? '');
      e.preventDefault();
    }
  });
  list.addEventListener('keydown', (e) => {
    const found = options_();
    const i = found.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') found[Math.min(found.length - 1, i + 1)]?.focus();
    else if (e.key === 'ArrowUp') (i <= 0 ? input : found[i - 1]).focus();
    else if (e.key === 'Escape') {
      close();
      input.focus();
    } else return;
    e.preventDefault();
  });
  document.addEventListener('click', (e) => {
    if (!wrap.contains(e.target as Node)) close();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement !== input && !(document.activeElement instanceof HTMLInputElement)) {
      input.focus();
      e.preventDefault();
    }
  });

  return {
    element: wrap,
    input,
    showResults(replyTo, results) {
      if (replyTo !== latest || !input.value.trim()) return;
      list.replaceChildren(
        ...results.map((r) => {
          const li = el('li');
          li.setAttribute('role', 'option');
          const b = el('button', 'result');
          b.type = 'button';
          b.tabIndex = -1;
          b.dataset.id = r.id;
          const name = el('span', `entity type-${r.type}`);
          name.append(icon(TYPE_ICONS[r.type]), el('span', 'name', r.name));
          b.append(name, el('span', 'n', String(r.mentions)));
          b.addEventListener('click', () => choose(r.id));
          li.append(b);
          return li;
        }),
      );
      if (!results.length) list.append(el('li', 'none', options.empty));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    },
  };
}

// DOM helpers shared by the News Lens pages. Article text is hostile: pages build their elements
// with createElement and set text with textContent only, never innerHTML.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function icon(name: string): HTMLSpanElement {
  const span = el('span', `codicon codicon-${name}`);
  span.setAttribute('aria-hidden', 'true');
  return span;
}

/** A button with an optional codicon, a visible label or only an accessible one. */
export function button(className: string, label: string, options: { icon?: string; title?: string; iconOnly?: boolean } = {}): HTMLButtonElement {
  const b = el('button', className);
  b.type = 'button';
  if (options.icon) b.append(icon(options.icon));
  if (options.iconOnly) b.setAttribute('aria-label', label);
  else b.append(el('span', undefined, label));
  if (options.title) b.title = options.title;
  return b;
}

interface VsCodeApi<State, Message> {
  postMessage(message: Message): void;
  getState(): unknown;
  setState(state: State): void;
}
declare function acquireVsCodeApi<State, Message>(): VsCodeApi<State, Message>;

/** The page's link to the host: messages out (requests numbered), UI state kept across reloads. */
export function hostLink<State, Message>(): { post(message: Message): void; request(make: (id: number) => Message): number; stored: unknown; save(state: State): void } {
  const api = acquireVsCodeApi<State, Message>();
  let next = 1;
  return {
    post: (message) => api.postMessage(message),
    request(make) {
      const id = next++;
      api.postMessage(make(id));
      return id;
    },
    stored: api.getState(),
    save: (state) => api.setState(state),
  };
}

/** A colour the theme gives an element of `className`, as the browser resolves it ("rgb(…)"). */
export function themeColour(className: string, property: 'color' | 'backgroundColor' | 'borderTopColor' = 'color'): string {
  const probe = el('span', className);
  probe.setAttribute('aria-hidden', 'true');
  probe.classList.add('colour-probe');
  document.body.append(probe);
  const colour = getComputedStyle(probe)[property];
  probe.remove();
  return colour;
}

/** Calls `listener` when the theme changes (VS Code swaps the body's class and the root's variables). */
export function onThemeChange(listener: () => void): void {
  const observer = new MutationObserver(listener);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
}

function rgb(colour: string): [number, number, number] | undefined {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/**
 * `share` of colour `a` over colour `b` as one opaque colour ("rgb(…)", from colours the browser
 * resolved): a faint line over the editor's background that stays faint where many lines cross.
 */
export function mix(a: string, b: string, share: number): string {
  const x = rgb(a);
  const y = rgb(b);
  if (!x || !y) return a;
  const [r, g, bl] = x.map((v, i) => Math.round(v * share + y[i] * (1 - share)));
  return `rgb(${r}, ${g}, ${bl})`;
}

/** True in the high-contrast themes, where faint colours must not be used. */
export function highContrast(): boolean {
  return document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
}

/** Colours the theme gives the probes `palette-0` … `palette-7`; further ones are those eight half faded into the background. */
export function palette(size: number): string[] {
  const background = themeColour('graph-background', 'backgroundColor');
  const base = Array.from({ length: 8 }, (_, i) => themeColour(`palette-${i}`));
  return Array.from({ length: size }, (_, i) => (i < base.length ? base[i] : mix(base[i % base.length], background, 0.5)));
}

import type { Node, ParseError } from 'jsonc-parser';
import { getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Diagnostic, EntityType } from '../model/types';
import { ENTITY_TYPES } from '../model/types';

/**
 * The analyst's corrections, kept beside the corpus in `.newslens/curation.json` (see
 * schema/curation.schema.json). An entity is named by its name or any alias, with an optional
 * `type` to choose among entities of several types, so decisions outlive re-analysis. Fields other
 * than the operation's own (`note`, `by`, `at`, ...) are kept as written and never read.
 */
export const CURATION_FILE = '.newslens/curation.json';

export type Decision =
  | { op: 'rename'; entity: string; type?: EntityType; to: string }
  | { op: 'retype'; entity: string; type?: EntityType; to: EntityType }
  | { op: 'merge'; entities: string[]; type?: EntityType; into: string }
  | { op: 'detach'; entity: string; type?: EntityType; alias: string }
  | { op: 'ignore'; name: string; type?: EntityType }
  | { op: 'add'; name: string; type?: EntityType; aliases?: string[] };

export type CurationOp = Decision['op'];

export const CURATION_OPS: readonly CurationOp[] = ['rename', 'retype', 'merge', 'detach', 'ignore', 'add'];

/** A decision and where it is written: diagnostics point at its line. */
export interface PlacedDecision {
  decision: Decision;
  path: string;
  /** 1-based line of the decision's opening brace. */
  line: number;
}

export interface CurationFile {
  path: string;
  decisions: PlacedDecision[];
  diagnostics: Diagnostic[];
}

/** Field order of written decisions: the operation, what it names, then its argument, then the rest. */
const KEY_ORDER = ['op', 'entity', 'entities', 'name', 'type', 'to', 'into', 'alias', 'aliases', 'note', 'by', 'at'];

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isType(v: unknown): v is EntityType {
  return typeof v === 'string' && (ENTITY_TYPES as readonly string[]).includes(v);
}

function nonEmpty(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/**
 * The decision an object of the file states, or why it states none. Only the operation's own
 * fields are read: anything else in the object is the analyst's and stays as written.
 */
export function readDecision(raw: unknown): Decision | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'a decision must be an object such as { "op": "rename", "entity": "…", "to": "…" }';
  const o = raw as Record<string, unknown>;
  if (o.op === undefined) return `a decision needs "op" (one of ${CURATION_OPS.join(', ')})`;
  if (typeof o.op !== 'string' || !(CURATION_OPS as readonly string[]).includes(o.op)) return `unknown op ${JSON.stringify(o.op)} (expected one of ${CURATION_OPS.join(', ')})`;
  const op = o.op as CurationOp;
  if (o.type !== undefined && !isType(o.type)) return `"type" must be one of ${ENTITY_TYPES.join(', ')}, not ${JSON.stringify(o.type)}`;
  const type = o.type as EntityType | undefined;
  const need = (field: string, what = 'a name'): string => `${op} needs "${field}" (${what})`;
  switch (op) {
    case 'rename':
      if (!nonEmpty(o.entity)) return need('entity', 'the name or an alias of the entity');
      if (!nonEmpty(o.to)) return need('to', 'the new name');
      return { op, entity: o.entity.trim(), ...(type ? { type } : {}), to: o.to.trim() };
    case 'retype':
      if (!nonEmpty(o.entity)) return need('entity', 'the name or an alias of the entity');
      if (!isType(o.to)) return need('to', `one of ${ENTITY_TYPES.join(', ')}`);
      return { op, entity: o.entity.trim(), ...(type ? { type } : {}), to: o.to };
    case 'merge': {
      if (!Array.isArray(o.entities) || o.entities.length === 0 || !o.entities.every(nonEmpty)) return need('entities', 'a list of entity names');
      if (!nonEmpty(o.into)) return need('into', 'the name the merged entity takes');
      return { op, entities: (o.entities as string[]).map((e) => e.trim()), ...(type ? { type } : {}), into: o.into.trim() };
    }
    case 'detach':
      if (!nonEmpty(o.entity)) return need('entity', 'the name or an alias of the entity');
      if (!nonEmpty(o.alias)) return need('alias', 'the alias whose mentions become an entity of their own');
      return { op, entity: o.entity.trim(), ...(type ? { type } : {}), alias: o.alias.trim() };
    case 'ignore':
      if (!nonEmpty(o.name)) return need('name', 'the name or an alias of the entity that is not one');
      return { op, name: o.name.trim(), ...(type ? { type } : {}) };
    case 'add': {
      if (!nonEmpty(o.name)) return need('name', 'the name to find in the articles');
      if (o.aliases !== undefined && (!Array.isArray(o.aliases) || !o.aliases.every(nonEmpty))) return '"aliases" must be a list of names';
      const aliases = (o.aliases as string[] | undefined)?.map((a) => a.trim());
      return { op, name: o.name.trim(), ...(type ? { type } : {}), ...(aliases?.length ? { aliases } : {}) };
    }
  }
}

/**
 * Reads a curation file. Nothing in it stops the rest: malformed JSON, an unknown op or a missing
 * field is a warning at its line, and every decision that can be read still applies (the parser
 * recovers after a syntax error, so decisions before and after it are kept).
 */
export function parseCurationFile(path: string, text: string): CurationFile {
  const diagnostics: Diagnostic[] = [];
  const warn = (offset: number, message: string): void => {
    diagnostics.push({ path, severity: 'warning', message, line: lineAt(text, offset) });
  };
  const errors: ParseError[] = [];
  const root = text.trim() === '' ? undefined : parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) warn(e.offset, `curation file: malformed JSON (${printParseErrorCode(e.error)})`);
  const decisions: PlacedDecision[] = [];
  if (!root) {
    if (!errors.length) warn(0, 'curation file: empty; expected { "version": 1, "decisions": [ … ] }');
    return { path, decisions, diagnostics };
  }
  if (root.type !== 'object') {
    warn(root.offset, 'curation file: expected an object { "version": 1, "decisions": [ … ] }');
    return { path, decisions, diagnostics };
  }
  const version = property(root, 'version');
  if (version && getNodeValue(version) !== 1) warn(version.offset, `curation file: version ${JSON.stringify(getNodeValue(version))} is not known; read as version 1`);
  const list = property(root, 'decisions');
  if (!list) {
    if (!errors.length) warn(root.offset, 'curation file: no "decisions" list');
    return { path, decisions, diagnostics };
  }
  if (list.type !== 'array') {
    warn(list.offset, 'curation file: "decisions" must be a list');
    return { path, decisions, diagnostics };
  }
  for (const node of list.children ?? []) {
    const read = readDecision(getNodeValue(node));
    if (typeof read === 'string') warn(node.offset, `curation decision skipped: ${read}`);
    else decisions.push({ decision: read, path, line: lineAt(text, node.offset) });
  }
  return { path, decisions, diagnostics };
}

function property(object: Node, key: string): Node | undefined {
  for (const p of object.children ?? []) if (p.children?.[0]?.value === key) return p.children[1];
  return undefined;
}

/** A decision as it is written: its fields in a stable order, extra fields after. */
export function orderedDecision(decision: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (decision[k] !== undefined) out[k] = decision[k];
  for (const k of Object.keys(decision).sort()) if (!(k in out) && decision[k] !== undefined) out[k] = decision[k];
  return out;
}

function indent(json: string, by: string): string {
  return json.split('\n').join(`\n${by}`);
}

/**
 * The file's text with `decision` appended: 2-space JSON, one decision a group of lines, and the
 * rest of the text untouched, so a diff shows the new decision (and the comma before it) alone.
 * Throws when the text is not a curation file that can be extended without losing what it holds.
 */
export function appendDecision(text: string | undefined, decision: Record<string, unknown>): string {
  const entry = orderedDecision(decision);
  if (text === undefined || text.trim() === '') return JSON.stringify({ version: 1, decisions: [entry] }, null, 2) + '\n';
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !root || root.type !== 'object') throw new Error(`${CURATION_FILE} has errors (see Problems); fix them before adding corrections`);
  const list = property(root, 'decisions');
  const written = JSON.stringify(entry, null, 2);
  if (!list) {
    // `{ … }` without decisions: the list goes in before the closing brace.
    const close = root.offset + root.length - 1;
    const before = text.slice(0, close).trimEnd();
    const comma = root.children?.length ? ',' : '';
    return `${before}${comma}\n  "decisions": [\n    ${indent(written, '    ')}\n  ]\n${text.slice(close)}`;
  }
  if (list.type !== 'array') throw new Error(`${CURATION_FILE}: "decisions" is not a list; fix it before adding corrections`);
  const items = list.children ?? [];
  if (!items.length) {
    const open = list.offset + 1;
    const close = list.offset + list.length - 1;
    return `${text.slice(0, open)}\n    ${indent(written, '    ')}\n  ${text.slice(close)}`;
  }
  const last = items[items.length - 1];
  const at = last.offset + last.length;
  return `${text.slice(0, at)},\n    ${indent(written, '    ')}${text.slice(at)}`;
}

/**
 * The text without the last decision equal to `decision` (as read), or undefined when there is
 * none. Only that decision's lines (and the comma that joined it) go; the rest stays as written.
 */
export function removeDecision(text: string, decision: Record<string, unknown>): string | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const list = root && root.type === 'object' ? property(root, 'decisions') : undefined;
  const items = list?.type === 'array' ? (list.children ?? []) : [];
  const wanted = JSON.stringify(orderedDecision(decision));
  for (let i = items.length - 1; i >= 0; i--) {
    const value = getNodeValue(items[i]) as unknown;
    if (typeof value !== 'object' || value === null || JSON.stringify(orderedDecision(value as Record<string, unknown>)) !== wanted) continue;
    const node = items[i];
    if (i > 0) {
      const prev = items[i - 1];
      return text.slice(0, prev.offset + prev.length) + text.slice(node.offset + node.length);
    }
    if (items.length > 1) return text.slice(0, node.offset) + text.slice(items[1].offset);
    const open = (list as Node).offset + 1;
    const close = (list as Node).offset + (list as Node).length - 1;
    return text.slice(0, open) + text.slice(close);
  }
  return undefined;
}

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { NewsLensApi } from '../../src/vscode/extension';
import { EXTENSION_ID } from '../../src/vscode/constants';

export function extension(): vscode.Extension<NewsLensApi> {
  const ext = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  return ext;
}

/** Activates the extension (a no-op when already active) and returns its API. */
export async function api(): Promise<NewsLensApi> {
  return extension().activate();
}

/** The single workspace folder the runner opened. */
export function workspaceFolder(): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length !== 1) throw new Error(`expected one workspace folder, got ${folders.length}`);
  return folders[0].uri.fsPath;
}

export function sameFolder(a: string, b: string): boolean {
  return fs.realpathSync(a) === fs.realpathSync(b);
}

export function fixtureWorkspace(): string {
  return path.join(extension().extensionPath, 'test', 'fixtures', 'workspace');
}

import * as vscode from 'vscode';
import { Settings } from '../constants';

type SettingKey = (typeof Settings)[Exclude<keyof typeof Settings, 'section'>];

/** A News Lens setting with its default when unset or of the wrong type. */
export function setting<T extends boolean | number | string>(key: SettingKey, fallback: T): T {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(key);
  return typeof value === typeof fallback ? (value as T) : fallback;
}

/** Calls `listener` when one of the given settings changes. */
export function onDidChangeSetting(keys: SettingKey[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (keys.some((k) => e.affectsConfiguration(`${Settings.section}.${k}`))) listener();
  });
}

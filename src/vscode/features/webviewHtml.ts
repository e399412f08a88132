import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

export interface PageSpec {
  title: string;
  /** The page's bundle in dist/. */
  script: string;
  /** Style sheets, as paths under the extension (dist/… or media/…), after the codicon font. */
  styles: string[];
  /**
   * The page runs a web worker made from a blob of its own script (the graph's layout). Workers
   * cannot load from the webview's resource origin, and only script already admitted by the nonce
   * can create a blob, so `worker-src blob:` admits nothing from outside.
   */
  workers?: boolean;
}

/**
 * A webview page: no inline script or style, CSP `default-src 'none'`, the one script allowed by a
 * fresh nonce from the crypto RNG, styles and the codicon font from the extension's own files.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: PageSpec): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (path: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path.split('/'))).toString();
  const csp = [
    `default-src 'none'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    ...(page.workers ? ['worker-src blob:'] : []),
  ].join('; ');
  const links = ['dist/codicons/codicon.css', ...page.styles].map((s) => `<link rel="stylesheet" href="${asset(s)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}
<title>${page.title}</title>
</head>
<body>
<div id="root"></div>
<script nonce="${nonce}" src="${asset(`dist/${page.script}`)}"></script>
</body>
</html>`;
}

/** Where a page may load files from: the built bundles and fonts, and media/. */
export function webviewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** Options every News Lens page is created (or revived) with. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, enableFindWidget: true, localResourceRoots: webviewResourceRoots(extensionUri) };
}

import { build } from 'esbuild';
import { projectPath } from '../../platform/paths.js';
import { HashedAssets, type WebBundle } from '../web/bundled.js';

// From the project's root, so the production bundle (dist/) finds the sources too.
const BROWSER_DIR = projectPath('gateway', 'console', 'browser') + '/';

/** The console's page. */
export const CONSOLE_PATH = '/console';
/** Where its script and stylesheet are served. */
export const CONSOLE_ASSET_PATH = '/console/assets/';

/**
 * Builds the console from node_modules with esbuild: React, chart.js, graphql-ws and the console's
 * code as one script and one stylesheet. No CDN: the page works on a closed network.
 */
export async function bundleConsole(): Promise<WebBundle> {
  const page = await build({
    entryPoints: { console: `${BROWSER_DIR}console.tsx` },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    logLevel: 'silent',
    legalComments: 'none',
    outdir: 'out',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const hashed = new HashedAssets(CONSOLE_ASSET_PATH);
  const script = hashed.add(page.outputFiles.find((file) => file.path.endsWith('.js'))!);
  const style = page.outputFiles.find((file) => file.path.endsWith('.css'));
  const styleUrl = style ? hashed.add(style) : undefined;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Game platform console</title>
${styleUrl ? `<link rel="stylesheet" href="${styleUrl}">` : ''}
</head>
<body>
<div id="console"><noscript>The console needs JavaScript.</noscript></div>
<script src="${script}"></script>
</body>
</html>
`;
  return { html, assets: hashed.files };
}

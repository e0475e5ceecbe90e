import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { build, type OutputFile } from 'esbuild';
import { projectPath } from '../../platform/paths.js';

const require = createRequire(import.meta.url);
// From the project's root, so the production bundle (dist/) finds the sources too.
const BROWSER_DIR = projectPath('gateway', 'explorer', 'browser') + '/';

/** A file the explorer's page loads, served under EXPLORER_ASSET_PATH with a content hash in its name. */
export interface ExplorerAsset {
  contentType: string;
  body: Buffer;
}

export interface ExplorerBundle {
  /** The page (GET /graphql with Accept: text/html). */
  html: string;
  /** By file name (under EXPLORER_ASSET_PATH). */
  assets: Map<string, ExplorerAsset>;
}

/** Where the explorer's scripts and styles are served (next to the endpoint, so a proxy that forwards /graphql forwards them). */
export const EXPLORER_ASSET_PATH = '/graphql/explorer/';

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
 * Builds the explorer from node_modules with esbuild: GraphiQL and React as one script and one
 * stylesheet, plus Monaco's three workers (editor, JSON, GraphQL) as scripts of their own. No CDN:
 * the page works on a closed network. Takes a few seconds; the gateway does it once, on the
 * first request for the page.
 */
export async function bundleExplorer(): Promise<ExplorerBundle> {
  const common = { bundle: true, write: false, minify: true, format: 'iife', target: 'es2022', platform: 'browser', logLevel: 'silent', legalComments: 'none' } as const;
  const workers = {
    editor: require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
    json: require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
    graphql: require.resolve('monaco-graphql/esm/graphql.worker.js'),
  };
  const [page, ...workerBuilds] = await Promise.all([
    build({
      ...common,
      entryPoints: { explorer: `${BROWSER_DIR}explorer.tsx` },
      outdir: 'out',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
    }),
    ...Object.entries(workers).map(([name, entry]) => build({ ...common, entryPoints: { [`${name}.worker`]: entry }, outdir: 'out' })),
  ]);
  const assets = new Map<string, ExplorerAsset>();
  const add = (file: OutputFile) => {
    const extension = file.path.slice(file.path.lastIndexOf('.'));
    const base = file.path.slice(file.path.lastIndexOf('/') + 1, -extension.length);
    const name = `${base}-${createHash('sha256').update(file.contents).digest('hex').slice(0, 12)}${extension}`;
    assets.set(name, { contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', body: Buffer.from(file.contents) });
    return EXPLORER_ASSET_PATH + name;
  };
  const workerUrls = Object.fromEntries(Object.keys(workers).map((name, i) => [name, add(workerBuilds[i]!.outputFiles[0]!)]));
  const script = page.outputFiles.find((file) => file.path.endsWith('.js'))!;
  const style = page.outputFiles.find((file) => file.path.endsWith('.css'));
  const scriptUrl = add(script);
  const styleUrl = style ? add(style) : undefined;
  // JSON in a script element: "<" escaped so no value can close the element.
  const config = JSON.stringify({ workers: workerUrls }).replace(/</g, '\\u003c');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Game Platform API explorer</title>
${styleUrl ? `<link rel="stylesheet" href="${styleUrl}">` : ''}
<script id="explorer-config" type="application/json">${config}</script>
</head>
<body>
<div id="explorer"><noscript>The API explorer needs JavaScript.</noscript></div>
<script src="${scriptUrl}"></script>
</body>
</html>
`;
  return { html, assets };
}

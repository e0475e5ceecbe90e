import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { projectPath } from '../../platform/paths.js';
import { HashedAssets, inlineJson, type WebBundle } from '../web/bundled.js';

const require = createRequire(import.meta.url);
// From the project's root, so the production bundle (dist/) finds the sources too.
const BROWSER_DIR = projectPath('gateway', 'explorer', 'browser') + '/';

/** Where the explorer's scripts and styles are served (next to the endpoint, so a proxy that forwards /graphql forwards them). */
export const EXPLORER_ASSET_PATH = '/graphql/explorer/';

/**
 * Builds the explorer from node_modules with esbuild: GraphiQL and React as one script and one
 * stylesheet, plus Monaco's three workers (editor, JSON, GraphQL) as scripts of their own. No CDN:
 * the page works on a closed network. Takes a few seconds; the gateway does it once, on the
 * first request for the page.
 */
export async function bundleExplorer(): Promise<WebBundle> {
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
  const hashed = new HashedAssets(EXPLORER_ASSET_PATH);
  const add = hashed.add.bind(hashed);
  const workerUrls = Object.fromEntries(Object.keys(workers).map((name, i) => [name, add(workerBuilds[i]!.outputFiles[0]!)]));
  const script = page.outputFiles.find((file) => file.path.endsWith('.js'))!;
  const style = page.outputFiles.find((file) => file.path.endsWith('.css'));
  const scriptUrl = add(script);
  const styleUrl = style ? add(style) : undefined;
  const config = inlineJson({ workers: workerUrls });
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
  return { html, assets: hashed.files };
}

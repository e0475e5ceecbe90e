/** What the gateway tells the page (a JSON script element written by gateway/explorer/bundle.ts). */
export interface ExplorerPageConfig {
  /** URLs of the Monaco workers' scripts. */
  workers: { editor: string; json: string; graphql: string };
}

export const EXPLORER_CONFIG = JSON.parse(document.getElementById('explorer-config')?.textContent ?? '{}') as ExplorerPageConfig;

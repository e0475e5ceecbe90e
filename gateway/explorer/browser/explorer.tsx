// The explorer's page: GraphiQL over the gateway, with the sign-in panel and the example tabs.
import './workers.js';
import 'graphiql/style.css';
import './explorer.css';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLE_TABS } from './examples.js';
import { fetcher } from './session.js';
import { SIGN_IN_PLUGIN } from './sign-in.js';

// A link may carry an operation to open: /graphql?query=…&variables=…
const params = new URLSearchParams(location.search);
const linked = params.get('query') ?? undefined;
const linkedVariables = linked ? (params.get('variables') ?? undefined) : undefined;

// The first visit opens the examples (after the linked operation); later visits restore the
// player's own tabs, and a linked operation opens in a tab of its own.
const examples = EXAMPLE_TABS.map((tab) => ({ query: tab.query, variables: tab.variables ? JSON.stringify(tab.variables, null, 2) : undefined }));
const defaultTabs = linked ? [{ query: linked, variables: linkedVariables }, ...examples] : examples;

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={defaultTabs}
      initialQuery={linked}
      initialVariables={linkedVariables}
      plugins={[SIGN_IN_PLUGIN, HISTORY_PLUGIN]}
      visiblePlugin={SIGN_IN_PLUGIN}
      defaultEditorToolsVisibility
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>Game Platform</GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);

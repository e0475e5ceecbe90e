import { useGraphiQL, type GraphiQLPlugin } from '@graphiql/react';
import { useEffect, useState, type FormEvent } from 'react';
import { currentSession, onSessionChange, setSession, signIn } from './session.js';

/** The tab's headers as an object (an unreadable editor counts as none). */
function parseHeaders(text: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text?.trim() || '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function withAuthorization(headers: Record<string, unknown>, authorization: string | undefined) {
  const rest = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
  return authorization ? { ...rest, Authorization: authorization } : rest;
}

function SignInPanel() {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const [session, setLocalSession] = useState(currentSession);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => onSessionChange(() => setLocalSession(currentSession())), []);

  const writeHeader = (authorization: string | undefined) => {
    if (!headerEditor) return;
    const headers = withAuthorization(parseHeaders(headerEditor.getValue()), authorization);
    headerEditor.setValue(Object.keys(headers).length ? JSON.stringify(headers, null, 2) : '');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(username.trim(), password);
      setSession(signedIn);
      setPassword('');
      writeHeader(`Bearer ${signedIn.token}`);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const signOut = () => {
    setSession(null);
    writeHeader(undefined);
  };

  return (
    <div className="explorer-sign-in">
      <div className="graphiql-doc-explorer-title">Sign in</div>
      {session ? (
        <>
          <p data-testid="signed-in">
            Signed in as <strong>{session.username}</strong> ({session.role}).
          </p>
          <p>
            The token is in this tab's <code>Authorization</code> header and in the websocket's <code>connectionParams</code>; tabs without an
            Authorization header use it too.
          </p>
          <button type="button" className="graphiql-button" onClick={() => writeHeader(`Bearer ${session.token}`)}>
            Put the token in this tab
          </button>{' '}
          <button type="button" className="graphiql-button" onClick={signOut}>
            Sign out
          </button>
        </>
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <p>Runs the <code>login</code> mutation and sends its token with every operation, subscriptions included.</p>
          <label>
            Username or email
            <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          <button type="submit" className="graphiql-button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          {error ? (
            <p role="alert" className="explorer-error">
              {error}
            </p>
          ) : null}
        </form>
      )}
    </div>
  );
}

function SignInIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4 4-6 8-6s8 2 8 6" />
    </svg>
  );
}

export const SIGN_IN_PLUGIN: GraphiQLPlugin = { title: 'Sign in', icon: SignInIcon, content: SignInPanel };

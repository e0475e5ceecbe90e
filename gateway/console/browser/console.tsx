import { useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { setSession, signIn, storedSession, type ApiError, type Session } from './api.js';
import { Bracket } from './bracket.js';
import { Chat } from './chat.js';
import './console.css';
import { Dashboard } from './dashboard.js';
import { Leaderboard } from './leaderboard.js';
import { Progress } from './progress.js';
import { UnlockToasts } from './toasts.js';

function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(name, password));
    } catch (failure) {
      setError((failure as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="sign-in panel" onSubmit={(e) => void submit(e)}>
      <h1>Game platform console</h1>
      <p>Sign in with a player account (an ADMIN also sees the live dashboard).</p>
      <label>
        Username or email <input name="username" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      <button type="submit" disabled={busy}>
        Sign in
      </button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}

function App() {
  const [session, setCurrent] = useState<Session | null>(storedSession());
  const [refreshKey, setRefreshKey] = useState(0);
  const change = (next: Session | null) => {
    setSession(next);
    setCurrent(next);
  };
  if (!session) return <SignIn onSignedIn={change} />;
  return (
    <>
      <header>
        <h1>Game platform console</h1>
        <span data-testid="signed-in-as">
          {session.username} ({session.role.toLowerCase()})
        </span>
        <a href="/graphql">API explorer</a>
        <button type="button" onClick={() => change(null)}>
          Sign out
        </button>
      </header>
      <main key={session.token}>
        <Progress session={session} refreshKey={refreshKey} />
        <Chat session={session} />
        <Leaderboard session={session} />
        <Bracket session={session} />
        {session.role === 'ADMIN' && <Dashboard session={session} />}
      </main>
      <UnlockToasts session={session} onUnlock={() => setRefreshKey((k) => k + 1)} />
    </>
  );
}

createRoot(document.getElementById('console')!).render(<App />);

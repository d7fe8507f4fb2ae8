/** Checks for an existing session on load, then shows the login screen or the inbox. */
import { useEffect, useState } from 'react';
import { ApiError, api, type Session, setSessionExpiredHandler } from '../api';
import { Inbox } from './Inbox';
import { LoginScreen } from './LoginScreen';

type Auth =
  | { state: 'checking' }
  | { state: 'signed-out'; notice: string | null }
  | { state: 'signed-in'; session: Session };

export function App() {
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });

  useEffect(() => {
    setSessionExpiredHandler(() =>
      setAuth({ state: 'signed-out', notice: 'Your session has ended. Please sign in again.' }),
    );
    api.me().then(
      (session) => setAuth({ state: 'signed-in', session }),
      (error: Error) =>
        setAuth({
          state: 'signed-out',
          // 401 simply means "not signed in yet"; anything else is worth telling.
          notice: error instanceof ApiError && error.status === 401 ? null : error.message,
        }),
    );
    return () => setSessionExpiredHandler(null);
  }, []);

  if (auth.state === 'checking') {
    return (
      <p className="splash" role="status">
        Loading…
      </p>
    );
  }
  if (auth.state === 'signed-out') {
    return (
      <LoginScreen
        notice={auth.notice}
        onLoggedIn={(session) => setAuth({ state: 'signed-in', session })}
      />
    );
  }
  return (
    <Inbox
      session={auth.session}
      onLoggedOut={() => setAuth({ state: 'signed-out', notice: null })}
    />
  );
}

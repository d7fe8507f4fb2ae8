/** Checks for an existing session on load, then shows the login screen, the inbox, the
 * insights or the settings, as the URL says. */
import { useEffect, useState } from 'react';
import { ApiError, api, type Session, setSessionExpiredHandler } from '../api';
import { useRoute } from '../hooks/useRoute';
import { Inbox } from './Inbox';
import { InsightsPage } from './insights/InsightsPage';
import { LoginScreen } from './LoginScreen';
import { SettingsPage } from './settings/SettingsPage';

type Auth =
  | { state: 'checking' }
  | { state: 'signed-out'; notice: string | null }
  | { state: 'signed-in'; session: Session };

export function App() {
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });
  const { route, navigate } = useRoute();

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
  const onLoggedOut = () => setAuth({ state: 'signed-out', notice: null });
  // Refreshed, so a session that was waiting for two-factor now reaches everything.
  const onTwoFactorEnabled = () => {
    api.me().then((session) => setAuth({ state: 'signed-in', session }), onLoggedOut);
  };
  // An admin the workspace requires two-factor of sees only where to set it up.
  if (route.page === 'settings' || auth.session.twoFactorEnrollmentRequired) {
    return (
      <SettingsPage
        session={auth.session}
        section={
          route.page === 'settings' && !auth.session.twoFactorEnrollmentRequired
            ? route.section
            : 'security'
        }
        onNavigate={navigate}
        onLoggedOut={onLoggedOut}
        onTwoFactorEnabled={onTwoFactorEnabled}
      />
    );
  }
  if (route.page === 'insights') {
    return <InsightsPage session={auth.session} onNavigate={navigate} onLoggedOut={onLoggedOut} />;
  }
  return <Inbox session={auth.session} onNavigate={navigate} onLoggedOut={onLoggedOut} />;
}

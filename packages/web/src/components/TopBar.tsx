/** The app header: workspace, the Inbox/Insights/Settings switch, the signed-in operator and sign-out. */
import { type ReactNode, useState } from 'react';
import { api, type Session } from '../api';
import type { Route } from '../routes';
import { RouteLink } from './RouteLink';

interface Props {
  session: Session;
  route: Route;
  onNavigate: (route: Route) => void;
  onLoggedOut: () => void;
  /** Page-specific status, e.g. whether the inbox's live updates are flowing. */
  children?: ReactNode;
}

export function TopBar({ session, route, onNavigate, onLoggedOut, children }: Props) {
  // If the server did not end the session, the operator must not believe they are signed out.
  const [signOutFailed, setSignOutFailed] = useState(false);
  const signOut = () => {
    setSignOutFailed(false);
    api.logout().then(onLoggedOut, () => setSignOutFailed(true));
  };

  return (
    <header className="topbar">
      <h1 className="brand">Parley</h1>
      <span className="topbar-workspace">{session.workspace.name}</span>
      <nav className="topbar-nav" aria-label="Main">
        <RouteLink
          to={{ page: 'inbox' }}
          onNavigate={onNavigate}
          current={route.page === 'inbox'}
          className="topbar-link"
        >
          Inbox
        </RouteLink>
        <RouteLink
          to={{ page: 'insights' }}
          onNavigate={onNavigate}
          current={route.page === 'insights'}
          className="topbar-link"
        >
          Insights
        </RouteLink>
        <RouteLink
          to={{ page: 'settings', section: 'channels' }}
          onNavigate={onNavigate}
          current={route.page === 'settings'}
          className="topbar-link"
        >
          Settings
        </RouteLink>
      </nav>
      {children}
      <span className="topbar-user" title={session.user.email}>
        {session.user.name}
      </span>
      <button type="button" className="button button--ghost" onClick={signOut}>
        {signOutFailed ? 'Sign-out failed, retry' : 'Sign out'}
      </button>
    </header>
  );
}

/** Email + password sign-in for operators. */
import { type FormEvent, useState } from 'react';
import { api, type Session } from '../api';

interface Props {
  onLoggedIn: (session: Session) => void;
  /** Why the operator is here, e.g. the server could not be reached while checking the session. */
  notice: string | null;
}

export function LoginScreen({ onLoggedIn, notice }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(notice);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      onLoggedIn(await api.login(email.trim(), password));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Sign-in failed.');
      setPending(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={onSubmit} aria-labelledby="login-title">
        <h1 id="login-title" className="brand">
          Parley
        </h1>
        <p className="login-lede">Sign in to your inbox</p>
        {error && (
          <p className="note note--error" role="alert">
            {error}
          </p>
        )}
        <label className="field" htmlFor="login-email">
          <span>Email</span>
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field" htmlFor="login-password">
          <span>Password</span>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary button--block" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

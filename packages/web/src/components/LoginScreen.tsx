/** Sign-in for operators: email and password; then, when needed, which workspace (the email
 * signs in to several) and a code from the authenticator app (two-factor sign-in). */
import { type FormEvent, useState } from 'react';
import { api, type LoginResult, type Session } from '../api';

interface Props {
  onLoggedIn: (session: Session) => void;
  /** Why the operator is here, e.g. the server could not be reached while checking the session. */
  notice: string | null;
}

type Step =
  | { kind: 'credentials' }
  | { kind: 'choose-workspace'; workspaces: { id: string; name: string }[] }
  | { kind: 'code'; challenge: string };

export function LoginScreen({ onLoggedIn, notice }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(notice);

  const attempt = async (action: () => Promise<LoginResult | Session>) => {
    setPending(true);
    setError(null);
    try {
      const result = await action();
      if (!('kind' in result) || result.kind === 'session') onLoggedIn(result);
      else {
        setStep(result);
        setPending(false);
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Sign-in failed.');
      setPending(false);
    }
  };

  const startOver = () => {
    setStep({ kind: 'credentials' });
    setCode('');
    setError(null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (step.kind === 'code') void attempt(() => api.loginWithCode(step.challenge, code.trim()));
    else void attempt(() => api.login(email.trim(), password));
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={onSubmit} aria-labelledby="login-title">
        <h1 id="login-title" className="brand">
          Parley
        </h1>
        <p className="login-lede">
          {step.kind === 'credentials' && 'Sign in to your inbox'}
          {step.kind === 'choose-workspace' && 'Which workspace?'}
          {step.kind === 'code' && 'Enter the 6-digit code from your authenticator app'}
        </p>
        {error && (
          <p className="note note--error" role="alert">
            {error}
          </p>
        )}
        {step.kind === 'credentials' && (
          <>
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
            <button
              type="submit"
              className="button button--primary button--block"
              disabled={pending}
            >
              {pending ? 'Signing in…' : 'Sign in'}
            </button>
          </>
        )}
        {step.kind === 'choose-workspace' && (
          <ul className="login-choices">
            {step.workspaces.map((workspace) => (
              <li key={workspace.id}>
                <button
                  type="button"
                  className="button button--block"
                  disabled={pending}
                  onClick={() => attempt(() => api.login(email.trim(), password, workspace.id))}
                >
                  {workspace.name}
                </button>
              </li>
            ))}
          </ul>
        )}
        {step.kind === 'code' && (
          <>
            <label className="field" htmlFor="login-code">
              <span>Code</span>
              <input
                id="login-code"
                autoComplete="one-time-code"
                spellCheck={false}
                required
                // biome-ignore lint/a11y/noAutofocus: the only field of this step, just revealed
                autoFocus
                value={code}
                aria-describedby="login-code-hint"
                onChange={(event) => setCode(event.target.value)}
              />
            </label>
            <p id="login-code-hint" className="field-hint">
              Lost your phone? Enter one of your recovery codes instead.
            </p>
            <button
              type="submit"
              className="button button--primary button--block"
              disabled={pending}
            >
              {pending ? 'Checking…' : 'Verify'}
            </button>
          </>
        )}
        {step.kind !== 'credentials' && (
          <button type="button" className="button button--ghost button--block" onClick={startOver}>
            Start over
          </button>
        )}
      </form>
    </main>
  );
}

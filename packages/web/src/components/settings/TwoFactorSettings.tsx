/** Two-factor sign-in for oneself: set it up by scanning a QR code and confirming a code, keep
 * the recovery codes shown once, or turn it off with the password (unless required). */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, type TwoFactorSetup, type TwoFactorStatus } from '../../api';
import { CopyField } from './CopyField';
import { RecoveryCodesNotice } from './RecoveryCodesNotice';
import { TextField } from './TextField';

interface Props {
  /** Called once recovery codes were shown and put away: two-factor is on. */
  onEnabled: () => void;
}

type Panel =
  | { state: 'loading' }
  | { state: 'status'; status: TwoFactorStatus }
  | { state: 'enrolling'; setup: TwoFactorSetup }
  | { state: 'codes'; codes: string[] };

export function TwoFactorSettings({ onEnabled }: Props) {
  const [panel, setPanel] = useState<Panel>({ state: 'loading' });
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.twoFactorStatus().then(
      (status) => setPanel({ state: 'status', status }),
      (failure: Error) => setError(failure.message),
    );
  }, []);
  useEffect(load, [load]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setInput('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'That did not work.');
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    run(async () => setPanel({ state: 'enrolling', setup: await api.startTwoFactor() }));
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () =>
      setPanel({ state: 'codes', codes: await api.confirmTwoFactor(input.trim()) }),
    );
  };
  const disable = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.disableTwoFactor({ password: input });
      load();
    });
  };

  const errorNote = error && (
    <p className="note note--error" role="alert">
      {error}
    </p>
  );

  return (
    <section className="settings-card" aria-labelledby="two-factor-title">
      <h3 id="two-factor-title">Two-factor sign-in</h3>
      {panel.state === 'loading' && !error && <p role="status">Loading…</p>}
      {panel.state === 'status' && !panel.status.enabled && (
        <>
          <p>
            Off. With it on, signing in also takes a code from an authenticator app on your phone
            (such as Google Authenticator, 1Password or Aegis).
          </p>
          {errorNote}
          <button type="button" className="button button--primary" disabled={busy} onClick={start}>
            Set up two-factor sign-in
          </button>
        </>
      )}
      {panel.state === 'enrolling' && (
        <form className="settings-form" onSubmit={confirm} aria-label="Confirm two-factor sign-in">
          <p>Scan this QR code with your authenticator app, then enter the code it shows.</p>
          <img
            className="two-factor-qr"
            src={panel.setup.qrCode}
            alt="QR code for your authenticator app"
          />
          <CopyField
            label="Or type this key into the app"
            value={panel.setup.secret}
            hint="Time-based, 6 digits, every 30 seconds."
          />
          <TextField label="Code from the app" required value={input} onChange={setInput} />
          {errorNote}
          <div className="form-actions-row">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Checking…' : 'Turn on'}
            </button>
            <button type="button" className="button button--ghost" onClick={load}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {panel.state === 'codes' && (
        <RecoveryCodesNotice
          codes={panel.codes}
          onDismiss={() => {
            load();
            onEnabled();
          }}
        />
      )}
      {panel.state === 'status' && panel.status.enabled && (
        <>
          <p>On. {panel.status.recoveryCodesLeft} of 10 recovery codes left.</p>
          {panel.status.requiredForYou ? (
            <p className="field-hint">This workspace requires two-factor sign-in for admins.</p>
          ) : (
            <form className="settings-form" onSubmit={disable} aria-label="Turn off two-factor">
              <TextField
                label="Your password"
                secret
                required
                value={input}
                onChange={setInput}
                hint="Needed to turn two-factor sign-in off."
              />
              {errorNote}
              <div className="form-actions-row">
                <button type="submit" className="button" disabled={busy}>
                  Turn off
                </button>
              </div>
            </form>
          )}
        </>
      )}
      {panel.state === 'loading' && errorNote}
    </section>
  );
}

/** Admins: require two-factor sign-in of every admin of the workspace. An admin without it is
 * then held at these settings until they set it up. */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { CheckboxField } from './CheckboxField';

export function TwoFactorRequirement() {
  const [required, setRequired] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api.workspaceSecurity().then(
      (settings) => setRequired(settings.requireAdminTwoFactor),
      (failure: Error) => setError(failure.message),
    );
  }, []);

  const change = async (requireAdminTwoFactor: boolean) => {
    setError(null);
    setSaved(false);
    try {
      setRequired(
        (await api.setWorkspaceSecurity({ requireAdminTwoFactor })).requireAdminTwoFactor,
      );
      setSaved(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Saving failed.');
    }
  };

  return (
    <section className="settings-card" aria-labelledby="two-factor-requirement-title">
      <h3 id="two-factor-requirement-title">Workspace</h3>
      {required !== null && (
        <CheckboxField
          label="Require two-factor sign-in for admins"
          checked={required}
          onChange={change}
          hint="Admins without it can only set it up until they do. Turn it on for yourself first."
        />
      )}
      {error && (
        <p className="note note--error" role="alert">
          {error}
        </p>
      )}
      <span className="form-status" role="status">
        {saved ? 'Saved.' : ''}
      </span>
    </section>
  );
}

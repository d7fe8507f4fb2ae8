/** Settings → Security: one's own password and two-factor sign-in; for admins, whether the
 * workspace requires two-factor of its admins. */
import { ChangePasswordForm } from './ChangePasswordForm';
import { TwoFactorRequirement } from './TwoFactorRequirement';
import { TwoFactorSettings } from './TwoFactorSettings';

interface Props {
  isAdmin: boolean;
  /** The workspace requires two-factor and this admin has none yet: nothing else works. */
  enrollmentRequired: boolean;
  onTwoFactorEnabled: () => void;
}

export function SecuritySettings({ isAdmin, enrollmentRequired, onTwoFactorEnabled }: Props) {
  return (
    <section className="settings-section" aria-labelledby="security-title">
      <div className="settings-section-head">
        <h2 id="security-title">Security</h2>
      </div>
      {enrollmentRequired ? (
        <p className="note note--info">
          <strong>Set up two-factor sign-in to continue.</strong> This workspace requires it for
          admins; the inbox and the other settings open once it is on.
        </p>
      ) : (
        <p className="settings-lede">How you sign in to Parley.</p>
      )}
      <TwoFactorSettings onEnabled={onTwoFactorEnabled} />
      {!enrollmentRequired && <ChangePasswordForm />}
      {isAdmin && !enrollmentRequired && <TwoFactorRequirement />}
    </section>
  );
}

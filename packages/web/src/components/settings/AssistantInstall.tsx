/** How visitors reach an assistant: the website embed snippet and the hosted share link. */
import type { Assistant } from '../../api';
import { embedSnippet, shareLink } from '../../settings/urls';
import { CopyField } from './CopyField';

export function AssistantInstall({ assistant }: { assistant: Assistant }) {
  const origin = window.location.origin;
  const link = shareLink(origin, assistant.shareUrl);
  return (
    <div className="assistant-install">
      <CopyField
        label="Embed snippet"
        multiline
        value={embedSnippet(origin, assistant.publicKey)}
        hint="Paste before </body> on every page that should show the chat bubble. The site must be in the allowed origins."
      />
      <CopyField
        label="Share link"
        value={link}
        hint="A chat page of its own, for social bios, emails or QR codes."
      >
        <a className="button" href={link} target="_blank" rel="noopener noreferrer">
          Open<span className="visually-hidden"> share link in a new tab</span>
        </a>
      </CopyField>
    </div>
  );
}

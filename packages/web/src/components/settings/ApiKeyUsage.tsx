/** How a script uses a key, briefly, with a request to try it with. */
import { curlExample } from '../../settings/api-keys';

export function ApiKeyUsage() {
  return (
    <section className="settings-card" aria-labelledby="api-key-usage-title">
      <h3 id="api-key-usage-title">Using a key</h3>
      <p>
        Send the key in the <code>Authorization</code> header of each request, instead of signing
        in. No CSRF token is needed; the key acts with its role in this workspace until it is
        revoked.
      </p>
      <pre className="code-block">
        <code>{curlExample(window.location.origin, '<key>')}</code>
      </pre>
      <p className="field-hint">
        Every endpoint is described in the{' '}
        <a href="/api/openapi.json" target="_blank" rel="noopener noreferrer">
          OpenAPI document<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        .
      </p>
    </section>
  );
}

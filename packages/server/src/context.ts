/** What commands, jobs and routes share: the database, secrets, the model provider. */
import type { ModelProvider } from './ai/provider.js';
import type { SecretBox } from './lib/secrets.js';
import type { Db, Store } from './store/store.js';

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface Context {
  store: Store;
  db: Db;
  secretBox: SecretBox;
  provider: ModelProvider;
  log: Logger;
  /** Injected so time-based rules (reply windows) are testable. */
  now: () => Date;
  /** Whether admins may point channels at other API hosts than the platforms' own (a proxy,
   * a test server). Off by default: such URLs let an admin make the server call anywhere. */
  allowCustomPlatformUrls: boolean;
}

import { describe, expect, it } from 'vitest';
import { parseShareConfig } from './share-config.js';

const page = 'https://parley.example/c/acme-support';

function metas(values: Record<string, string>) {
  return (name: string) => values[name] ?? null;
}

describe('parseShareConfig', () => {
  it('reads the key and defaults the API to the page origin', () => {
    expect(parseShareConfig(metas({ 'parley-key': 'pk_1' }), page)).toEqual({
      publicKey: 'pk_1',
      apiBase: 'https://parley.example',
    });
  });

  it('uses the injected API base', () => {
    const config = parseShareConfig(
      metas({ 'parley-key': 'pk_1', 'parley-api': 'https://api.parley.example/' }),
      page,
    );
    expect(config?.apiBase).toBe('https://api.parley.example');
  });

  it('has nothing to show without a key', () => {
    expect(parseShareConfig(metas({}), page)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { absoluteUrl, embedSnippet, shareLink } from './urls';

describe('urls', () => {
  it('builds the embed snippet and share link on this server', () => {
    expect(embedSnippet('https://parley.example', 'pk_1')).toBe(
      '<script src="https://parley.example/widget.js" data-key="pk_1" async></script>',
    );
    expect(shareLink('https://parley.example', '/c/acme')).toBe('https://parley.example/c/acme');
  });

  it('makes webhook paths absolute and leaves full URLs alone', () => {
    expect(absoluteUrl('/webhooks/meta', 'https://parley.example')).toBe(
      'https://parley.example/webhooks/meta',
    );
    expect(absoluteUrl('https://hooks.example/meta', 'https://parley.example')).toBe(
      'https://hooks.example/meta',
    );
  });
});

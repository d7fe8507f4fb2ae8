import { describe, expect, it } from 'vitest';
import { parseScriptConfig } from './script-config.js';

const page = 'https://shop.example/products/1';
const src = 'https://parley.example/widget.js?v=3';

describe('parseScriptConfig', () => {
  it('takes the API from the script origin and defaults the channel', () => {
    expect(parseScriptConfig({ src, dataset: { key: 'pk_1' } }, page)).toEqual({
      publicKey: 'pk_1',
      apiBase: 'https://parley.example',
      channel: 'website_widget',
      sessionFields: {},
    });
  });

  it('lets data-api override the API base, without a trailing slash', () => {
    const dataset = { key: 'pk_1', api: 'https://api.example/parley/' };
    expect(parseScriptConfig({ src, dataset }, page)?.apiBase).toBe('https://api.example/parley');
  });

  it('resolves a relative script src against the page', () => {
    const config = parseScriptConfig({ src: '/widget.js', dataset: { key: 'pk_1' } }, page);
    expect(config?.apiBase).toBe('https://shop.example');
  });

  it('forwards the Shopify shop and customer', () => {
    const dataset = {
      key: 'pk_1',
      channel: 'shopify_widget',
      shop: 'acme.myshopify.com',
      customerId: '42',
    };
    expect(parseScriptConfig({ src, dataset }, page)).toMatchObject({
      channel: 'shopify_widget',
      sessionFields: { shop: 'acme.myshopify.com', customerId: '42' },
    });
  });

  it('ignores unknown channels and blank Shopify fields', () => {
    const dataset = { key: 'pk_1', channel: 'gmail', shop: ' ', customerId: '' };
    expect(parseScriptConfig({ src, dataset }, page)).toMatchObject({
      channel: 'website_widget',
      sessionFields: {},
    });
  });

  it('refuses a tag without a key or with an unusable API', () => {
    expect(parseScriptConfig({ src, dataset: {} }, page)).toBeNull();
    expect(parseScriptConfig({ src, dataset: { key: '  ' } }, page)).toBeNull();
    expect(parseScriptConfig({ src, dataset: { key: 'pk_1', api: 'http://[' } }, page)).toBeNull();
  });
});

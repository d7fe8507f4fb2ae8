/**
 * Fetching a web page for the knowledge base. An admin's URL makes the server call out, so
 * private, loopback and link-local addresses are refused (every address the name resolves to,
 * and again after each redirect) unless the server allows them; the wait and the size are capped.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { badRequest } from '../lib/errors.js';
import type { Extracted } from './extract/extracted.js';
import { extractHtml } from './extract/html.js';
import { extractPdf } from './extract/pdf.js';

export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 5;

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface FetchPageOptions {
  allowPrivateAddresses: boolean;
}

async function assertPublic(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : (await lookup(host, { all: true }).catch(() => [])).map((entry) => entry.address);
  if (addresses.length === 0) throw badRequest(`${url.hostname} could not be found.`);
  if (addresses.some(isPrivateAddress)) {
    throw badRequest(
      `${url.hostname} is a private or local address; this server only imports public web pages.`,
    );
  }
}

export function parsePageUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest('Enter a full web address, starting with https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badRequest('Only http:// and https:// pages can be imported.');
  }
  if (url.username || url.password) throw badRequest('Addresses with a password are not imported.');
  return url;
}

async function readCapped(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_PAGE_BYTES) throw badRequest('The page is larger than 5 MB.');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_PAGE_BYTES) {
      await reader.cancel();
      throw badRequest('The page is larger than 5 MB.');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function fetchPage(address: string, options: FetchPageOptions): Promise<Extracted> {
  let url = parsePageUrl(address);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!options.allowPrivateAddresses) await assertPublic(url);
    const response = await fetch(url, {
      redirect: 'manual',
      signal,
      headers: { accept: 'text/html, text/plain, application/pdf;q=0.8, */*;q=0.5' },
    }).catch((error: unknown) => {
      const reason =
        error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'failed';
      throw badRequest(`Fetching ${url.hostname} ${reason}.`);
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = parsePageUrl(new URL(location, url).toString());
      continue;
    }
    if (!response.ok) throw badRequest(`${url.hostname} answered ${response.status}.`);
    const bytes = await readCapped(response);
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('pdf')) return extractPdf(bytes);
    const text = new TextDecoder().decode(bytes);
    if (type.includes('html') || /^\s*</.test(text)) return extractHtml(text);
    return { markdown: text };
  }
  throw badRequest('The page redirects too often.');
}

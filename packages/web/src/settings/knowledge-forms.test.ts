import { describe, expect, it } from 'vitest';
import { validateArticle, validateQa, validateUrl } from './knowledge-forms';

describe('knowledge add forms', () => {
  it('need a title and a body for articles, a question and answer for Q&A pairs', () => {
    expect(Object.keys(validateArticle({ title: ' ', body: '' }))).toEqual(['title', 'body']);
    expect(validateArticle({ title: 'Gift cards', body: 'Valid 3 years.' })).toEqual({});
    expect(Object.keys(validateQa({ question: 'Why?', answer: '' }))).toEqual(['answer']);
  });

  it('take web pages by http(s) address only', () => {
    expect(validateUrl({ url: 'https://shop.example/faq' })).toEqual({});
    expect(validateUrl({ url: 'ftp://shop.example/faq' }).url).toMatch(/http/);
    expect(validateUrl({ url: '' }).url).toBeDefined();
  });
});

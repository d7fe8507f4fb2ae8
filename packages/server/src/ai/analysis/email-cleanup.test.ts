import { describe, expect, it } from 'vitest';
import { cleanEmailText } from './email-cleanup.js';

describe('email cleanup', () => {
  it('cuts a legal footer even without a sign-off', () => {
    const text =
      'Where is my refund for order 4471?\n\nThis email and any attachments are confidential and intended solely for the addressee. If you have received it in error, why not delete it?';
    expect(cleanEmailText(text)).toBe('Where is my refund for order 4471?');
  });

  it.each([
    'Diese E-Mail enthält vertrauliche Informationen. Wollen Sie sie löschen?',
    'Questa email è destinata unicamente alla persona a cui è indirizzata.',
    'Dit bericht is uitsluitend bestemd voor de geadresseerde.',
    'Please consider the environment before printing this email.',
  ])('in other languages too: %s', (footer) => {
    expect(cleanEmailText(`Kann ich die Jacke umtauschen?\n\n${footer}`)).toBe(
      'Kann ich die Jacke umtauschen?',
    );
  });

  it('treats "thanks in advance" as a sign-off, so the name under it is not analyzed', () => {
    expect(cleanEmailText('Can I still add a gift message?\n\nThanks in advance\nLena')).toBe(
      'Can I still add a gift message?',
    );
  });

  it('keeps a line that only mentions confidentiality in passing', () => {
    const text = 'Is this email address kept confidential?';
    expect(cleanEmailText(text)).toBe(text);
  });
});

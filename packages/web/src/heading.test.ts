import { describe, expect, it } from 'vitest';
import { conversationDetails } from './details';
import { threadHeading } from './heading';
import { testCard } from './test-fixtures';

const priya = {
  id: 'p2',
  displayName: 'Priya Shah',
  email: 'priya@example.com',
  username: null,
  externalId: 'priya@example.com',
  attributes: {},
};

describe('threadHeading', () => {
  it('titles an email thread with its subject and names the sender below', () => {
    const card = testCard({ channelKind: 'gmail', contact: priya, subject: 'Wholesale pricing' });
    expect(threadHeading(card, 'Ava')).toEqual({
      title: 'Wholesale pricing',
      subtitle: 'Gmail · Priya Shah · priya@example.com · Assistant: Ava',
      subject: null,
    });
  });

  it('titles an email without a subject with the sender', () => {
    const card = testCard({ channelKind: 'gmail', contact: priya, subject: '  ' });
    expect(threadHeading(card, null)).toEqual({
      title: 'Priya Shah',
      subtitle: 'Gmail · priya@example.com',
      subject: null,
    });
  });

  it('titles other conversations with the person and keeps any subject apart', () => {
    const card = testCard({ channelKind: 'website_widget', subject: 'Order 1001' });
    expect(threadHeading(card, null)).toEqual({
      title: 'Amy Alpine',
      subtitle: 'Website widget',
      subject: 'Order 1001',
    });
  });
});

describe('conversationDetails', () => {
  it('leaves out what the header shows in its own way and Gmail threading headers', () => {
    const card = testCard({
      channelKind: 'facebook_comment',
      contact: { ...priya, attributes: { shop: 'acme.myshopify.com' } },
      metadata: {
        post: { platform: 'facebook', id: '1_2' },
        caption: 'Spring sale',
        postId: '1_2',
        privateReplyConversationId: 'dm1',
        privateReplyTo: { conversationId: 'c0' },
        gmail: { messageId: '<a@b>' },
        order: { id: 1001 },
      },
    });
    expect(conversationDetails(card).map((detail) => [detail.label, detail.value])).toEqual([
      ['Shop', 'acme.myshopify.com'],
      ['Order id', '1001'],
    ]);
  });
});

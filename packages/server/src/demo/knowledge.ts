/** The demo assistant's small knowledge base: Acme Outdoor's shop policies, matching the
 * widget's suggested questions. Indexed by the usual jobs once the server runs. */
import type { Context } from '../context.js';
import { scheduleIndexing } from '../knowledge/index-source.js';
import { insertKnowledgeSource } from '../store/knowledge.js';

/** What the demo widget offers to ask: each one answered from the articles below. */
export const DEMO_SUGGESTED_QUESTIONS = [
  'Where is my order?',
  'What is your return policy?',
  'Do you ship abroad?',
];

const ARTICLES = [
  {
    title: 'Shipping',
    body: `# Delivery times
Orders placed before 2 pm on a working day leave our warehouse the same day. Delivery within Germany takes 1 to 3 working days, to the rest of the EU 3 to 6 working days.

# Shipping abroad
We ship to all EU countries, Switzerland, Norway and the United Kingdom. Orders outside the EU may incur customs duties, which the recipient pays.

# Costs
Shipping is free for orders over 50 euros. Below that, standard shipping costs 4.90 euros in Germany and 9.90 euros abroad.

# Tracking your order
As soon as your parcel leaves the warehouse you get an email with a tracking link. You can also see the status of your order under My account → Orders.`,
  },
  {
    title: 'Returns policy',
    body: `# Return period
You can return unworn items in their original packaging within 30 days of delivery for a full refund.

# How to return
Print the prepaid return label from My account → Orders, pack the items and drop the parcel at any DHL point. Returns within Germany are free.

# Refunds
We refund to your original payment method within 5 working days of receiving the return.`,
  },
  {
    title: 'Size guide',
    body: `# Jackets
S fits chest 88-94 cm, M 95-101 cm, L 102-108 cm, XL 109-115 cm. Between two sizes, choose the larger one if you wear layers underneath.

# Hiking boots
Our boots run true to size. Leave about a thumb's width of room in front of your toes.`,
  },
  {
    title: 'Opening hours',
    body: `# Store in Munich
Our flagship store at Sendlinger Straße 12 is open Monday to Saturday, 10 am to 8 pm, and closed on Sundays and public holidays.

# Customer service
Our support team answers chat and email Monday to Friday, 8 am to 6 pm.`,
  },
];

const QA_PAIRS = [
  {
    question: 'Which payment methods do you accept?',
    answer: 'We accept Visa, Mastercard, PayPal, Klarna (invoice and instalments) and Apple Pay.',
  },
  {
    question: 'Where is my order?',
    answer:
      'You can follow your parcel with the tracking link in your shipping confirmation email, or under My account → Orders.',
  },
  {
    question: 'Can I exchange an item for another size?',
    answer:
      'Yes: return the item within 30 days and place a new order for the size you need; the return is free.',
  },
];

export async function seedDemoKnowledge(ctx: Context, workspaceId: string, assistantId: string) {
  const sources = [
    ...ARTICLES.map((article) => ({ kind: 'article' as const, ...article })),
    ...QA_PAIRS.map(({ question, answer }) => ({
      kind: 'qa' as const,
      title: question,
      question,
      body: answer,
    })),
  ];
  for (const source of sources) {
    const row = await insertKnowledgeSource(ctx.db, { workspaceId, assistantId, ...source });
    await scheduleIndexing(ctx.db, row);
  }
}

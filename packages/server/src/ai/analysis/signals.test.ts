import { describe, expect, it } from 'vitest';
import { matchedKeyword, messageSignals, safetyNetSignal } from './signals.js';

describe('human request', () => {
  it.each([
    ['en', 'I want to talk to a human'],
    ['en', 'Can I speak to a real person please'],
    ['en', "I don't want to talk to a bot"],
    ['de', 'Ich möchte mit einem Menschen sprechen'],
    ['de', 'Verbinden Sie mich bitte mit einem Mitarbeiter'],
    ['es', 'Quiero hablar con una persona'],
    ['fr', 'Je veux parler à un conseiller'],
    ['it', 'Voglio parlare con un operatore'],
    ['pt', 'Quero falar com um atendente'],
    ['nl', 'Ik wil een medewerker spreken'],
  ])('%s: %s', (language, text) => {
    const signals = messageSignals(text);
    expect(signals.humanRequest).toBe(true);
    expect(signals.language).toBe(language);
  });

  it.each([
    "I'm a travel agent, can you give me a group discount?",
    'my agent number is 5521',
    "I don't need a person, just tell me the price",
    'the human body is 60% water',
    'Ich brauche keinen Mitarbeiter, nur die Größe',
    'No necesito hablar con nadie, gracias',
    'Le livreur était une personne très gentille',
  ])('near miss does not trigger: %s', (text) => {
    expect(messageSignals(text).humanRequest).toBe(false);
  });
});

describe('frustration', () => {
  it.each([
    'This is ridiculous, third time I ask!!!',
    'Great, another week of waiting. Fantastic service.',
    'Ich bin wirklich enttäuscht, die Jacke ist nach einem Tag kaputt',
    'Péssimo atendimento, ninguém responde',
    'Het is nog steeds niet aangekomen en niemand reageert. Belachelijk.',
    "C'est inadmissible, toujours rien reçu",
    'Sono stufo, nessuno mi risponde da giorni',
    'Estoy harta, es la tercera vez que escribo',
    '😡😡😡',
  ])('%s', (text) => {
    const signals = messageSignals(text);
    expect(signals.frustration).toBe(true);
    expect(signals.sentiment).toBeLessThan(0);
  });

  it.each([
    'not bad at all',
    'no problem, thanks!',
    "I'm not angry, just curious when it ships",
    'nicht schlecht, danke',
    'No pasa nada, gracias por avisar',
    'Pas de souci, merci',
    'Geen probleem hoor',
    'Unfortunately the jacket is too small, could I exchange it? Thanks!',
  ])('polite or negated: %s', (text) => {
    expect(messageSignals(text).frustration).toBe(false);
  });
});

describe('sentiment', () => {
  it.each([
    ['Tutto perfetto, grazie mille!', 'positive'],
    ['Super, vielen Dank für die schnelle Hilfe', 'positive'],
    ['Merci beaucoup, très gentil', 'positive'],
    ['👍', 'positive'],
    ['🙏', 'positive'],
    ['no problem, thanks!', 'positive'],
    ['La chaqueta llegó rota', 'negative'],
    ['De kwaliteit is slecht', 'negative'],
  ])('%s reads %s', (text, label) => {
    const score = messageSignals(text).sentiment;
    expect(label === 'positive' ? score > 0.05 : score < -0.05).toBe(true);
  });
});

describe('questions', () => {
  it.each([
    'do you ship to Canada',
    'wo ist meine Bestellung',
    'kan ik ruilen',
    'cuándo llega mi pedido',
    'avez-vous la taille M',
    'quanto costa la spedizione',
    'quanto custa o frete para Lisboa',
    "I'd like to know when it ships.",
  ])('asks: %s', (text) => {
    expect(messageSignals(text).question).toBe(true);
  });

  it.each([
    'When I opened the box, the zipper was broken.',
    'Have a nice day',
    'Thanks again, great job!',
    'Wie besprochen schicke ich die Jacke zurück.',
  ])('states: %s', (text) => {
    expect(messageSignals(text).question).toBe(false);
  });
});

describe('safety net', () => {
  it('names the trigger and quotes the message', () => {
    expect(safetyNetSignal('Ich möchte mit einem Menschen sprechen', [])).toEqual({
      trigger: 'human_requested',
      quote: 'Ich möchte mit einem Menschen sprechen',
    });
    expect(safetyNetSignal('Unacceptable.', [])?.trigger).toBe('frustration');
    expect(safetyNetSignal('I will file a CHARGEBACK', ['lawyer', 'chargeback'])?.trigger).toBe(
      'keyword',
    );
    expect(safetyNetSignal('I will file a CHARGEBACK', [])?.trigger).toBe('frustration');
  });

  it('matches workspace keywords as whole words, ignoring case and accents', () => {
    expect(matchedKeyword('Mein ANWÄLT sagt', ['anwalt'])).toBe('anwalt');
    expect(matchedKeyword('Voy a hablar con mi abogado', ['Abogado'])).toBe('Abogado');
    expect(matchedKeyword('lawyers everywhere', ['lawyer'])).toBeNull();
    expect(matchedKeyword('Please refund to my card', ['lawyer', 'chargeback'])).toBeNull();
    expect(safetyNetSignal('Can I pay with Klarna', ['klarna'])).toEqual({
      trigger: 'keyword',
      quote: 'Can I pay with Klarna',
    });
  });

  it('lets ordinary messages through', () => {
    expect(safetyNetSignal('Do you have this in blue?', ['lawyer'])).toBeNull();
  });
});

describe('frustration said without strong words (held-out phrasing)', () => {
  it.each([
    'yes i KNOW, i did that 5 times. the email never comes. i give up',
    'still nothing??',
    'this is taking forever',
    "you didn't answer me",
    "that's not what I asked",
    'I have called your hotline 4 times today and nobody picks up',
    'this bot keeps sending me the same link',
    'Ich gebe auf. Ich habe schon dreimal geschrieben.',
    'Ich verliere langsam die Geduld',
    'Se me acaba la paciencia, esto tarda una eternidad',
    'Je commence sincèrement à perdre patience.',
    'sto perdendo la pazienza',
    'Já perdi a paciência, desisto',
    'Ik heb nu al drie keer gemaild. Dit duurt echt veel te lang.',
  ])('%s', (text) => {
    expect(messageSignals(text).frustration).toBe(true);
  });

  it.each([
    'oh wonderful. so the support chat can\u2019t support. brilliant',
    "Il mio ordine è 'in preparazione' da dieci giorni. Complimenti davvero, velocissimi",
    'Llevo diez días esperando el reembolso. Genial, de verdad, un servicio estupendo',
  ])('sarcasm: praise next to a wait or a failure: %s', (text) => {
    expect(messageSignals(text).frustration).toBe(true);
  });

  it.each([
    'I ordered from you three times already and love it',
    'Ich habe schon dreimal bei euch bestellt, immer super',
    "j'ai déjà commandé deux fois chez vous",
    'I tried it on three times, fits great',
    'Great, it arrived in 2 days!',
    'Where is my order??',
    "I'm not upset, just curious — why did the price go up?",
    'sorry to bother you again, what time do you open on sunday',
  ])('near miss: %s', (text) => {
    expect(messageSignals(text).frustration).toBe(false);
  });
});

describe('asking for a person indirectly', () => {
  it.each([
    'Can someone from your team call me to sort this out?',
    'could I please speak to a member of staff about closing my account?',
    'can i talk to a real persn pls',
    'is there someone real I can talk to?',
    "I'd like a call back please",
    'Kann mich bitte jemand anrufen?',
    'Könnten Sie mich morgen zurückrufen?',
    'hola, ¿me pasas con alguien?',
    '¿Alguien me puede llamar?',
    "Quelqu'un de votre service peut me rappeler ?",
    'Qualcuno mi può richiamare?',
    'Alguém pode me ligar?',
    'Kan iemand van jullie mij even bellen?',
  ])('%s', (text) => {
    expect(messageSignals(text).humanRequest).toBe(true);
  });

  it.each([
    'we have a phone call scheduled with DHL',
    'my staff member will pick it up',
    'the agent at your Leeds store was lovely',
    '¿Qué pasa con mi pedido?',
    'I got a call from the courier',
  ])('near miss: %s', (text) => {
    expect(messageSignals(text).humanRequest).toBe(false);
  });
});

describe('questions in chat form', () => {
  it.each([
    'En wat zijn de retourvoorwaarden',
    'And is it waterproof',
    "c'est dispo en 36 ou pas",
    'is it in stock or not',
    'Inoltre, qual è il quantitativo minimo',
  ])('asks: %s', (text) => {
    expect(messageSignals(text).question).toBe(true);
  });

  it.each(['¡Muchas gracias, qué rápidos!', 'What a lovely surprise!', 'Wie schön!'])(
    'exclaims: %s',
    (text) => {
      expect(messageSignals(text).question).toBe(false);
    },
  );
});

describe('sentiment of chat spelling and request formulas', () => {
  it('reads a stretched word as the word', () => {
    expect(messageSignals('yesss').sentiment).toBeGreaterThan(0.05);
  });

  it('does not read "thanks in advance" as a feeling', () => {
    expect(messageSignals('Thanks in advance').sentiment).toBe(0);
    expect(messageSignals('Merci d’avance').sentiment).toBe(0);
  });
});

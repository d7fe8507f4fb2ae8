/**
 * The offline responder's own sentences, in the customer's language: passing a question on
 * honestly, and the small talk that needs no knowledge.
 */
import { detectLanguage, LEXICON_LANGUAGES } from '../analysis/language.js';

type Language = (typeof LEXICON_LANGUAGES)[number];

const PASS_ON: Record<Language, string> = {
  en: "I don't have a reliable answer to that, so I've passed your question on to the team. Someone will get back to you here.",
  de: 'Darauf habe ich leider keine sichere Antwort. Ich habe Ihre Frage an das Team weitergegeben – jemand meldet sich hier bei Ihnen.',
  es: 'No tengo una respuesta segura para eso, así que he pasado tu pregunta al equipo. Alguien te responderá aquí.',
  fr: "Je n'ai pas de réponse fiable à cette question, je l'ai donc transmise à l'équipe. Quelqu'un vous répondra ici.",
  it: 'Non ho una risposta sicura, quindi ho passato la tua domanda al team. Qualcuno ti risponderà qui.',
  pt: 'Não tenho uma resposta segura para isso, por isso passei a sua pergunta à equipa. Alguém vai responder aqui.',
  nl: 'Daar heb ik geen betrouwbaar antwoord op, dus ik heb je vraag doorgegeven aan het team. Iemand reageert hier.',
};

const HOW_CAN_I_HELP: Record<Language, string> = {
  en: 'Hi! How can I help you today?',
  de: 'Hallo! Wie kann ich Ihnen helfen?',
  es: '¡Hola! ¿En qué puedo ayudarte?',
  fr: 'Bonjour ! Comment puis-je vous aider ?',
  it: 'Ciao! Come posso aiutarti?',
  pt: 'Olá! Como posso ajudar?',
  nl: 'Hallo! Waarmee kan ik je helpen?',
};

const YOU_ARE_WELCOME: Record<Language, string> = {
  en: "You're welcome! Is there anything else I can help with?",
  de: 'Gern geschehen! Kann ich sonst noch helfen?',
  es: '¡De nada! ¿Puedo ayudarte con algo más?',
  fr: 'Avec plaisir ! Puis-je vous aider pour autre chose ?',
  it: 'Prego! Posso aiutarti con altro?',
  pt: 'De nada! Posso ajudar com mais alguma coisa?',
  nl: 'Graag gedaan! Kan ik nog ergens mee helpen?',
};

/** The customer's language when Parley has sentences for it, else English. */
export function replyLanguage(text: string): Language {
  const language = detectLanguage(text);
  return (LEXICON_LANGUAGES as readonly string[]).includes(language)
    ? (language as Language)
    : 'en';
}

export function passOnMessage(language: Language): string {
  return PASS_ON[language];
}

export function howCanIHelp(language: Language): string {
  return HOW_CAN_I_HELP[language];
}

export function youAreWelcome(language: Language): string {
  return YOU_ARE_WELCOME[language];
}

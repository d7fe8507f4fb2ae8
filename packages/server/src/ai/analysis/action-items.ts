/**
 * What the business still owes: what it promised ("we will send a replacement zipper for
 * #4417", "wir melden uns"), and what a customer asked for that nobody has replied to yet
 * ("please resend the code"). The promised words are kept, minus the "we will".
 */
import type { AnalysisMessage } from './analyzer.js';
import { sentences } from './text.js';

const MAX_ITEMS = 5;
const ITEM_LENGTH = 140;

/** A promise opener, then what is promised (captured). */
const PROMISES: RegExp[] = [
  /\b(?:we|i)(?:'ll| will| are going to|'re going to| am going to|'m going to| shall)\s+(?:now\s+|also\s+|gladly\s+|happily\s+)?(.+)/i,
  /\b(?:we(?:'re| are)|i(?:'m| am)) (sending|refunding|shipping|issuing|arranging|replacing|processing|emailing)\b(.*)/i,
  /\blet me (check|look into|find out|ask)\b(.*)/i,
  /\b(?:someone|a teammate|a colleague|our (?:sales |support )?team)(?: from our team)? will (.+)/i,
  /\b(?:wir|ich) (?:werden|werde) (.+)/i,
  /\b(?:wir|ich) ((?:schicken|senden|erstatten|melden|prüfen|kümmern|tauschen|schicke|sende|prüfe|kümmere)\b.+)/i,
  /\b(?:vamos a|voy a) (.+)/i,
  /\b(?:le|te|les|os)? ?((?:enviaremos|enviamos|devolveremos|reembolsaremos|revisamos|escribimos|contactaremos|pondremos)\b.*)/i,
  /\b(?:nous allons|je vais|on va) (.+)/i,
  /\b(?:nous )?(?:vous )?((?:enverrons|rembourserons|renverrons|reviendrons|revenons vers vous|envoyons)\b.*)/i,
  /\b(?:ti|le|vi)? ?((?:spediamo|spediremo|invieremo|inviamo|manderemo|mandiamo|rimborseremo|faremo sapere|ricontatteremo)\b.*)/i,
  /\b(?:provvederemo a) (.+)/i,
  /\b(?:vamos|vou|iremos|irei) (.+)/i,
  /\b((?:enviaremos|reembolsaremos|retornaremos|entraremos em contato)\b.*)/i,
  /\b(?:we|wij|ik) (?:zullen|zal|gaan|ga|sturen|stuur|komen) (.+)/i,
];

/** A customer asking for something to be done (not a question about facts). */
const REQUESTS: RegExp[] = [
  /\b(?:please|pls|can you|could you|would you)\s+((?:send|resend|refund|cancel|change|update|replace|exchange|issue|ship|call|check|fix|return)\b.+)/i,
  /\bi (?:want|need|would like|'d like) (?:a |an |my )?((?:refund|replacement|exchange|invoice|new one|credit)\b.*)/i,
  /\b(?:bitte\s+)?(?:können sie|könnt ihr|bitte)\s+(.*\b(?:schicken|senden|erstatten|stornieren|ändern|umtauschen|ersetzen)\b.*)/i,
  /\b(?:por favor|pueden|podrían|puede)\s+((?:enviar|reenviar|reembolsar|cancelar|cambiar|mandar)\b.+)/i,
  /\b(?:pouvez-vous|merci de|svp)\s+((?:envoyer|renvoyer|rembourser|annuler|changer|modifier)\b.+)/i,
  /\b(?:potete|può|per favore)\s+((?:mandar|inviar|spedir|rimborsar|annullar|cambiar)\w*\b.+)/i,
  /\b(?:podem|pode|por favor)\s+((?:enviar|reenviar|reembolsar|cancelar|trocar|mandar)\b.+)/i,
  /\b(?:kunt u|kunnen jullie|graag)\s+(.*\b(?:sturen|opsturen|terugbetalen|annuleren|omruilen|vervangen)\b.*)/i,
];

function tidy(text: string): string {
  const trimmed = text
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '')
    .trim();
  return trimmed.length > ITEM_LENGTH ? `${trimmed.slice(0, ITEM_LENGTH - 1)}…` : trimmed;
}

function firstCapture(sentence: string, patterns: RegExp[]): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const captured = match
      .slice(1)
      .filter((part) => part !== undefined)
      .join('');
    if (captured.trim().split(/\s+/).length >= 2) return tidy(captured);
  }
  return null;
}

export function actionItems(
  messages: AnalysisMessage[],
  textOf: (message: AnalysisMessage) => string,
): { text: string }[] {
  const items: string[] = [];
  messages.forEach((message, index) => {
    const text = textOf(message);
    if (message.author === 'contact') {
      const answered = messages.slice(index + 1).some((later) => later.author !== 'contact');
      if (answered) return;
      for (const sentence of sentences(text)) {
        const request = firstCapture(sentence, REQUESTS);
        if (request) items.push(request);
      }
      return;
    }
    for (const sentence of sentences(text)) {
      const promise = firstCapture(sentence, PROMISES);
      if (promise) items.push(promise);
    }
  });
  const unique = [...new Map(items.map((item) => [item.toLowerCase(), item])).values()];
  return unique.slice(0, MAX_ITEMS).map((text) => ({ text }));
}

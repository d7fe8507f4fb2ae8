/**
 * What the customer actually wrote in an email: quoted history cut (in any of the seven
 * languages' attribution lines, Outlook's "Original Message", "> " lines) and the signature cut
 * from the sign-off on, so a company footer or an old quoted complaint is never analyzed.
 */

const ATTRIBUTION =
  /^(?:On\b.{0,300}\bwrote:|Am\b.{0,300}\bschrieb\b.{0,200}:|El\b.{0,300}\bescribi[óo]:|Le\b.{0,300}\ba [ée]crit\s?:|Il giorno\b.{0,300}\bha scritto:|Em\b.{0,300}\bescreveu:|Op\b.{0,300}\bschreef\b.{0,200}:)\s*$/i;
const ORIGINAL_MESSAGE =
  /^(?:-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Mensaje original|Message d'origine|Messaggio originale|Mensagem original|Oorspronkelijk bericht)\s*-{2,}|From:\s.+|Von:\s.+|De:\s.+@.+|Da:\s.+@.+|Van:\s.+@.+)$/i;
const QUOTED = /^\s*>/;
const SIGNATURE_DELIMITER = /^(?:--|—|__+)\s*$/;
const SENT_FROM =
  /^(?:Sent from my|Get Outlook|Von meinem|Enviado desde mi|Envoyé de mon|Inviato da|Enviado do meu|Verzonden vanaf mijn)\b/i;
const SIGN_OFF =
  /^(?:thanks in advance|thank you in advance|many thanks in advance|thanks again|danke im voraus|vielen dank im voraus|gracias de antemano|merci d'avance|merci par avance|grazie in anticipo|obrigad[oa] desde já|desde já obrigad[oa]|alvast bedankt|bij voorbaat dank|best|kind|warm|many thanks|thanks|thank you|cheers|regards|best regards|kind regards|warm regards|all the best|sincerely|yours|mit freundlichen gr(?:ü|ue)(?:ß|ss)en|freundliche gr(?:ü|ue)(?:ß|ss)e|viele gr(?:ü|ue)(?:ß|ss)e|liebe gr(?:ü|ue)(?:ß|ss)e|beste gr(?:ü|ue)(?:ß|ss)e|gru(?:ß|ss)|lg|un saludo|saludos|saludos cordiales|atentamente|un abrazo|cordialement|bien cordialement|bien à vous|salutations|cordiali saluti|distinti saluti|saluti|un saluto|atenciosamente|abraços|cumprimentos|obrigad[oa]|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groet(?:en|jes)?|mvg)[\s,.!]*$/i;

/** A legal footer or a print reminder: everything from it on is boilerplate. */
const DISCLAIMER =
  /^(?:this (?:e-?mail|message|communication)\b.{0,80}\b(?:confidential|privileged|intended (?:solely|only))|(?:the information|any views) (?:contained|expressed) in this (?:e-?mail|message)|please consider the environment|diese (?:e-?mail|nachricht)\b.{0,80}\b(?:vertraulich|bestimmt)|bitte denken sie an die umwelt|este (?:correo|mensaje|e-?mail)\b.{0,80}\b(?:confidencial|destinad)|ce (?:message|courriel|e-?mail|mail)\b.{0,80}\b(?:confidenti|destin)|pensez à l'environnement|questa (?:e-?mail|mail|comunicazione)\b.{0,80}\b(?:riservat|destinat|confidenzial)|esta (?:mensagem|comunicação|e-?mail)\b.{0,80}\b(?:confidencia|destinad)|dit (?:e-?mail|bericht)(?:bericht)?\b.{0,80}\b(?:vertrouwelijk|uitsluitend|bestemd))/i;

function cutQuotedHistory(lines: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    const joined = `${line} ${(lines[index + 1] ?? '').trim()}`;
    if (ORIGINAL_MESSAGE.test(line) || ATTRIBUTION.test(line)) break;
    if (/^(?:On|Am|El|Le|Il giorno|Em|Op)\b/.test(line) && ATTRIBUTION.test(joined)) break;
    if (!QUOTED.test(lines[index] ?? '')) kept.push(lines[index] ?? '');
  }
  return kept;
}

function cutSignature(lines: string[]): string[] {
  const hasContentBefore = (index: number) => lines.slice(0, index).some((line) => line.trim());
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (SIGNATURE_DELIMITER.test(line) || SENT_FROM.test(line) || DISCLAIMER.test(line))
      return lines.slice(0, index);
    if (SIGN_OFF.test(line) && hasContentBefore(index)) return lines.slice(0, index);
  }
  return lines;
}

/** The new words of an email body; the whole text when nothing else would remain. */
export function cleanEmailText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cleaned = cutSignature(cutQuotedHistory(lines))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cleaned || text.trim();
}

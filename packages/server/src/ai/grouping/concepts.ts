/**
 * What a shop customer's question is about, across the seven lexicon languages: words (folded)
 * mapped to one concept each, so "refund", "Erstattung" and "remboursement" become the same
 * feature. Modelled on the responder's synonym groups (ai/responders/term-weights.ts), wider:
 * grouping compares questions with each other, not with a knowledge base. An entry ending in
 * `*` matches as a prefix; German and Dutch compounds ("Lieferadresse") are split on entries.
 */
import { terms } from '../analysis/lexicons/terms.js';

const CONCEPTS: Record<string, string> = {
  shipping: `ship*; deliver*; postage; versand*; versend*; liefer*; envio*; envia*; envie*; livr*;
    expedi*; spedi*; consegn*; entreg*; verzend*; verzond*; lever*; bezorg*; aflever*; postal`,
  order: `order*; bestell*; pedido*; command*; ordine; ordini; ordinato; ordinare; ordinazione; encomend*; purchase*; kauf*; compra*; achat*`,
  where: `where; wo; donde; dove; dov'e; onde; waar`,
  when: `when; wann; cuando; quand; quando; wanneer`,
  arrive: `arriv*; ankomm*; angekommen; llega*; lleg*; chega*; aangekomen; aankom*; receiv*; erhalt*;
    bekomm*; recib*; recu; recevo*; ricev*; receb*; ontvang*; gekregen`,
  tracking: `track*; tracking; sendungsverfolg*; verfolg*; seguimiento; suivi; suivre; tracciamento;
    traccia*; rastre*; rastreio`,
  package: `package*; parcel*; paket*; sendung; paquete*; colis; pacco; pacchi; pacote*; pakket*; pakje*`,
  cancel: `cancel*; storn*; annul*; anul*; annuler*; annuleer*; disdir*`,
  mistake: `mistake*; wrong; versehentlich; falsch*; error; equivoc*; erreur; errore; sbagli*; engano;
    errado*; ongeluk; verkeerd*; fout*`,
  change: `change*; chang*; andern; geandert; anderung*; cambiar; cambiare; cambi; modif*; alter; alterar; alterei; alteracao;
    wijzig*; aanpass*; update*; correct*; korrig*; corrig*`,
  address: `address*; adress*; adres*; direcc*; indirizz*; endere*`,
  discount: `discount*; rabatt*; descuent*; descont*; reduc*; remise*; scont*; korting*; coupon*;
    promo*; voucher*`,
  student: `student*; estudiant*; etudiant*; studen*; universit*`,
  stock: `stock*; restock*; lager*; voorraad*; magazzin*; disponib*; available; availab*; verfugbar*;
    soldout; ausverkauft; agotad*; epuise*; esaurit*; esgotad*; uitverkocht; inventory`,
  size: `size*; sizing; grosse; grossen; talla*; taille*; tallas; taglia*; tamanh*; maat; maten;
    fit; fits; small; smaller; large; big; klein*; pequen*; petit*; piccol*; medium; ausfallen; vallen;
    vestono`,
  shoe: `shoe*; sneaker*; boot*; schuh*; zapat*; zapatilla*; chaussur*; scarp*; sapat*; tenis; schoen*`,
  refund: `refund*; reimburs*; moneyback; erstatt*; ruckerstatt*; geldzuruck; reembols*; rembours*;
    rimbors*; terugbetal*; terugstort*; dinero; argent`,
  duration: `howlong; dauer*; dauert; tarda*; demor*; duur*; duurt; durata; combiendetemps; quantotempo;
    cuantotiempo; wielange; hoelang`,
  days: `day*; week*; tag; tage; tagen; woche*; dias; semana*; jour*; semaine*; giorn*; settiman*;
    dag; dagen; weken; month*; monat*; meses; mois; mese; mesi; maand*`,
  return: `return*; retour*; zurucksend*; rucksend*; zuruckschick*; devol*; renvoy*; renvoi*;
    restitu*; reso; resi; terugstur*; terugzend*; sendback`,
  exchange: `exchange*; swap*; umtausch*; tausch*; echang*; ruil*; troca*; trocar; scambi*`,
  wholesale: `wholesale*; grosshandel*; alpormayor; mayorista*; engros; grossiste*; ingrosso;
    porgrosso; groothandel*; resell*; resale; retailer*; reseller*; wiederverkauf*; wiederverkaufer*;
    revend*; rivendit*; rivend*; distribut*; b2b`,
  shop: `shop; shops; store; stores; laden; geschaft*; tienda*; magasin*; boutique*; negozi*; loja*;
    winkel*; filiale*`,
  invoice: `invoice*; rechnung*; factura*; facture*; fattura*; fatura*; factuur*; receipt*; quittung*;
    recibo*; ricevuta`,
  vat: `vat; ustidnr; ust-idnr; ust; mwst; nif; cif; tva; iva; partitaiva; btw*; taxid; steuernummer*`,
  company: `company; companies; business*; corporate; employee*; mitarbeiter*; empleado*;
    employe*; dipendent*; funcionari*; medewerker*; personeel; firma*; unternehmen*; empresa*; entreprise*; societe*;
    azienda*; bedrijf*; zakelijk*`,
  pickup: `pickup; collect; abhol*; recoger; recojo; retirer; retrait; retirar; ritir*; levant*;
    ophal*; afhal*`,
  payment: `pay; pays; paying; payment*; paid; bezahl*; zahl*; zahlung*; pagar; pago*; pagos;
    pagament*; pagare; payer; paiement*; pague*; betal*; checkout; kasse`,
  crypto: `bitcoin*; crypto*; krypto*; cripto*; ethereum; btc; eth`,
  installments: `installment*; instalment*; klarna; afterpay; paylater; raten; ratenzahlung*; rate;
    arate; plazos; cuotas; mensualidad*; plusieursfois; rateizz*; prestac*; parcel*; termijn*;
    achteraf`,
  gift: `gift; gifts; geschenk*; regalo*; regali; cadeau; cadeaux; present; presents; presente;
    presentes; prenda*`,
  wrap: `wrap*; verpack*; einpack*; envolver; envuelto; envol*; emball*; confezion*; impacchett*;
    embrul*; embal*; inpak*`,
  giftcard: `giftcard*; gutschein*; geschenkkarte*; geschenkgutschein*; cadeaukaart*; cadeaubon*;
    boncadeau; cartecadeau; tarjetaregalo; valeregalo; buonoregalo; cartaregalo; cartaopresente;
    vale-presente; giftcard`,
  balance: `balance; guthaben; saldo*; solde; restguthaben; remaining; leftover; howmuchleft`,
  leather: `leather*; leder; ledern; cuero*; cuir; pelle; couro*; leer; leren; lederen`,
  vegan: `vegan*; vegetal*; plantbased; tierfrei*; cruelty*`,
  material: `material*; materiau*; stoff*; tejido*; tissu*; tessut*; tecido*; stof; fabric*; cotton*;
    baumwolle; algodon; coton; cotone; algodao; katoen`,
  express: `expres*; espress*; nextday; overnight; urgent*; faster; fast;
    quick*; schnell*; rapid*; rapido; rapide; veloc*; snel*; spoed*; tomorrow; morgen; manana;
    demain; domani; amanha`,
  washing: `wash*; wasch*; lava; lavar; lavare; lavo; lavabl*; lavadora*; lavatric*; laver; lave;
    lavage; wasm*; wass*; wasb*; washmachine; machinewash*`,
  price: `price*; cost*; fee; fees; kost*; preis*; precio*; coste*; prix; frais; prezz*; costo*;
    custo*; preco*; prijs*; howmuch; cuanto; combien; quanto; hoeveel; wieviel; charge*`,
  account: `account*; konto*; cuenta*; compte*; conta; password*; passwort*; contrasena*;
    motdepasse; login*; anmeld*; inlog*; wachtwoord*; senha*`,
  newsletter: `newsletter*; subscri*; unsubscri*; abonn*; suscrib*; iscri*; disiscri*; inscre*;
    desinscri*; abmeld*; uitschrijv*; nieuwsbrief*; mailinglist*`,
  loyalty: `loyalty; loyal*; treue*; treueprogramm*; fidelit*; fidelidad*; fidelizacion; punten;
    points; punkte; puntos; punti; pontos; spaarprogramma*`,
  jobs: `hiring; hire; job; jobs; career*; stellenangebot*; stellenanzeige*; jobangebot*; bewerb*; empleo*; emploi*; recrut*; lavoro*;
    assum*; vaga*; vacature*; sollicit*`,
  card: `card; cards; karte*; tarjeta*; carte; cartes; carta; cartao; kaart*; creditcard*;
    kreditkarte*; visa; mastercard`,
  declined: `declin*; abgelehnt; rechaz*; refus*; rifiut*; recus*; geweigerd; afgewezen`,
  warranty: `warrant*; guarantee*; garantie*; garantia*; garanzia*`,
  broken: `broken; faulty; damaged; smashed; crack*; shatter*; zerbroch*; beschadigt; defect*; defekt*; kaputt*; roto; rota; defectuos*; casse*;
    rotto; rotta; difettos*; danneggiat*; estragad*; danificad*; partid*; abime*; kapot*; beschadig*`,
  colour: `colour*; color*; farbe*; couleur*; colore; colori; cor; cores; kleur*`,
  customs: `customs; duties; duty; zoll*; aduana*; douane*; dogana*; dogan*; alfandeg*; invoerrecht*`,
  preorder: `preorder*; vorbestell*; precommand*; preordin*; prenot*; voorbestel*;
    reservier*; reserv*`,
  locker: `locker*; packstation*; paketstation*; pakketautomaat*; pakketkluis*; consigne*; cacifo*;
    taquilla*; paketautomat*`,
  missing: `missing; fehlt; fehlen; fehlend*; falta; faltan; faltou; faltava; manque; manquant*;
    manca; mancano; mancante; ontbreekt; ontbreken; ontbrekend*`,
  email: `email*; e-mail*; mail; mails; correo*; courriel*`,
  confirmation: `confirm*; bestatig*; conferm*; bevestig*`,
  delete: `delete*; deletion; losch*; elimin*; supprim*; apag*; verwijder*`,
  care: `clean*; care; pfleg*; limpi*; cuid*; entreten*; entretien; pulir*; pulizi*; onderhoud*; reinig*`,
  code: `code; codes; codigo*; codice; codici`,
  cheaper: `cheaper; cheapest; billiger; gunstiger; barato*; moinscher; goedkoper;
    pricematch*; prijsmatch*; tiefpreis*; concurren*; competitor*; konkurren*; competencia`,
  hours: `hours; opening; offnungszeit*; horario*; horaires; orari*; openingstijd*; geoffnet; abierto;
    ouvert; aperto; aberto; geopend`,
  repair: `repair*; fix; fixed; fixing; reparat*; reparier*; reparar; repare*; ripar*; repareer*; repareren`,
  dog: `dog; dogs; hund*; perro*; chien*; cane; cani; cao; caes; hond*; pet; pets; haustier*`,
  engrave: `engrav*; gravur*; graviert; gravieren; grabar; grabado; graver; gravure; incider*;
    incisione; gravar; gravacao; graveren; personaliz*; personalis*`,
  app: `app; apps; aplicacion*; application*; applicazion*; aplicativo*; applicatie*`,
  phone: `phone*; smartphone*; handy; movil; mobile; cellulare; telemovel; celular; telefon*;
    telephone; mobiel`,
  origin: `madein; hergestellt; produziert; fabricad*; fabrique*; prodott*; fabbricat*; produzid*;
    gemaakt; geproduceerd`,
  plastic: `plastic*; plastik*; plastico*; plastique*; plastica*; kunststof*`,
  voltage: `volt; volts; voltage; spannung; voltaje; tension; tensione; voltagem; spanning`,
  sponsor: `sponsor*; patrocin*; sponsoring; sponsoriz*`,
  mother: `mother; mom; mum; mutter; mama; madre; mere; mae; moeder`,
  europe: `europe*; europa*`,
  canada: `canad*; kanad*; toronto; vancouver; montreal`,
  usa: `usa; america*; amerika*; estadosunidos; etatsunis; statiuniti; verenigdestaten`,
  uk: `uk; britain; england; grossbritannien; inglaterra; angleterre; inghilterra;
    engeland; london`,
  australia: `australi*`,
  switzerland: `switzerland; schweiz; suiza; suisse; svizzera; suica; zwitserland`,
};

/** Several words that mean one thing, written together before matching ("gift card"). */
const PHRASES: [RegExp, string][] = (
  [
    ['gift ?cards?|gift ?vouchers?', 'giftcard'],
    ['cartes? cadeaux?|bons? cadeaux?|cheques? cadeaux?', 'cartecadeau'],
    ['tarjetas? regalo|vales? regalo|tarjetas? de regalo', 'tarjetaregalo'],
    ['buoni regalo|buono regalo|carte regalo|carta regalo', 'buonoregalo'],
    ['cart(?:ao|oes) (?:de )?presente|vale presente', 'cartaopresente'],
    ['how much is left|how much (?:money )?(?:do i have )?left', 'howmuchleft'],
    ['how much|how expensive', 'howmuch'],
    ['how long|how many days', 'howlong'],
    ['wie lange', 'wielange'],
    ['cuanto tiempo|cuanto tarda', 'cuantotiempo'],
    ['combien de temps', 'combiendetemps'],
    ['quanto tempo', 'quantotempo'],
    ['hoe lang', 'hoelang'],
    ['money back|my money', 'moneyback'],
    ['geld zuruck', 'geldzuruck'],
    ['back in stock|sold out|out of stock', 'soldout'],
    ['al por mayor', 'alpormayor'],
    ['por grosso', 'porgrosso'],
    ['en gros', 'engros'],
    ['partita iva', 'partitaiva'],
    ['tax id', 'taxid'],
    ['click (?:and|&|n) collect|pick(?:ed)? ?up|collect in store', 'pickup'],
    ['track (?:and|&|n) trace', 'tracking'],
    ['ou en est|ou est', 'where'],
    ['next[ -]day|same[ -]day', 'nextday'],
    ['washing machine|machine[ -]washable|wash(?:ed)? in (?:the )?machine', 'washmachine'],
    ['en machine|na maquina|em maquina', 'washmachine'],
    ['pay later|buy now pay later', 'paylater'],
    ['(?:en )?plusieurs fois', 'plusieursfois'],
    ['a rate', 'arate'],
    ['send (?:it )?back', 'sendback'],
    ['mot de passe', 'motdepasse'],
    ['plant[ -]based', 'plantbased'],
    ['made in', 'madein'],
    ['estados unidos', 'estadosunidos'],
    ['etats[ -]unis', 'etatsunis'],
    ['stati uniti', 'statiuniti'],
    ['verenigde staten', 'verenigdestaten'],
    ['pre[ -]order(?:s|ed|ing|en)?', 'preorder'],
    ['price[ -]match(?:ing|es)?', 'pricematch'],
    ['moins chers?', 'moinscher'],
    ['mailing list', 'mailinglist'],
  ] as const
).map(([source, token]) => [
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu'),
  token,
]);

const exact = new Map<string, string>();
const prefixes = new Map<string, string>();
for (const [concept, list] of Object.entries(CONCEPTS)) {
  for (const entry of terms(list)) {
    if (entry.endsWith('*')) prefixes.set(entry.slice(0, -1), concept);
    else exact.set(entry, concept);
  }
}

/** Entries shorter than this are not looked for inside compounds ("ust" in "Kostum"). */
const COMPOUND_PART = 4;
const COMPOUND_WORD = 8;
const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 50_000;

export function rewritePhrases(folded: string): string {
  let text = folded;
  for (const [pattern, token] of PHRASES) text = text.replace(pattern, token);
  return text;
}

/** The concept a word names by itself (exact, or its longest matching prefix entry). */
function wholeConcept(word: string): string | null {
  const hit = exact.get(word);
  if (hit) return hit;
  for (let end = word.length; end >= 2; end -= 1) {
    const concept = prefixes.get(word.slice(0, end));
    if (concept) return concept;
  }
  return null;
}

/** The concepts of a folded word; compounds may name several ("lieferadresse": shipping,
 * address). Empty when the word names none. */
export function conceptsOf(word: string): readonly string[] {
  const cached = cache.get(word);
  if (cached) return cached;
  const found = new Set<string>();
  const whole = wholeConcept(word);
  if (whole) found.add(whole);
  if (word.length >= COMPOUND_WORD) {
    for (let start = COMPOUND_PART; start <= word.length - COMPOUND_PART; start += 1) {
      const rest = word.slice(start);
      const concept =
        exact.get(rest) ??
        (() => {
          for (let end = rest.length; end >= COMPOUND_PART; end -= 1) {
            const hit = prefixes.get(rest.slice(0, end));
            if (hit) return hit;
          }
          return undefined;
        })();
      if (concept) {
        found.add(concept);
        break;
      }
    }
  }
  const result = [...found];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}

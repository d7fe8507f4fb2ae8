/**
 * How customers ask for a person, per language, over folded text (lower case, no diacritics).
 * A request is a want-verb or contact-verb next to a word for a person, or a refusal of the bot;
 * a word for a person alone ("I'm a travel agent", "the human body") is never enough.
 */
import { terms } from './terms.js';

export interface HumanRequestLexicon {
  /** "I want / need / can I get" — followed by fillers and a person. */
  want: string[];
  /** Verbs that put the customer in touch: in verb-final languages they may follow the person. */
  contact: string[];
  /** Words for a person the customer could reach. */
  person: string[];
  /** Small words allowed between a verb and the person. */
  filler: string[];
  /** Phrases that on their own ask for a person or refuse the bot. */
  phrases: string[];
  /** Cues that negate a request when just before it ("I don't need a person"). */
  negation: string[];
}

export const HUMAN_REQUEST: Record<string, HumanRequestLexicon> = {
  en: {
    want: [
      'want',
      'need',
      "'d like",
      'would like',
      'demand',
      'request',
      'get me',
      'give me',
      'can i get',
      'can i have',
      'prefer',
    ],
    contact: terms(`
talk; speak; chat; talking; speaking; transfer; transferred; connect; connected; put me
through; pass me; escalate; forward me; hand me over
`),
    person: terms(`
human; humans; human being; person; people; someone; somebody; agent; agents;
representative; rep; operator; manager; supervisor; employee; staff; staff member; team
member; advisor; adviser; customer service; customer support; support team; your team; a
colleague; anyone; member of staff; member of your staff; member of your team; member of the team;
persn; peson; perosn; pesron; huamn; humam; hooman; agnet; somone; someon; sombody; somebdy;
reprsentative; represenative; representitive; operater; emplyee
`),
    filler: terms(`
to; with; a; an; the; some; any; real; actual; live; proper; your; one; of; for; me;
please; now; just; human; talk; speak; chat; from; on; through
`),
    phrases: [
      '(?:real|actual|live) (?:human|person|agent)s?(?: please| pls| now)?$',
      '^(?:human|agent|representative|operator|real person|live agent|person)(?: please| pls| now)?$',
      '(?:is there|are there|is anyone|is somebody|is someone) (?:a |an |any )?(?:real |actual |live )?(?:human|person|people|one|body|agent)s? (?:there|here|i can|to talk|available|working)',
      '(?:is there|are there) (?:a |an |any )?(?:real |actual |live )?(?:human|person|people|agent)s?$',
      "(?:don't|dont|do not|won't|wont) (?:want|wanna|need|like) (?:to )?(?:talk |speak |chat )?(?:to |with )?(?:a |the |this |your |some |an )?(?:bot|robot|machine|chatbot|ai|automated)",
      '(?:stop|enough|done with|tired of|sick of|hate) (?:the |this |your |talking to (?:a |the |this |your )?)?(?:bot|robot|chatbot|machine|automated)',
      '(?:not|no more) (?:a |another |the |this )?(?:bot|robot|chatbot|machine)(?: please)?$',
      '(?:can|could|would|will|please|pls) (?:(?:someone|somebody|anyone|you|a person|one of you)(?: (?:from|of|at|in|on) (?:your|the) [\\p{L}-]+)? )?(?:please )?(?:call|phone|ring) me',
      '(?:is there|are there) (?:some|any)(?:one|body) (?:real |actual |human |live )?(?:i can|we can|to talk|to speak|available|who can)',
      '(?:some|any)(?:one|body) (?:real|human|actual)(?: i can| to)? (?:talk|speak|chat)',
      '(?:request|want|need|like|get|arrange|schedule|book|prefer) (?:a |an )?(?:call ?back|phone call|call from)',
      '(?:call ?back|phone call) (?:please|pls|asap)',
      '(?:call|phone|ring) me (?:back|please|asap|today|tomorrow|on)',
      'escalate (?:this|my|the|it)',
    ],
    negation: [
      "don't",
      'dont',
      'do not',
      'no need',
      'not',
      'never',
      'without',
      "doesn't",
      'no',
      "won't",
      'wont',
      "needn't",
      'neither',
    ],
  },
  de: {
    want: terms(`
mochte; will; brauche; hatte gern; hatte gerne; wurde gern; wurde gerne; wunsche;
verlange; bitte um; hatten sie
`),
    contact: terms(`
sprechen; reden; verbinden; verbindet; verbunden; telefonieren; chatten; weiterleiten;
durchstellen; zuruckrufen; anrufen; kontaktieren; schreiben
`),
    person: terms(`
mensch; menschen; person; mitarbeiter; mitarbeiterin; mitarbeitenden; berater;
beraterin; kundenservice; kundendienst; service-team; serviceteam; support; jemand;
jemandem; jemanden; agent; agenten; operator; vorgesetzten; ansprechpartner;
ansprechpartnerin; sachbearbeiter; sachbearbeiterin; kollegen; kollegin; team
`),
    filler: terms(`
sie; mich; mir; uns; mit; einem; einer; einen; eine; ein; dem; der; den; ihrem; ihrer;
eurem; echten; echte; richtigen; richtige; realen; bitte; jetzt; sofort; gern; gerne;
endlich; mal; doch; lieber; zu; an
`),
    phrases: terms(`
(?:echte[nr]?|richtige[nr]?|reale[nr]?) (?:mensch|menschen|person|mitarbeiter);
^(?:mensch|mitarbeiter|berater|kundenservice|agent)(?: bitte| jetzt)?$; (?:nicht|keine
lust) mehr (?:mit )?(?:einem |dem |diesem )?(?:bot|roboter|chatbot|automaten);
(?:nicht|kein\\w*) (?:mit )?(?:einem |dem |diesem
)?(?:bot|roboter|chatbot|automaten|maschine); (?:kann|konnte|konnen|konnten|kannst) (?:mich|uns) (?:(?:bitte|mal|vielleicht|heute|morgen|kurz) )*(?:jemand|einer|eine[rn]?|ein
mitarbeiter|eine mitarbeiterin|ein berater|ihr|sie|du)(?: [\\p{L}']+){0,3} (?:anrufen|zuruckrufen|kontaktieren);
(?:konnen|konnten|wurden) sie mich (?:(?:bitte|mal|kurz|heute|morgen) )*(?:[\\p{L}']+ ){0,2}(?:anrufen|zuruckrufen);
(?:bitte um|wunsche|mochte|hatte gerne?|brauche) (?:einen |um )?ruckruf; ruckruf bitte; gibt es (?:hier |da |bei ihnen )?(?:einen
|eine |auch )?(?:echte[nr]? )?(?:menschen|mitarbeiter|person|ansprechpartner); (?:rufen
sie mich|ruft mich|ruf mich) (?:bitte )?(?:\\w+ )?(?:an|zuruck)
`),
    negation: terms(`
nicht; kein; keine; keinen; keinem; nie; ohne; brauche keinen; nicht notig
`),
  },
  es: {
    want: terms(`
quiero; quisiera; necesito; me gustaria; exijo; pido; solicito; deseo; prefiero; podria;
puedo
`),
    contact: terms(`
hablar; comunicarme; contactar; pasame; pasarme; pasenme; paseme; transferir;
transfiereme; conectar; conectarme; chatear; llamame; llameme; pasas; pasa; pasan; pasais; pasarias;
pasaria; pones; pone; ponen; comunicas; comunica
`),
    person: terms(`
persona; humano; ser humano; alguien; agente; asesor; asesora; operador; operadora;
representante; encargado; encargada; responsable; gerente; supervisor; empleado;
empleada; atencion al cliente; soporte; un companero; alguno de ustedes
`),
    filler: terms(`
con; a; un; una; el; la; algun; alguna; real; de verdad; verdadera; por favor; ya;
ahora; hablar; comunicarme; que; me; atienda; de; su; vuestro; vuestra; directamente
`),
    phrases: terms(`
(?:persona|humano|agente) (?:real|de verdad|de carne y hueso);
^(?:persona|humano|agente|operador|asesor)(?: por favor| ya)?$; (?:no quiero|no me
sirve|basta de|harto de|harta de) (?:hablar |seguir )?(?:con )?(?:un |el |este |una
)?(?:bot|robot|maquina|chatbot|contestador); (?:hay|existe) (?:alguna |algun |una |un
)?(?:persona|humano|agente|alguien) (?:real |que ); (?:me pueden|me
puede|pueden|puede|podrian) (?:llamar|llamarme); que me
(?:llame|llamen|atienda|atiendan) (?:una persona|alguien|un humano|un agente); (?:alguien|una persona|un
agente)(?: de (?:su|vuestro|tu) equipo)? (?:me )?(?:puede|podria|pueda|podra) (?:llamar|llamarme|atender|atenderme);
(?:que )?(?:alguien|una persona) me (?:llame|atienda|contacte)
`),
    negation: terms(`
no; nunca; sin; ni; no necesito; no hace falta
`),
  },
  fr: {
    want: terms(`
veux; voudrais; souhaite; souhaiterais; aimerais; besoin; exige; demande; puis-je;
pourrais
`),
    contact: terms(`
parler; discuter; echanger; joindre; contacter; transferer; transferez; mettre en
relation; mettez-moi en relation; passer; passez-moi; rappeler; rappelez-moi; appeler;
appelez-moi
`),
    person: [
      'humain',
      'etre humain',
      'personne',
      "quelqu'un",
      'conseiller',
      'conseillere',
      'agent',
      'operateur',
      'operatrice',
      'interlocuteur',
      'responsable',
      'manager',
      'superviseur',
      'employe',
      'service client',
      'vrai',
      'vraie',
      'collegue',
    ],
    filler: [
      'a',
      'avec',
      'un',
      'une',
      'le',
      'la',
      'au',
      'de',
      "d'un",
      "d'une",
      'vrai',
      'vraie',
      'reel',
      'reelle',
      'parler',
      "s'il vous plait",
      'svp',
      'maintenant',
      'directement',
      'me',
      'en',
      'relation',
      'votre',
    ],
    phrases: [
      '(?:vrai|vraie|veritable) (?:humain|personne|conseiller|conseillere|agent)',
      '(?:humain|personne|conseiller|agent) (?:reel|reelle|en chair et en os)',
      "^(?:humain|conseiller|agent|operateur)(?: svp| s'il vous plait)?$",
      '(?:pas|plus) (?:avec )?(?:un |le |ce |une )?(?:robot|bot|chatbot|machine|automate)',
      '(?:marre|assez|ras le bol) (?:de |du |des )?(?:parler )?(?:a |avec )?(?:un |le |ce |une )?(?:robot|bot|chatbot|machine)',
      "y a-t-il (?:un |une |quelqu'un)(?:e )?(?:vrai |vraie )?(?:humain|personne|conseiller|quelqu'un)?",
      '(?:rappelez|appelez|rappeler|appeler)-?moi',
      "(?:quelqu'un|un conseiller|une conseillere|un agent)(?: de (?:votre|chez vous|vos) [\\p{L}-]+)? (?:peut|pourrait|pourra) (?:me |m')(?:rappeler|appeler|contacter|telephoner)",
      '(?:pouvez|pourriez)(?:-| )vous me (?:rappeler|appeler|contacter|telephoner)',
      '(?:souhaite|voudrais|aimerais|veux) (?:etre )?(?:rappele|rappelee|recontacte|recontactee)',
    ],
    negation: ['pas', 'ne', "n'", 'jamais', 'sans', 'plus', 'pas besoin'],
  },
  it: {
    want: terms(`
voglio; vorrei; ho bisogno; chiedo; pretendo; desidero; preferirei; posso; potrei
`),
    contact: terms(`
parlare; parlarne; passami; passatemi; mi passi; mettermi in contatto; contattare;
chattare; collegare; trasferire; richiamare; richiamatemi; chiamatemi; chiamarmi
`),
    person: terms(`
persona; umano; essere umano; qualcuno; operatore; operatrice; addetto; addetta;
consulente; agente; responsabile; assistenza clienti; servizio clienti; dipendente;
collega; impiegato
`),
    filler: [
      'con',
      'un',
      'una',
      'uno',
      'il',
      'la',
      'lo',
      "l'",
      'vero',
      'vera',
      'reale',
      'per favore',
      'ora',
      'subito',
      'parlare',
      'di',
      'del',
      'della',
      'vostro',
      'vostra',
      'in carne e ossa',
      'a',
    ],
    phrases: [
      '(?:persona|operatore|umano) (?:vera|vero|reale|in carne e ossa)',
      '^(?:operatore|persona|umano|assistenza)(?: per favore| subito)?$',
      '(?:non|basta|stufo di|stufa di) (?:voglio )?(?:parlare )?(?:con )?(?:un |il |questo |una )?(?:bot|robot|macchina|chatbot|risponditore)',
      "c'e (?:un |una |qualche )?(?:persona|operatore|umano|qualcuno) (?:vera |vero |reale |che )",
      '(?:mi potete|mi puo|potete|puo) (?:chiamare|richiamare)',
      "qualcuno(?: (?:del|dell'|di|della) [\\p{L}']+)? (?:mi )?(?:puo|potrebbe|puo per favore) (?:chiamarmi|richiamarmi|contattarmi|chiamare|richiamare|contattare)",
      '(?:potete|potreste|puo|potrebbe) (?:chiamarmi|richiamarmi|contattarmi)',
      'mi (?:potreste|potrebbe) (?:chiamare|richiamare|contattare)',
    ],
    negation: terms(`
non; mai; senza; ne; non serve; non ho bisogno
`),
  },
  pt: {
    want: terms(`
quero; queria; gostaria; preciso; exijo; peco; solicito; desejo; prefiro; posso; poderia
`),
    contact: terms(`
falar; conversar; atendimento humano; transferir; transfere; transfira; passar; passa;
contatar; contactar; me ligar; me ligue; liguem
`),
    person: terms(`
pessoa; humano; ser humano; alguem; atendente; agente; operador; operadora; consultor;
consultora; responsavel; gerente; supervisor; funcionario; funcionaria; representante;
suporte; sac
`),
    filler: terms(`
com; a; um; uma; o; de; algum; alguma; real; de verdade; verdadeira; por favor; agora;
ja; falar; me; para; pra; seu; sua; directamente; diretamente
`),
    phrases: terms(`
(?:pessoa|humano|atendente|agente) (?:real|de verdade); atendimento humano;
^(?:atendente|humano|pessoa|operador)(?: por favor| ja)?$; (?:nao quero|chega de|cansei
de|cansado de|cansada de) (?:falar |conversar )?(?:com )?(?:um |o |este |esse |uma
)?(?:bot|robo|maquina|chatbot); (?:tem|existe|ha) (?:alguma |algum |uma |um
)?(?:pessoa|humano|atendente|alguem) (?:real |de verdade |que ); (?:podem|pode|poderiam)
me (?:ligar|telefonar); alguem(?: da (?:equipe|equipa|loja))? (?:pode|poderia|podia) me (?:ligar|telefonar|atender|contatar|contactar);
me (?:liguem|ligue|telefonem)
`),
    negation: terms(`
nao; nunca; sem; nem; nao preciso
`),
  },
  nl: {
    want: terms(`
wil; wilde; zou graag; graag; moet; eis; vraag om; kan ik; mag ik
`),
    contact: terms(`
spreken; praten; chatten; doorverbinden; doorverbonden; verbinden; bellen; terugbellen;
contact
`),
    person: terms(`
mens; persoon; iemand; medewerker; medewerkster; agent; operator; adviseur;
klantenservice; leidinggevende; manager; collega; echt iemand
`),
    filler: terms(`
met; een; de; het; echte; echt; levende; graag; nu; even; alstublieft; alsjeblieft; aub;
spreken; praten; uw; jullie; van; toch
`),
    phrases: terms(`
(?:echte|echt|levende) (?:mens|persoon|medewerker|iemand);
^(?:medewerker|mens|klantenservice)(?: graag| aub| alstublieft)?$; (?:geen|niet (?:met
)?(?:een |de |deze )?|klaar met (?:de |deze )?|zat van (?:de |deze
)?)(?:bot|robot|chatbot|computer); (?:is er|zit er) (?:ook )?(?:een |iemand )?(?:echte
)?(?:mens|medewerker|persoon|iemand); (?:kunt u|kan iemand|kunnen jullie|wil iemand)(?: van (?:jullie|u|de klantenservice))?
(?:mij|me) (?:\\w+ )?(?:bellen|terugbellen); terugbelverzoek; (?:wil|zou) graag (?:worden )?teruggebeld
`),
    negation: terms(`
niet; geen; nooit; zonder; hoeft niet
`),
  },
};

/**
 * How customers show they are fed up, per language, over folded text. Phrases are whole-word
 * patterns; `negation` cues just before a phrase cancel it ("not angry", "nicht schlecht").
 * `ironic` + `grievance` in one message is sarcasm ("Great, third week waiting. Fantastic.").
 */
import { terms } from './terms.js';

/** Small counts, as digits or words, for "asked three times" and "waiting ten days". */
const COUNT = {
  en: '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|so many|countless)',
  de: '(?:\\d+|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|mehrere[n]?|vielen?)',
  es: '(?:\\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|varias|varios|muchas|muchos|mil)',
  fr: '(?:\\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs|mille)',
  it: '(?:\\d+|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|diverse|diversi|varie|vari|molte|molti|mille)',
  pt: '(?:\\d+|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|varias|varios|muitas|muitos|mil)',
  nl: '(?:\\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|meerdere|zoveel|een paar)',
};

export interface FrustrationLexicon {
  phrases: string[];
  /** Signs that count only when two come together ("still not arrived" + "for weeks now"). */
  weak: string[];
  negation: string[];
  /** Praise words that, next to a grievance, are meant the other way. */
  ironic: string[];
  /** Facts of bad service that turn praise into sarcasm. */
  grievance: string[];
}

export const FRUSTRATION: Record<string, FrustrationLexicon> = {
  en: {
    phrases: [
      'ridiculous',
      'unacceptable',
      'useless',
      'pathetic',
      'terrible',
      'awful',
      'horrible',
      'appalling',
      'disgraceful',
      'disgusting',
      'outrageous',
      'absurd',
      'incompetent',
      'unprofessional',
      'shocking',
      'a joke',
      'scam',
      'scammers',
      'scammed',
      'rip ?off',
      'ripped off',
      'worst',
      'lousy',
      'rubbish',
      'garbage',
      'shit',
      'crap',
      'wtf',
      'bullshit',
      'hopeless',
      'laughable',
      'angry',
      'furious',
      'livid',
      'pissed',
      'annoyed',
      'frustrated',
      'frustrating',
      'upset',
      'fed up',
      'sick (?:and tired )?of',
      'had enough',
      'fuming',
      'irritated',
      'mad at',
      'very poor',
      'poor service',
      'shameful',
      'a disgrace',
      'beyond a joke',

      '(?:no ?one|nobody) (?:answers|replies|responds|gets back|is helping|cares|has (?:answered|replied|responded|helped|got back))',
      'how (?:many|much longer) (?:times|more|do i have to|must i|will i|will this)',
      '(?:second|third|fourth|fifth|2nd|3rd|4th|5th|umpteenth) (?:time|email|message|mail|request|attempt)',
      '(?:asked|told you|written|emailed|contacted|messaged|explained|called) (?:you )?(?:\\w+ )?(?:times|twice)',
      'waste of (?:time|money|my time)',
      'wasted my',
      'never (?:again|ordering|buying|order(?:ing)? (?:again|from you)|shop(?:ping)? (?:here|with you))',
      'thanks for nothing',
      "you (?:people|guys) (?:are|never|don't)",
      'report you',
      'chargeback',
      'dispute (?:the|this|it)',
      'legal action',
      'consumer protection',
      'bad review',
      '(?:1|one)[ -]star',
      'are you (?:kidding|serious|joking)',
      'is this a joke',
      'what a joke',
      'yeah right',
      '(?<!thank(?:s| you) )so much for',
      'last time i',
      'fix (?:this|it) now',
      'how hard (?:can|is|could) (?:it|that|this) be',
      'this is a nightmare',
      'nightmare',
      'enough is enough',
      'fed-up',
      "i give up|i'?m giving up",
      '(?:losing|lost|lose) (?:my |all )?patience',
      '(?:my )?patience is (?:running out|wearing thin|gone|at an end)',
      'running out of patience',
      '(?:taking|takes|took|take) (?:forever|ages|so long|way too long|far too long)',
      "(?:you|u) (?:didn't|did not|haven't|have not|never) (?:even )?(?:answer|answered|reply|replied|respond|responded)(?: (?:me|to me|my question))?",
      "(?:that's|that is|this is|it's) not what i (?:asked|was asking)",
      "(?:didn't|did not|doesn't|does not|don't) answer my question",
      "(?:you're|you are) not (?:listening|helping|answering|reading)",
      `(?:asked|told you|written|wrote|emailed|contacted|messaged|explained|called|phoned|rang|tried (?:that|this)|sent|chased|did (?:that|this|it)|done (?:that|this|it))(?: \\S+){0,3} ${COUNT.en} times`,
      '(?:no ?one|nobody) (?:picks up|calls (?:me )?back|bothers|ever answers|is answering)',
      'keeps? (?:on )?(?:sending|saying|telling|giving|repeating)(?: me| us)? (?:the )?same',
    ],
    weak: [
      'lawyer',
      'for ages',
      "i'?m done",
      'i am done',
      '(?:buy|order|shop|get) (?:it |them )?elsewhere',
      'disappointed',
      'disappointing',
      'not happy',
      'unhappy',
      'for (?:weeks|days|a month|ages) now',
      'annoying',
      'not impressed',
      '(?:still|yet) (?:waiting|nothing|no (?:answer|reply|response|update|refund|word|news|package|parcel))',
      "(?:still|yet) (?:hasn't|hasnt|has not|haven't|havent|have not|didn't|not) (?:arrived|come|been|received|heard|shipped|got)",
      'keeps? (?:on )?(?:sending|saying|telling|giving|repeating|asking)',
      '(?:the )?same (?:answer|link|reply|response|message|thing) (?:again|over and over|every time)',
      '(?:is|are) (?:any|some|no)(?:one|body) (?:actually |even |still )?(?:working|there|reading|listening)',
    ],
    negation: ['not', "n't", 'no', 'never', 'hardly', 'nothing', 'nor', 'without'],
    ironic: terms(`
great; fantastic; wonderful; brilliant; amazing; excellent; perfect; lovely; awesome;
superb; thanks a lot; thank you so much; well done; bravo; love (?:it|that|how);
impressive; nice job; top notch; stellar; best
`),
    grievance: [
      "still (?:waiting|no|not|nothing|hasn't|haven't|missing|broken)",
      'yet another',
      'another (?:week|day|month|delay|excuse|email)',
      '(?:weeks?|days|months?) of waiting',
      '(?:late|wrong|broken|delayed|missing|cancelled) again',
      'again (?:late|wrong|nothing|broken|no)',
      'no ?one (?:answers|replies|responds|cares|got back)',
      'nobody',
      'never (?:arrived|came|got|received|answered|replied|showed)',
      '(?:weeks|months) (?:of waiting|later|now|and still)',
      'lost (?:my|the|it)',
      'arrived broken',
      '(?:third|second|fourth) (?:time|week|email)',
      'ignored',
      'waiting (?:for )?(?:weeks|days|a month|ages)',
      'no (?:reply|answer|response) (?:for|in|since)',
      'took \\d+ (?:days|weeks)',
      'shrank',
      'fell apart',
      'broke',
      'cracked',
      `waiting (?:for )?(?:over |almost |nearly )?${COUNT.en} (?:days|weeks|months)`,
      `${COUNT.en} (?:days|weeks|months) (?:of waiting|and still|later and)`,
      "(?:can't|cannot|can not|couldn't|doesn't|does not|didn't|did not|won't|isn't|is not) (?:even )?(?:help|work|working|support|answer|reply|respond|do anything|arrive)",
    ],
  },
  de: {
    phrases: terms(`
lacherlich; inakzeptabel; unverschamt; unverschamtheit; katastrophe; katastrophal;
frechheit; zumutung; sauer; wutend; verargert; genervt; miserabel; nutzlos; unfahig;
betrug; betruger; abzocke; reicht (?:mir|jetzt); die nase voll; skandal; skandalos; zum
(?:dritten|zweiten|vierten|x-ten|wiederholten) (?:mal|male); (?:niemand|keiner)
(?:antwortet|meldet sich|hilft|reagiert); nie wieder; verschwendung;
verbraucherzentrale; soll das ein witz sein; ein witz; echt jetzt; unmoglich; armselig;
schlechtester; unterirdisch; mist; scheiss\\w*; bescheuert; frustriert; frustrierend;
ich bin es leid; langsam reicht; geht gar nicht; ich gebe (?:es )?auf; ich geb(?:e)?'?s auf;
(?:verliere|verlier) (?:langsam |echt |wirklich |allmahlich )?(?:die|meine) geduld; (?:meine )?geduld
(?:ist )?(?:am ende|zu ende|erschopft); dauert (?:ja |echt |wirklich )?(?:ewig|ewigkeiten|eine
ewigkeit|viel zu lange|echt zu lange|zu lange); (?:meine frage )?(?:nicht|nie) beantwortet; (?:das|dies)
(?:war|ist) nicht (?:meine frage|was ich gefragt habe); keine antwort auf meine frage; (?:zweimal|dreimal|viermal|funfmal|mehrmals|mehrfach|x-mal|${COUNT.de} ?mal)
(?:geschrieben|angerufen|gefragt|gemailt|nachgefragt|versucht|kontaktiert|geschickt|erklart);
(?:niemand|keiner) (?:geht ran|ruft zuruck|nimmt ab)
`),
    weak: terms(`
anwalt; immer noch (?:nicht|keine?n?|nichts); noch immer (?:nicht|keine?n?|nichts); seit
(?:wochen|tagen|einem monat); enttauscht; entauscht; unzufrieden; schon wieder;
argerlich; immer (?:wieder )?(?:dasselbe|das gleiche|den gleichen link|die gleiche antwort)
`),
    negation: terms(`
nicht; kein; keine; keinen; nie; gar nicht; ohne
`),
    ironic: terms(`
toll; super; klasse; prima; wunderbar; fantastisch; grossartig; spitze; danke auch;
vielen dank auch; bravo; perfekt; herzlichen dank
`),
    grievance: terms(`
kaputt; eingelaufen; immer noch (?:nicht|kein|nichts|warten|warte); schon wieder; seit (?:wochen|tagen);
(?:niemand|keiner) (?:antwortet|meldet|hilft); kaputt angekommen; nie angekommen; keine
antwort; zum (?:dritten|zweiten|vierten) mal; wochen warten; verloren; (?:seit|schon)
${COUNT.de} (?:tagen|tage|wochen|monaten); funktioniert (?:immer noch |schon wieder )?nicht;
(?:hilft|antwortet) (?:mir )?nicht
`),
  },
  es: {
    phrases: terms(`
ridiculo; inaceptable; vergonzoso; una verguenza; que verguenza; pesimo; pesima;
horrible; terrible; inutil; inutiles; estafa; estafadores; harto; harta; hartos;
enfadado; enfadada; enojado; enojada; furioso; furiosa; molesto; molesta; indignado;
indignada; cansado de; cansada de; nadie (?:responde|contesta|me ayuda|me responde|me
contesta); (?:tercera|segunda|cuarta|enesima) vez; nunca mas; perdida de tiempo;
denuncia; es una broma; tomando el pelo; tomadura de pelo; un desastre; desastre; no
puede ser; impresentable; fatal; una burla; otra vez (?:no|nada|sin); ya basta; me
tienen harto; incompetentes; un robo; frustrado; frustrada; me rindo; me doy por vencid[oa];
(?:perdiendo|pierdo|perder) la paciencia; se me (?:acaba|agota|esta acabando|termina) la
paciencia; (?:tarda|tardan|tardando|tardais|tardado) (?:una eternidad|muchisimo|demasiado|siglos);
una eternidad; no (?:me )?(?:has|ha|habeis|han) (?:respondido|contestado); no (?:es|era) lo que
(?:he )?pregunt(?:e|ado); no respond(?:es|e|en|eis) a (?:mi|la) pregunta; (?:escrito|preguntado|llamado|pedido|intentado|enviado|mandado|reclamado)(?:
\\S+){0,3} ${COUNT.es} veces; ya (?:van|son|llevo) ${COUNT.es} veces; nadie (?:coge|atiende|contesta el
telefono)
`),
    weak: terms(`
abogado; (?:todavia|aun) (?:nada|no|sin); sigo esperando; seguimos esperando; hace
semanas; decepcionado; decepcionada
`),
    negation: terms(`
no; nada; nunca; ni; sin
`),
    ironic: terms(`
genial; fantastico; maravilloso; estupendo; excelente; perfecto; increible; muchas
gracias eh; bravo; felicidades; enhorabuena; buenisimo; que bien
`),
    grievance: terms(`
roto; rota; encogi\\w*; (?:todavia|aun) (?:nada|no|sin|esperando); otra vez; semanas esperando; hace semanas;
nadie (?:responde|contesta); nunca llego; llego roto; llego rota; sin respuesta;
(?:tercera|segunda) vez; perdieron; (?:llevo|llevamos|hace) ${COUNT.es} (?:dias|semanas|meses);
no (?:funciona|sirve|ayuda|responde)
`),
  },
  fr: {
    phrases: [
      'ridicule',
      'inacceptable',
      'scandaleux',
      'scandale',
      'honteux',
      'une honte',
      'lamentable',
      'nul',
      'nulle',
      'inadmissible',
      'horrible',
      'catastrophique',
      'arnaque',
      'escroquerie',
      'escrocs',
      'en colere',
      'furieux',
      'furieuse',
      'enerve',
      'enervee',
      'agace',
      'agacee',
      'marre',
      'ras le bol',
      "j'en ai assez",
      "personne ne (?:repond|me repond|m'aide)",
      '(?:troisieme|deuxieme|quatrieme|enieme) fois',
      'plus jamais',
      'perte de temps',
      'litige',
      "c'est une blague",
      "n'importe quoi",
      'inutile',
      'incompetents?',
      'pas serieux',
      'se fout',
      'se moque',
      'foutez',
      'foutre',
      'pire',
      'honte',
      'encore une fois (?:rien|pas|aucune?)',
      'inadmissible',
      'insupportable',
      'frustre',
      'frustree',
      "j'abandonne",
      'je laisse tomber',
      '(?:perdre|perds|perdu) (?:ma |toute )?patience',
      'a bout de patience',
      'ma patience a des limites',
      '(?:ca|cela) (?:prend|dure) (?:une eternite|trop longtemps|beaucoup trop longtemps|des siecles)',
      'interminable',
      "(?:vous n'avez|tu n'as) (?:toujours )?pas repondu",
      "(?:ce n'est|c'est) pas (?:ma question|ce que (?:j'ai|je vous ai|je t'ai) demande)",
      'ne (?:repond|repondez) pas a ma question',
      `(?:ecrit|demande|appele|telephone|relance|envoye|essaye|contacte)(?: \\S+){0,3} ${COUNT.fr} fois`,
      'personne ne (?:decroche|rappelle)',
    ],
    weak: terms(`
avocat; toujours (?:rien|pas|aucune?); depuis des semaines; decu; decue; mecontent;
mecontente
`),
    negation: terms(`
pas; jamais; sans; ni; plus
`),
    ironic: terms(`
super; genial; bravo; formidable; merveilleux; parfait; excellent; fantastique; merci
beaucoup hein; felicitations; magnifique; top
`),
    grievance: terms(`
retreci; casse; cassee; toujours (?:rien|pas|aucune?|en attente); encore une fois; depuis des semaines; personne
ne; jamais (?:recu|arrive); arrive casse; aucune reponse; (?:troisieme|deuxieme) fois;
perdu mon; depuis ${COUNT.fr} (?:jours|semaines|mois); (?:ca|cela) fait ${COUNT.fr}
(?:jours|semaines|mois); ne (?:marche|fonctionne|sert) (?:toujours |meme )?(?:pas|a rien)
`),
  },
  it: {
    phrases: terms(`
ridicolo; inaccettabile; vergognoso; una vergogna; vergogna; pessimo; pessima; orribile;
terribile; inutile; inutili; truffa; truffatori; arrabbiato; arrabbiata; furioso;
furiosa; stufo; stufa; scocciato; scocciata; incazzato; incazzata; nessuno
(?:risponde|mi risponde|mi aiuta); (?:terza|seconda|quarta|ennesima) volta; mai piu;
perdita di tempo; uno scherzo; assurdo; assurda; incompetenti; basta; schifo; presa in
giro; vi rendete conto; indecente; scandaloso; scandalosa; frustrato; frustrata; sono
stanco; sono stanca; di nuovo (?:niente|nulla|non); non se ne puo piu; vergognatevi; mi arrendo;
ci rinuncio; lascio perdere; (?:perdendo|perdo|perdere|perso) la pazienza; la (?:mia )?pazienza (?:ha un
limite|e finita|sta finendo); ci (?:vuole|mettete|mette) (?:un'eternita|una vita|troppo); un'eternita;
non (?:mi )?(?:hai|avete|ha) (?:risposto|ancora risposto); non (?:e|era) quello che (?:ho chiesto|chiedevo);
non rispond(?:e|ete|i) alla (?:mia )?domanda; (?:scritto|chiesto|chiamato|telefonato|mandato|inviato|provato|sollecitato)(?:
\\S+){0,3} ${COUNT.it} volte; nessuno (?:risponde al telefono|richiama)
`),
    weak: terms(`
avvocato; ancora (?:niente|nulla|nessuna?|non); da settimane; deluso; delusa
`),
    negation: terms(`
non; mai; senza; ne; niente; nulla
`),
    ironic: terms(`
complimenti; fantastico; perfetto; ottimo; bravi; bravissimi; meraviglioso; eccellente;
grazie tante; grazie mille eh; splendido
`),
    grievance: terms(`
rotto; rotta; ristrett\\w*; ancora (?:niente|nulla|nessuna?|non|in attesa); di nuovo; da settimane; nessuno
(?:risponde|mi); mai arrivato; arrivato rotto; nessuna risposta; (?:terza|seconda)
volta; perso il; da ${COUNT.it} (?:giorni|settimane|mesi); non (?:funziona|serve|risponde)
`),
  },
  pt: {
    phrases: terms(`
ridiculo; inaceitavel; vergonhoso; uma vergonha; vergonha; pessimo; pessima; horrivel;
terrivel; inutil; inuteis; golpe; fraude; roubo; irritado; irritada; furioso; furiosa;
chateado; chateada; revoltado; revoltada; cansado de; cansada de; farto; farta; ninguem
(?:responde|me responde|ajuda|me ajuda); (?:terceira|segunda|quarta|enesima) vez; nunca
mais; perda de tempo; procon; reclame aqui; absurdo; palhacada; descaso; desrespeito;
porcaria; lixo; um desastre; de novo (?:nao|nada|sem); outra vez (?:nao|nada|sem);
frustrado; frustrada; indignado; indignada; brincadeira; desisto; desisti; (?:perdendo|perco|perder)
a paciencia; (?:minha )?paciencia (?:acabou|esgotou|tem limite|esta acabando); (?:demora|demorando|demorou|a
demorar) (?:uma eternidade|demais|seculos); uma eternidade; (?:voce|voces|vc|vcs) (?:nao|nunca) (?:me
)?respond(?:eu|eram|e|em); nao (?:foi|e) (?:isso|o) que (?:eu )?perguntei; nao respond(?:eu|eram|e|em)
(?:a )?minha pergunta; (?:escrevi|perguntei|liguei|pedi|mandei|enviei|tentei|reclamei)(?: \\S+){0,3}
${COUNT.pt} vezes; ninguem (?:atende|liga de volta)
`),
    weak: terms(`
advogado; ainda (?:nada|nao|sem); ha semanas; decepcionado; decepcionada; continuo
(?:esperando|a espera|aguardando)
`),
    negation: terms(`
nao; nunca; sem; nem; nada
`),
    ironic: terms(`
otimo; maravilha; maravilhoso; perfeito; excelente; parabens; fantastico; muito obrigado
viu; show; que beleza; lindo
`),
    grievance: terms(`
quebrou; quebrado; quebrada; encolheu; ainda (?:nada|nao|sem|esperando|aguardando); de novo; outra vez; ha semanas; ninguem
(?:responde|me); nunca chegou; chegou quebrad[oa]; sem resposta; (?:terceira|segunda)
vez; perderam; (?:ha|faz) ${COUNT.pt} (?:dias|semanas|meses); nao (?:funciona|serve|ajuda|responde)
`),
  },
  nl: {
    phrases: terms(`
belachelijk; onacceptabel; schandalig; een schande; schande; waardeloos;
verschrikkelijk; vreselijk; nutteloos; oplichting; oplichters; boos; woedend; kwaad;
geirriteerd; gefrustreerd; het zat; zat van; klaar mee; niemand
(?:antwoordt|reageert|helpt); (?:derde|tweede|vierde|zoveelste) keer; nooit meer; zonde
van (?:mijn )?tijd; consumentenbond; een grap; bagger; klantonvriendelijk; onbeschoft;
slechte service; bizar; ongelofelijk; ongelooflijk; te gek voor woorden; wanprestatie;
genoeg van; ik geef (?:het )?op; (?:mijn )?geduld (?:is |raakt )?(?:bijna )?op; (?:verlies|verloor)
(?:mijn|het) geduld; duurt (?:echt |veel |wel |nu al )?(?:veel te lang|te lang|eeuwen|een eeuwigheid); (?:mijn
vraag )?(?:niet|nooit) beantwoord; geen antwoord op mijn vraag; dat is niet wat ik (?:vroeg|vraag); (?:al
)?${COUNT.nl} keer (?:gemaild|gebeld|gevraagd|geschreven|gestuurd|geprobeerd|contact);
niemand (?:neemt op|belt terug)
`),
    weak: terms(`
advocaat; nog steeds (?:niets|niks|geen|niet); al weken; teleurgesteld; ontevreden;
alweer
`),
    negation: terms(`
niet; geen; nooit; zonder
`),
    ironic: terms(`
geweldig; fantastisch; top; super; perfect; prachtig; bedankt hoor; knap; heerlijk;
lekker; chapeau
`),
    grievance: terms(`
kapot; gekrompen; nog steeds (?:niets|niks|geen|niet|wachten); alweer; al weken; niemand
(?:reageert|antwoordt); nooit aangekomen; kapot aangekomen; geen reactie;
(?:derde|tweede) keer; kwijtgeraakt; (?:al|sinds) ${COUNT.nl} (?:dagen|weken|maanden); (?:werkt|helpt)
(?:nog steeds )?niet
`),
  },
};

/** Kind phrases built from negative words, removed before any matching ("no problem"). */
export const POLITENESS: string[] = [
  'no problem',
  'no problems',
  'not a problem',
  'no worries',
  'no worry',
  'not bad',
  'not bad at all',
  'no harm done',
  'no rush',
  'no hurry',
  'never mind',
  'nevermind',
  'not a big deal',
  'no big deal',
  "don't worry",
  'not at all',
  'no complaints',
  "can't complain",
  'cant complain',
  "couldn't be happier",
  'no stress',
  'not disappointed',
  'kein problem',
  'kein stress',
  'keine sorge',
  'keine eile',
  'nicht schlimm',
  'nicht schlecht',
  'macht nichts',
  'halb so wild',
  'alles gut',
  'ningun problema',
  'no hay problema',
  'sin problema',
  'sin problemas',
  'no pasa nada',
  'no te preocupes',
  'no se preocupe',
  'nada mal',
  'sin prisa',
  'pas de probleme',
  'pas de souci',
  'pas de soucis',
  'aucun probleme',
  'aucun souci',
  "ce n'est pas grave",
  "c'est pas grave",
  'pas mal',
  'pas de stress',
  'rien de grave',
  'nessun problema',
  "non c'e problema",
  'non si preoccupi',
  'non ti preoccupare',
  'niente di grave',
  'non male',
  'nessuna fretta',
  'tranquillo',
  'tranquilla',
  'sem problema',
  'sem problemas',
  'nao tem problema',
  'nao ha problema',
  'nao se preocupe',
  'tranquilo',
  'tranquila',
  'nada mal',
  'sem pressa',
  'geen probleem',
  'geen zorgen',
  'geen punt',
  'maakt niet uit',
  'niet erg',
  'niet slecht',
  'geen haast',
  'geen stress',
];

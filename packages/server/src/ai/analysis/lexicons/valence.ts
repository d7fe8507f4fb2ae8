/**
 * Compact valence lexicons for the languages VADER does not cover, on VADER's scale (−4 … 4),
 * over folded words. A word ending in `*` matches as a prefix (stems: "enttausch*").
 * Written for customer conversations: delivery, products, service, money.
 */

export interface ValenceLexicon {
  words: string;
  /** Words that strengthen the next valenced word. */
  boosters: string[];
  /** Words that flip the valence of a word up to three words after them. */
  negation: string[];
}

export const VALENCE: Record<string, ValenceLexicon> = {
  de: {
    words: `gut:2 juhu:2.5 yay:2.5 sehr:0 super:3 toll:3 prima:2.5 klasse:2.5 perfekt:3 wunderbar:3 wunderschon:3 liebe:2.5 lieben:2.5 
      zufrieden:2 glucklich:2.5 freue:2 freut:2 begeistert:3 hervorragend:3 ausgezeichnet:3 top:2.5 schnell:1.5 hilfreich:2 nett:2 freundlich:2 passt:1.5 gerne:1 gern:1 genial:3 empfehlen:2 lob:2
      schlecht:-2.5 schlechter:-2.5 schlechteste*:-3 kaputt:-2 defekt:-2 beschadigt:-2 falsch:-1.5 leider:-1 problem:-1.5 probleme:-1.5 arger:-2 argerlich:-2.5 enttausch*:-2.5 unzufrieden:-2.5
      sauer:-2.5 wutend:-3 genervt:-2.5 traurig:-2 langsam:-1 teuer:-1 nutzlos:-3 katastroph*:-3.5 lacherlich:-3 frechheit:-3 unverschamt*:-3 betrug*:-3.5 abzocke:-3.5 mies:-2.5 miserabel:-3
      furchtbar:-3 schrecklich:-3 verloren:-1.5 fehlt:-1.5 nie:-1 niemand:-1 beschwerde:-2 reklamation:-1.5 mangelhaft:-2.5 sorge:-1 sorgen:-1 unmoglich:-2.5 zumutung:-3 skandal*:-3.5 witz:-1.5`,
    boosters: [
      'sehr',
      'total',
      'echt',
      'wirklich',
      'extrem',
      'absolut',
      'so',
      'mega',
      'richtig',
      'vollig',
      'ganz',
    ],
    negation: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'nie', 'niemals', 'ohne'],
  },
  es: {
    words: `bien:1.5 bueno:2 buena:2 buenisimo:3 genial:3 excelente:3 perfecto:3 perfecta:3 encanta:3 encantado:2.5 encantada:2.5 feliz:2.5 contento:2 contenta:2
      maravilloso:3 estupendo:3 rapido:1.5 rapida:1.5 amable:2 util:1.5 recomiendo:2 bonito:2 bonita:2 precioso:2.5 preciosa:2.5 increible:2.5 ideal:2 agradezco:2 agradecido:2 agradecida:2
      mal:-2 malo:-2.5 mala:-2.5 roto:-2 rota:-2 defectuoso:-2 defectuosa:-2 danado:-2 danada:-2 equivocado:-1.5 problema:-1.5 problemas:-1.5 lamentablemente:-1 desgraciadamente:-1
      decepcion*:-2.5 enfadad*:-3 enojad*:-3 molest*:-2 furios*:-3 triste:-2 lento:-1 caro:-1 cara:-0.5 inutil*:-3 pesim*:-3.5 horrible:-3 terrible:-3 ridicul*:-3 vergonz*:-3 verguenza:-3
      estafa*:-3.5 desastre:-3 nunca:-1 nadie:-1 queja:-2 reclamacion:-1.5 perdido:-1.5 perdida:-1.5 falta:-1 harto:-3 harta:-3 fatal:-3 impresentable:-3`,
    boosters: [
      'muy',
      'super',
      'tan',
      'demasiado',
      'bastante',
      'totalmente',
      'realmente',
      'muchisimo',
      'extremadamente',
    ],
    negation: ['no', 'nunca', 'ni', 'sin', 'jamas', 'nada'],
  },
  fr: {
    words: `bien:1.5 bon:2 bonne:2 super:3 genial:3 excellent:3 excellente:3 parfait:3 parfaite:3 adore:3 ravi:2.5 ravie:2.5 content:2 contente:2 heureux:2.5 heureuse:2.5
      merveilleux:3 formidable:3 rapide:1.5 rapidement:1 aimable:2 gentil:2 gentille:2 utile:1.5 recommande:2 beau:2 belle:2 top:2.5 impeccable:3 satisfait:2 satisfaite:2 bravo:2.5
      mal:-2 mauvais:-2.5 mauvaise:-2.5 casse:-2 cassee:-2 defectueux:-2 defectueuse:-2 abime:-2 abimee:-2 endommage:-2 probleme:-1.5 problemes:-1.5 malheureusement:-1 decu:-2.5 decue:-2.5
      deception:-2.5 enerve:-3 enervee:-3 agace:-2.5 agacee:-2.5 colere:-3 furieux:-3 furieuse:-3 triste:-2 lent:-1 lente:-1 cher:-1 chere:-1 inutile:-2.5 nul:-3 nulle:-3 horrible:-3
      ridicule:-3 honte*:-3 scandal*:-3.5 arnaque:-3.5 catastroph*:-3.5 jamais:-1 personne:-0.5 plainte:-2 reclamation:-1.5 perdu:-1.5 perdue:-1.5 manque:-1 marre:-3 inadmissible:-3.5 lamentable:-3`,
    boosters: [
      'tres',
      'trop',
      'vraiment',
      'tellement',
      'super',
      'extremement',
      'totalement',
      'si',
      'absolument',
    ],
    negation: ['pas', 'jamais', 'ni', 'sans', 'plus', 'aucun', 'aucune'],
  },
  it: {
    words: `bene:1.5 buono:2 buona:2 ottimo:3 ottima:3 eccellente:3 perfetto:3 perfetta:3 adoro:3 felice:2.5 contento:2 contenta:2 soddisfatto:2 soddisfatta:2 fantastico:3
      fantastica:3 meraviglioso:3 meravigliosa:3 splendido:3 veloce:1.5 velocemente:1 gentile:2 gentilissimi:2.5 utile:1.5 consiglio:1 bello:2 bella:2 bellissimo:3 bellissima:3 top:2.5 complimenti:2.5 bravi:2.5
      male:-2 cattivo:-2.5 rotto:-2 rotta:-2 difettoso:-2 difettosa:-2 danneggiato:-2 danneggiata:-2 sbagliato:-1.5 sbagliata:-1.5 problema:-1.5 problemi:-1.5 purtroppo:-1 deluso:-2.5 delusa:-2.5
      delusione:-2.5 arrabbiat*:-3 furios*:-3 triste:-2 lento:-1 lenta:-1 caro:-1 cara:-0.5 inutile:-2.5 pessim*:-3.5 orribile:-3 terribile:-3 ridicol*:-3 vergogn*:-3 truffa*:-3.5
      schifo:-3.5 mai:-1 nessuno:-1 reclamo:-1.5 perso:-1.5 persa:-1.5 manca:-1 stufo:-3 stufa:-3 assurdo:-2.5 inaccettabile:-3.5`,
    boosters: [
      'molto',
      'troppo',
      'davvero',
      'veramente',
      'super',
      'proprio',
      'estremamente',
      'cosi',
      'tanto',
    ],
    negation: ['non', 'mai', 'ne', 'senza', 'nessun', 'nessuna'],
  },
  pt: {
    words: `bem:1.5 ajudou:2 bom:2 boa:2 otimo:3 otima:3 excelente:3 perfeito:3 perfeita:3 adoro:3 adorei:3 amei:3 feliz:2.5 contente:2 satisfeito:2 satisfeita:2
      maravilhoso:3 maravilhosa:3 maravilha:3 rapido:1.5 rapida:1.5 gentil:2 util:1.5 recomendo:2 bonito:2 bonita:2 lindo:2.5 linda:2.5 top:2.5 incrivel:2.5 show:2 parabens:2.5 agradeco:2
      mal:-2 ruim:-2.5 quebrado:-2 quebrada:-2 defeito:-2 defeituoso:-2 danificado:-2 danificada:-2 errado:-1.5 errada:-1.5 problema:-1.5 problemas:-1.5 infelizmente:-1 decepcion*:-2.5
      irritad*:-3 chatead*:-2.5 furios*:-3 triste:-2 lento:-1 lenta:-1 caro:-1 cara:-0.5 inutil:-3 pessim*:-3.5 horrivel:-3 terrivel:-3 ridicul*:-3 vergonh*:-3 golpe:-3.5 fraude:-3.5
      lixo:-3.5 porcaria:-3.5 nunca:-1 ninguem:-1 reclamacao:-2 perdido:-1.5 perdida:-1.5 falta:-1 absurdo:-3 descaso:-3 revoltad*:-3`,
    boosters: [
      'muito',
      'super',
      'tao',
      'demais',
      'bastante',
      'totalmente',
      'realmente',
      'extremamente',
      'bem',
    ],
    negation: ['nao', 'nunca', 'nem', 'sem', 'jamais', 'nada'],
  },
  nl: {
    words: `goed:2 prima:2 super:3 top:2.5 geweldig:3 fantastisch:3 perfect:3 blij:2.5 tevreden:2 mooi:2 mooie:2 prachtig:3 snel:1.5 snelle:1.5
      vriendelijk:2 behulpzaam:2 handig:1.5 aanrader:2.5 fijn:2 fijne:2 leuk:2 leuke:2 heerlijk:2.5 uitstekend:3 topservice:3 netjes:1.5
      slecht:-2.5 slechte:-2.5 kapot:-2 beschadigd:-2 defect:-2 verkeerd:-1.5 verkeerde:-1.5 probleem:-1.5 problemen:-1.5 helaas:-1 jammer:-1.5 teleurgesteld:-2.5 teleurstell*:-2.5
      boos:-3 kwaad:-3 woedend:-3.5 geirriteerd:-2.5 verdrietig:-2 traag:-1 langzaam:-1 duur:-1 waardeloos:-3.5 nutteloos:-3 vreselijk:-3 verschrikkelijk:-3 belachelijk:-3 schandalig:-3.5
      schande:-3 oplichting:-3.5 oplichters:-3.5 nooit:-1 niemand:-1 klacht:-2 kwijt:-1.5 zoek:-1 ontevreden:-2.5 bagger:-3`,
    boosters: [
      'heel',
      'erg',
      'zeer',
      'echt',
      'super',
      'ontzettend',
      'enorm',
      'zo',
      'totaal',
      'hartstikke',
    ],
    negation: ['niet', 'geen', 'nooit', 'zonder', 'niks', 'niets'],
  },
};

/** Emoji a customer uses to say how they feel, on VADER's scale. */
export const EMOJI_VALENCE: Record<string, number> = {
  '😡': -3,
  '🤬': -3.5,
  '😠': -3,
  '😤': -2.5,
  '👎': -2.5,
  '🙄': -2,
  '💩': -2.5,
  '😢': -2,
  '😭': -2.5,
  '😞': -2,
  '😔': -1.5,
  '😒': -2,
  '😩': -2.5,
  '😫': -2.5,
  '💢': -2.5,
  '😑': -1,
  '🤦': -2,
  '😕': -1.5,
  '☹': -2,
  '🙁': -1.5,
  '👍': 2,
  '🙏': 1.5,
  '❤': 3,
  '😍': 3,
  '🥰': 3,
  '😊': 2,
  '🙂': 1,
  '😀': 2,
  '😃': 2,
  '😄': 2,
  '😁': 2,
  '😂': 1.5,
  '🤣': 1.5,
  '💯': 2,
  '🔥': 2,
  '✨': 1.5,
  '🎉': 2.5,
  '👏': 2,
  '💕': 2.5,
  '💖': 2.5,
  '💗': 2.5,
  '😘': 2.5,
  '🤩': 3,
  '👌': 1.5,
  '💪': 1.5,
  '🙌': 2,
  '😎': 1.5,
  '🥳': 2.5,
  '💜': 2.5,
  '💙': 2.5,
  '💚': 2.5,
  '🧡': 2.5,
  '🖤': 1,
};

/** Emoji that show frustration on their own. */
export const FRUSTRATED_EMOJI = new Set(['😡', '🤬', '😠', '😤', '💢', '🙄', '🤦', '👎']);

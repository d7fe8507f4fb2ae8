/**
 * Words that carry no content in a customer conversation — function words of the seven
 * languages plus shop small talk — so overlap and key phrases count only what matters. Folded.
 */
import { terms } from './terms.js';

export const STOPWORDS = new Set(
  terms(`
a; about; above; after; again; all; also; am; an; and; any; are; as; at; be; because; been; before; being;
but; by; can; could; did; do; does; doing; don't; for; from; further; get; got; had; has; have; having; he;
her; here; hers; him; his; how; i; i'm; i'd; i've; i'll; if; in; into; is; it; it's; its; just; let; me; more;
most; my; no; nor; not; now; of; off; on; once; only; or; other; our; ours; out; over; own; same; she; should;
so; some; such; than; that; that's; the; their; them; then; there; these; they; this; those; through; to; too;
under; until; up; very; was; we; we'll; we're; were; what; what's; when; where; which; while; who; whom; why;
will; with; would; you; you're; your; yours; yes; ok; okay; hi; hello; hey; thanks; thank; please; pls; dear;
regards; best; still; would; like; want; need; know; tell; may; might; must; shall; u; ur; one; two; also; sure;
really; much; many; well; way; even; back; there's; let's; im; ive; dont; cant; can't; won't; isn't; didn't;
der; die; das; den; dem; des; ein; eine; einen; einem; einer; und; oder; aber; ich; du; er; sie; es; wir; ihr;
mein; meine; meinen; meinem; dein; ihre; ihren; unser; euer; ist; sind; war; waren; bin; bist; hat; habe; haben;
hast; wird; werden; kann; konnen; muss; soll; mochte; will; nicht; kein; keine; mit; von; zu; zum; zur; auf; fur;
an; am; im; in; aus; bei; nach; uber; unter; wie; was; wo; wann; warum; auch; noch; schon; nur; so; sehr; bitte;
danke; hallo; gerne; mal; ja; nein; dass; wenn; als; doch; jetzt; hier; da; dann; ihnen; mir; mich; uns; euch;
el; la; los; las; un; una; unos; unas; y; o; pero; yo; tu; usted; nosotros; ellos; mi; mis; su; sus; es; son;
esta; estan; estoy; ser; fue; ha; he; han; hay; tiene; tengo; puedo; puede; quiero; no; si; con; de; del; al;
en; por; para; que; como; cuando; donde; muy; mas; ya; gracias; hola; favor; buenas; buenos; lo; le; les; me; se;
te; nos; este; esto; eso; ese; le; la; les; des; du; et; ou; mais; je; il; elle; nous; vous; ils; elles;
mon; ma; mes; ton; ta; son; sa; ses; notre; votre; leur; est; sont; suis; ai; avez; avons; ont; pas; ne; avec;
dans; pour; sur; par; qui; quoi; quand; comment; tres; plus; deja; merci; bonjour; s'il; plait; svp; ce; cette;
ces; c'est; j'ai; il; lo; gli; i; uno; e; ma; io; lui; lei; noi; voi; loro; mio; mia; miei; tuo; suo; sua;
nostro; vostro; sono; siamo; ho; hai; abbiamo; avete; hanno; non; con; di; da; del; della; dei; nel; per;
che; chi; come; quando; dove; molto; piu; gia; grazie; ciao; buongiorno; salve; per favore; o; os; as; um; uma;
e; ou; mas; eu; ele; ela; nos; voces; voce; meu; minha; seu; sua; sao; estou; tenho; tem; nao; sim; com; do;
da; dos; das; no; na; em; para; pra; por; que; quem; como; quando; onde; muito; mais; ja; obrigado; obrigada;
ola; oi; bom; dia; de; het; een; en; of; maar; ik; jij; je; hij; zij; wij; we; jullie; mijn; jouw; uw; zijn;
haar; ons; is; ben; bent; heb; hebt; heeft; hebben; kan; kunnen; wil; niet; geen; met; van; te; op; voor;
naar; in; uit; bij; wie; wat; waar; wanneer; hoe; waarom; heel; erg; al; nog; dank; bedankt; hoi; hallo; graag;
`),
);

/**
 * Words that point to each default topic, in the seven languages, as folded stems: an entry
 * matches a word that starts with it ("refund" → "refunded", "erstatt" → "Erstattung").
 * Multi-word entries match as phrases; an entry ending in `=` matches only the whole word.
 */
import { terms } from './terms.js';

export const TOPIC_STEMS: Record<string, string[]> = {
  shipping: terms(`
ship; deliver; delivery; courier; parcel; package; tracking; dhl; ups; fedex; dpd; gls; postnl; colissimo; express;
versand; versend; liefer; paket; zustell; sendungsverfolgung; envio; envia; entrega; paquete; mensajer; correos;
livraison; livrez; livrer; colis; expedi; spedizion; spedi; consegn; pacco; corriere; frete; entreg; envio; correio;
verzend; verzenden; lever; bezorg; pakket; zending; po box; abroad; international; worldwide; shipping cost`),
  returns: terms(`
return; returned; send back; exchange; swap; return label; retour; ruckgabe; rucksend; zuruckschick; umtausch;
umtauschen; devolu; devolver; cambiar; cambio; renvoy; renvoi; retourn; echange; echanger; reso; restitu; cambiare;
sostitu; troca; trocar; devolver; devoluc; retourneren; ruilen; terugsturen; omruilen`),
  refunds: terms(`
refund; money back; reimburse; credit back; chargeback; ruckerstatt; erstatt; geld zuruck; gutschrift; reembols;
devolucion del dinero; rembours; rimbors; reembolso; estorno; terugbetal; geld terug; restitutie`),
  sizing: terms(`
size; sizes; sizing; fit; fits; too small; too big; too large; run large; run small; measurement; length; sleeve;
große; grosse; passform; fallt; klein aus; gross aus; talla; tallas; queda; ajustad; taille; tailles; taill; ample;
serre; taglia; taglie; vestibil; tamanho; forma pequena; forma grande; maat; maten; valt`),
  stock: terms(`
stock; restock; in stock; out of stock; available; availability; sold out; back in; lager; vorrat; verfugbar;
ausverkauft; wieder da; existencias; disponible; dispo=; agotad; stock; rupture; de nouveau disponible; disponibil; esaurit;
estoque; esgotad; disponivel; voorraad; uitverkocht; beschikbaar; weer op`),
  'order status': terms(`
order; where is; tracking; shipped; dispatched; processing; arrive; arrived; delivered; confirmation; bestellung;
bestell; wo ist; unterwegs; angekommen; pedido; donde esta; llegado; llega; commande; arrive; recu; ordine; arrivat;
dov'e; pedido; cade; chegou; chegar; bestelling; aangekomen; onderweg; status; update on; received; not received;
erhalten; recibido; ricevut; recebi; ontvangen`),
  'product question': terms(`
material; fabric; made of; leather; wool; cotton; linen; waterproof; washable; wash; dishwasher; colour; color;
dimension; battery; batteries; compatible; warranty; quality; assembled; vegan; care=; dryer; tumble; lamp; model;
stoff; leder; wolle; baumwolle; leinen; farbe; waschen; trockner; qualitat; material; tela; cuero; algodon; lino;
color; lavar; calidad; matiere; cuir; laine; coton; couleur; laver; qualite; compatible; tessuto; pelle; lana;
cotone; colore; lavare; qualita; tecido; couro; algodao; cor; lavar; qualidade; garrafa; stof; leer; wol; katoen;
kleur; wassen; kwaliteit; difference; version`),
  'pricing and discounts': terms(`
price; prices; cost; how much; discount; code=; coupon; sale=; promo; offer; black friday; student; cheaper; price match;
preis; kosten; kostet; rabatt; gutschein; angebot; sale; precio; cuesta; descuento; cupon; rebajas; oferta; prix;
coute; reduction; remise; code promo; soldes; prezzo; costa; sconto; codice; saldi; offerta; preco; custa; desconto;
cupom; promocao; valor; prijs; kost; korting; kortingscode; uitverkoop; aanbieding; giveaway; wholesale price`),
  payment: terms(`
pay; payment; paid; paypal; klarna; card=; credit card; charged; charge; invoice; instalment; installment; bank transfer;
declined; bezahl; zahlung; rechnung; karte; abgebucht; pago; pagar; tarjeta; cobrado; bizum; factura; paiement; payer;
carte; facture; preleve; pagamento; pagare; carta; bonifico; addebit; fattura; pagament; cartao; parcelar; pix; boleto;
betal; betaling; kaart; factuur; ideal; vat`),
  account: terms(`
account; login; log in; password; sign in; sign up; email address; newsletter; profile; delete my; konto; passwort;
anmeld; einlogg; cuenta; contrasena; iniciar sesion; compte; mot de passe; connexion; identifiant; account; accesso;
conta; senha; entrar; login; wachtwoord; inloggen; profiel`),
  'opening hours': terms(`
open=; opening hours; opening; close=; hours=; offnungszeit; geoffnet; offnet; geschlossen;
horario; abierto; abren; cierran; horaire; ouvert; ouverts; ouvre; ferme; orari;
aperto; apre; chiuso; horario; aberto; abre; fechado; openingstijd; gesloten; gaat open`),
  complaint: terms(`
complaint; broken; damaged; defect; faulty; crack; cracked; wrong item; wrong size; fell apart; flicker; shrank;
soaked; beschwerde; reklamation; kaputt; beschadigt; defekt; falsch; aufgegangen; queja; reclamacion; roto; rota;
danado; defectuos; equivocad; reclamation; plainte; casse; abime; defectueux; retreci; reclamo; rotto; rotta;
danneggiat; difettos; scheggiat; distrutto; reclamacao; quebrad; defeito; danificad; errad; klacht; kapot; beschadigd;
verkeerde; stuk; avoid`),
  wholesale: terms(`
wholesale; retailer; reseller; stockist; bulk; b2b; line sheet; boutique; concept store; shop owner; minimum order;
grosshandel; wiederverkauf; handler; mengenrabatt; mayorista; al por mayor; revendedor; grossiste; revendeur;
revente; ingrosso; rivenditor; atacado; revenda; groothandel; wederverkoper; winkels; retail`),
};

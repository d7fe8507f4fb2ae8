/**
 * Places a server's 400 message next to the field it is about. The server names fields by
 * their API key ("accountId: The account id is …", "body/name Too small …") or in words ("The
 * access token looks too short."); several problems come as "Summary — a: …; b: …" or as
 * "body/a …, body/b …".
 */

export interface FieldNames<F extends string> {
  field: F;
  /** API keys and human labels the server may use for this field. */
  names: string[];
}

export interface PlacedErrors<F extends string> {
  fieldErrors: Partial<Record<F, string>>;
  /** What belongs to no field, e.g. "Only admins can change settings." */
  formError: string | null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a name first occurs as a whole word (after a start, space, `/` or `.`), or -1. */
function positionOf(name: string, text: string): number {
  const match = new RegExp(`(^|[\\s/.])${escapeRegExp(name)}(?=$|[\\s:.,;/])`, 'i').exec(text);
  return match ? match.index + (match[1]?.length ?? 0) : -1;
}

function fieldOf<F extends string>(segment: string, fields: FieldNames<F>[]) {
  let best: { field: F; name: string; position: number } | null = null;
  for (const { field, names } of fields) {
    for (const name of names) {
      const position = positionOf(name, segment);
      if (position >= 0 && (!best || position < best.position)) best = { field, name, position };
    }
  }
  return best;
}

export function placeServerError<F extends string>(
  message: string,
  fields: FieldNames<F>[],
): PlacedErrors<F> {
  const dash = message.indexOf(' — ');
  const summary = dash >= 0 ? message.slice(0, dash) : null;
  const segments = (dash >= 0 ? message.slice(dash + 3) : message).split(/; |, (?=body\/)/);

  const fieldErrors: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const segment of segments) {
    const found = fieldOf(segment, fields);
    if (!found || fieldErrors[found.field]) {
      unplaced.push(segment);
      continue;
    }
    // "accountId: The account id is …" reads better at the field without the key or path.
    const prefix = `${found.name}: `;
    fieldErrors[found.field] = segment.startsWith(prefix)
      ? segment.slice(prefix.length)
      : segment.replace(/^body\/\S*\s+/, '');
  }

  if (unplaced.length === segments.length) return { fieldErrors, formError: message };
  const rest = [summary, ...unplaced].filter((part): part is string => Boolean(part));
  return { fieldErrors, formError: rest.length > 0 ? rest.join(' — ') : null };
}

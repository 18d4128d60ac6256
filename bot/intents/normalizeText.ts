/**
 * Makes typed text comparable: Teams @mention markup removed, accents and case
 * folded, typographic apostrophes made plain, spaces collapsed. "Lier ma
 * CERTIFICATION !" and "lier ma certification" then read the same.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/[^a-z0-9@.'?+\-_ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

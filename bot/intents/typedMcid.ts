/**
 * An MCID someone typed in a message ("link MCID 10214150", "remove 10203040 from the report").
 * Microsoft Certification Profile IDs are all digits; 6 to 12 of them, standing alone, so a
 * year or a date is never taken for one. Markup (an @mention's <at> tag) is skipped.
 */
const MCID_IN_TEXT = /\b\d{6,12}\b/;

export function typedMcid(text: string | undefined): string | null {
  if (!text) return null;
  return MCID_IN_TEXT.exec(text.replace(/<[^>]+>/g, ' '))?.[0] ?? null;
}

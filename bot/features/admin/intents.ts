/**
 * What people say for the admins' commands, in English and French. Patterns run on
 * normalizeText() output (no accents, lower case); where each stands against every other
 * feature's phrases is decided in ../priority.ts.
 */
import type { IntentPattern } from '../../intents/intentPattern';

export type AdminIntent = 'admin.removeFromReport' | 'admin.revokePartnerAdmin' | 'admin.grantPartnerAdmin' | 'admin.listAdmins' | 'admin.auditLog' | 'admin.report';

export const adminPhrases = {
  removeFromReport: {
    intent: 'admin.removeFromReport',
    en: [/\b(remove|delete)\b.*\bfrom (the |our )?(skills )?report\b/],
    fr: [/\b(supprim\w*|retir\w*|enlev\w*)\b.*\b(du|de notre) rapport\b/],
  },
  revokePartnerAdmin: {
    intent: 'admin.revokePartnerAdmin',
    en: [/\b(remove|revoke|delete)\b.*\bpartner admin\b/, /\bpartner admin\b.*\b(remove|revoke)\b/],
    fr: [/\b(retir\w*|supprim\w*|revoqu\w*)\b.*\badmin\w* (de )?partenaire\b/],
  },
  grantPartnerAdmin: {
    intent: 'admin.grantPartnerAdmin',
    // "make Benoit an admin": partner admin is the only role chat can give; without an @mention the handler says how.
    en: [/\b(make|add|grant|set)\b.*\bpartner admin\b/, /\b(make|add|grant|appoint|promote)\b.*\badmin(istrator)?s?\b/],
    fr: [/\b(nomm\w*|ajout\w*|fais|faire|rend\w*)\b.*\badmin\w* (de )?partenaire\b/, /\b(nomm\w*|ajout\w*|promouv\w*)\b.*\badmin\w*/],
  },
  listAdmins: { intent: 'admin.listAdmins', en: [/\b(list|show|who are)\b.*\badmins?\b/], fr: [/\b(liste\w*|affich\w*|qui sont)\b.*\badmin\w*/] },
  auditLog: { intent: 'admin.auditLog', en: [/\baudit\b/], fr: [/\bjournal d'audit\b|\baudit\b/, /\bhistorique des (modifications|changements|actions)\b/] },
  report: {
    intent: 'admin.report',
    en: [
      /\bskills? report\b/,
      /\b(certification|certifications|training) report\b/,
      /^report$/,
      /\b(show|see|get|give|download|export|send|open|view)\b.*\breport\b/,
      /\bwho (is|are|has|have) (linked|associated)\b/,
      /\bhow many (people|persons|employees|members|users|of us|colleagues)\b.*\b(linked|associated)\b/,
      /\b(the )?(csv|excel|xlsx)( file| export)?$/,
    ],
    fr: [
      /\brapport (des|de) (competences|qualifications|certifications)\b/,
      /^rapport$/,
      /\b(montr\w*|affich\w*|voir|telecharg\w*|export\w*|envoi\w*|envoy\w*|donn\w*|ouvr\w*)\b.*\brapport\b/,
      /\bqui (est|sont|a|ont) (lie|associe)/,
      /\bcombien (de |d')(personnes|employes|membres|utilisateurs|collaborateurs|collegues)\b.*\b(lie|associe)/,
      /\b(le )?(csv|excel|xlsx)( du rapport)?$/,
    ],
  },
} satisfies Record<string, IntentPattern<AdminIntent>>;

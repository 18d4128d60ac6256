/**
 * What people say for the employee's own commands, questions and the FAQ, in English and French. Patterns run on
 * normalizeText() output (no accents, lower case); where each stands against every other
 * feature's phrases is decided in ../priority.ts.
 */
import type { IntentPattern } from '../../intents/intentPattern';

export type EmployeeIntent =
  | 'faq.whoSees'
  | 'faq.whoSeesReport'
  | 'faq.howLink'
  | 'faq.reportDelay'
  | 'faq.whatIsMcid'
  | 'faq.merge'
  | 'faq.support'
  | 'faq.oneOrg'
  | 'faq.movedCompany'
  | 'faq.leftNoAccess'
  | 'faq.adminNoResponse'
  | 'university.remove'
  | 'removeAccess'
  | 'university.link'
  | 'status'
  | 'faq.limited'
  | 'faq.howUnlink'
  | 'remove'
  | 'certifications'
  | 'link'
  | 'cardAnswer'
  | 'thanks'
  | 'help';

const REMOVE_EN = /\b(remove|unlink|delete|disconnect|detach|disassociate|revoke)\b/;
const REMOVE_FR = /\b(supprim\w*|retir\w*|dissoci\w*|delie\w*|enlev\w*|annul\w* (la|ma) liaison)\b/;

export const employeePhrases = {
  whoSeesReport: {
    // Who sees the skills report is a question anyone may ask, not an admin asking for the report.
    intent: 'faq.whoSeesReport',
    en: [/\bwho\b.*\b(see|sees|view|views|access|download|downloads|open|read)\b.*\breport\b/],
    fr: [/\bqui\b.*\b(voir|voit|consulter|consulte|acceder|accede|acces|telecharger|telecharge|ouvrir|lire)\b.*\brapport\b/],
  },
  whoSees: {
    // Who sees a person's certifications: a question about the report's audience, not a request to show them.
    intent: 'faq.whoSees',
    en: [/\bwho (can |will |else )?(see|sees|view|views|access|has access to)\b.*\b(my|our)\b/, /\b(can|could|will|does|do) (my )?(manager|boss|admin\w*|company|employer|colleagues?|hr|team)\b.*\b(see|view|access)\b/],
    fr: [
      /\bqui (peut |pourra |va )?(voir|voit|consulter|consulte|acceder|accede|a acces)\b.*\b(mes|mon|ma)\b/,
      /\b(mon|ma|mes) (manager|responsable|chef|admin\w*|entreprise|employeur|collegues?|rh)\b.*\b(voir|voi\w*|consulter|acceder)\b/,
    ],
  },
  howCertificationsCount: {
    // An employee asking how their certifications reach the report asks how linking works, not for the report (admins').
    intent: 'faq.howLink',
    en: [/^how (do|can|should|will) (i|we) get (my|our) (certifications?|certs?|skills|exams?)\b/],
    fr: [/^comment (faire )?(apparaitre|mettre|ajouter|faire figurer) mes (certifications|competences|examens)\b/],
  },
  reportDelay: {
    // "Why don't my certifications appear in the report?" is an employee's question about R8's delay,
    // not an admin asking for the report: it comes first. "show the report" stays admin.report.
    intent: 'faq.reportDelay',
    en: [
      /\bhow long\b.*\b(report|appear\w*|show|visible|credit\w*|count)\b/,
      /\b(appear\w*|visible|show(s|ing)? up)\b.*\breport\b/,
      /\breport\b.*\b(appear\w*|visible|show(s|ing)? up)\b/,
      /\bwhen\b.*\b(appear|show up|be visible|count)\b/,
      // "Why am I not in the report?": someone missing from it, whoever asks.
      /(n't|\bnot\b|\bnever\b).*\breport\b/,
    ],
    fr: [
      /\bcombien de temps\b.*\b(rapport|apparai\w*|affich\w*|credit\w*|compt\w*|visible\w*)\b/,
      /\b(apparai\w*|apparu\w*|visible\w*)\b.*\brapport\b/,
      /\brapport\b.*\b(apparai\w*|apparu\w*|visible\w*)\b/,
      /\b(pas|jamais)\b.*\brapport\b/,
      /\bquand\b.*\b(apparai\w*|apparaitr\w*|visibles?|compter\w*)\b/,
    ],
  },
  merge: {
    // Two certification profiles to merge: only certification support does it (the seed's support section).
    intent: 'faq.merge',
    en: [/\bmerg\w*\b/, /\b(two|2|several|multiple|duplicate)\b.*\b(mcids?|certification profiles?)\b/],
    fr: [/\bfusion\w*\b/, /\b(deux|2|plusieurs|doublons?)\b.*\b(mcids?|profils? de certification)\b/],
  },
  support: {
    // Partner Center support for the technical problems the FAQ does not cover.
    intent: 'faq.support',
    en: [/\b(contact|reach|call|email|open a ticket with|get (in touch with|help from))\b.*\bsupport\b/, /\bsupport (ticket|team|contact|link)\b/, /^(how|where)\b.*\bsupport\b/],
    fr: [/\b(contacter|joindre|appeler|ecrire au|ouvrir un ticket)\b.*\bsupport\b/, /\b(comment|ou)\b.*\bsupport\b/, /^support( technique)?[ ?.!]*$/],
  },
  whatIsMcid: {
    // What an MCID is and where to find it; "what is my MCID?" is the status (below), which shows it.
    intent: 'faq.whatIsMcid',
    en: [/\bwhat (is|are) (an |the )?(mcids?|certification profile ids?)\b/, /\bwhat does mcid (mean|stand for)\b/, /\bwhere\b.*\b(find|get|see|look up|is)\b.*\bmcid\b/, /\bhow (do|can) i (find|get|know)\b.*\bmcid\b/],
    fr: [/\bqu'est.ce qu'(un|une|le) mcid\b/, /\bc'est quoi (un|le|mon) mcid\b/, /\bque (veut dire|signifie) mcid\b/, /\bou\b.*\b(trouv\w*|voir|est)\b.*\bmcid\b/, /\bcomment (trouver|connaitre|savoir)\b.*\bmcid\b/],
  },
  oneOrg: {
    // One organization at a time (R1): asked as a question, before "link" reads it as a command.
    intent: 'faq.oneOrg',
    en: [/\b(two|2|several|multiple|both|many)\b.*\b(companies|organi[sz]ations|orgs|partners|employers)\b/, /\bmore than one (company|organi[sz]ation|org|partner|employer)\b/],
    fr: [/\b(deux|2|plusieurs|combien de)\b.*\b(societes|organisations|entreprises|employeurs|partenaires)\b/],
  },
  movedCompany: {
    intent: 'faq.movedCompany',
    en: [
      /\bcompany a\b.*\bcompany b\b/,
      /\b(moved|switched|changed|went)\b.*\b(company|companies|employer|jobs?|organi[sz]ation)\b/,
      /\bnew (company|employer|job)\b/,
      /\btransfer(s|red|ring)?\b/,
      /\b(switch|move)\w*\b.*\bto\b/,
      /\bchange (my )?(organi[sz]ation|company|org|employer)\b/,
      /^i (just |have )?(joined|moved to|started (at|with)|now work (for|at))\b/,
    ],
    fr: [
      /\bsociete a\b.*\bsociete b\b/,
      /\b(nouvelle|autre) (societe|entreprise)\b/,
      /\bnouvel (emploi|employeur)\b/,
      /\bnouveau (poste|travail|job|employeur)\b/,
      /\bchange\w* (de|d') ?(societe|entreprise|employeur|organisation)\b/,
      /\btransfer\w*\b/,
      /\b(passer|basculer|deplacer)\b.*\b(vers|chez)\b/,
      /^j'ai (rejoint|integre)\b/,
      /^je (rejoins|travaille maintenant (pour|chez))\b/,
    ],
  },
  leftNoAccess: {
    intent: 'faq.leftNoAccess',
    en: [/\b(left|quit|leaving|no longer work)\b.*\b(company|employer|job|organi[sz]ation)\b/, /\bno (longer )?(have )?access\b/],
    fr: [/\b(quitte\w*|parti\w*)\b.*\b(societe|entreprise|employeur|organisation)\b/, /\bplus (d'|d )?acces\b/],
  },
  adminNoResponse: {
    intent: 'faq.adminNoResponse',
    en: [/\badmin\w*\b.*\b(no response|not respond\w*|no answer|sign.?in details)\b/],
    fr: [/\badmin\w*\b.*\b(pas (de|obtenu de) reponse|aucune reponse|details de connexion|identifiants)\b/],
  },
  universityRemove: {
    intent: 'university.remove',
    en: [new RegExp(`${REMOVE_EN.source}.*\\bpartner university\\b`)],
    fr: [new RegExp(`${REMOVE_FR.source}.*\\buniversite partenaire\\b`)],
  },
  removeAccess: {
    // Partner Center's button names neither account: it ends whichever link exists, or asks which.
    intent: 'removeAccess',
    en: [/\b(remove|revoke|delete) (my |the )?access\b/],
    fr: [/\b(supprimer|retirer|enlever) (l'|mon )?acces\b/],
  },
  universityLink: { intent: 'university.link', en: [/\bpartner university\b/], fr: [/\buniversite partenaire\b/] },
  statusLeft: {
    // What is left this year, and how long until the next link, are the person's own status;
    // "how many times / how often" in general is the rule (below).
    intent: 'status',
    en: [/\bhow many\b.*\b(left|remaining|used)\b/, /\bhow long\b.*\b(link|associat\w*)\b/, /\bwhen\b.*\b(link|associate)\b.*\bagain\b/],
    fr: [/\bcombien\b.*\b(reste\w*|restant\w*|utilise\w*)\b/, /\bcombien de temps\b.*\b(lier|associ\w*)\b/],
  },
  limited: {
    intent: 'faq.limited',
    en: [
      /\b(limited|limit|limits|restricted)\b/,
      /\b30.days?\b/,
      /\b(i was|i've been|i have been|i got|i am|i'm) (refused|denied|blocked|rejected)\b/,
      /\bwhy\b.*\b(refus\w*|den\w*|blocked|can'?t|cannot)\b/,
      /^how (many|often)\b/,
    ],
    fr: [/\blimit\w*\b/, /\b30 jours\b/, /\b(j'ai ete|on m'a|je suis) (refus|bloqu|rejet)\w*/, /\bpourquoi\b.*\b(refus\w*|bloqu\w*|peux pas|ne peux)\b/, /\bcombien de fois\b/, /\bcombien d'associations\b/],
  },
  howUnlink: { intent: 'faq.howUnlink', en: [/^how\b.*\b(unlink|remove|disconnect)\b/], fr: [/^comment\b.*\b(dissoci\w*|supprim\w*|delie\w*|retir\w*)\b/] },
  howLink: {
    // Asking whether someone else may link for you is asking how linking works: only the person can (R5).
    intent: 'faq.howLink',
    en: [
      /^how\b.*\b(link|associate|connect)\b/,
      /\b(can|could|may|will)\b.*\b(admin\w*|manager|someone|somebody|colleague|anyone)\b.*\b(link|associate)\b/,
      /\b(link|associate)\b.*\b(someone else'?s?|somebody else'?s?|another person'?s?|a colleague'?s?|on (my|their|his|her) behalf)\b/,
    ],
    fr: [
      /^comment\b.*\b(lie\w*|associ\w*|relie\w*)\b/,
      /\b(admin\w*|responsable|manager|quelqu'un|collegue)\b.*\b(peut|peuvent|pourrait)\b.*\b(lier|associer)\b/,
      /\b(lier|associer)\b.*\b(a (ma|sa|leur) place|d'un autre|d'une autre personne|de quelqu'un d'autre|d'un collegue)\b/,
    ],
  },
  removeInOtherWords: {
    // Ending the link in other words, before "my association" reads as the status. Imperative or
    // wished only: "when does my association end?" is not a removal. A confirmation card follows anyway.
    intent: 'remove',
    en: [
      /^(please )?(stop|cancel|end|terminate|break)\b.*\b(link|association)\b/,
      /\b(want|like|need) to (stop|cancel|end|terminate|break)\b.*\b(link|association)\b/,
      /\b(don'?t|do not|no longer)\b.*\b(want|wish)\b.*\blinked\b/,
      /\blinked anymore\b/,
      /\btake (my )?(certifications?|mcid|link|profile)\b.*\boff\b/,
    ],
    fr: [
      /^(arret\w*|annul\w*|termin\w*|mettre fin)\b.*\b(liaison|association|lien)\b/,
      /\b(veux|voudrais|souhaite) (arreter|annuler|terminer|mettre fin)\b.*\b(liaison|association|lien)\b/,
      /\bne (veux|souhaite) plus (etre )?(lie|associe)/,
    ],
  },
  certifications: {
    // The exams and certifications themselves, before the status (which is about the link). "Is my
    // certification linked?" stays the status (below): it names no list, no expiry.
    intent: 'certifications',
    en: [
      /\b(what|which)( of my)? (certifications?|certs?|exams?|skills)\b/,
      /\b(show|see|check|list|view)( me)? (all )?my (certifications?|certs?|exams?|skills)\b/,
      /^(all )?my (certifications?|certs?|exams?|skills)[ ?.!]*$/,
      // English forms only: « quand expire ma certification » is French.
      /\b(certifications?|certs?|exams?)\b.*\b(expires?|expired|expiring|do i have|have i (passed|earned|got))\b/,
      /\b(expiring|expired)\b.*\b(certifications?|certs?)\b/,
    ],
    fr: [
      /\b(quel|quelle|quels|quelles)( de mes)? (certifications?|examens?|competences)\b/,
      /\b(voir|afficher|verifier|lister)( moi)? (toutes )?mes (certifications?|examens?|competences)\b/,
      /^(toutes )?mes (certifications?|examens?|competences)[ ?.!]*$/,
      /\b(certifications?|examens?)\b.*\b(expir\w*|ai.je|j'ai (reussi|obtenu|passe))\b/,
      /\bexpir\w*\b.*\bcertifications?\b/,
    ],
  },
  status: {
    intent: 'status',
    en: [
      /\bstatus\b/,
      /\bwhen can i\b/,
      /\b(next|my) (available |possible )?(date|association)\b/,
      /\bam i linked\b/,
      /\bwhen (does|will) my (link|association)\b/,
      /\b(show|see|check|list|view)( me)? my (link|links|mcid|associations?|history)\b/,
      /\b(what'?s|what is) my mcid\b/,
      /^my (mcid|associations?|link)$/,
    ],
    fr: [
      /\bstatut\b/,
      /\b(etat|situation)\b/,
      /\bquand (est-ce que je )?(puis|pourrai|peux|pourrais)\b/,
      /\bprochaine date\b/,
      /\bsuis.je lie\b/,
      /\bquand (ma|mon) (liaison|association|lien)\b/,
      /\b(voir|afficher|verifier|lister)( moi)? (ma|mes) (liaisons?|associations?|historique)\b/,
      /\bquel est mon mcid\b/,
      /^mes associations$/,
      /\bou en suis.je\b/,
    ],
  },
  remove: { intent: 'remove', en: [REMOVE_EN], fr: [REMOVE_FR] },
  statusIsLinked: {
    // "Is my MCID linked?" asks for the status; "linked" alone never starts a link
    // (after remove: "remove my certification linked to Contoso" is a removal).
    intent: 'status',
    en: [/\bis my (mcid|certifications?|account|profile) (still )?linked\b/, /\b(which|what) (organi[sz]ation|company|org|partner)\b.*\blinked\b/],
    fr: [/\best.(il|elle) (encore |toujours )?(lie|associe)e?s?\b/, /\b(suis|sont).(je|elles|ils) (encore |toujours )?(lie|associe)e?s?\b/],
  },
  link: {
    intent: 'link',
    en: [/\b(link|associate|connect|attach|add|register)\b/, /\b(want|like|need|get)\b.*\blinked\b/],
    fr: [/\b(lie\w*|lier|associ\w*|relie\w*|rattach\w*|ajout\w*)\b/],
  },
  cardAnswer: {
    // "yes" typed under a confirmation card: a card is answered by its buttons only (they carry its
    // checks), so this gets a pointer to them rather than the menu.
    intent: 'cardAnswer',
    en: [/^(yes|yep|yeah|y|no|nope|n|ok|okay|sure|confirm|confirmed|cancel|go ahead|do it)( please| thanks| thank you)?[ .!]*$/],
    fr: [/^(oui|non|ok|d'accord|daccord|ca marche|confirmer|je confirme|confirme|annuler|vas.y|allez.y)( merci)?[ .!]*$/],
  },
  thanks: {
    // Said once the job is done: a short answer, not the whole menu again.
    intent: 'thanks',
    // Not "ok": said beside a card waiting for its click, "you're welcome" would read as if something was done.
    en: [/^(thanks?|thank you|thx|ty|cheers|great|perfect|awesome)( (so much|a lot|very much))?( (again|bot|certlink))?[ .!]*$/],
    fr: [/^(merci|parfait|super|genial|top)( (beaucoup|bien|bcp))?( (encore|certlink))?[ .!]*$/],
  },
  help: {
    intent: 'help',
    en: [/\b(help|hi|hello|hey|start|menu|commands?|what can you do)\b/, /^\?$/],
    fr: [/\b(aide|aidez|bonjour|salut|commandes?|que sais.tu faire|que peux.tu faire)\b/],
  },
} satisfies Record<string, IntentPattern<EmployeeIntent>>;

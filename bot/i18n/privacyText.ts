import { fill, Locale, Messages } from '../../services/i18n/locale';

export type PrivacyTextKey =
  | 'myDataTitle'
  | 'myDataIntro'
  | 'nothing'
  | 'catProfile'
  | 'catProfileHeld'
  | 'catProfileWhy'
  | 'catLink'
  | 'catLinkHeld'
  | 'catLinkWhy'
  | 'catHistory'
  | 'catHistoryHeld'
  | 'catHistoryWhy'
  | 'catNotices'
  | 'catNoticesHeldOn'
  | 'catNoticesHeldOff'
  | 'catNoticesWhy'
  | 'catConversation'
  | 'catConversationHeld'
  | 'catConversationWhy'
  | 'catUniversity'
  | 'catUniversityHeld'
  | 'catUniversityWhy'
  | 'catAudit'
  | 'catAuditHeld'
  | 'catAuditWhy'
  | 'catSession'
  | 'catSessionHeld'
  | 'catSessionWhy'
  | 'catSessionWhyNoLimit'
  | 'myDataWho'
  | 'myDataLinkExpires'
  | 'download'
  | 'eraseTitle'
  | 'eraseIntro'
  | 'eraseWhat'
  | 'eraseKept'
  | 'eraseAudit'
  | 'eraseAdmins'
  | 'eraseConfirm'
  | 'erasedTitle'
  | 'erasedBody'
  | 'erasedLinkEnded'
  | 'erasedKept'
  | 'erasedHeldByOther';

export const privacyText: Messages<PrivacyTextKey> = {
  en: {
    myDataTitle: 'The data CertLink holds about you',
    myDataIntro: 'Everything CertLink stores about you, by category, and why. Download it all as a JSON file with the button below.',
    nothing: 'Nothing.',
    catProfile: 'Certification profile',
    catProfileHeld: 'MCID {mcid}: {name}, {emails}; certifications: {count}.',
    catProfileWhy: 'To find your profile from your Teams email and to show your certifications in your organization’s skills report.',
    catLink: 'Current link',
    catLinkHeld: 'Linked to {org} since {date}.',
    catLinkWhy: 'Partner Center’s rule: your MCID is linked to one organization at a time; its admins see you in the skills report.',
    catHistory: 'Association history',
    catHistoryHeld: 'Association starts: {starts}; ended links: {ended}.',
    catHistoryWhy: 'The abuse limits: at most {max} associations {perWindow}, {cooldown} days between them.',
    catNotices: 'Notice settings and pending notices',
    catNoticesHeldOn: 'Notifications on; notices waiting: {pending}.',
    catNoticesHeldOff: 'Notifications off; notices waiting: {pending}.',
    catNoticesWhy: 'To tell you when you can link again, only if you want it.',
    catConversation: 'Conversation reference',
    catConversationHeld: 'Where to reach you in Teams (your personal chat with CertLink).',
    catConversationWhy: 'To send you the notices you asked for.',
    catUniversity: 'Partner University link',
    catUniversityHeld: 'Account {account}, linked on {date}.',
    catUniversityWhy: 'Kept only once you link your Partner University account, for your access to it.',
    catAudit: 'Audit entries about you',
    catAuditHeld: 'Entries: {count} (links, removals, role changes).',
    catAuditWhy: 'Your organization’s admins must be able to see who changed what in their report; kept {days} days.',
    catSession: 'Conversation state',
    catSessionHeld: 'Present.',
    catSessionWhy: 'Cards waiting for your click and a sign-in in progress, kept at most {days} days.',
    catSessionWhyNoLimit: 'Cards waiting for your click and a sign-in in progress, kept with no time limit.',
    myDataWho: 'Who can see it: you, and the global admins and partner admins of the organization you are linked to (the report and its audit log). Nobody else.',
    myDataLinkExpires: 'The download link works for 15 minutes (until {time}) and only for you. Say "delete my data" to erase it.',
    download: 'Download all my data (JSON)',
    eraseTitle: 'Delete your data from CertLink?',
    eraseIntro: 'This cannot be undone.',
    eraseWhat: 'Erased now: your name, emails and certifications (profile), your current link (your organization’s report stops showing you), your conversation reference, your notice settings and pending notices, your Partner University link and the state of this chat.',
    eraseKept: 'Kept: only the start dates of your associations, under a keyed hash of your MCID (nobody can read your MCID from it), for {days} days after the latest one. Partner Center allows {max} associations {perWindow} with {cooldown} days between them, and erasing cannot give associations back: linking this MCID again too early is still refused.',
    eraseAudit: 'Your organization’s audit log keeps its entries about you, with your MCID and user id replaced by keyed hashes; entries are deleted after {days} days.',
    eraseAdmins: 'Your admins will see in the audit log that your link ended; they do not see your data any more.',
    eraseConfirm: 'Delete my data',
    erasedTitle: 'Your data is deleted',
    erasedBody: 'CertLink no longer holds your name, emails, certifications, link, conversation reference, notice settings or Partner University link.',
    erasedLinkEnded: 'Your link to {org} ended.',
    erasedKept: 'Kept: association start dates ({count}) under a keyed hash, until {date}, for the abuse limits. Audit entries about you now show keyed hashes instead of your ids.',
    erasedHeldByOther: 'The certification profile your email leads to is linked by another account, so it was left as it is. Ask your organization’s admins if it is not yours.',
  },
  fr: {
    myDataTitle: 'Les données que CertLink détient sur vous',
    myDataIntro: 'Tout ce que CertLink conserve sur vous, par catégorie, et pourquoi. Téléchargez le tout en JSON avec le bouton ci-dessous.',
    nothing: 'Rien.',
    catProfile: 'Profil de certification',
    catProfileHeld: 'MCID {mcid} : {name}, {emails} ; certifications : {count}.',
    catProfileWhy: 'Pour trouver votre profil à partir de votre e-mail Teams et montrer vos certifications dans le rapport des compétences de votre organisation.',
    catLink: 'Liaison actuelle',
    catLinkHeld: 'Lié à {org} depuis le {date}.',
    catLinkWhy: 'Règle de l’Espace partenaires : votre MCID est lié à une seule organisation à la fois ; ses administrateurs vous voient dans le rapport.',
    catHistory: 'Historique des associations',
    catHistoryHeld: 'Débuts d’association : {starts} ; liaisons terminées : {ended}.',
    catHistoryWhy: 'Les limites anti-abus : au plus {max} associations {perWindow}, {cooldown} jours entre deux.',
    catNotices: 'Réglages et notifications en attente',
    catNoticesHeldOn: 'Notifications activées ; notifications en attente : {pending}.',
    catNoticesHeldOff: 'Notifications désactivées ; notifications en attente : {pending}.',
    catNoticesWhy: 'Pour vous prévenir quand vous pouvez lier à nouveau, seulement si vous le voulez.',
    catConversation: 'Référence de conversation',
    catConversationHeld: 'Où vous joindre dans Teams (votre conversation personnelle avec CertLink).',
    catConversationWhy: 'Pour vous envoyer les notifications demandées.',
    catUniversity: 'Liaison Université partenaire',
    catUniversityHeld: 'Compte {account}, lié le {date}.',
    catUniversityWhy: 'Conservée seulement une fois votre compte Université partenaire lié, pour votre accès à celle-ci.',
    catAudit: 'Entrées du journal d’audit vous concernant',
    catAuditHeld: 'Entrées : {count} (liaisons, suppressions, changements de rôle).',
    catAuditWhy: 'Les administrateurs de votre organisation doivent voir qui a modifié quoi dans leur rapport ; conservées {days} jours.',
    catSession: 'État de la conversation',
    catSessionHeld: 'Présent.',
    catSessionWhy: 'Cartes en attente de votre clic et connexion en cours, conservées au plus {days} jours.',
    catSessionWhyNoLimit: 'Cartes en attente de votre clic et connexion en cours, conservées sans limite de durée.',
    myDataWho: 'Qui peut les voir : vous, et les administrateurs généraux et administrateurs partenaires de l’organisation à laquelle vous êtes lié (le rapport et son journal d’audit). Personne d’autre.',
    myDataLinkExpires: 'Le lien de téléchargement fonctionne 15 minutes (jusqu’à {time}) et pour vous seul. Dites « supprimer mes données » pour les effacer.',
    download: 'Télécharger toutes mes données (JSON)',
    eraseTitle: 'Supprimer vos données de CertLink ?',
    eraseIntro: 'Cette action est définitive.',
    eraseWhat: 'Effacés maintenant : votre nom, vos e-mails et vos certifications (profil), votre liaison actuelle (le rapport de votre organisation ne vous montre plus), votre référence de conversation, vos réglages et notifications en attente, votre liaison Université partenaire et l’état de cette conversation.',
    eraseKept: 'Conservées : uniquement les dates de début de vos associations, sous un hachage à clé de votre MCID (personne ne peut en retrouver votre MCID), {days} jours après la plus récente. L’Espace partenaires autorise {max} associations {perWindow} avec {cooldown} jours entre deux, et l’effacement ne rend pas d’associations : lier ce MCID de nouveau trop tôt reste refusé.',
    eraseAudit: 'Le journal d’audit de votre organisation garde ses entrées vous concernant, avec votre MCID et votre identifiant remplacés par des hachages à clé ; les entrées sont supprimées après {days} jours.',
    eraseAdmins: 'Vos administrateurs verront dans le journal d’audit que votre liaison a pris fin ; ils ne voient plus vos données.',
    eraseConfirm: 'Supprimer mes données',
    erasedTitle: 'Vos données sont supprimées',
    erasedBody: 'CertLink ne détient plus votre nom, vos e-mails, vos certifications, votre liaison, votre référence de conversation, vos réglages de notification ni votre liaison Université partenaire.',
    erasedLinkEnded: 'Votre liaison à {org} a pris fin.',
    erasedKept: 'Conservées : les dates de début d’association ({count}) sous un hachage à clé, jusqu’au {date}, pour les limites anti-abus. Les entrées d’audit vous concernant montrent désormais des hachages à clé au lieu de vos identifiants.',
    erasedHeldByOther: 'Le profil de certification auquel mène votre e-mail est lié par un autre compte ; il a été laissé tel quel. Demandez aux administrateurs de votre organisation s’il n’est pas le vôtre.',
  },
};

export function pt(locale: Locale, key: PrivacyTextKey, values: Record<string, string | number> = {}): string {
  return fill(privacyText[locale][key], values);
}

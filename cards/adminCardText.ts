/** Every string of the admin cards, in English and French. {name} placeholders are filled with plain text. */
import { AuditAction } from '../services/audit/auditLog';
import { Messages } from '../services/i18n/locale';

export const reportText: Messages<
  | 'heading' | 'asOf' | 'linked' | 'pending' | 'pendingNote' | 'byTitle' | 'expiring' | 'none' | 'moreTitles'
  | 'moreExpiring' | 'expiredNote' | 'csv' | 'xlsx' | 'linksNote'
> = {
  en: {
    heading: 'Skills report — {org}',
    asOf: 'As of {date}',
    linked: 'Linked people',
    pending: 'Credit may still be pending',
    pendingNote: 'People linked less than {days} days ago: their certifications can take up to {days} days to show in Partner Center.',
    byTitle: 'Certifications held, most held first',
    expiring: 'Expiring in the next {days} days ({total})',
    none: 'None.',
    moreTitles: 'And {count} more titles: download the report for all of them.',
    moreExpiring: 'And {count} more: download the report for all of them.',
    expiredNote: 'Expired certifications are not counted above ({count}); the download lists them with their dates.',
    csv: 'Download CSV',
    xlsx: 'Download Excel',
    linksNote: 'Download links work for {minutes} minutes. Ask for the report again for new ones.',
  },
  fr: {
    heading: 'Rapport des compétences — {org}',
    asOf: 'Au {date}',
    linked: 'Personnes associées',
    pending: 'Crédit peut-être encore en attente',
    pendingNote: 'Personnes associées il y a moins de {days} jours : leurs certifications peuvent mettre jusqu’à {days} jours à apparaître dans l’Espace partenaires.',
    byTitle: 'Certifications détenues, les plus fréquentes d’abord',
    expiring: 'Expirent dans les {days} prochains jours ({total})',
    none: 'Aucune.',
    moreTitles: 'Et {count} autres titres : téléchargez le rapport pour les voir tous.',
    moreExpiring: 'Et {count} autres : téléchargez le rapport pour les voir toutes.',
    expiredNote: 'Les certifications expirées ne sont pas comptées ci-dessus ({count}) ; le téléchargement les liste avec leurs dates.',
    csv: 'Télécharger en CSV',
    xlsx: 'Télécharger en Excel',
    linksNote: 'Les liens de téléchargement sont valables {minutes} minutes. Redemandez le rapport pour en obtenir de nouveaux.',
  },
};

export const adminListText: Messages<'heading' | 'global' | 'partner' | 'none' | 'howTo'> = {
  en: {
    heading: 'Admins of {org}',
    global: 'Global admins',
    partner: 'Partner admins',
    none: 'None.',
    howTo: 'A global admin can say "make @name partner admin" or "remove partner admin @name". Global admins are set by whoever runs CertLink.',
  },
  fr: {
    heading: 'Administrateurs de {org}',
    global: 'Administrateurs généraux',
    partner: 'Administrateurs partenaires',
    none: 'Aucun.',
    howTo: 'Un administrateur général peut écrire « nommer @nom administrateur partenaire » ou « retirer administrateur partenaire @nom ». Les administrateurs généraux sont définis par l’exploitant de CertLink.',
  },
};

export const auditText: Messages<'heading' | 'subheading' | 'empty' | 'csv' | 'xlsx' | AuditAction> = {
  en: {
    heading: 'Audit log — {org}',
    subheading: 'Entries shown: {count}, newest first. Times in UTC.',
    empty: 'Nothing has been recorded for this organization yet.',
    csv: 'Download CSV',
    xlsx: 'Download Excel',
    link: '{actor} linked MCID {mcid}.',
    switchIn: '{actor} moved MCID {mcid} here from another organization.',
    switchOut: '{actor} moved MCID {mcid} to another organization.',
    unlink: '{actor} removed their link to MCID {mcid}.',
    removedByAdmin: '{actor} removed MCID {mcid} ({target}) from the report.',
    takeover: '{actor} took over MCID {mcid} by signing in (was {target}).',
    grantPartnerAdmin: '{actor} made {target} a partner admin.',
    revokePartnerAdmin: '{actor} removed the partner admin role from {target}.',
    downloadReport: '{actor} downloaded the skills report ({format}).',
    downloadAudit: '{actor} downloaded the audit log ({format}).',
  },
  fr: {
    heading: 'Journal d’audit — {org}',
    subheading: 'Entrées affichées : {count}, les plus récentes d’abord. Heures en UTC.',
    empty: 'Rien n’a encore été enregistré pour cette organisation.',
    csv: 'Télécharger en CSV',
    xlsx: 'Télécharger en Excel',
    link: '{actor} a associé le MCID {mcid}.',
    switchIn: '{actor} a déplacé le MCID {mcid} ici depuis une autre organisation.',
    switchOut: '{actor} a déplacé le MCID {mcid} vers une autre organisation.',
    unlink: '{actor} a supprimé son association du MCID {mcid}.',
    removedByAdmin: '{actor} a retiré le MCID {mcid} ({target}) du rapport.',
    takeover: '{actor} a repris le MCID {mcid} en se connectant (auparavant {target}).',
    grantPartnerAdmin: '{actor} a nommé {target} administrateur partenaire.',
    revokePartnerAdmin: '{actor} a retiré le rôle d’administrateur partenaire à {target}.',
    downloadReport: '{actor} a téléchargé le rapport des compétences ({format}).',
    downloadAudit: '{actor} a téléchargé le journal d’audit ({format}).',
  },
};

export const removalText: Messages<
  | 'heading' | 'question' | 'person' | 'mcid' | 'since' | 'consequences' | 'confirm' | 'cancel'
  | 'removedHeading' | 'removed' | 'removedNotified' | 'notLinkedHeading' | 'notLinked' | 'cancelledHeading' | 'cancelled'
> = {
  en: {
    heading: 'Remove from the skills report?',
    question: 'Remove this person from the skills report of {org}?',
    person: 'Person',
    mcid: 'MCID',
    since: 'Linked since',
    consequences: 'Their link to {org} ends with the reason "removed by admin". They keep their certifications, and only they can link again. This does not give back an association.',
    confirm: 'Remove',
    cancel: 'Cancel',
    removedHeading: 'Removed from the report',
    removed: '{person} (MCID {mcid}) is no longer linked to {org} and will not appear in the next report.',
    removedNotified: 'They have been told in their chat with CertLink.',
    notLinkedHeading: 'Nothing to remove',
    notLinked: 'MCID {mcid} is not linked to {org} any more. Nothing was changed.',
    cancelledHeading: 'Cancelled',
    cancelled: 'Nothing was changed.',
  },
  fr: {
    heading: 'Retirer du rapport des compétences ?',
    question: 'Retirer cette personne du rapport des compétences de {org} ?',
    person: 'Personne',
    mcid: 'MCID',
    since: 'Associée depuis le',
    consequences: 'Son association à {org} prend fin avec le motif « retiré par un administrateur ». Elle garde ses certifications, et elle seule peut s’associer de nouveau. Cela ne rend pas d’association.',
    confirm: 'Retirer',
    cancel: 'Annuler',
    removedHeading: 'Retiré du rapport',
    removed: '{person} (MCID {mcid}) n’est plus associé(e) à {org} et n’apparaîtra pas dans le prochain rapport.',
    removedNotified: 'La personne a été prévenue dans sa conversation avec CertLink.',
    notLinkedHeading: 'Rien à retirer',
    notLinked: 'Le MCID {mcid} n’est plus associé à {org}. Rien n’a été modifié.',
    cancelledHeading: 'Annulé',
    cancelled: 'Rien n’a été modifié.',
  },
};

export const refusalText: Messages<'heading' | 'message' | 'help' | 'roleMessage' | 'roleHelp'> = {
  en: {
    heading: 'This is for admins',
    message: 'The skills report, removals and the audit log are for the global admins and partner admins of your organization.',
    help: 'Ask one of your organization\'s global admins: they can show you the report or make you a partner admin.',
    roleMessage: 'Only a global admin of your organization can name or remove partner admins.',
    roleHelp: 'Ask one of your organization\'s global admins.',
  },
  fr: {
    heading: 'Réservé aux administrateurs',
    message: 'Le rapport des compétences, les retraits et le journal d’audit sont réservés aux administrateurs généraux et partenaires de votre organisation.',
    help: 'Adressez-vous à l’un des administrateurs généraux de votre organisation : ils peuvent vous montrer le rapport ou vous nommer administrateur partenaire.',
    roleMessage: 'Seul un administrateur général de votre organisation peut nommer ou retirer des administrateurs partenaires.',
    roleHelp: 'Adressez-vous à l’un des administrateurs généraux de votre organisation.',
  },
};

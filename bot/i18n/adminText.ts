import { Messages } from '../../services/i18n/locale';

export type AdminTextKey =
  | 'whoToRemove'
  | 'notFound'
  | 'whoToGrant'
  | 'granted'
  | 'alreadyPartnerAdmin'
  | 'alreadyGlobalAdmin'
  | 'revoked'
  | 'notPartnerAdmin'
  | 'cannotRevokeGlobal'
  | 'onlyGlobalAdmins'
  | 'mentionUnknown'
  | 'removedNotice';

export const adminText: Messages<AdminTextKey> = {
  en: {
    whoToRemove: 'Who should I remove from the report? Say "remove alice@contoso.com from the report", give their MCID, or @mention them.',
    notFound: 'Nobody linked to {org} matches that. Nothing was changed.',
    whoToGrant: '@mention the person, e.g. "make @Alice partner admin".',
    granted: '{name} is now a partner admin of {org}.',
    alreadyPartnerAdmin: '{name} is already a partner admin of {org}.',
    alreadyGlobalAdmin: '{name} is a global admin of {org}: they already have every admin feature.',
    revoked: '{name} is no longer a partner admin of {org}.',
    notPartnerAdmin: '{name} is not a partner admin of {org}. Nothing was changed.',
    cannotRevokeGlobal: '{name} is a global admin: global admins come from the organization settings (ORGS_FILE), not from chat.',
    onlyGlobalAdmins: 'Only a global admin of your organization can grant or remove the partner admin role.',
    mentionUnknown: 'I could not find {name} in this team. Nothing was changed.',
    removedNotice:
      'An admin of {org} removed your Microsoft Certification Profile ID from its skills report. Your certifications no longer count for {org}. If this is a mistake, link again with "link my certification".',
  },
  fr: {
    whoToRemove: 'Qui dois-je supprimer du rapport ? Dites « supprimer alice@contoso.com du rapport », donnez son MCID, ou @mentionnez la personne.',
    notFound: 'Personne de lié à {org} ne correspond. Rien n’a été modifié.',
    whoToGrant: '@mentionnez la personne, par exemple « nommer @Alice administrateur partenaire ».',
    granted: '{name} est maintenant administrateur partenaire de {org}.',
    alreadyPartnerAdmin: '{name} est déjà administrateur partenaire de {org}.',
    alreadyGlobalAdmin: '{name} est administrateur général de {org} : il a déjà toutes les fonctions d’administration.',
    revoked: '{name} n’est plus administrateur partenaire de {org}.',
    notPartnerAdmin: '{name} n’est pas administrateur partenaire de {org}. Rien n’a été modifié.',
    cannotRevokeGlobal: '{name} est administrateur général : les administrateurs généraux viennent des paramètres de l’organisation (ORGS_FILE), pas de la conversation.',
    onlyGlobalAdmins: 'Seul un administrateur général de votre organisation peut attribuer ou retirer le rôle d’administrateur partenaire.',
    mentionUnknown: 'Je n’ai pas trouvé {name} dans cette équipe. Rien n’a été modifié.',
    removedNotice:
      'Un administrateur de {org} a supprimé votre ID de profil de certification Microsoft de son rapport des compétences. Vos certifications ne comptent plus pour {org}. S’il s’agit d’une erreur, liez-la de nouveau avec « lier ma certification ».',
  },
};

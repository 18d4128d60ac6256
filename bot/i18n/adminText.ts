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
  | 'removedNotice'
  | 'channelHelpTitle'
  | 'channelWelcomeTitle'
  | 'channelHelpIntro'
  | 'channelHelpReport'
  | 'channelHelpRemove'
  | 'channelHelpAudit'
  | 'channelHelpRoles'
  | 'channelHelpRemind'
  | 'channelHelpPersonal'
  | 'cmdReport'
  | 'cmdAudit'
  | 'cmdListAdmins';

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
    channelHelpTitle: 'What I can do here',
    channelWelcomeTitle: 'CertLink is in this conversation',
    channelHelpIntro: 'Here I serve the admins of {org} (its global admins and partner admins). @mention me and ask in your own words, in English or French:',
    channelHelpReport: '"skills report": who is linked and what they hold, with CSV and Excel downloads.',
    channelHelpRemove: '"remove alice@contoso.com from the report" (or their MCID, or an @mention): remove someone who left.',
    channelHelpAudit: '"audit log": who linked, removed or changed what.',
    channelHelpRoles: '"list admins", "make @name partner admin", "remove partner admin @name" (global admins).',
    channelHelpRemind: '"remind members who have not linked": invite this team\'s members to link (in a team channel).',
    channelHelpPersonal:
      'For your own certification ("link my certification", "when can I link again", "my data"), open your personal chat with CertLink: I keep personal data out of shared conversations.',
    cmdReport: 'Skills report',
    cmdAudit: 'Audit log',
    cmdListAdmins: 'List admins',
  },
  fr: {
    whoToRemove: 'Qui dois-je supprimer du rapport ? Dites « supprimer alice@contoso.com du rapport », donnez son MCID, ou @mentionnez la personne.',
    notFound: 'Aucune personne liée à {org} ne correspond à votre demande. Rien n’a été modifié.',
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
      'Un administrateur de {org} a supprimé votre ID de profil de certification Microsoft de son rapport des compétences. Vos certifications ne comptent plus pour {org}. S’il s’agit d’une erreur, liez-le de nouveau avec « lier ma certification ».',
    channelHelpTitle: 'Ce que je sais faire ici',
    channelWelcomeTitle: 'CertLink est dans cette conversation',
    channelHelpIntro: 'Ici, je sers les administrateurs de {org} (ses administrateurs généraux et partenaires). @mentionnez-moi et demandez avec vos mots, en français ou en anglais :',
    channelHelpReport: '« rapport des compétences » : qui est lié et ce qu’il détient, avec des téléchargements CSV et Excel.',
    channelHelpRemove: '« supprimer alice@contoso.com du rapport » (ou son MCID, ou une @mention) : retirer une personne partie.',
    channelHelpAudit: '« journal d’audit » : qui a lié, supprimé ou modifié quoi.',
    channelHelpRoles: '« liste des admins », « nommer @nom administrateur partenaire », « retirer l’administrateur partenaire @nom » (administrateurs généraux).',
    channelHelpRemind: '« relancer les membres qui n’ont pas lié » : inviter les membres de cette équipe à lier (dans un canal d’équipe).',
    channelHelpPersonal:
      'Pour votre propre certification (« lier ma certification », « quand puis-je lier à nouveau », « mes données »), ouvrez votre conversation personnelle avec CertLink : je garde les données personnelles hors des conversations partagées.',
    cmdReport: 'Rapport des compétences',
    cmdAudit: 'Journal d’audit',
    cmdListAdmins: 'Liste des admins',
  },
};

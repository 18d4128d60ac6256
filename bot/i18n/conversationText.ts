/**
 * Everything the bot says in the employee conversation, in English and French.
 * `Messages` makes a string missing in one language a compile error.
 */
import { Messages } from '../../services/i18n/locale';

export type TextKey =
  | 'unknownTenant'
  | 'unavailable'
  | 'tryAgain'
  | 'rateLimited'
  | 'welcomeTitle'
  | 'welcomeBody'
  | 'helpTitle'
  | 'helpIntro'
  | 'helpLink'
  | 'helpRemove'
  | 'helpStatus'
  | 'helpUniversity'
  | 'helpFaq'
  | 'helpPrivacy'
  | 'cmdLink'
  | 'cmdRemove'
  | 'cmdStatus'
  | 'cmdUniversity'
  | 'cmdHelp'
  | 'linkStartTitle'
  | 'linkStartBody'
  | 'linkUseEmail'
  | 'linkSignIn'
  | 'linkSignInPrompt'
  | 'linkNoProfile'
  | 'linkNoProfileSignIn'
  | 'linkNoEmail'
  | 'linkSignInFailed'
  | 'linkSignInNoProfile'
  | 'confirmLinkTitle'
  | 'confirmLinkBody'
  | 'confirmLinkSwitch'
  | 'confirmLinkUsed'
  | 'confirmLinkNext'
  | 'confirm'
  | 'cancel'
  | 'cancelled'
  | 'linkedTitle'
  | 'linkedBody'
  | 'linkedSwitched'
  | 'linkedDelay'
  | 'takeoverBody'
  | 'alreadyLinked'
  | 'ownedByOther'
  | 'otherMcidLinked'
  | 'typedMcidNotYours'
  | 'typedMcidNotYoursSignIn'
  | 'typedMcidNoProfile'
  | 'refusedTitle'
  | 'statusTitle'
  | 'statusLinked'
  | 'statusNotLinked'
  | 'statusNoProfile'
  | 'statusStarts'
  | 'statusNoStarts'
  | 'statusNextNow'
  | 'statusNextLater'
  | 'statusUsed'
  | 'statusCreditPending'
  | 'helpCertifications'
  | 'certificationsTitle'
  | 'certificationsLinked'
  | 'certificationsNotLinked'
  | 'certificationsNone'
  | 'certificationsMore'
  | 'certificationsSource'
  | 'removeNothing'
  | 'removeOtherAccount'
  | 'removeOtherAccountMove'
  | 'confirmRemoveTitle'
  | 'confirmRemoveBody'
  | 'removedTitle'
  | 'removedBody'
  | 'removedNext'
  | 'removeNotOwner'
  | 'staleCard'
  | 'notYourCard'
  | 'alreadyDone'
  | 'uniStartTitle'
  | 'uniStartBody'
  | 'uniUseEmail'
  | 'uniLinked'
  | 'uniAlready'
  | 'uniRemoved'
  | 'uniNothing'
  | 'uniNoEmail'
  | 'faqHowLink'
  | 'faqHowUnlink'
  | 'faqMovedCompany'
  | 'faqLeftNoAccess'
  | 'faqAdminNoResponse'
  | 'faqLimited'
  | 'faqReportDelay'
  | 'faqWhatIsMcid'
  | 'faqOneOrg'
  | 'faqWhoSees'
  | 'thanks'
  | 'typedCardAnswer'
  | 'personalOnly'
  | 'personalOnlyNudged'
  | 'nudgeTitle'
  | 'nudgeBody';

export const conversationText: Messages<TextKey> = {
  en: {
    unknownTenant:
      'Your organization is not set up in CertLink yet, so nothing can be linked from this Microsoft 365 tenant ({tenantId}). Ask your CertLink administrator to add this tenant id to the organization in the orgs file (ORGS_FILE).',
    unavailable: 'CertLink is temporarily unavailable. Nothing was changed. Please try again in a minute.',
    tryAgain: 'Someone else changed this record at the same moment. Nothing was changed; please try again.',
    rateLimited: 'You have made too many requests in a short time. Nothing was changed. Please wait a few minutes and try again.',
    welcomeTitle: 'Welcome to CertLink',
    welcomeBody:
      'I link your Microsoft Certification Profile ID (MCID) to {org}, so your certifications count for your organization. Only you can link your own certifications. Say "link my certification" to start, or "help" to see everything I can do.',
    helpTitle: 'What I can do',
    helpIntro: 'Ask in your own words, in English or French. For example:',
    helpLink: '"link my certification": link your MCID to your organization (it moves away from a previous company automatically).',
    helpRemove: '"remove my certification": end the link.',
    helpStatus: '"when can I link again": your link, your associations {inWindow} and your next available date.',
    helpUniversity: '"link Partner University" / "remove Partner University": your Partner University account.',
    helpFaq: 'Questions too: "what is an MCID?", "I moved from company A to company B", "I left my company", "why is my association limited?"',
    helpPrivacy: '"my data" / "delete my data": see, download or erase what CertLink keeps about you.',
    cmdLink: 'Link my certification',
    cmdRemove: 'Remove my certification',
    cmdStatus: 'When can I link again?',
    cmdUniversity: 'Link Partner University',
    cmdHelp: 'Help',
    linkStartTitle: 'Link your certification to {org}',
    linkStartBody: 'Choose how to prove the Microsoft Learning account is yours. CertLink never asks for a password in chat.',
    linkUseEmail: 'Use {email} to associate my Microsoft Learning account',
    linkSignIn: 'Sign in with another Microsoft Learning account',
    linkSignInPrompt: 'Sign in with the Microsoft account you use for Microsoft Learning.',
    linkNoProfile:
      'I could not find a Microsoft Certification profile that uses {email}, and signing in with another account is not enabled here. Make sure your certification profile uses your work address, or ask your CertLink administrator to enable sign-in.',
    linkNoProfileSignIn: 'I could not find a Microsoft Certification profile that uses {email}. Sign in with the account you use for Microsoft Learning instead.',
    linkNoEmail:
      'I could not read your work email from Teams, and signing in with another account is not enabled here. Ask your CertLink administrator to enable sign-in.',
    linkSignInFailed: 'Sign-in did not complete, so nothing was linked. Say "link my certification" to try again.',
    linkSignInNoProfile: 'That account has no Microsoft Certification profile that I know of, so nothing was linked.',
    confirmLinkTitle: 'Link MCID {mcid} to {org}?',
    confirmLinkBody: 'Your certifications ({count}) will count for {org}.',
    confirmLinkSwitch: 'This ends your link to {from} in the same step: it will stop showing you in its skills report.',
    confirmLinkUsed: 'This will be association {used} of {max} allowed {perWindow}.',
    confirmLinkNext: 'After this one, your next possible association is {date}.',
    confirm: 'Confirm',
    cancel: 'Cancel',
    cancelled: 'Cancelled. Nothing was changed.',
    linkedTitle: 'Linked to {org}',
    linkedBody: 'MCID {mcid} is now linked to {org}.',
    linkedSwitched: 'Your link to {from} ended in the same step.',
    linkedDelay:
      'Your certifications appear in {org}\'s skills report within 72 hours; newly passed exams and assessments can take 7 to 10 days.',
    takeoverBody: 'You proved by signing in that MCID {mcid} is yours: it is now linked to you in {org}. No association was used.',
    alreadyLinked: 'MCID {mcid} is already linked to {org}. Nothing to do, and no association was used.',
    ownedByOther:
      'This MCID is already linked by another person in your organization. If it is yours, sign in with the Microsoft Learning account it belongs to.',
    otherMcidLinked: 'You already have MCID {mcid} linked to {org}. Remove it first ("remove my certification") to link a different one.',
    typedMcidNotYours:
      'You typed MCID {typed}, but I link only the MCID of your own certification profile, the one that uses {email}: MCID {mcid}. Nobody can link an MCID by typing it.',
    typedMcidNotYoursSignIn:
      'You typed MCID {typed}, but I link only the MCID of your own certification profile, the one that uses {email}: MCID {mcid}. Nobody can link an MCID by typing it; if MCID {typed} is yours, sign in with the Microsoft Learning account it belongs to.',
    typedMcidNoProfile: 'I never link an MCID typed in chat: only its owner can link it, from their own certification profile.',
    refusedTitle: 'Association not possible yet',
    statusTitle: 'Your certification link',
    statusLinked: 'MCID {mcid} is linked to {org} since {date}.',
    statusNotLinked: 'MCID {mcid} is not linked to any organization.',
    statusNoProfile: 'You have no linked certification, and I found no certification profile for your work email.',
    statusStarts: 'Associations {inWindow}:',
    statusNoStarts: 'No associations {inWindow}.',
    statusNextNow: 'You can link now.',
    statusNextLater: 'Your next available date for an association is {date}.',
    statusUsed: '{used} of {max} associations used.',
    statusCreditPending: 'Credit may still be on its way to the skills report (up to 10 days after linking).',
    helpCertifications: '"my certifications": the exams and certifications on your profile, with their dates.',
    certificationsTitle: 'Your certifications',
    certificationsLinked: 'MCID {mcid} is linked to {org}: these count in {org}’s skills report.',
    certificationsNotLinked: 'MCID {mcid} is not linked: these count for no organization until you link it.',
    certificationsNone: 'Your certification profile has no exams or certifications yet.',
    certificationsMore: '… and {count} more.',
    certificationsSource:
      'A missing or wrong certification is corrected on your Microsoft Learning profile, not in CertLink. To merge two certification profiles, contact certification support: https://aka.ms/mcpforum',
    removeNothing: 'You have no linked certification to remove.',
    removeOtherAccount: 'MCID {mcid}, the one your Teams email leads to, is linked to {org} from another Teams account. Only that account can remove the link.',
    removeOtherAccountMove: 'To move it to {here} instead, say "link my certification" here.',
    confirmRemoveTitle: 'Remove the link between MCID {mcid} and {org}?',
    confirmRemoveBody:
      'Your certifications will stop counting for {org}. Removing does not give back an association: the {cooldown} days and the limit of {max} associations {perWindow} still count from your last start.',
    removedTitle: 'Link removed',
    removedBody: 'MCID {mcid} is no longer linked to {org}.',
    removedNext: 'Your next available date for an association is {date}.',
    removeNotOwner: 'Only the person who linked this MCID can remove it.',
    staleCard: 'This card has expired or was already used. Nothing was changed. Start again from the chat.',
    notYourCard: 'This card was for someone else. Nothing was changed.',
    alreadyDone: 'This was already done. Nothing else was changed.',
    uniStartTitle: 'Get Partner University access',
    uniStartBody: 'Your Partner University assessments will show in the skills report within 72 hours; newly passed ones can take 7 to 10 days.',
    uniUseEmail: 'Use {email} to associate my Partner University account',
    uniLinked: 'Your Partner University account {account} is linked. Assessments appear in the report within 72 hours; newly passed ones can take 7 to 10 days.',
    uniAlready: 'Your Partner University account {account} is already linked.',
    uniRemoved: 'Partner University access removed for {account}.',
    uniNothing: 'You have no Partner University account linked.',
    uniNoEmail: 'I could not read your work email from Teams, so I cannot use the shortcut. Ask your administrator to check your Teams account.',
    faqHowLink:
      'To link your MCID, say "link my certification" here. I use your work email to find your Microsoft Certification profile (or you sign in with your Microsoft Learning account), show you what will happen, and link it when you confirm. For privacy, only you can link your own certifications: your admin cannot do it for you.',
    faqHowUnlink:
      'Say "remove my certification" and confirm. For privacy, only you can remove your own link. Removing does not give back an association.',
    faqMovedCompany:
      'Link your MCID to company B the usual way ("link my certification" in company B\'s Teams). The link to company A ends automatically in the same step, and A\'s skills report stops showing you.',
    faqLeftNoAccess:
      'If you left company A and no longer have access, ask a global admin of company A to remove you from their skills report. They can remove you, but they can never link you anywhere.',
    faqAdminNoResponse:
      'The admin should first check the email address used, then contact the person the account details were given to.',
    faqLimited:
      'To protect against abuse, you can make at most {max} associations {perWindow}, with {cooldown} days between associations counted from the start of the previous one. Say "when can I link again" to see your date. If you still cannot link after that date, contact Partner Center support.',
    faqReportDelay:
      'Once your MCID is linked, your certifications appear in your organization\'s skills report within 72 hours; newly passed exams and assessments can take 7 to 10 days. Say "when can I link again" to check that your link is in place.',
    faqWhoSees:
      'Once your MCID is linked to {org}, its global admins and the partner admins they name see you in the skills report: your name, email and certifications, as Partner Center shows them. They can remove you from the report, but never link or change anything for you. Nobody else sees them through CertLink, your manager included unless they are one of those admins, and before you link, or once you remove the link, the report does not show you. Say "my data" to see everything CertLink keeps about you.',
    faqOneOrg:
      'No: an MCID is linked to one organization at a time (Partner Center\'s rule). Linking it to another organization ends the link to the first one in the same step, and counts as one of your {max} associations {perWindow}, {cooldown} days apart.',
    faqWhatIsMcid:
      'Your MCID (Microsoft Certification Profile ID) is the number of your Microsoft certification profile: the one you sign in to with your Microsoft Learning account, where your exams and certifications are recorded. You do not need to type it: say "link my certification" and I find your profile from your Teams email, or let you sign in. Say "status" to see the MCID you linked. For questions about merging certification profiles, contact certification support: https://aka.ms/mcpforum',
    typedCardAnswer:
      'Typing does not answer a card: please use the buttons on the card above. Nothing was changed. A card works for {minutes} minutes; after that, ask again.',
    thanks: 'You\'re welcome! Say "help" whenever you need me.',
    personalOnly: 'For your privacy, I do that only in our personal chat. Open a chat with CertLink and ask there.',
    personalOnlyNudged: 'For your privacy, I answer that only in our personal chat: I have written to you there.',
    nudgeTitle: 'You asked me in a team or group chat',
    nudgeBody: 'For your privacy, I answer questions about your own certification only here, in our personal chat. Ask again here, or pick below.',
  },
  fr: {
    unknownTenant:
      'Votre organisation n’est pas encore configurée dans CertLink : rien ne peut être lié depuis ce locataire Microsoft 365 ({tenantId}). Demandez à votre administrateur CertLink d’ajouter cet identifiant de locataire à l’organisation dans le fichier des organisations (ORGS_FILE).',
    unavailable: 'CertLink est momentanément indisponible. Rien n’a été modifié. Réessayez dans une minute.',
    tryAgain: 'Quelqu’un a modifié ce dossier au même moment. Rien n’a été modifié ; réessayez.',
    rateLimited: 'Vous avez fait trop de demandes en peu de temps. Rien n’a été modifié. Attendez quelques minutes et réessayez.',
    welcomeTitle: 'Bienvenue dans CertLink',
    welcomeBody:
      'Je lie votre ID de profil de certification Microsoft (MCID) à {org}, pour que vos certifications comptent pour votre organisation. Vous seul pouvez lier vos propres certifications. Dites « lier ma certification » pour commencer, ou « aide » pour tout voir.',
    helpTitle: 'Ce que je sais faire',
    helpIntro: 'Demandez avec vos mots, en français ou en anglais. Par exemple :',
    helpLink: '« lier ma certification » : lier votre MCID à votre organisation (il quitte automatiquement l’ancienne société).',
    helpRemove: '« supprimer ma certification » : mettre fin à la liaison.',
    helpStatus: '« quand puis-je lier à nouveau » : votre liaison, vos associations {inWindow} et votre prochaine date disponible.',
    helpUniversity: '« lier l’Université partenaire » / « supprimer l’Université partenaire » : votre compte Université partenaire.',
    helpFaq: 'Des questions aussi : « qu’est-ce qu’un MCID ? », « j’ai quitté la société A pour la société B », « j’ai quitté ma société », « pourquoi mon association est-elle limitée ? »',
    helpPrivacy: '« mes données » / « supprimer mes données » : voir, télécharger ou effacer ce que CertLink garde sur vous.',
    cmdLink: 'Lier ma certification',
    cmdRemove: 'Supprimer ma certification',
    cmdStatus: 'Quand puis-je lier à nouveau ?',
    cmdUniversity: 'Lier l’Université partenaire',
    cmdHelp: 'Aide',
    linkStartTitle: 'Lier votre certification à {org}',
    linkStartBody: 'Choisissez comment prouver que le compte Microsoft Learning est le vôtre. CertLink ne demande jamais de mot de passe dans la conversation.',
    linkUseEmail: 'Utiliser {email} pour associer mon compte Microsoft Learning',
    linkSignIn: 'Se connecter avec un autre compte Microsoft Learning',
    linkSignInPrompt: 'Connectez-vous avec le compte Microsoft que vous utilisez pour Microsoft Learning.',
    linkNoProfile:
      'Je n’ai trouvé aucun profil de certification Microsoft qui utilise {email}, et la connexion avec un autre compte n’est pas activée ici. Vérifiez que votre profil de certification utilise votre adresse professionnelle, ou demandez à votre administrateur CertLink d’activer la connexion.',
    linkNoProfileSignIn: 'Je n’ai trouvé aucun profil de certification Microsoft qui utilise {email}. Connectez-vous plutôt avec le compte que vous utilisez pour Microsoft Learning.',
    linkNoEmail:
      'Je n’ai pas pu lire votre adresse professionnelle dans Teams, et la connexion avec un autre compte n’est pas activée ici. Demandez à votre administrateur CertLink d’activer la connexion.',
    linkSignInFailed: 'La connexion n’a pas abouti : rien n’a été lié. Dites « lier ma certification » pour réessayer.',
    linkSignInNoProfile: 'Ce compte n’a aucun profil de certification Microsoft connu : rien n’a été lié.',
    confirmLinkTitle: 'Lier le MCID {mcid} à {org} ?',
    confirmLinkBody: 'Vos certifications ({count}) compteront pour {org}.',
    confirmLinkSwitch: 'Votre liaison à {from} prend fin dans la même étape : vous n’apparaîtrez plus dans son rapport des compétences.',
    confirmLinkUsed: 'Ce sera l’association {used} sur {max} autorisées {perWindow}.',
    confirmLinkNext: 'Après celle-ci, votre prochaine association possible sera le {date}.',
    confirm: 'Confirmer',
    cancel: 'Annuler',
    cancelled: 'Annulé. Rien n’a été modifié.',
    linkedTitle: 'Lié à {org}',
    linkedBody: 'Le MCID {mcid} est maintenant lié à {org}.',
    linkedSwitched: 'Votre liaison à {from} a pris fin dans la même étape.',
    linkedDelay:
      'Vos certifications apparaîtront dans le rapport des compétences de {org} dans les 72 heures ; les examens et évaluations récemment réussis peuvent prendre 7 à 10 jours.',
    takeoverBody: 'Vous avez prouvé en vous connectant que le MCID {mcid} est le vôtre : il vous est maintenant lié dans {org}. Aucune association n’a été utilisée.',
    alreadyLinked: 'Le MCID {mcid} est déjà lié à {org}. Rien à faire, et aucune association n’a été utilisée.',
    ownedByOther:
      'Ce MCID est déjà lié par une autre personne de votre organisation. S’il est à vous, connectez-vous avec le compte Microsoft Learning auquel il appartient.',
    otherMcidLinked: 'Le MCID {mcid} est déjà lié à {org} pour vous. Supprimez-le d’abord (« supprimer ma certification ») pour en lier un autre.',
    typedMcidNotYours:
      'Vous avez saisi le MCID {typed}, mais je lie uniquement le MCID de votre propre profil de certification, celui qui utilise {email} : le MCID {mcid}. Personne ne peut lier un MCID en le saisissant.',
    typedMcidNotYoursSignIn:
      'Vous avez saisi le MCID {typed}, mais je lie uniquement le MCID de votre propre profil de certification, celui qui utilise {email} : le MCID {mcid}. Personne ne peut lier un MCID en le saisissant ; si le MCID {typed} est le vôtre, connectez-vous avec le compte Microsoft Learning auquel il appartient.',
    typedMcidNoProfile: 'Je ne lie jamais un MCID saisi dans la conversation : seul son titulaire peut le lier, depuis son propre profil de certification.',
    refusedTitle: 'Association pas encore possible',
    statusTitle: 'La liaison de votre certification',
    statusLinked: 'Le MCID {mcid} est lié à {org} depuis le {date}.',
    statusNotLinked: 'Le MCID {mcid} n’est lié à aucune organisation.',
    statusNoProfile: 'Aucune certification n’est liée, et je n’ai trouvé aucun profil de certification pour votre adresse professionnelle.',
    statusStarts: 'Associations {inWindow} :',
    statusNoStarts: 'Aucune association {inWindow}.',
    statusNextNow: 'Vous pouvez lier maintenant.',
    statusNextLater: 'La prochaine date disponible pour une association est le {date}.',
    statusUsed: 'Associations utilisées : {used} sur {max}.',
    statusCreditPending: 'Le crédit peut encore être en route vers le rapport des compétences (jusqu’à 10 jours après la liaison).',
    helpCertifications: '« mes certifications » : les examens et certifications de votre profil, avec leurs dates.',
    certificationsTitle: 'Vos certifications',
    certificationsLinked: 'Le MCID {mcid} est lié à {org} : elles comptent dans le rapport des compétences de {org}.',
    certificationsNotLinked: 'Le MCID {mcid} n’est pas lié : elles ne comptent pour aucune organisation tant que vous ne le liez pas.',
    certificationsNone: 'Votre profil de certification n’a encore aucun examen ni aucune certification.',
    certificationsMore: '… et {count} de plus.',
    certificationsSource:
      'Une certification manquante ou erronée se corrige sur votre profil Microsoft Learning, pas dans CertLink. Pour fusionner deux profils de certification, contactez le support des certifications : https://aka.ms/mcpforum',
    removeNothing: 'Vous n’avez aucune certification liée à supprimer.',
    removeOtherAccount: 'Le MCID {mcid}, celui auquel mène votre e-mail Teams, est lié à {org} depuis un autre compte Teams. Seul ce compte peut supprimer la liaison.',
    removeOtherAccountMove: 'Pour la déplacer vers {here}, dites « lier ma certification » ici.',
    confirmRemoveTitle: 'Supprimer la liaison entre le MCID {mcid} et {org} ?',
    confirmRemoveBody:
      'Vos certifications ne compteront plus pour {org}. La suppression ne rend pas d’association : les {cooldown} jours et la limite de {max} associations {perWindow} comptent toujours depuis votre dernière association.',
    removedTitle: 'Liaison supprimée',
    removedBody: 'Le MCID {mcid} n’est plus lié à {org}.',
    removedNext: 'La prochaine date disponible pour une association est le {date}.',
    removeNotOwner: 'Seule la personne qui a lié ce MCID peut le supprimer.',
    staleCard: 'Cette carte a expiré ou a déjà servi. Rien n’a été modifié. Recommencez depuis la conversation.',
    notYourCard: 'Cette carte était destinée à quelqu’un d’autre. Rien n’a été modifié.',
    alreadyDone: 'C’était déjà fait. Rien d’autre n’a été modifié.',
    uniStartTitle: 'Obtenir l’accès à l’Université partenaire',
    uniStartBody: 'Vos évaluations de l’Université partenaire apparaîtront dans le rapport des compétences dans les 72 heures ; les plus récentes peuvent prendre 7 à 10 jours.',
    uniUseEmail: 'Utiliser {email} pour associer mon compte Université partenaire',
    uniLinked: 'Votre compte Université partenaire {account} est associé. Les évaluations apparaissent dans le rapport dans les 72 heures ; les plus récentes peuvent prendre 7 à 10 jours.',
    uniAlready: 'Votre compte Université partenaire {account} est déjà associé.',
    uniRemoved: 'Accès à l’Université partenaire supprimé pour {account}.',
    uniNothing: 'Aucun compte Université partenaire n’est associé.',
    uniNoEmail: 'Je n’ai pas pu lire votre adresse professionnelle dans Teams : le raccourci n’est pas possible. Demandez à votre administrateur de vérifier votre compte Teams.',
    faqHowLink:
      'Pour lier votre MCID, dites « lier ma certification » ici. J’utilise votre adresse professionnelle pour trouver votre profil de certification Microsoft (ou vous vous connectez avec votre compte Microsoft Learning), je vous montre ce qui va se passer, et je fais la liaison quand vous confirmez. Pour des raisons de confidentialité, vous seul pouvez lier vos certifications : votre administrateur ne peut pas le faire pour vous.',
    faqHowUnlink:
      'Dites « supprimer ma certification » et confirmez. Pour des raisons de confidentialité, vous seul pouvez supprimer votre liaison. La suppression ne rend pas d’association.',
    faqMovedCompany:
      'Liez votre MCID à la société B comme d’habitude (« lier ma certification » dans le Teams de la société B). La liaison à la société A prend fin automatiquement dans la même étape, et le rapport des compétences de A ne vous montre plus.',
    faqLeftNoAccess:
      'Si vous avez quitté la société A et n’y avez plus accès, demandez à un administrateur général de la société A de vous supprimer de son rapport des compétences. Il peut vous retirer de son rapport, mais il ne peut jamais vous lier nulle part.',
    faqAdminNoResponse:
      'L’administrateur doit d’abord vérifier l’adresse e-mail utilisée, puis contacter la personne à qui les informations de compte ont été fournies.',
    faqLimited:
      'Pour vous protéger contre les abus, vous êtes limité à {max} associations {perWindow}, avec une période de {cooldown} jours entre chaque association, comptée à partir du premier jour de l’association précédente. Dites « quand puis-je lier à nouveau » pour voir votre date. Si vous ne pouvez toujours pas lier après cette date, contactez le support technique de l’Espace partenaires.',
    faqReportDelay:
      'Une fois votre MCID lié, vos certifications apparaissent dans le rapport des compétences de votre organisation dans les 72 heures ; les examens et évaluations récemment réussis peuvent prendre 7 à 10 jours. Dites « quand puis-je lier à nouveau » pour vérifier que votre liaison est en place.',
    faqWhoSees:
      'Une fois votre MCID lié à {org}, ses administrateurs généraux et les administrateurs partenaires qu’ils nomment vous voient dans le rapport des compétences : votre nom, votre e-mail et vos certifications, comme l’Espace partenaires les montre. Ils peuvent vous retirer du rapport, mais jamais lier ni changer quoi que ce soit à votre place. Personne d’autre ne les voit par CertLink, votre manager compris s’il n’est pas l’un de ces administrateurs, et avant que vous liiez, ou une fois la liaison supprimée, le rapport ne vous montre pas. Dites « mes données » pour voir tout ce que CertLink garde sur vous.',
    faqOneOrg:
      'Non : un MCID n’est lié qu’à une seule organisation à la fois (règle de l’Espace partenaires). Le lier à une autre organisation met fin à la liaison avec la première dans la même étape, et compte comme l’une de vos {max} associations {perWindow}, espacées de {cooldown} jours.',
    faqWhatIsMcid:
      'Votre MCID (ID de profil de certification Microsoft) est le numéro de votre profil de certification Microsoft : celui auquel vous vous connectez avec votre compte Microsoft Learning, où sont enregistrés vos examens et certifications. Vous n’avez pas à le saisir : dites « lier ma certification » et je trouve votre profil à partir de votre e-mail Teams, ou vous permets de vous connecter. Dites « statut » pour voir le MCID que vous avez lié. Pour les questions sur la fusion de profils de certification, contactez le support technique des certifications : https://aka.ms/mcpforum',
    typedCardAnswer:
      'Une réponse tapée ne répond pas à une carte : utilisez les boutons de la carte ci-dessus. Rien n’a été modifié. Une carte fonctionne {minutes} minutes ; ensuite, redemandez.',
    thanks: 'Avec plaisir ! Dites « aide » quand vous avez besoin de moi.',
    personalOnly: 'Pour votre confidentialité, je ne fais cela que dans notre conversation personnelle. Ouvrez une conversation avec CertLink et demandez-le là.',
    personalOnlyNudged: 'Pour votre confidentialité, je ne réponds à cela que dans notre conversation personnelle : je vous y ai écrit.',
    nudgeTitle: 'Vous m’avez demandé dans une équipe ou une conversation de groupe',
    nudgeBody: 'Pour votre confidentialité, je ne réponds qu’ici, dans notre conversation personnelle, aux questions sur votre propre certification. Redemandez ici, ou choisissez ci-dessous.',
  },
};

import { Messages } from '../../services/i18n/locale';

export type NoticeTextKey =
  | 'stopped'
  | 'started'
  | 'willNotify'
  | 'alreadyScheduled'
  | 'noticesOff'
  | 'refusalNoticesOff'
  | 'remindersChannelOnly'
  | 'remindersSummary'
  | 'helpNotices'
  | 'notifyMe';

export const noticeText: Messages<NoticeTextKey> = {
  en: {
    stopped: 'Notifications are off. I will not write to you about new links. Say "start notifications" to turn them back on.',
    started: 'Notifications are on. I will tell you here on the first day you can link again.',
    willNotify: 'I will tell you here on {date}, the first day you can link again.',
    alreadyScheduled: 'Already planned: I will tell you here on {date}, the first day you can link again.',
    noticesOff: 'Your notifications are off, so I will not write to you. Say "start notifications" first.',
    refusalNoticesOff: 'Your notifications are off, so I will not tell you when that day comes. Say "start notifications" if you want me to.',
    remindersChannelOnly: 'Ask this in a team channel (@CertLink remind members who have not linked): I invite that team\'s members.',
    remindersSummary: 'Invitations to link: {sent} sent; skipped: {linked} already linked, {optedOut} with notifications off, {recent} invited in the last 30 days; {failed} could not be reached.',
    helpNotices: '"stop notifications" / "start notifications": whether I tell you when you can link again.',
    notifyMe: 'Notify me',
  },
  fr: {
    stopped: 'Les notifications sont désactivées. Je ne vous écrirai plus au sujet des liaisons. Dites « activer les notifications » pour les réactiver.',
    started: 'Les notifications sont activées. Je vous préviendrai ici le premier jour où vous pourrez lier à nouveau.',
    willNotify: 'Je vous préviendrai ici le {date}, premier jour où vous pourrez lier à nouveau.',
    alreadyScheduled: 'C’est déjà prévu : je vous préviendrai ici le {date}, premier jour où vous pourrez lier à nouveau.',
    noticesOff: 'Vos notifications sont désactivées : je ne vous écrirai pas. Dites d’abord « activer les notifications ».',
    refusalNoticesOff: 'Vos notifications sont désactivées : je ne vous préviendrai pas ce jour-là. Dites « activer les notifications » si vous le souhaitez.',
    remindersChannelOnly: 'Demandez-le dans un canal d’équipe (@CertLink relancer les membres qui n’ont pas lié) : j’invite les membres de cette équipe.',
    remindersSummary: 'Invitations à lier — envoyées : {sent} ; ignorées : {linked} (déjà lié), {optedOut} (notifications désactivées), {recent} (invité dans les 30 derniers jours) ; injoignables : {failed}.',
    helpNotices: '« arrêter les notifications » / « activer les notifications » : si je vous préviens quand vous pouvez lier à nouveau.',
    notifyMe: 'Me prévenir',
  },
};

/* "My certification": the person's link, their associations in the window, the next allowed date, the profile's certifications. */
(function () {
  'use strict';
  var T = window.CertLinkTab;
  var STRINGS = {
    en: Object.assign({}, T.COMMON.en, {
      title: 'My certification',
      subtitle: function (org) { return 'Your Microsoft Certification profile and ' + org; },
      linkHeading: 'Your link',
      linked: function (mcid, org, date) { return 'MCID ' + mcid + ' is linked to ' + org + ' since ' + date + '.'; },
      notLinked: 'Your certification profile is not linked to an organization.',
      noProfile: 'CertLink found no certification profile for your sign-in. Say "link my certification" to the bot to link one.',
      associationsHeading: function (kind, days) { return kind === 'calendar' ? 'Associations this year' : 'Associations in the last ' + days + ' days'; },
      used: function (n, max) { return n + ' of ' + max + ' used'; },
      none: 'None.',
      started: function (date, org) { return date + ': ' + (org || 'another organization'); },
      nextHeading: 'Next association',
      allowedNow: 'You can link to an organization today.',
      nextDate: function (date) { return 'Your next available date for a subsequent association is ' + date + '.'; },
      blocked: { cooldown: 'There must be 30 days between associations.', yearlyLimit: 'You have used every association allowed in the period.' },
      cooldownDays: function (d) { return 'There must be ' + d + ' days between associations.'; },
      noticesHeading: 'Notices',
      noticesUnavailable: 'Notices are not running on this CertLink server.',
      noticesOn: 'On: CertLink tells you in chat on the day you can link again. Say "stop notifications" to turn them off.',
      noticesOff: 'Off: you said "stop notifications". Say "start notifications" to turn them back on.',
      howTo: 'To link, remove or switch, chat with CertLink: "link my certification", "remove my certification", "status".',
      certificationsHeading: function (n) { return 'Your certifications (' + n + ')'; },
      noCertifications: 'Your certification profile has no exams or certifications yet.',
      earned: function (date) { return 'earned ' + date; },
      expires: function (date) { return 'expires ' + date; },
      expired: function (date) { return 'expired ' + date; },
    }),
    fr: Object.assign({}, T.COMMON.fr, {
      title: 'Ma certification',
      subtitle: function (org) { return 'Votre profil de certification Microsoft et ' + org; },
      linkHeading: 'Votre lien',
      linked: function (mcid, org, date) { return 'Le MCID ' + mcid + ' est lié à ' + org + ' depuis le ' + date + '.'; },
      notLinked: "Votre profil de certification n'est lié à aucune organisation.",
      noProfile: "CertLink n'a trouvé aucun profil de certification pour votre connexion. Dites « lier ma certification » au bot pour en lier un.",
      associationsHeading: function (kind, days) { return kind === 'calendar' ? 'Associations cette année' : 'Associations des ' + days + ' derniers jours'; },
      used: function (n, max) { return n + ' sur ' + max + ' utilisées'; },
      none: 'Aucune.',
      started: function (date, org) { return date + ' : ' + (org || 'une autre organisation'); },
      nextHeading: 'Prochaine association',
      allowedNow: "Vous pouvez vous associer à une organisation dès aujourd'hui.",
      nextDate: function (date) { return 'La prochaine date disponible pour une association est le ' + date + '.'; },
      blocked: { cooldown: 'Il faut 30 jours entre deux associations.', yearlyLimit: 'Vous avez utilisé toutes les associations permises sur la période.' },
      cooldownDays: function (d) { return 'Il faut ' + d + ' jours entre deux associations.'; },
      noticesHeading: 'Notifications',
      noticesUnavailable: 'Les notifications ne tournent pas sur ce serveur CertLink.',
      noticesOn: 'Activées : CertLink vous prévient dans la conversation le jour où vous pouvez lier à nouveau. Dites « arrêter les notifications » pour les couper.',
      noticesOff: 'Désactivées : vous avez dit « arrêter les notifications ». Dites « activer les notifications » pour les remettre.',
      howTo: 'Pour lier, supprimer ou changer, écrivez à CertLink : « lier ma certification », « supprimer ma certification », « statut ».',
      certificationsHeading: function (n) { return 'Vos certifications (' + n + ')'; },
      noCertifications: "Votre profil de certification n'a encore aucun examen ni aucune certification.",
      earned: function (date) { return 'obtenue le ' + date; },
      expires: function (date) { return 'expire le ' + date; },
      expired: function (date) { return 'expirée le ' + date; },
    }),
  };

  function section(heading, children, id) {
    return T.el('section', { className: 'card', id: id }, [T.el('h2', { text: heading })].concat(children));
  }

  async function main() {
    var opened = await T.open(STRINGS, '/api/tab/me');
    if (!opened) return;
    var page = opened.page;
    var t = opened.t;
    var content = opened.content;
    var me = opened.body;
    document.getElementById('subtitle').textContent = t.subtitle(me.org.name);

    var link = me.link
      ? T.el('p', { id: 'link-status', className: 'ok', text: t.linked(me.link.mcid, me.link.orgName || me.link.mpnId, page.fmtDate(me.link.since)) })
      : T.el('p', { id: 'link-status', text: me.mcid ? t.notLinked : t.noProfile });
    content.appendChild(section(t.linkHeading, [link], 'link'));

    var items = me.associations.map(function (a) { return T.el('li', { text: t.started(page.fmtDate(a.at), a.orgName) }); });
    content.appendChild(
      section(t.associationsHeading(me.limits.windowKind, me.limits.windowDays), [
        T.el('p', { className: 'muted', id: 'used', text: t.used(me.associations.length, me.limits.maxPerWindow) }),
        items.length ? T.el('ul', { className: 'timeline', id: 'associations' }, items) : T.el('p', { id: 'associations', text: t.none }),
      ], 'window'),
    );

    var next = [];
    if (me.allowedNow) next.push(T.el('p', { id: 'next-date', className: 'ok', text: t.allowedNow }));
    else {
      next.push(T.el('p', { id: 'next-date', text: t.nextDate(page.fmtDate(me.nextAllowedDate)) }));
      me.blockedBy.forEach(function (b) {
        var why = b === 'cooldown' ? t.cooldownDays(me.limits.cooldownDays) : t.blocked[b] || b;
        next.push(T.el('p', { className: 'bad', text: why }));
      });
    }
    content.appendChild(section(t.nextHeading, next, 'next'));

    // The profile's exams and certifications: what counts in the organization's skills report once linked.
    if (me.mcid) {
      var certs = me.certifications.map(function (c) {
        var dates = [t.earned(page.fmtDate(c.earnedOn))];
        if (c.expiresOn) dates.push(c.expired ? t.expired(page.fmtDate(c.expiresOn)) : t.expires(page.fmtDate(c.expiresOn)));
        return T.el('li', { className: c.expired ? 'muted' : '', text: c.number + ' · ' + c.title + ' · ' + dates.join(', ') });
      });
      content.appendChild(
        section(t.certificationsHeading(certs.length), [certs.length ? T.el('ul', { id: 'certifications' }, certs) : T.el('p', { id: 'certifications', text: t.noCertifications })], 'profile'),
      );
    }

    // Absent when the server runs without notices: say so rather than show a setting that does nothing.
    var notices = me.notices
      ? T.el('p', { id: 'notices', className: me.notices.enabled ? 'ok' : '', text: me.notices.enabled ? t.noticesOn : t.noticesOff })
      : T.el('p', { id: 'notices', className: 'muted', text: t.noticesUnavailable });
    content.appendChild(section(t.noticesHeading, [notices], 'notice-setting'));
    content.appendChild(T.el('p', { className: 'muted', text: t.howTo }));
    document.body.setAttribute('data-ready', 'true');
  }

  main().catch(T.fail);
})();

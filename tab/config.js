/* Configuration page of the "Skills report" tab in a team or group chat: nothing to choose, so it is valid at once. */
(function () {
  'use strict';
  var T = window.CertLinkTab;
  var STRINGS = {
    en: Object.assign({}, T.COMMON.en, { title: 'Skills report', explain: "This tab shows your organization's skills report to its admins. Everyone else sees that it is for admins only." }),
    fr: Object.assign({}, T.COMMON.fr, { title: 'Rapport des compétences', explain: "Cet onglet montre le rapport des compétences de votre organisation à ses administrateurs. Les autres voient qu'il leur est réservé." }),
  };
  T.start(STRINGS).then(function (page) {
    document.getElementById('title').textContent = page.t.title;
    document.getElementById('explain').textContent = page.t.explain;
    if (!page.inTeams) return;
    var base = location.origin + '/tab/skills-report.html';
    window.microsoftTeams.pages.config.registerOnSaveHandler(function (save) {
      window.microsoftTeams.pages.config
        .setConfig({ entityId: 'skillsReport', contentUrl: base, websiteUrl: base, suggestedDisplayName: page.t.title })
        .then(function () { save.notifySuccess(); }, function (e) { save.notifyFailure(String(e)); });
    });
    window.microsoftTeams.pages.config.setValidityState(true);
  });
})();

/*
 * Shared by the tab pages: Teams initialisation (theme and locale from the Teams context,
 * SSO token), local mode outside Teams (dev identity from ?devUser=<aadObjectId>;<tenantId>[;<sign-in name>]),
 * strings in English and French, and small DOM helpers. User data is only ever set as text.
 */
(function () {
  'use strict';
  var INIT_TIMEOUT_MS = 2500;

  function withTimeout(promise, ms) {
    return Promise.race([promise, new Promise(function (_, reject) { setTimeout(function () { reject(new Error('timeout')); }, ms); })]);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  function applyTheme(theme) {
    var name = theme === 'dark' || theme === 'contrast' ? theme : 'default';
    document.body.className = document.body.className.replace(/\btheme-\w+/g, '').trim() + ' theme-' + name;
    document.body.setAttribute('data-theme', name);
  }

  /** Starts the page: returns { lang, locale, inTeams, api(path), fmtDate(iso), fmtShortDate(iso), fmtMonth(yyyyMm, style) }. */
  async function start(strings) {
    var params = new URLSearchParams(location.search);
    var teams = window.microsoftTeams;
    var context = null;
    if (teams) {
      try {
        await withTimeout(teams.app.initialize(), INIT_TIMEOUT_MS);
        context = await withTimeout(teams.app.getContext(), INIT_TIMEOUT_MS);
      } catch (e) {
        context = null;
      }
    }
    var inTeams = !!context;
    var theme = (context && context.app && context.app.theme) || params.get('theme') || 'default';
    var locale = (context && context.app && context.app.locale) || params.get('locale') || navigator.language || 'en-US';
    var lang = /^fr\b/i.test(locale) ? 'fr' : 'en';
    applyTheme(theme);
    if (inTeams) teams.app.registerOnThemeChangeHandler(applyTheme);
    document.documentElement.lang = lang;
    var t = strings[lang];

    var headers = {};
    if (inTeams) {
      try {
        headers.Authorization = 'Bearer ' + (await teams.authentication.getAuthToken());
      } catch (e) {
        showBanner(t.ssoFailed + ' (' + (e && e.message ? e.message : e) + ')');
      }
    } else {
      var devUser = params.get('devUser');
      showBanner(devUser ? t.localMode : t.localModeNoUser);
      if (devUser) headers['X-CertLink-Dev-User'] = devUser;
    }
    document.body.setAttribute('data-mode', inTeams ? 'teams' : 'local');

    // The bot's own formatter (services/i18n/dates.ts, served as dates.js): the same words as the cards.
    var dateStyle = window.CertLinkDates.dateStyleOf(locale, lang);
    var styleTag = dateStyle === 'fr' ? 'fr-FR' : dateStyle;
    // A table's or a chip's day and a chart's months, in the same style (French « 1er » included).
    var shortDateFormat = new Intl.DateTimeFormat(styleTag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    var monthFormats = {
      short: new Intl.DateTimeFormat(styleTag, { month: 'short', timeZone: 'UTC' }),
      long: new Intl.DateTimeFormat(styleTag, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    };
    var day = function (iso) { return new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso); };
    var shortDay = function (iso) {
      return shortDateFormat.formatToParts(day(iso)).map(function (p) { return dateStyle === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value; }).join('');
    };
    return {
      lang: lang,
      locale: locale,
      inTeams: inTeams,
      t: t,
      fmtDate: function (iso) { return iso ? window.CertLinkDates.formatDate(iso.length === 10 ? iso + 'T00:00:00Z' : iso, dateStyle) : ''; },
      /** A day in a table or chip, where "(UTC)" would crowd: the page says once that dates are UTC. */
      fmtShortDate: function (iso) { return iso ? shortDay(iso) : ''; },
      /** A month "YYYY-MM": 'short' (a chart's axis) or 'long' (with its year). */
      fmtMonth: function (yyyyMm, style) { return monthFormats[style || 'long'].format(day(yyyyMm + '-01')); },
      api: async function (path, method) {
        var res = await fetch(path, { method: method || 'GET', headers: headers, credentials: 'same-origin' });
        var body = null;
        try { body = await res.json(); } catch (e) { body = null; }
        return { status: res.status, body: body };
      },
    };
  }

  function showBanner(text) {
    var banner = document.getElementById('banner');
    banner.textContent = text;
    banner.hidden = false;
  }

  var COMMON = {
    en: {
      localMode: 'Local mode: this page is not running inside Teams, so it uses the development identity from the address (?devUser=).',
      localModeNoUser: 'Local mode: this page is not running inside Teams. Open it in Teams, or add ?devUser=<aadObjectId>;<tenantId> to the address while the bot runs without MicrosoftAppId.',
      ssoFailed: 'Teams could not give this tab your sign-in token',
      unauthorized: 'CertLink could not confirm who you are. Open this tab from Teams and try again.',
      unknownTenant: 'Your organization is not registered with CertLink yet. Ask your admin.',
      guest: "You are a guest in this organization's Teams: CertLink acts only for the organization you work for. Open CertLink from your own organization's Teams.",
      unavailable: 'CertLink is temporarily unavailable. Please try again in a few minutes.',
    },
    fr: {
      localMode: "Mode local : cette page ne tourne pas dans Teams ; elle utilise l'identité de développement donnée dans l'adresse (?devUser=).",
      localModeNoUser: "Mode local : cette page ne tourne pas dans Teams. Ouvrez-la dans Teams, ou ajoutez ?devUser=<aadObjectId>;<tenantId> à l'adresse tant que le bot tourne sans MicrosoftAppId.",
      ssoFailed: "Teams n'a pas pu donner à cet onglet votre jeton de connexion",
      unauthorized: "CertLink n'a pas pu confirmer votre identité. Ouvrez cet onglet depuis Teams et réessayez.",
      unknownTenant: "Votre organisation n'est pas encore enregistrée dans CertLink. Demandez à votre administrateur.",
      guest: "Vous êtes invité dans le Teams de cette organisation : CertLink n'agit que pour l'organisation où vous travaillez. Ouvrez CertLink depuis le Teams de votre propre organisation.",
      unavailable: 'CertLink est momentanément indisponible. Réessayez dans quelques minutes.',
    },
  };

  /** The text for an API error body, in the page's language. */
  function errorText(page, result) {
    var code = result.body && result.body.error;
    if (result.status === 401) return page.t.unauthorized;
    if (code === 'unknown_tenant') return page.t.unknownTenant;
    if (code === 'guest') return page.t.guest;
    if (result.status === 503) return page.t.unavailable;
    return (result.body && result.body.reason) || page.t.unavailable;
  }

  /**
   * What every tab does first: start, title the page, call its API. A refused call shows
   * `refusalText(result)` (or the common error text) and resolves to null.
   */
  async function open(strings, apiPath, refusalText) {
    var page = await start(strings);
    document.getElementById('title').textContent = page.t.title;
    document.title = page.t.title + ' · CertLink';
    var content = document.getElementById('content');
    var result = await page.api(apiPath);
    content.textContent = '';
    content.removeAttribute('aria-busy');
    if (result.status !== 200) {
      var text = (refusalText && refusalText(page, result)) || errorText(page, result);
      content.appendChild(el('div', { className: 'card refusal', id: 'error', role: 'alert', text: text }));
      document.body.setAttribute('data-ready', 'refused');
      return null;
    }
    return { page: page, t: page.t, content: content, body: result.body };
  }

  /** A page that could not be drawn says why, as an alert. */
  function fail(err) {
    var content = document.getElementById('content');
    content.removeAttribute('aria-busy');
    content.textContent = '';
    content.appendChild(el('div', { className: 'card refusal', role: 'alert', text: String(err) }));
    document.body.setAttribute('data-ready', 'error');
  }

  window.CertLinkTab = { start: start, open: open, fail: fail, el: el, COMMON: COMMON, errorText: errorText, applyTheme: applyTheme };
})();

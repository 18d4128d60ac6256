/*
 * The skills report's people: one row per person, their certifications as chips (valid, expiring
 * soon, expired) and a row that opens on the details; sort by column, filter by certification or
 * state, search, and pages of PAGE_SIZE rows so a large org draws at once.
 */
(function () {
  'use strict';
  var T = window.CertLinkTab;
  var PAGE_SIZE = 50;
  var COLUMNS = ['name', 'email', 'mcid', 'certs', 'nextExpiry', 'linkedSince'];

  /** "Microsoft Certified: Azure Administrator Associate" reads "Azure Administrator Associate" on a chip (other prefixes say something, and stay). */
  function shortTitle(title) { return title.replace(/^Microsoft Certified: /, ''); }

  /** What sort, search and filters use, worked out once per person; certifications arrive as [title index, type, earned, expires, state]. */
  function prepare(p, titles) {
    p.certifications = p.certifications.map(function (c) { return { title: titles[c[0]], type: c[1], earnedOn: c[2], expiresOn: c[3], state: c[4] }; });
    var name = (p.firstName + ' ' + p.lastName).trim() || p.mcid;
    var next = '';
    var held = 0;
    p.certifications.forEach(function (c) {
      if (c.state !== 'expired') held++;
      if (c.state !== 'expired' && c.expiresOn && (!next || c.expiresOn < next)) next = c.expiresOn;
    });
    var words = [name, p.email, p.mcid].concat(p.certifications.map(function (c) { return c.title; }));
    return { p: p, name: name, sortName: p.lastName + ' ' + p.firstName, next: next, held: held, words: words.join('\n').toLowerCase() };
  }

  function render(page, report, container) {
    var t = page.t;
    var collator = new Intl.Collator(page.locale, { numeric: true, sensitivity: 'base' });
    var people = report.people.map(function (p) { return prepare(p, report.titles); });
    var state = { query: '', cert: '', status: '', column: null, dir: 1, page: 0 };
    var SORT_KEYS = {
      name: function (a, b) { return collator.compare(a.sortName, b.sortName); },
      email: function (a, b) { return collator.compare(a.p.email, b.p.email); },
      mcid: function (a, b) { return collator.compare(a.p.mcid, b.p.mcid); },
      certs: function (a, b) { return a.held - b.held; },
      // Nobody's next expiry (nothing expires) sorts after every date.
      nextExpiry: function (a, b) { return collator.compare(a.next || '9999', b.next || '9999'); },
      linkedSince: function (a, b) { return collator.compare(a.p.linkedSince, b.p.linkedSince); },
    };
    people.sort(SORT_KEYS.name);

    var search = T.el('input', { type: 'search', id: 'search', placeholder: t.search, 'aria-label': t.search });
    var certSelect = T.el('select', { id: 'filter-cert', 'aria-label': t.filterCert }, [T.el('option', { value: '', text: t.allCerts })].concat(
      report.titles.slice().sort(collator.compare).map(function (title) { return T.el('option', { value: title, text: shortTitle(title) }); }),
    ));
    var stateSelect = T.el('select', { id: 'filter-state', 'aria-label': t.filterState }, [T.el('option', { value: '', text: t.allStates })].concat(
      ['valid', 'expiring', 'expired', 'none'].map(function (s) { return T.el('option', { value: s, text: t.states[s] }); }),
    ));
    // Said by screen readers when it changes: how many people a search or filter leaves, and the new order after a sort.
    var count = T.el('span', { className: 'muted', id: 'row-count', role: 'status' });
    var sortStatus = T.el('p', { className: 'visually-hidden', id: 'sort-status', role: 'status' });
    container.appendChild(T.el('h2', { text: t.people }));
    container.appendChild(T.el('div', { className: 'toolbar' }, [search, certSelect, stateSelect, count]));
    container.appendChild(T.el('p', { className: 'muted legend', id: 'legend', text: t.legend(report.expiringWithinDays) }));

    var headRow = T.el('tr');
    COLUMNS.forEach(function (col) {
      // The arrow is seen, not read: aria-sort on the header says the order.
      var button = T.el('button', { type: 'button', 'data-column': col }, [t.columns[col], T.el('span', { className: 'sort-arrow', 'aria-hidden': 'true' })]);
      button.addEventListener('click', function () {
        state.dir = state.column === col ? -state.dir : 1;
        state.column = col;
        state.page = 0;
        draw();
      });
      headRow.appendChild(T.el('th', { scope: 'col', 'data-column': col }, [button]));
    });
    var tbody = T.el('tbody', { id: 'rows' });
    var caption = T.el('caption', { className: 'visually-hidden', text: t.caption });
    container.appendChild(T.el('div', { className: 'table-wrap' }, [T.el('table', { id: 'report' }, [caption, T.el('thead', {}, [headRow]), tbody])]));
    var empty = T.el('p', { className: 'muted', id: 'no-match', text: t.noMatch });
    container.appendChild(empty);
    var previous = T.el('button', { type: 'button', className: 'button secondary', id: 'page-previous', text: t.previous });
    var next = T.el('button', { type: 'button', className: 'button secondary', id: 'page-next', text: t.next });
    var pageText = T.el('span', { className: 'muted', id: 'page-text' });
    var pager = T.el('div', { className: 'toolbar pager', id: 'pager' }, [previous, pageText, next]);
    previous.addEventListener('click', function () { state.page--; draw(); });
    next.addEventListener('click', function () { state.page++; draw(); });
    container.appendChild(pager);
    container.appendChild(sortStatus);

    function matches(x, q) {
      if (q && x.words.indexOf(q) < 0) return false;
      if (!state.cert && !state.status) return true;
      if (state.status === 'none') return !state.cert && x.p.certifications.length === 0;
      return x.p.certifications.some(function (c) { return (!state.cert || c.title === state.cert) && (!state.status || c.state === state.status); });
    }

    function chip(c) {
      var when = c.expiresOn ? (c.state === 'expired' ? t.expiredOn : t.expires)(page.fmtShortDate(c.expiresOn)) : t.never;
      return T.el('li', { className: 'chip chip-' + c.state, title: c.title + ' · ' + t.states[c.state] + ' · ' + when }, [
        shortTitle(c.title),
        T.el('span', { className: 'visually-hidden', text: ' (' + t.states[c.state] + ')' }),
      ]);
    }

    function detail(p) {
      if (p.certifications.length === 0) return T.el('p', { className: 'muted', text: t.noCertification });
      return T.el('ul', { className: 'cert-details' }, p.certifications.map(function (c) {
        var when = c.expiresOn ? (c.state === 'expired' ? t.expiredOn : t.expires)(page.fmtShortDate(c.expiresOn)) : t.never;
        var parts = [t.types[c.type] || c.type, c.earnedOn ? t.earned(page.fmtShortDate(c.earnedOn)) : '', when, t.states[c.state]].filter(Boolean);
        return T.el('li', { className: 'detail-' + c.state }, [T.el('strong', { text: c.title }), ' · ' + parts.join(' · ')]);
      }));
    }

    function row(x, index) {
      var p = x.p;
      var detailId = 'detail-' + index;
      var toggle = T.el('button', { type: 'button', className: 'expand', 'aria-expanded': 'false', 'aria-controls': detailId }, [x.name]);
      var at = p.email.indexOf('@');
      var email = at < 0 ? [p.email] : [p.email.slice(0, at + 1), T.el('wbr'), p.email.slice(at + 1)];
      var main = T.el('tr', { 'data-mcid': p.mcid }, [
        T.el('td', { 'data-column': 'name' }, [toggle]),
        T.el('td', { 'data-column': 'email' }, email),
        T.el('td', { 'data-column': 'mcid', text: p.mcid }),
        T.el('td', { 'data-column': 'certs' }, [p.certifications.length ? T.el('ul', { className: 'chips' }, p.certifications.map(chip)) : T.el('span', { className: 'muted', text: t.states.none })]),
        T.el('td', { 'data-column': 'nextExpiry', text: page.fmtShortDate(x.next) }),
        T.el('td', { 'data-column': 'linkedSince', text: page.fmtShortDate(p.linkedSince) }),
      ]);
      var cell = T.el('td', { colspan: String(COLUMNS.length) }, [T.el('span', { className: 'visually-hidden', text: t.details(x.name) })]);
      var more = T.el('tr', { className: 'detail', id: detailId, hidden: '' }, [cell]);
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') !== 'true';
        // The details are drawn when first opened, not for every row of every page.
        if (open && cell.childNodes.length === 1) cell.appendChild(detail(p));
        toggle.setAttribute('aria-expanded', String(open));
        more.hidden = !open;
      });
      return [main, more];
    }

    function draw() {
      var q = state.query.trim().toLowerCase();
      var shown = people.filter(function (x) { return matches(x, q); });
      if (state.column) {
        var compare = SORT_KEYS[state.column];
        var dir = state.dir;
        shown.sort(function (a, b) { return dir * compare(a, b) || SORT_KEYS.name(a, b); });
      }
      // Only the sorted column carries aria-sort.
      Array.prototype.forEach.call(headRow.children, function (th) {
        var sorted = th.getAttribute('data-column') === state.column;
        if (sorted) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
        else th.removeAttribute('aria-sort');
        th.querySelector('.sort-arrow').textContent = sorted ? (state.dir > 0 ? '▲' : '▼') : '';
      });
      if (state.column) sortStatus.textContent = t.sorted(t.columns[state.column], state.dir > 0);
      var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
      state.page = Math.min(Math.max(0, state.page), pages - 1);
      var from = state.page * PAGE_SIZE;
      var fragment = document.createDocumentFragment();
      shown.slice(from, from + PAGE_SIZE).forEach(function (x, i) { row(x, from + i).forEach(function (tr) { fragment.appendChild(tr); }); });
      tbody.textContent = '';
      tbody.appendChild(fragment);
      count.textContent = t.shown(shown.length, people.length);
      empty.hidden = shown.length > 0 || people.length === 0;
      pager.hidden = shown.length <= PAGE_SIZE;
      pageText.textContent = t.page(from + 1, Math.min(from + PAGE_SIZE, shown.length), shown.length);
      previous.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
    }
    function refilter() { state.page = 0; draw(); }
    search.addEventListener('input', function () { state.query = search.value; refilter(); });
    certSelect.addEventListener('change', function () { state.cert = certSelect.value; refilter(); });
    stateSelect.addEventListener('change', function () { state.status = stateSelect.value; refilter(); });
    draw();
  }

  window.CertLinkPeople = { render: render, shortTitle: shortTitle, PAGE_SIZE: PAGE_SIZE };
})();

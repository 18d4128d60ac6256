/* "Skills report": the org's report for its admins, with search, sort by column and the CSV/Excel downloads. */
(function () {
  'use strict';
  var T = window.CertLinkTab;
  var DATES = ['TrainingCompletionDate', 'ExpirationDate', 'AssociationStartDate'];
  var SHOWN = ['MCPID', 'IndividualFirstName', 'IndividualLastName', 'Email', 'TrainingTitle', 'TrainingType', 'TrainingCompletionDate', 'ExpirationDate', 'AssociationStartDate'];
  var STRINGS = {
    en: Object.assign({}, T.COMMON.en, {
      title: 'Skills report',
      subtitle: function (org, mpn) { return org + ' · MPN ID ' + mpn; },
      notAdmin: 'Only the global admins and partner admins of your organization can see the skills report. Ask one of them if you need it.',
      linked: 'People linked',
      pending: 'Credit may still be pending',
      expiring: 'Certifications expiring in 90 days',
      search: 'Search the report',
      csv: 'Download CSV',
      xlsx: 'Download Excel',
      downloadsNote: 'Each download is made for you when you click, and its link works once.',
      downloadFailed: 'The download could not be prepared. Please try again.',
      shown: function (n, total) { return n === total ? total + ' rows' : n + ' of ' + total + ' rows'; },
      truncated: 'The table shows the first rows only; the downloads have them all.',
      noMatch: 'No row matches your search.',
      caption: 'Linked people and their certifications',
      sorted: function (column, ascending) { return 'Sorted by ' + column + ', ' + (ascending ? 'ascending' : 'descending') + '.'; },
      columns: { MCPID: 'MCID', IndividualFirstName: 'First name', IndividualLastName: 'Last name', Email: 'Email', TrainingTitle: 'Certification', TrainingType: 'Type', TrainingCompletionDate: 'Earned', ExpirationDate: 'Expires', AssociationStartDate: 'Linked since' },
      types: { certification: 'Certification', exam: 'Exam' },
    }),
    fr: Object.assign({}, T.COMMON.fr, {
      title: 'Rapport des compétences',
      subtitle: function (org, mpn) { return org + ' · ID MPN ' + mpn; },
      notAdmin: "Seuls les administrateurs généraux et les administrateurs partenaires de votre organisation peuvent voir le rapport des compétences. Demandez à l'un d'eux si vous en avez besoin.",
      linked: 'Personnes liées',
      pending: 'Crédit peut-être encore en attente',
      expiring: 'Certifications expirant sous 90 jours',
      search: 'Rechercher dans le rapport',
      csv: 'Télécharger en CSV',
      xlsx: 'Télécharger en Excel',
      downloadsNote: 'Chaque téléchargement est préparé pour vous au moment du clic, et son lien ne sert qu’une fois.',
      downloadFailed: "Le téléchargement n'a pas pu être préparé. Veuillez réessayer.",
      shown: function (n, total) { return n === total ? total + ' lignes' : n + ' sur ' + total + ' lignes'; },
      truncated: 'Le tableau ne montre que les premières lignes ; les téléchargements les contiennent toutes.',
      noMatch: 'Aucune ligne ne correspond à votre recherche.',
      caption: 'Personnes liées et leurs certifications',
      sorted: function (column, ascending) { return 'Trié par ' + column + ', ordre ' + (ascending ? 'croissant' : 'décroissant') + '.'; },
      columns: { MCPID: 'MCID', IndividualFirstName: 'Prénom', IndividualLastName: 'Nom', Email: 'E-mail', TrainingTitle: 'Certification', TrainingType: 'Type', TrainingCompletionDate: 'Obtenue le', ExpirationDate: 'Expire le', AssociationStartDate: 'Lié depuis' },
      types: { certification: 'Certification', exam: 'Examen' },
    }),
  };

  /** A table cell; an email address may wrap after its @ in a narrow window. */
  function cell(column, value) {
    var at = column === 'Email' ? value.indexOf('@') : -1;
    if (at < 0) return T.el('td', { 'data-column': column, text: value });
    return T.el('td', { 'data-column': column }, [value.slice(0, at + 1), T.el('wbr'), value.slice(at + 1)]);
  }

  function renderTable(page, report, container) {
    var t = page.t;
    var state = { query: '', column: null, dir: 1 };
    var collator = new Intl.Collator(page.locale, { numeric: true, sensitivity: 'base' });
    // What a cell shows, which search and sort use too: the type in words, the rest as the report has it.
    function shown(row, col) {
      var value = row[col] || '';
      if (DATES.indexOf(col) >= 0) return page.fmtDate(value);
      return col === 'TrainingType' ? t.types[value] || value : value;
    }
    // Dates sort by the day (the report's ISO value), not by the words they are written in.
    function sortKey(row, col) {
      return DATES.indexOf(col) >= 0 ? row[col] || '' : shown(row, col);
    }
    var search = T.el('input', { type: 'search', id: 'search', placeholder: t.search, 'aria-label': t.search });
    // Said by screen readers when it changes: how many rows a search leaves, and the new order after a sort.
    var count = T.el('span', { className: 'muted', id: 'row-count', role: 'status' });
    var sortStatus = T.el('p', { className: 'visually-hidden', id: 'sort-status', role: 'status' });
    var status = T.el('p', { className: 'muted', id: 'download-status', role: 'status', text: t.downloadsNote });
    // No download URL sits in the page: at the click the API (with this tab's token) makes a link for
    // this admin that works once, and the page opens it at once.
    function downloadButton(id, label, apiPath) {
      var button = T.el('button', { type: 'button', className: 'button', id: id, text: label });
      button.addEventListener('click', async function () {
        button.disabled = true;
        try {
          var result = await page.api(apiPath, 'POST');
          if (result.status !== 200 || !result.body || !result.body.url) throw new Error(String(result.status));
          status.textContent = t.downloadsNote;
          T.el('a', { href: result.body.url, rel: 'noopener' }).click();
        } catch (e) {
          status.textContent = t.downloadFailed;
        } finally {
          button.disabled = false;
        }
      });
      return button;
    }
    var csv = downloadButton('download-csv', t.csv, report.downloads.csv);
    var xlsx = downloadButton('download-xlsx', t.xlsx, report.downloads.xlsx);
    container.appendChild(T.el('div', { className: 'toolbar' }, [search, count, csv, xlsx]));
    container.appendChild(status);
    if (report.truncated) container.appendChild(T.el('p', { className: 'banner', text: t.truncated }));

    var headRow = T.el('tr');
    SHOWN.forEach(function (col) {
      // The arrow is seen, not read: aria-sort on the header says the order.
      var button = T.el('button', { type: 'button', 'data-column': col }, [t.columns[col] || col, T.el('span', { className: 'sort-arrow', 'aria-hidden': 'true' })]);
      button.addEventListener('click', function () {
        state.dir = state.column === col ? -state.dir : 1;
        state.column = col;
        draw();
      });
      headRow.appendChild(T.el('th', { scope: 'col', 'data-column': col }, [button]));
    });
    var tbody = T.el('tbody', { id: 'rows' });
    var empty = T.el('p', { className: 'muted', id: 'no-match', text: t.noMatch });
    var caption = T.el('caption', { className: 'visually-hidden', text: t.caption });
    container.appendChild(T.el('div', { className: 'table-wrap' }, [T.el('table', { id: 'report' }, [caption, T.el('thead', {}, [headRow]), tbody])]));
    container.appendChild(empty);
    container.appendChild(sortStatus);

    function draw() {
      var q = state.query.trim().toLowerCase();
      var rows = report.rows.filter(function (r) {
        return !q || SHOWN.some(function (c) { return String(shown(r, c)).toLowerCase().indexOf(q) >= 0; });
      });
      if (state.column) {
        var c = state.column;
        rows = rows.slice().sort(function (a, b) { return state.dir * collator.compare(sortKey(a, c), sortKey(b, c)); });
      }
      // Only the sorted column carries aria-sort.
      Array.prototype.forEach.call(headRow.children, function (th) {
        var sorted = th.getAttribute('data-column') === state.column;
        if (sorted) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
        else th.removeAttribute('aria-sort');
        th.querySelector('.sort-arrow').textContent = sorted ? (state.dir > 0 ? '▲' : '▼') : '';
      });
      if (state.column) sortStatus.textContent = t.sorted(t.columns[state.column] || state.column, state.dir > 0);
      tbody.textContent = '';
      rows.forEach(function (r) {
        tbody.appendChild(T.el('tr', {}, SHOWN.map(function (c) { return cell(c, shown(r, c)); })));
      });
      count.textContent = t.shown(rows.length, report.rows.length);
      empty.hidden = rows.length > 0 || report.rows.length === 0;
    }
    search.addEventListener('input', function () { state.query = search.value; draw(); });
    draw();
  }

  async function main() {
    var opened = await T.open(STRINGS, '/api/tab/report', function (page, result) {
      return result.status === 403 && result.body && result.body.error === 'not_admin' ? page.t.notAdmin : null;
    });
    if (!opened) return;
    var page = opened.page;
    var t = opened.t;
    var content = opened.content;
    var report = opened.body;
    document.getElementById('subtitle').textContent = t.subtitle(report.org.name, report.org.mpnId);
    var s = report.summary;
    content.appendChild(
      T.el('section', { className: 'card summary', id: 'summary' }, [
        T.el('div', {}, [T.el('strong', { id: 'linked-count', text: String(s.linked) }), t.linked]),
        T.el('div', {}, [T.el('strong', { text: String(s.pendingCredit) }), t.pending]),
        T.el('div', {}, [T.el('strong', { text: String(s.expiringSoonTotal) }), t.expiring]),
      ]),
    );
    var card = T.el('section', { className: 'card' });
    content.appendChild(card);
    if (report.emptyMessage) card.appendChild(T.el('p', { id: 'empty-report', text: report.emptyMessage[page.lang] }));
    renderTable(page, report, card);
    document.body.setAttribute('data-ready', 'true');
  }

  main().catch(T.fail);
})();

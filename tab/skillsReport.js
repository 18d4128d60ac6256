/*
 * "Skills report": the org's report for its admins, read at a glance: totals, certifications held
 * by title and expiries by month as charts, then one row per person (reportPeople.js), and the
 * CSV/Excel downloads, each a one-time link made at the click.
 */
(function () {
  'use strict';
  var T = window.CertLinkTab;
  var Charts = window.CertLinkCharts;
  var People = window.CertLinkPeople;
  /** Titles drawn as bars; the rest are one bar ("n other titles"), and the numbers table lists them all. */
  var TITLE_BARS = 10;

  function totals(t, report) {
    var s = report.summary;
    var total = function (id, value, label, state) {
      return T.el('div', { className: 'total' + (state ? ' total-' + state : '') }, [T.el('strong', { id: id, text: t.num(value) }), label]);
    };
    return T.el('section', { className: 'card summary', id: 'summary', 'aria-label': t.totals }, [
      total('linked-count', report.peopleCount, t.linked),
      total('count-valid', report.states.valid, t.valid, 'valid'),
      total('count-expiring', report.states.expiring, t.expiring(report.expiringWithinDays), 'expiring'),
      total('count-expired', report.states.expired, t.expired, 'expired'),
      total('count-pending', s.pendingCredit, t.pending),
    ]);
  }

  /** No download URL sits in the page: at the click the API (with this tab's token) makes a link for this admin that works once, and the page opens it at once. */
  function downloads(page, report) {
    var t = page.t;
    var status = T.el('span', { className: 'muted', id: 'download-status', role: 'status', text: t.downloadsNote });
    function button(id, label, apiPath) {
      var b = T.el('button', { type: 'button', className: 'button', id: id, text: label });
      b.addEventListener('click', async function () {
        b.disabled = true;
        try {
          var result = await page.api(apiPath, 'POST');
          if (result.status !== 200 || !result.body || !result.body.url) throw new Error(String(result.status));
          status.textContent = t.downloadsNote;
          T.el('a', { href: result.body.url, rel: 'noopener' }).click();
        } catch (e) {
          status.textContent = t.downloadFailed;
        } finally {
          b.disabled = false;
        }
      });
      return b;
    }
    return T.el('div', { className: 'toolbar downloads' }, [button('download-csv', t.csv, report.downloads.csv), button('download-xlsx', t.xlsx, report.downloads.xlsx), status]);
  }

  function charts(page, report) {
    var t = page.t;
    var byTitle = report.summary.byTitle.slice(0, TITLE_BARS).map(function (c) { return { label: People.shortTitle(c.title), value: c.count }; });
    var rest = report.summary.byTitle.slice(TITLE_BARS);
    if (rest.length) byTitle.push({ label: t.otherTitles(rest.length), value: rest.reduce(function (n, c) { return n + c.count; }, 0) });
    var titleChart = byTitle.length
      ? Charts.horizontalBars(t, 'chart-titles', t.byTitle, t.chartTitleColumn, byTitle)
      : T.el('figure', { className: 'card chart-card', id: 'chart-titles' }, [T.el('h2', { text: t.byTitle }), T.el('p', { className: 'muted', text: t.byTitleNone })]);
    var months = report.expiriesByMonth.map(function (m, i) {
      var lines = [page.fmtMonth(m.month, 'short')];
      // The year under the first month and under each January.
      if (i === 0 || m.month.slice(5) === '01') lines.push(m.month.slice(0, 4));
      return { label: page.fmtMonth(m.month, 'long'), lines: lines, value: m.count };
    });
    var monthChart = Charts.columns(t, 'chart-months', t.byMonth, t.chartMonthColumn, months);
    return T.el('div', { className: 'charts' }, [titleChart, monthChart]);
  }

  async function main() {
    var opened = await T.open(window.CertLinkReportStrings, '/api/tab/report', function (page, result) {
      return result.status === 403 && result.body && result.body.error === 'not_admin' ? page.t.notAdmin : null;
    });
    if (!opened) return;
    var page = opened.page;
    var t = opened.t;
    var content = opened.content;
    var report = opened.body;
    document.getElementById('subtitle').textContent = t.subtitle(report.org.name, report.org.mpnId) + ' · ' + t.asOf(page.fmtDate(report.at));
    content.appendChild(totals(t, report));
    content.appendChild(downloads(page, report));
    if (report.emptyMessage) content.appendChild(T.el('p', { className: 'card', id: 'empty-report', text: report.emptyMessage[page.lang] }));
    content.appendChild(charts(page, report));
    if (report.truncated) content.appendChild(T.el('p', { className: 'banner', id: 'truncated', text: t.truncated(report.people.length, report.peopleCount) }));
    var card = T.el('section', { className: 'card', id: 'people' });
    content.appendChild(card);
    People.render(page, report, card);
    document.body.setAttribute('data-ready', 'true');
  }

  main().catch(T.fail);
})();

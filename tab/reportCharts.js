/*
 * The skills report's two bar charts: bars drawn as plain SVG, labels and values as HTML text (no
 * library, nothing from outside the bot's server). Each chart is a figure: a heading, the chart
 * (role="img", named by the heading and described by a sentence with every number), and the same
 * numbers as a table under "Show the numbers". Each bar carries data-label and data-value.
 */
(function () {
  'use strict';
  var T = window.CertLinkTab;
  var SVG = 'http://www.w3.org/2000/svg';
  var uid = 0;

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** The numbers as a table: the charts' text alternative for people who read rather than look. */
  function numbersTable(t, caption, labelColumn, items) {
    var body = T.el('tbody', {}, items.map(function (item) {
      return T.el('tr', { 'data-label': item.label }, [T.el('th', { scope: 'row', text: item.label }), T.el('td', { text: t.num(item.value) })]);
    }));
    var head = T.el('thead', {}, [T.el('tr', {}, [T.el('th', { scope: 'col', text: labelColumn }), T.el('th', { scope: 'col', text: t.chartCountColumn })])]);
    return T.el('details', { className: 'chart-numbers' }, [
      T.el('summary', { text: t.showNumbers }),
      T.el('table', {}, [T.el('caption', { className: 'visually-hidden', text: caption }), head, body]),
    ]);
  }

  function figure(t, id, heading, labelColumn, items, drawn) {
    var n = ++uid;
    var headingId = 'chart-heading-' + n;
    var descId = 'chart-desc-' + n;
    drawn.setAttribute('role', 'img');
    drawn.setAttribute('aria-labelledby', headingId);
    drawn.setAttribute('aria-describedby', descId);
    drawn.classList.add('chart');
    var desc = t.chartSummary(items.map(function (item) { return item.label + ': ' + t.num(item.value); }));
    return T.el('figure', { className: 'card chart-card', id: id }, [
      T.el('h2', { id: headingId, text: heading }),
      drawn,
      T.el('p', { className: 'visually-hidden', id: descId, text: desc }),
      numbersTable(t, heading, labelColumn, items),
    ]);
  }

  /** A bar: an SVG rectangle filling the SVG, whose size the caller sets. */
  function bar(style) {
    var root = svg('svg', { class: 'bar-svg', focusable: 'false', style: style });
    root.appendChild(svg('rect', { width: '100%', height: '100%', rx: 2, class: 'bar-fill' }));
    return root;
  }

  /**
   * Horizontal bars, one per item, the label above its bar and the value at its end. Labels and
   * values are HTML text, so their contrast is judged like any text's; the bars are SVG.
   */
  function horizontalBars(t, id, heading, labelColumn, items) {
    var max = Math.max.apply(null, items.map(function (i) { return i.value; }).concat([1]));
    var root = T.el('div', { className: 'hbars' }, items.map(function (item) {
      var share = item.value / max;
      return T.el('div', { className: 'bar', 'data-label': item.label, 'data-value': String(item.value) }, [
        T.el('div', { className: 'bar-label', text: item.label }),
        T.el('div', { className: 'hbar-track' }, [bar('width: calc((100% - 4em) * ' + share.toFixed(4) + '); min-width: 2px; height: 14px'), T.el('span', { className: 'bar-value', text: t.num(item.value) })]),
      ]);
    }));
    return figure(t, id, heading, labelColumn, items, root);
  }

  /** Vertical bars, one per item in a row of columns, the value above each bar and the label below. */
  function columns(t, id, heading, labelColumn, items) {
    var plot = 140;
    var max = Math.max.apply(null, items.map(function (i) { return i.value; }).concat([1]));
    var root = T.el('div', { className: 'vbars', style: 'grid-template-columns: repeat(' + items.length + ', 1fr)' }, items.map(function (item) {
      var height = item.value === 0 ? 0 : Math.max(2, (plot * item.value) / max);
      return T.el('div', { className: 'bar', 'data-label': item.label, 'data-value': String(item.value) }, [
        T.el('div', { className: 'vbar-plot', style: 'height: ' + (plot + 20) + 'px' }, [T.el('span', { className: 'bar-value', text: t.num(item.value) }), bar('width: 64%; height: ' + height.toFixed(1) + 'px')]),
        T.el('div', { className: 'bar-label' }, item.lines.map(function (line) { return T.el('span', { text: line }); })),
      ]);
    }));
    return figure(t, id, heading, labelColumn, items, root);
  }

  window.CertLinkCharts = { horizontalBars: horizontalBars, columns: columns };
})();

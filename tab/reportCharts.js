/*
 * The skills report's two bar charts, drawn as plain SVG (no library, nothing from outside the
 * bot's server). Each chart is a figure: a heading, the SVG (role="img", named by the heading and
 * described by a sentence with every number), and the same numbers as a table under "Show the
 * numbers". Each bar carries data-label and data-value, so tests read what is drawn.
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
    drawn.setAttribute('class', 'chart');
    var desc = t.chartSummary(items.map(function (item) { return item.label + ': ' + t.num(item.value); }));
    return T.el('figure', { className: 'card chart-card', id: id }, [
      T.el('h2', { id: headingId, text: heading }),
      drawn,
      T.el('p', { className: 'visually-hidden', id: descId, text: desc }),
      numbersTable(t, heading, labelColumn, items),
    ]);
  }

  /** Horizontal bars, one per item, the label above its bar and the value at its end. */
  function horizontalBars(t, id, heading, labelColumn, items) {
    var width = 560;
    var rowHeight = 38;
    var max = Math.max.apply(null, items.map(function (i) { return i.value; }).concat([1]));
    var valueRoom = 56;
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + Math.max(rowHeight, items.length * rowHeight), width: '100%', preserveAspectRatio: 'xMinYMin meet' });
    items.forEach(function (item, i) {
      var y = i * rowHeight;
      var barWidth = Math.max(2, ((width - valueRoom) * item.value) / max);
      var g = svg('g', { class: 'bar', 'data-label': item.label, 'data-value': String(item.value) });
      g.appendChild(svg('text', { x: 0, y: y + 14, class: 'chart-label' }, item.label));
      g.appendChild(svg('rect', { x: 0, y: y + 19, width: barWidth.toFixed(1), height: 14, rx: 2, class: 'bar-fill' }));
      g.appendChild(svg('text', { x: (barWidth + 6).toFixed(1), y: y + 31, class: 'chart-value' }, t.num(item.value)));
      root.appendChild(g);
    });
    return figure(t, id, heading, labelColumn, items, root);
  }

  /** Vertical bars, one per item, the value above each bar and the label below. */
  function columns(t, id, heading, labelColumn, items) {
    var width = 560;
    var plot = 150;
    var top = 22;
    var slot = width / items.length;
    var max = Math.max.apply(null, items.map(function (i) { return i.value; }).concat([1]));
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + (top + plot + 40), width: '100%', preserveAspectRatio: 'xMinYMin meet' });
    root.appendChild(svg('line', { x1: 0, x2: width, y1: top + plot + 0.5, y2: top + plot + 0.5, class: 'chart-axis' }));
    items.forEach(function (item, i) {
      var height = item.value === 0 ? 0 : Math.max(2, (plot * item.value) / max);
      var x = i * slot;
      var mid = (x + slot / 2).toFixed(1);
      var g = svg('g', { class: 'bar', 'data-label': item.label, 'data-value': String(item.value) });
      g.appendChild(svg('rect', { x: (x + slot * 0.18).toFixed(1), y: (top + plot - height).toFixed(1), width: (slot * 0.64).toFixed(1), height: height.toFixed(1), rx: 2, class: 'bar-fill' }));
      g.appendChild(svg('text', { x: mid, y: (top + plot - height - 6).toFixed(1), 'text-anchor': 'middle', class: 'chart-value' }, t.num(item.value)));
      var label = svg('text', { x: mid, y: top + plot + 18, 'text-anchor': 'middle', class: 'chart-label' });
      item.lines.forEach(function (line, k) { label.appendChild(svg('tspan', { x: mid, dy: k === 0 ? 0 : 15 }, line)); });
      g.appendChild(label);
      root.appendChild(g);
    });
    return figure(t, id, heading, labelColumn, items, root);
  }

  window.CertLinkCharts = { horizontalBars: horizontalBars, columns: columns };
})();

"""Where a plotly chart's marks are on the screen, read from plotly's own DOM, for the
browser tests and the page benchmark (`bench/bench_pages.py`). Each is evaluated on the
chart's element (a locator of the figure or of `caChart`, pages/ui/plot.js)."""

# A mark by its click key (`causes.figures.make_key`): a treemap tile by its node id (a
# group by its header strip), a bar or a square by the customdata of its trace; with no
# key (null), the first bar or point. The mark is scrolled into view first.
MARK = """(figure, key) => {
  const gd = figure.querySelector('.js-plotly-plot');
  const at = (node, header) => {
    node.scrollIntoView({block: 'center', inline: 'center'});
    const r = node.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return null;
    return {x: r.x + r.width / 2, y: header ? r.y + 14 : r.y + r.height / 2};
  };
  for (const slice of gd.querySelectorAll('g.slice')) {
    const d = slice.__data__;
    if (key !== null && d && d.data && d.data.data && d.data.data.id === key) {
      return at(slice.querySelector('path.surface') || slice, Boolean(d.children));
    }
  }
  const traces = gd.querySelectorAll('g.cartesianlayer g.trace');
  for (let t = 0; t < gd.data.length; t++) {
    const keys = gd.data[t].customdata || [];
    const marks = traces[t] ? traces[t].querySelectorAll('g.point, path.point') : [];
    for (let i = 0; i < keys.length; i++) {
      if ((key === null || keys[i] === key) && marks[i]) {
        const point = at(marks[i], false);
        if (point) return point;
      }
    }
  }
  return null;
}"""

# A point of the figure, in its data units: plotly's own axes map it to pixels inside the
# plot area. The chart is scrolled into the middle first.
TO_SCREEN = """(chart, [x, y]) => {
  const gd = chart.querySelector(".js-plotly-plot");
  gd.scrollIntoView({block: "center"});
  const size = gd._fullLayout._size;
  const box = gd.getBoundingClientRect();
  return {
    x: box.left + size.l + gd._fullLayout.xaxis.d2p(x),
    y: box.top + size.t + gd._fullLayout.yaxis.d2p(y),
  };
}"""

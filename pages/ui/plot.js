// Cause Atlas's charts, drawn with the app's own plotly.js (static/plotly-cause-atlas.min.js:
// scatter, bar and treemap only, a quarter of Streamlit's full plotly chunk). A Streamlit
// custom component (v2, in the page: no iframe) mounted by pages/ui/plot.py.
//
// data: {spec: the figure as plotly JSON (a string), config: plotly's config,
//        alt: the chart in words, src: where the bundle is served, select: clicks select}
// state: "selection" = {points: [...]}, the shape st.plotly_chart reports, so
//        causes/selection.py reads either.

function loadPlotly(src) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__causeAtlasPlotly) {
    window.__causeAtlasPlotly = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => {
        window.__causeAtlasPlotly = null; // a later draw tries again
        reject(new Error("The chart library did not load from " + src));
      };
      document.head.appendChild(script);
    });
  }
  return window.__causeAtlasPlotly;
}

// One clicked mark, as st.plotly_chart reports it: its trace and index, its coordinates,
// and what it carries (customdata; a treemap tile's id and label).
function pointOf(p) {
  const point = {
    curve_number: p.curveNumber,
    point_number: p.pointNumber,
    point_index: p.pointIndex !== undefined ? p.pointIndex : p.pointNumber,
  };
  for (const name of ["x", "y", "customdata", "label", "value", "id", "legendgroup"]) {
    const v = name === "legendgroup" ? p.data && p.data.legendgroup : p[name];
    if (v !== undefined && v !== null && typeof v !== "object") point[name] = v;
    else if (Array.isArray(v)) point[name] = v;
  }
  if (p.customdata === undefined && p.data && Array.isArray(p.data.customdata)) {
    const v = p.data.customdata[point.point_index];
    if (v !== undefined) point.customdata = v;
  }
  return point;
}

// Below this width (a phone), a chart with a narrow figure draws that one instead.
const NARROW_BELOW = 560;

function chosenSpec(data, box) {
  const width = box.getBoundingClientRect().width || window.innerWidth;
  return data.narrow && width < NARROW_BELOW ? data.narrow : data.spec;
}

// A picture (a figure whose y axis is anchored to its x axis, as the body map is) takes the
// height its width asks for, so a narrower column than it was laid out for leaves no band of
// white above and below it.
function pictureRanges(layout) {
  const x = layout.xaxis || {};
  const y = layout.yaxis || {};
  if (y.scaleanchor !== "x" || !x.range || !y.range) return null;
  return [x.range.slice(), y.range.slice()]; // as the figure says them: plotly widens them to fit
}

function fitPicture(Plotly, gd) {
  const ranges = gd.__caRanges;
  if (!ranges || !gd._fullLayout) return;
  const [x, y] = ranges;
  const size = gd._fullLayout._size;
  const wanted = Math.round((size.w * Math.abs(y[1] - y[0])) / Math.abs(x[1] - x[0]) + size.t + size.b);
  if (Math.abs(wanted - gd._fullLayout.height) > 4) {
    gd.style.height = wanted + "px";
    Plotly.relayout(gd, { height: wanted, "xaxis.range": x.slice(), "yaxis.range": y.slice() });
  }
}

function draw(Plotly, gd, data, setStateValue) {
  const spec = chosenSpec(data, gd.parentElement);
  if (gd.__caSpec === spec) return Promise.resolve();
  const figure = JSON.parse(spec);
  const layout = figure.layout || {};
  // As st.plotly_chart's theme did: an axis makes room for its labels unless told otherwise.
  for (const name of Object.keys(layout)) {
    if (/^[xy]axis\d*$/.test(name) && layout[name] && layout[name].automargin === undefined) {
      layout[name].automargin = true;
    }
  }
  gd.style.height = (layout.height || 450) + "px";
  const config = Object.assign({ responsive: true }, data.config || {});
  gd.__caRanges = pictureRanges(layout);
  return Plotly.react(gd, figure.data || [], layout, config).then(() => {
    gd.__caSpec = spec;
    fitPicture(Plotly, gd);
    gd.parentElement.setAttribute("data-frame", spec === data.spec ? "wide" : "narrow");
    if (data.select && !gd.__caClicks) {
      gd.__caClicks = true;
      gd.on("plotly_click", (event) => {
        const points = event.points.map(pointOf);
        const before = (event.event && event.event.shiftKey && gd.__caPoints) || [];
        gd.__caPoints = before.concat(points);
        gd.__caClickCount = (gd.__caClickCount || 0) + 1; // a second tap on the same part is a change too
        setStateValue("selection", { points: gd.__caPoints, click: gd.__caClickCount });
      });
    }
  });
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  let box = parentElement.querySelector(":scope > .ca-plot");
  if (!box) {
    box = document.createElement("div");
    box.className = "ca-plot";
    box.setAttribute("data-testid", "caChart");
    box.setAttribute("role", "figure");
    const gd = document.createElement("div");
    gd.className = "ca-plot-figure";
    box.appendChild(gd);
    parentElement.appendChild(box);
  }
  box.setAttribute("aria-label", data.alt || "Chart");
  const gd = box.firstChild;
  let gone = false;
  let resized = null;
  loadPlotly(data.src)
    .then((Plotly) => {
      if (gone) return;
      if (window.ResizeObserver) {
        // A phone turned sideways (or a window made narrow) swaps the figure, or refits a picture.
        let width = 0;
        resized = new ResizeObserver(() => {
          const now = Math.round(box.getBoundingClientRect().width);
          if (gone || !gd.__caSpec || now === width) return;
          width = now;
          if (chosenSpec(data, box) !== gd.__caSpec) draw(Plotly, gd, data, setStateValue);
          else window.requestAnimationFrame(() => fitPicture(Plotly, gd));
        });
        resized.observe(box);
      }
      return draw(Plotly, gd, data, setStateValue);
    })
    .catch((error) => {
      box.setAttribute("data-error", String(error && error.message ? error.message : error));
    });
  return () => {
    gone = true;
    if (resized) resized.disconnect();
    if (window.Plotly && gd.isConnected === false) window.Plotly.purge(gd);
  };
}

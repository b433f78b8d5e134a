// Cause Atlas's charts, drawn with the app's own plotly.js (static/plotly-cause-atlas.min.js:
// scatter, bar and treemap only, a quarter of Streamlit's full plotly chunk). A Streamlit
// custom component (v2, in the page: no iframe) mounted by pages/ui/plot.py.
//
// data: {spec: the figure as plotly JSON (a string), narrow: the figure for a phone (or
//        null), config: plotly's config, alt: the chart in words, src: where the bundle is
//        served, select: clicks select}
// state: "selection" = {points: [...], click: n}: the points as st.plotly_chart reported
//        them (so causes/selection.py reads either), and a number new at every click.

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

// Fade the marks not clicked, as st.plotly_chart's selection did (bars and points only; a
// treemap zooms instead). `points` empty: every mark as drawn.
function showSelected(Plotly, gd, points) {
  const traces = [];
  const chosen = [];
  (gd.data || []).forEach((trace, t) => {
    if (trace.type !== "bar" && trace.type !== "scatter" && trace.type !== undefined) return;
    traces.push(t);
    chosen.push(points.length ? points.filter((p) => p.curve_number === t).map((p) => p.point_index) : null);
  });
  if (traces.length) Plotly.restyle(gd, { selectedpoints: chosen }, traces);
}

function select(box, points) {
  const gd = box.firstChild;
  gd.__caPoints = points;
  // Each click a new value (a second tap on the same part is a change too), from the clock so
  // that a chart drawn again never repeats an old one.
  gd.__caClick = Math.max((gd.__caClick || 0) + 1, Date.now());
  box.__ca.set("selection", { points, click: gd.__caClick });
}

function listen(Plotly, box) {
  const gd = box.firstChild;
  if (gd.__caListening) return;
  gd.__caListening = true;
  gd.on("plotly_click", (event) => {
    if (!box.__ca.data.select) return;
    const points = event.points.map(pointOf);
    const before = (event.event && event.event.shiftKey && gd.__caPoints) || [];
    select(box, before.concat(points));
    if (!gd.__caRanges) showSelected(Plotly, gd, gd.__caPoints);
  });
}

// Draw the box's latest data (one draw at a time: a newer one waits for the last).
function draw(Plotly, box) {
  const gd = box.firstChild;
  gd.__caQueue = (gd.__caQueue || Promise.resolve()).then(() => {
    const data = box.__ca.data;
    const spec = chosenSpec(data, box);
    if (gd.__caSpec === spec) return undefined;
    const figure = JSON.parse(spec);
    const layout = figure.layout || {};
    // As st.plotly_chart's theme did: an axis makes room for its labels unless told otherwise.
    for (const name of Object.keys(layout)) {
      if (/^[xy]axis\d*$/.test(name) && layout[name] && layout[name].automargin === undefined) {
        layout[name].automargin = true;
      }
    }
    gd.style.height = (layout.height || 450) + "px";
    // Not plotly's own window listener (it throws for a chart a page has just taken away): the
    // box's ResizeObserver resizes it.
    const config = Object.assign({ responsive: false }, data.config || {});
    gd.__caRanges = pictureRanges(layout);
    return Plotly.react(gd, figure.data || [], layout, config).then(() => {
      gd.__caSpec = spec;
      fitPicture(Plotly, gd);
      box.setAttribute("data-frame", spec === data.spec ? "wide" : "narrow");
      listen(Plotly, box);
    });
  });
  return gd.__caQueue;
}

function failed(box, error) {
  box.setAttribute("data-error", String(error && error.message ? error.message : error));
  if (box.querySelector(".ca-plot-failed")) return;
  const note = document.createElement("p");
  note.className = "ca-plot-failed";
  note.setAttribute("role", "alert");
  const words = (box.__ca && box.__ca.data.words) || {};
  note.textContent = (words.failed || "The chart could not be loaded. The same figures are in its table.") + " ";
  const again = document.createElement("button");
  again.type = "button";
  again.textContent = words.again || "Try again";
  again.addEventListener("click", () => {
    note.remove();
    box.removeAttribute("data-error");
    start(box);
  });
  note.appendChild(again);
  box.appendChild(note);
}

function start(box) {
  loadPlotly(box.__ca.data.src)
    .then((Plotly) => {
      if (!box.isConnected) return undefined;
      if (window.ResizeObserver && !box.__caObserver) {
        // A phone turned sideways (or a column made narrower) swaps the figure, or refits a
        // picture once plotly has taken the new width.
        let width = Math.round(box.getBoundingClientRect().width);
        box.__caObserver = new ResizeObserver(() => {
          const now = Math.round(box.getBoundingClientRect().width);
          const gd = box.firstChild;
          if (!gd.__caSpec || now === width) return;
          width = now;
          if (chosenSpec(box.__ca.data, box) !== gd.__caSpec) draw(Plotly, box);
          else Plotly.Plots.resize(gd).then(() => fitPicture(Plotly, gd)).catch(() => {});
        });
        box.__caObserver.observe(box);
      }
      return draw(Plotly, box);
    })
    .catch((error) => failed(box, error));
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
  box.setAttribute("aria-label", data.alt || (data.words && data.words.chart) || "Chart");
  // Streamlit calls this again with each new data, and cleans up once, when the chart goes:
  // what the box shows and whom it tells are kept on it, read by one observer and one listener.
  box.__ca = { data, set: setStateValue };
  start(box);
  return () => {
    if (box.__caObserver) box.__caObserver.disconnect();
    box.__caObserver = null;
    if (window.Plotly) window.Plotly.purge(box.firstChild);
    box.firstChild.__caListening = false;
    box.firstChild.__caSpec = null; // drawn again in full if it comes back
  };
}

// The plotly.js that Cause Atlas's charts need, and nothing else: its core (which holds the
// scatter trace: the body map, the symptom matrix, the overlap chart) with bar (the
// Overview's bars, the slides' and the live room's polls) and treemap. Built by
// `make bundle` into static/plotly-cause-atlas.min.js, which defines `window.Plotly`.
var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/treemap')]);

module.exports = Plotly;

#!/bin/sh
# Builds the app's plotly.js bundle into $1 (default: static/plotly-cause-atlas.min.js), from
# the pinned packages in package-lock.json: `make bundle` writes the committed file,
# `make bundle-check` builds it again elsewhere and compares the two byte for byte.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../../static/plotly-cause-atlas.min.js}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy, so that the build never depends on (or writes) a node_modules in the clone.
cp "$here/package.json" "$here/package-lock.json" "$here/entry.js" "$work/"
cd "$work"
npm ci --no-audit --no-fund --prefer-offline --loglevel=error
version=$(node -p 'require("plotly.js/package.json").version')
node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --global-name=Plotly \
  --target=es2018 --legal-comments=eof --loader:.css=empty \
  --define:global=window --define:define.amd=false \
  --banner:js="/*! plotly.js v$version (c) Plotly, Inc. MIT License. Cut to scatter, bar and treemap for Cause Atlas (frontend/plotly). */" \
  --log-level=warning --outfile="$work/bundle.js"
mkdir -p "$(dirname "$out")"
cp "$work/bundle.js" "$out"

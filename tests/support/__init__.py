"""What the tests stand on, and the benchmarks borrow: a Streamlit server on a free port with
headless Chromium's flags (server.py), synthetic cause tables (generate.py), and the bundled
table loaded once (bundled.py)."""

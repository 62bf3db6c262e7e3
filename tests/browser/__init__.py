"""Reader-level tests of the built site in headless Chromium (pytest -m browser).

A package, so that its package-scoped fixtures (one Playwright and one Chromium for all of these
tests) end with its last test and other browser tests can start their own Playwright after it."""

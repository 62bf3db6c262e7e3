"""A local static server for the built site: text gzipped, cached for 10 minutes, as GitHub Pages serves it.

Lighthouse and the layout-shift measurement load pages through it, so transfer sizes are those a
reader of the published site gets. It listens on 127.0.0.1 only.
"""

from __future__ import annotations

import functools
import gzip
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
CACHE_CONTROL = "max-age=600"  # GitHub Pages' header


class GzipHandler(SimpleHTTPRequestHandler):
    """Serve files; text goes out gzipped when the client accepts it."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript",
                      ".json": "application/json", ".svg": "image/svg+xml", ".ics": "text/calendar"}

    def log_message(self, format: str, *args: object) -> None:  # `format`: the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        path = self._file()
        content_type = self.guess_type(str(path)) if path else ""
        if path is None or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not content_type.startswith(COMPRESSED_TYPES):
            super().do_GET()  # redirects, 404s, images and clients without gzip: the base behaviour
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        for name, value in (("Content-Type", content_type), ("Content-Encoding", "gzip"),
                            ("Content-Length", str(len(body))), ("Vary", "Accept-Encoding"),
                            ("Cache-Control", CACHE_CONTROL)):
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _file(self) -> Path | None:
        """The file a request names (a folder's index.html), or None where the base class must answer."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return None
            path = path / "index.html"
        return path if path.is_file() else None


def serve_gzip(site_dir: Path) -> AbstractContextManager[str]:
    """Serve site_dir with gzip on 127.0.0.1 at a free port; yield the base URL (ending in /)."""
    return serve_with(site_dir, GzipHandler)


@contextmanager
def serve_with(site_dir: Path, handler: type[SimpleHTTPRequestHandler]) -> Iterator[str]:
    """Serve site_dir on 127.0.0.1 at a free port with the given handler; yield the base URL (ending in /)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

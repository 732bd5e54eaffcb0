"""The summary as a PDF (A4, from the page size in its CSS), rendered by
WeasyPrint from a string with its CSS inline. It fetches nothing: no
network, no files; fonts come from the system (fontconfig)."""

from typing import Any, NoReturn

from PIL import ImageFile
from weasyprint import HTML  # type: ignore[import-untyped]
from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

# Importing WeasyPrint turns on Pillow's process-wide LOAD_TRUNCATED_IMAGES.
# The photo checks (`experiences/photos.py`) rely on Pillow's default, off, to
# refuse truncated uploads in this same process; the summary loads no images.
ImageFile.LOAD_TRUNCATED_IMAGES = False


class RefuseEverything(URLFetcher):  # type: ignore[misc]
    """Everything the summary needs is inline; any URL in it is refused."""

    def fetch(self, url: str, headers: Any = None) -> NoReturn:
        raise ValueError("The summary fetches nothing.")


def layout(html: str) -> Any:
    """The laid-out document, pages and all."""
    return HTML(string=html, base_url=None, url_fetcher=RefuseEverything()).render()


def render(html: str) -> bytes:
    # Tagged: headings, lists and tables reach a screen reader as such.
    pdf: bytes = layout(html).write_pdf(pdf_tags=True)
    return pdf

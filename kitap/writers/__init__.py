"""Stage 4: writers turn the model into bytes; only `atomic` touches the output folder."""
import sys


def release_fonts() -> None:
    """Remove WeasyPrint's temporary font folder now, if this process loaded the PDF writer at all: a
    process that ends with os._exit (the CLI, a build's helper) runs no finalizer."""
    pdf = sys.modules.get(__name__ + ".pdf")
    if pdf is not None:
        pdf.release_fonts()

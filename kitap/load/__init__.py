"""Stage 1: read and check a project folder into a Book.

`load_project` is imported on first use: a process that only needs `kitap.load.dates` (the PDF writer,
in the build's main process) does not pay for the YAML and Markdown parsers.
"""

__all__ = ["load_project"]


def __getattr__(name: str):
    if name == "load_project":
        from .project import load_project

        return load_project
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

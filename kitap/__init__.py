"""kitap: one annotated Kazakh text → print handout PDF, EPUB 3 and HTML."""

__version__ = "0.1.0"

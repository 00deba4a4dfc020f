"""Stage 1: read and check a project folder into a Book."""
from .project import load_project

__all__ = ["load_project"]

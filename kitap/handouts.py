"""--handouts: each text of a course pack also as its own A4 handout (the per-chapter export).

Each text is built exactly as when it is built alone (its own project, its own page numbers from 1, its
own fingerprint, so an unchanged text is not laid out again), into OUTPUT/handouts/<K>-<folder>/, K its
place in course.yaml, so the handouts list in the order of the volume.
"""
from __future__ import annotations

from pathlib import Path

FOLDER = "handouts"


def handout_jobs(pairs: list[tuple[Path, Path]], scripts: tuple[str, ...] | None) -> list[tuple[Path, Path, tuple | None]]:
    """(text folder, its handout folder, the editions to make) for every text of every course pack in
    `pairs`; the editions: --script, else the course's `editions:`, else each text's own choice."""
    import click

    from .load.course import course_editions, is_course, text_folders

    courses = [(source, output) for source, output in pairs if is_course(source)]
    if not courses:
        raise click.UsageError("--handouts is for course packs (a folder with course.yaml); a text built alone "
                               "is already its own handout")
    jobs = []
    for source, output in courses:
        chosen = scripts or course_editions(source)
        for number, folder in enumerate(text_folders(source), start=1):
            jobs.append((folder, output / FOLDER / f"{number:02d}-{folder.name}", chosen))
    return jobs

#!/usr/bin/env python3
"""Entry point: `python build.py --help`."""
from kitap.cli import run

if __name__ == "__main__":
    run()

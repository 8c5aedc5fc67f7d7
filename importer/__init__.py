"""Importing statistics and district polygons as they are published, into a dataset folder.

The steps, in order: ``boundaries`` (polygons) → ``grid`` (a file to a table of text) → ``roles`` (what each column
is) with ``areas`` (which polygon each label means) → ``rows`` (long rows and indicators) → ``units`` → ``pipeline``
(validate, disclosure, write, report). ``cli`` is the command line.
"""

from importer.options import ImportOptions, Progress
from importer.pipeline import ImportSummary, run_import

__all__ = ["ImportOptions", "ImportSummary", "Progress", "run_import"]

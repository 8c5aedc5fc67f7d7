"""Geometry in: reading vector files, repairing, dissolving, simplifying as a coverage, and writing WGS84.

Nothing outside this package imports pyogrio or calls ``to_crs``.
"""

"""Lessons for schools: questions generated from the data, and a lesson that lives entirely in its address."""

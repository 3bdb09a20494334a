"""Prompt templates (jinja2) and worked examples; a package so the files ship with the wheel."""

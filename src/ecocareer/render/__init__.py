"""Renderers: turn domain results into Rich views and Markdown; JSON comes from the same data."""

"""Hermes Desktop: conversations and scheduled jobs of a Hermes home."""

__version__ = "0.1.0"

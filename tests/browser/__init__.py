"""Helpers for the HTML report's tests: a Chrome DevTools Protocol client and synthetic data."""

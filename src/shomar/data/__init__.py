"""Reference data shipped with Shomar (see each folder's README for origin and license)."""

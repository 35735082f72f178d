"""The web application (FastAPI + server-rendered Jinja2 pages, Persian and English)."""

"""Shared UI code of the dashboard: data access, URL state, the sidebar, tables and downloads.

The pages in app_pages/ stay UI only; whatever more than one page needs lives here.
"""

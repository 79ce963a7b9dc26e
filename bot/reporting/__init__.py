"""Focal points and their activity reports.

registry (actors, maintainers, focal points) · invitations (codes, registration) · reports
(drafts, validation, written once, versions, withdrawal) · deadlines (and reminders) · export
(the annual report draft) · report_docs (reports as documents that search finds).
"""

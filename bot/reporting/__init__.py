"""Focal points and their activity reports: registry, invitations, reports, deadlines, export."""

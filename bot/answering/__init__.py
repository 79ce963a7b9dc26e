"""Answering questions: the catalogue of mandates, extractive answers, browsing, optional LLM."""

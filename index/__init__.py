"""Retrieval layers: parsing, chunking, encoders, vector store, lexical search and their fusion."""

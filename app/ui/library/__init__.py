"""The library column: the articles, search, imports."""

"""The article as it is read: the reader, its typesetting, find in article."""

"""The claims of the article shown: the list, its model and filters, the editor and its parts,
the undoable edits."""

"""The Inzicht tab (issue 15): figures for beheerders, computed off the GUI thread."""

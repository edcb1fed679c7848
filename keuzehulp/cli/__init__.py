"""The command line: the headless face of the same services the GUI uses."""

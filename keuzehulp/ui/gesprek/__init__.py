"""The conversation screens: goal and client picture, shortlist, comparison, choice, printing."""

"""Colours for labels the corpus meets for the first time (on import)."""

# Calm, distinguishable hues that keep dark text readable on their tints.
_PALETTE = (
    "#3b78d8", "#d9534f", "#3f9b35", "#8e5cc7", "#d98c1f",
    "#1f9bad", "#c2477e", "#6b8e23", "#7a6a58", "#5a6fd6",
)


def color_for_new_label(position: int) -> str:
    return _PALETTE[position % len(_PALETTE)]

"""The right of access from the screens: all data of one family or volunteer, saved in a folder."""

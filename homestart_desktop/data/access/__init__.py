"""The right of access (*inzagerecht*): everything the case file holds about one family or volunteer."""

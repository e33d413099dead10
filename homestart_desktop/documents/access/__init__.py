"""The access export (*inzagerecht*) on paper and as JSON: every record about one family or volunteer."""

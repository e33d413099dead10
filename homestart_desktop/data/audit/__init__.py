"""The audit trail (*logboek*): who did what, to which record, when; never the values.

- ``trail.watch``: every write of a session leaves an entry (the case file attaches it);
- ``events.record_event``: the entries for what is not a write (opened, printed, exported...);
- ``entries.find_entries``: the Logboek's list; ``keeping``: retention and forgetting a subject.
"""

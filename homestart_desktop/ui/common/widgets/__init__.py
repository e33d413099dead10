"""Shared widgets for every screen (owned by the shell; use them, extend them surgically).

- :class:`~.search_field.SearchField`: the search box on top of a list, debounced.
- :class:`~.status_table.RecordTableModel` and :class:`~.status_table.RecordTable`: a sortable,
  filterable ``QTableView`` on a list of frozen dataclasses, with search field, count and an
  empty state that says what the place is for.
- :class:`~.date_edit.DateEdit`: dd/MM/yyyy with a calendar popup, may be empty.
- :class:`~.number_edit.NumberEdit`: every number, amount, km and hour a person types, read and
  shown in the app's language (``6,5`` in Dutch and French, ``6.5`` in English); never a
  QSpinBox/QDoubleSpinBox for those (Qt reads them in its own locale: 6,5 became 65).
- :class:`~.form_error.FormErrors`: a problem in words beside each field of a ``QFormLayout``,
  fed straight from ``ValidationError.problems``.
"""

"""Moving in: a branch's Excel lists (families, volunteers, running matches) into the case file.

``reading`` opens the workbook, ``fields`` and ``mapping`` say which column fills which field,
``cells`` reads dates, phones and postcodes the Belgian way, ``records`` checks each row with the
dialogs' own checks, ``plan`` previews (a dry run), ``apply`` writes, ``run`` does it all after a
backup in one transaction, ``report`` saves the skipped rows, ``template`` makes a clean sheet.
No Qt here: the wizard (``ui/importing``) and ``homestart import`` both call these.
"""

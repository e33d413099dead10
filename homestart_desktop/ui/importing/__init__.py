"""The import wizard: a branch's Excel lists into the case file (Bestand → Importeren uit Excel…)."""

"""Retention and erasure: what the case file keeps of a family or volunteer, and for how long."""

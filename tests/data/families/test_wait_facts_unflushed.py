"""The wait facts read what the caller added in the same session, flushed or not."""

from __future__ import annotations

import datetime as dt

from homestart_desktop.data import models as m
from homestart_desktop.data.families.waiting import waiting_families
from tests.clock import TEST_TODAY


def test_a_referral_added_in_the_same_session_counts(empty_case_file) -> None:
    referred = TEST_TODAY - dt.timedelta(days=40)
    with empty_case_file.session() as session:
        family = m.Family(
            reference="GZ-2026-031",
            status=m.FamilyStatus.waiting,
            postcode="9000",
            created_on=referred,
        )
        session.add(family)
        session.flush()
        session.add(
            m.Referral(
                family_id=family.id, referred_on=referred, category=list(m.ReferrerCategory)[0]
            )
        )  # not flushed: the read must see it all the same
        assert waiting_families(session=session, today=TEST_TODAY) == [
            (family.id, "GZ-2026-031", referred)
        ]

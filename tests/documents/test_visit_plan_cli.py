import datetime as dt

from icalendar import Calendar
from pypdf import PdfReader

from homestart_desktop import cli
from homestart_desktop.data.models import (
    Family,
    FamilyStatus,
    HalfDay,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.domain import planning
from tests.builders import matched_pair
from tests.conftest import TEST_PASSPHRASE


def test_schedule_and_calendar_from_the_command_line(empty_case_file, tmp_path, capsys):
    with empty_case_file.session() as session:
        family = Family(reference="GZ-2026-030", status=FamilyStatus.active)
        volunteer = Volunteer(
            reference="VW-2026-004", first_name="Jef", status=VolunteerStatus.matched
        )
        matched_pair(
            session,
            family=family,
            volunteer=volunteer,
            proposed_on=dt.date(2026, 1, 5),
            start_on=dt.date(2026, 2, 3),
            weekday=3,
            half_day=HalfDay.evening,
        )
        session.add(Volunteer(reference="VW-2026-005", first_name="Mia"))
    path = empty_case_file.path
    empty_case_file.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE + "\n")

    ics_path, pdf_path = tmp_path / "plan.ics", tmp_path / "plan.pdf"
    common = [
        str(path),
        "--passphrase-file",
        str(secret),
        "--volunteer",
        "VW-2026-004",
        "--weeks",
        "4",
    ]
    assert cli.main(["ics", *common, "--out", str(ics_path)]) == 0
    assert cli.main(["print", "schedule", *common, "--out", str(pdf_path)]) == 0

    thursdays = planning.weekly_visit_dates(
        first_possible=max(planning.week_of(dt.date.today())[0], dt.date.today()),
        weekday=3,
        until=planning.week_of(dt.date.today())[0] + dt.timedelta(days=27),
    )
    events = Calendar.from_ical(ics_path.read_bytes()).walk("VEVENT")
    assert [e.decoded("dtstart").date() for e in events] == thursdays
    assert all(e.decoded("dtstart").hour == 18 for e in events)
    assert "Bezoekplanning" in PdfReader(pdf_path).pages[0].extract_text()

    assert cli.main(["ics", *common[:3], "--volunteer", "VW-1999-999", "--out", str(ics_path)]) == 2

    # A volunteer without a trajectory: the file is written, and the terminal says it is empty.
    with_nothing = [*common[:3], "--volunteer", "VW-2026-005", "--out", str(ics_path)]
    capsys.readouterr()
    assert cli.main(["ics", *with_nothing]) == 0
    assert "VW-2026-005" in capsys.readouterr().err
    assert Calendar.from_ical(ics_path.read_bytes()).walk("VEVENT") == []

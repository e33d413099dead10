"""Visit notes and review agreements are found by the same search, and migration 0006 indexes
the notes a file already holds."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import text

from homestart_desktop.data.casefile.migrations import (
    alembic_config,
    current_revision,
    head_revision,
    upgrade,
)
from homestart_desktop.data.intervision import notes_search
from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.data.intervision.notes_search import NoteKind, search_notes
from homestart_desktop.data.models import Review, Visit, VisitStatus
from homestart_desktop.data.planning import trajectories, visits
from tests.builders import matched_pair
from tests.clock import TEST_TODAY


def _visit_and_review(case_file) -> tuple[int, int, int]:
    with case_file.session() as session:
        trajectory = matched_pair(
            session, family="GZ-2026-014", volunteer="VW-2026-003", start_on=dt.date(2026, 1, 6)
        )
        visit = Visit(trajectory_id=trajectory.id, on=TEST_TODAY - dt.timedelta(days=7))
        quiet = Visit(trajectory_id=trajectory.id, on=TEST_TODAY - dt.timedelta(days=14))
        session.add_all([visit, quiet])
        session.flush()
        visits.log_visit(
            session=session,
            visit_id=visit.id,
            log=visits.VisitLog(VisitStatus.done, 180, note="Samen naar de logopedist geweest."),
            today=TEST_TODAY,
        )
        trajectories.record_review(
            session=session,
            trajectory_id=trajectory.id,
            review=trajectories.ReviewInput(
                held_on=TEST_TODAY - dt.timedelta(days=3),
                agreements="Mama belt zelf de logopedist; vrijwilliger helpt met de agenda.",
            ),
            today=TEST_TODAY,
        )
        review_id = session.execute(
            text("SELECT id FROM review WHERE agreements <> ''")
        ).scalar_one()
        return trajectory.id, visit.id, review_id


def test_visit_notes_and_review_agreements_are_found_with_their_trajectory(empty_case_file):
    trajectory_id, visit_id, review_id = _visit_and_review(empty_case_file)
    with empty_case_file.session() as session:
        iv.save_session(
            session=session,
            data=iv.SessionIn(on=TEST_TODAY, theme="Logopedie en wachtlijsten"),
        )
        found = search_notes(session=session, typed="logoped")
        visits_only = search_notes(session=session, typed="logoped", kinds={NoteKind.visit})
        reviews_only = search_notes(session=session, typed="logoped", kinds={NoteKind.review})
        talks_only = search_notes(session=session, typed="logoped", kinds={NoteKind.talk})
        assert notes_search.count_matches(session=session, typed="logoped") == 3
        assert (
            notes_search.count_matches(session=session, typed="logoped", kinds={NoteKind.visit})
            == 1
        )
        assert search_notes(session=session, typed="agenda") != []
    assert [h.kind for h in found] == [NoteKind.session, NoteKind.review, NoteKind.visit]
    visit_hit, review_hit = found[2], found[1]
    assert (visit_hit.record_id, visit_hit.trajectory_id) == (visit_id, trajectory_id)
    assert visit_hit.title == "Bezoek aan GZ-2026-014 door VW-2026-003"
    assert "logopedist" in visit_hit.excerpt
    assert (review_hit.record_id, review_hit.trajectory_id) == (review_id, trajectory_id)
    assert review_hit.title == "Tussentijdse evaluatie van GZ-2026-014"
    assert review_hit.on == TEST_TODAY - dt.timedelta(days=3)
    assert [h.record_id for h in visits_only] == [visit_id]
    assert [h.record_id for h in reviews_only] == [review_id]
    assert talks_only == []


def test_index_follows_visit_notes_and_reviews_as_they_change_and_go(empty_case_file):
    trajectory_id, visit_id, review_id = _visit_and_review(empty_case_file)
    with empty_case_file.session() as session:
        visits.log_visit(
            session=session,
            visit_id=visit_id,
            log=visits.VisitLog(VisitStatus.done, 180, note="Gewandeld in het park."),
            today=TEST_TODAY,
        )
        assert search_notes(session=session, typed="logoped", kinds={NoteKind.visit}) == []
        assert [h.record_id for h in search_notes(session=session, typed="park")] == [visit_id]
        session.delete(session.get(Review, review_id))
        session.flush()
        assert search_notes(session=session, typed="agenda") == []
        # Visits without a note take no room in the index.
        indexed = session.execute(text("SELECT count(*) FROM note_search")).scalar_one()
        assert indexed == 1
        assert notes_search.rebuild_index(session=session) == 1


def test_migration_0006_indexes_the_notes_already_in_the_file(empty_case_file):
    with empty_case_file.session() as session:
        trajectory = matched_pair(
            session, family="GZ-2026-020", volunteer="VW-2026-008", start_on=dt.date(2026, 1, 6)
        )
        trajectory_id = trajectory.id
    with empty_case_file.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0005")
        assert current_revision(connection) == "0005"
        # Written before visits and reviews were indexed (as a file of the first build holds).
        connection.execute(
            text(
                'INSERT INTO visit (trajectory_id, "on", half_day, status, minutes, km, '
                "activities, note, record_key) VALUES (:t, '2026-02-03', 'morning', 'done', "
                "120, 0, '[]', 'Zwemles voor de tweeling besproken', 1)"
            ),
            {"t": trajectory_id},
        )
        connection.execute(
            text(
                "INSERT INTO review (trajectory_id, kind, held_on, participants, agreements) "
                "VALUES (:t, 'closing', '2026-03-01', '', 'Zwemles loopt verder via de school')"
            ),
            {"t": trajectory_id},
        )
        command.upgrade(alembic_config(connection), "0006")  # later revisions come after it
        assert current_revision(connection) == "0006"
        upgrade(connection)  # and the later ones, as the app does (the audit trail's columns)
        assert current_revision(connection) == head_revision()
    with empty_case_file.session() as session:
        found = search_notes(session=session, typed="zwemles")
        assert [h.kind for h in found] == [NoteKind.review, NoteKind.visit]
        assert found[0].title == "Afsluitende evaluatie van GZ-2026-020"
        assert {h.trajectory_id for h in found} == {trajectory_id}
        session.add(Visit(trajectory_id=trajectory_id, on=dt.date(2026, 2, 10), note="zwemles"))
        session.flush()
        assert len(search_notes(session=session, typed="zwemles")) == 3
    with empty_case_file.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0005")
        rows = connection.execute(text("SELECT count(*) FROM note_search")).scalar_one()
        assert rows == 0  # the way back keeps to intervision and coaching notes
        upgrade(connection)
    with empty_case_file.session() as session:
        assert len(search_notes(session=session, typed="zwemles")) == 3

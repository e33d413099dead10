from homestart_desktop.data.settings import load_settings


def test_empty_case_file_is_a_migrated_encrypted_case_file(empty_case_file):
    with empty_case_file.session() as session:
        assert load_settings(session=session).branch_name == "Teststad"
    assert not empty_case_file.path.read_bytes().startswith(b"SQLite format 3")

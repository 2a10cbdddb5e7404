"""Writing a data folder: what the files look like on disk after a transaction."""

import os
import stat

import pytest

from dossier.store import commit_files, write_bytes_atomic


@pytest.mark.parametrize("existing_mode", [None, 0o644, 0o664, 0o600])
def test_written_files_keep_the_mode_a_plain_write_would_give(tmp_path, existing_mode):
    """Atomic writes go through a temp file; it must not leave the data readable by its owner only."""
    target = tmp_path / "claims.csv"
    if existing_mode is not None:
        target.write_bytes(b"old")
        target.chmod(existing_mode)
    umask = os.umask(0o022)
    try:
        commit_files(tmp_path, {"claims.csv": b"new", "sub/events.csv": b"e"})
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == (existing_mode or 0o644)
    assert stat.S_IMODE((tmp_path / "sub" / "events.csv").stat().st_mode) == 0o644


def test_a_single_atomic_write_keeps_the_target_mode(tmp_path):
    target = tmp_path / "imports.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o640

"""The settings file is never replaced with defaults because it could not be read."""

from __future__ import annotations

import pytest

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.settings import Settings, SettingsFileError, load_settings, save_settings


def test_an_unreadable_settings_file_is_not_overwritten(home: HermesHome) -> None:
    home.settings_file.write_text('{"max_parallel": 8, "output_keep": 7,')  # cut short by a crash or an editor
    before = home.settings_file.read_bytes()
    assert load_settings(home).max_parallel == 4  # defaults to run with
    with pytest.raises(SettingsFileError) as refused:
        save_settings(home, Settings(model="m"))
    assert "not overwritten" in str(refused.value)
    assert home.settings_file.read_bytes() == before
    home.settings_file.unlink()
    save_settings(home, Settings(model="m"))
    assert load_settings(home).model == "m"

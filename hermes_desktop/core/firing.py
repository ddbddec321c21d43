"""Who fires a home's due jobs right now: this app, a Hermes gateway, or nobody.

Both programs claim a job under the jobs lock before running it, so neither
would run a job twice; still, while a gateway runs for a home this app
stands down for that home (it does not tick it), so there is one scheduler
per home and the status says which.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from .home import HermesHome


class Firer(StrEnum):
    APP = "app"  # this app's ticker
    GATEWAY = "gateway"  # a running Hermes gateway
    NOBODY = "nobody"


class NobodyBecause(StrEnum):
    NOTHING = ""  # somebody fires the jobs
    SETTING_OFF = "setting_off"  # Settings: this app does not run jobs, and no gateway runs
    NOT_THIS_PROFILE = "not_this_profile"  # Settings: only the profile on screen, and no gateway runs


class Gateway(Protocol):
    @property
    def running(self) -> bool: ...

    @property
    def pid(self) -> int | None: ...


@dataclass(frozen=True)
class FiringStatus:
    firer: Firer
    pid: int | None = None  # the gateway's
    because: NobodyBecause = NobodyBecause.NOTHING


def who_fires(app_would_tick: bool, gateway: Gateway | None, *, limited: bool = False) -> FiringStatus:
    """The one scheduler of a home: a running gateway first (the app stands down), else this app if it
    ticks the home, else nobody (and why: the setting, or only the profile on screen is run)."""
    if gateway is not None and gateway.running:
        return FiringStatus(Firer.GATEWAY, gateway.pid)
    if app_would_tick:
        return FiringStatus(Firer.APP)
    return FiringStatus(Firer.NOBODY, because=NobodyBecause.NOT_THIS_PROFILE if limited else NobodyBecause.SETTING_OFF)


GatewayProbe = Callable[[HermesHome], Gateway]

"""The view lives in the URL: every choice is a query parameter, so a copied link reopens the same view.

Streamlit 1.67 can bind widgets to the URL itself (`bind="query-params"`), but it writes the
displayed label, not the option: links would carry "Vechta, Landkreis" and break when a title
is reworded. Here the URL carries stable codes (`region=03460`, `indikator=ohne_abschluss_anteil`).

The rule is simple: when a widget first appears in a session (a fresh link, or a page the session
has not shown it on), it starts from the URL, falling back to a default for a missing or unknown
value; afterwards the widget is the truth and is written back to the URL on every run. At the end
of a run the router drops parameters no widget claimed, so a link never carries stale choices.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import streamlit as st

T = TypeVar("T")

_CLAIMED = "_url_params_claimed"


def start_run() -> None:
    """Called by the router before anything is drawn."""
    st.session_state[_CLAIMED] = set()


def drop_unclaimed() -> None:
    """Called by the router after the page: remove parameters of widgets this run did not draw."""
    claimed = st.session_state.get(_CLAIMED, set())
    for name in [name for name in st.query_params if name not in claimed]:
        del st.query_params[name]


def _initial(param: str, options: Sequence[T], default: T) -> None:
    """Seed the widget's state from the URL the first time; repair it if its options changed."""
    if param not in st.session_state:
        wanted = st.query_params.get(param)
        st.session_state[param] = next((o for o in options if str(o) == wanted), default)
    elif st.session_state[param] not in options:
        st.session_state[param] = default


def publish(param: str, value: Any) -> None:
    """Write `value` into the URL as `param` and keep it there this run (also for values chosen without a widget)."""
    st.session_state[_CLAIMED].add(param)
    if st.query_params.get(param) != str(value):
        st.query_params[param] = str(value)


def choice(
    widget: Callable[..., T],
    label: str,
    options: Sequence[T],
    param: str,
    default: T,
    format_func: Callable[[T], str] = str,
    **kwargs: Any,
) -> T:
    """Draw `widget` (e.g. `st.sidebar.selectbox`, `st.radio`) with its value bound to URL parameter `param`.

    The URL holds the option's str(): a region code, an indicator key, a year.
    """
    _initial(param, options, default)
    value = widget(label, options, key=param, format_func=format_func, **kwargs)
    publish(param, value)
    return value


def tabs(labels: Sequence[str], param: str = "tab") -> dict[str, Any]:
    """Tabs whose active label is the URL parameter `param`; returns {label: tab container}.

    The tabs track their state (on_change="rerun"), so `container.open` tells which one is shown and a
    page draws only that one: the other tabs cost nothing on a rerun.
    """
    _initial(param, labels, labels[0])
    containers = st.tabs(labels, key=param, on_change="rerun")
    publish(param, st.session_state[param])
    return dict(zip(labels, containers, strict=True))

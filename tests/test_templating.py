"""The template environment: ``a.b`` on dicts resolves as in stock Jinja, only faster."""

from __future__ import annotations

import pytest
from jinja2 import Environment

from app.web.templating import TemplateEnvironment, templates


@pytest.mark.parametrize("source", [
    "{{ d.type }}",  # a key
    "{{ d.missing is undefined }}",  # neither key nor attribute
    "{{ d['values'] }}|{{ d.values is callable }}",  # dict attribute names keep the attribute
    "{{ d.get('type') }}|{{ d.items()|list|length }}",
    "{{ o.real }}",  # not a dict: plain getattr
    "{{ d.nested.x }}",
])
def test_lookup_matches_stock_jinja(source: str) -> None:
    data = {"d": {"type": "visit", "values": [1, 2], "get": "shadowed", "nested": {"x": "<b>"}}, "o": 3}
    stock = Environment(autoescape=True).from_string(source).render(**data)
    ours = TemplateEnvironment(autoescape=True).from_string(source).render(**data)
    assert ours == stock


def test_the_app_uses_it_with_autoescape() -> None:
    env = templates.env
    assert isinstance(env, TemplateEnvironment)
    assert env.from_string("{{ d.x }}").render(d={"x": "<script>"}) == "&lt;script&gt;"

"""Short text reprs and Jupyter HTML reprs of the model's objects."""

from __future__ import annotations

import html.parser

import eduplans


class _Checker(html.parser.HTMLParser):
    """Collects the text of an HTML fragment and checks that its tags are balanced."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in ("br",):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _text(fragment: str) -> str:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    assert checker.stack == [], checker.stack
    return "".join(checker.text)


def test_short_reprs(plans: eduplans.PlanCollection) -> None:
    luoyang = plans["洛阳市"]
    assert repr(luoyang.region) == "Region('洛阳市', prefecture, 410300, in 河南省)"
    money = next(b for b in plans["从化区"].baselines if b.text == "104.17亿元")
    assert repr(money) == (
        "Baseline(2020: '104.17亿元' = 10417000000 yuan, flags=['cumulative', 'year_implied'])"
    )
    about = next(t for t in plans["河南省"].targets if t.text == "30%左右")
    assert repr(about) == "Target(2027: '30%左右' = ~ 30 percent)"
    for plan in plans:
        for ind in plan.indicators:
            assert len(repr(ind)) < 200 and repr(ind).startswith("Indicator(")
            for v in ind.values:
                assert "magnitude=" not in repr(v) and len(repr(v)) < 160
    entry = eduplans.catalog()["preschool_gross_enrolment_rate"]
    assert repr(entry) == (
        "CatalogEntry('preschool_gross_enrolment_rate': 学前教育毛入园率 / "
        "Preschool gross enrolment rate, percent)"
    )


def test_html_reprs_are_balanced_and_escaped(plans: eduplans.PlanCollection) -> None:
    luoyang = plans["洛阳市"]
    assert "洛阳市 ⊂ 河南省" in _text(luoyang.region._repr_html_())
    ind = luoyang.indicators[0]
    page = ind._repr_html_()
    assert ind.full_name in _text(page) and "<mark>" in page
    for v in ind.values:
        assert v.text in _text(v._repr_html_())
    entry = eduplans.catalog()["preschool_gross_enrolment_rate"]
    text = _text(entry._repr_html_())
    assert entry.definition in text and entry.aliases[0] in text
    odd = eduplans.Region(name="<b>&县", level="county")
    assert "&lt;b&gt;&amp;县" in odd._repr_html_()

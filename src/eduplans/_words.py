"""The words data (``data/words.toml``), loaded into typed tables, and patterns built from them.

One file holds the Chinese words eduplans understands (see its header for the sections); this
module reads it once, checks it, and hands out frozen tables. Modules that read Chinese take their
words from here instead of typing their own lists. :func:`load_words` reads another copy of the
file (a user's, or a test's with one block added), so a new word is one block of data.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import threading
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ._errors import DataError
from ._once import once
from ._vocab import Binding

__all__ = [
    "AlignWords",
    "ComparatorWords",
    "DateWords",
    "DiagWords",
    "HeadingWords",
    "MeasureWords",
    "MetaWords",
    "NounUnitWords",
    "PageWords",
    "PeriodWords",
    "PlotWords",
    "ProseWords",
    "RegionWords",
    "SettleWords",
    "StageWords",
    "TableWords",
    "TopicWords",
    "UnitWords",
    "WordPattern",
    "Words",
    "alternation",
    "chars",
    "load_words",
    "on_change",
    "pattern",
    "use_words",
    "words",
]

_BUNDLED = "eduplans/data/words.toml"


@dataclass(frozen=True, slots=True, kw_only=True)
class StageWords:
    """One education stage: its key, zh/en labels and the words that name it."""

    key: str
    zh: str
    en: str
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureWords:
    """One thing a name measures: its key and words.

    ``context`` is False for words a section heading may not lend a name (place and level words);
    ``implies_stage`` is the stage a name with this measure and no stage word of its own has;
    ``qualifier`` is True for words that narrow who or what is counted (公办, 寄宿制, 农村, 省级)
    without saying what is measured: a name made only of them and an institution counts the
    institutions (公办幼儿园 is a count of kindergartens), one ending in people counts the people.
    """

    key: str
    words: tuple[str, ...]
    context: bool = True
    implies_stage: str | None = None
    qualifier: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitWords:
    """One canonical unit: its key, pint definition, the words after a number, zh/en labels."""

    key: str
    kind: str
    pint: str
    words: tuple[str, ...]
    zh: str
    en: tuple[str, str]
    counted: bool = False
    label: tuple[str, str] | None = None
    #: No word is written after a number (a coefficient, 0.54): zh and en name the unit on an
    #: axis, never after a value.
    bare: bool = False
    #: Words of an indicator's name that the unit belongs to (差异系数, 生师比, 师生比): the
    #: parser reads the unit's own words (17:1) only under them.
    names: tuple[str, ...] = ()
    #: Those of the names that give the unit to a number written without a unit word (差异系数
    #: 0.54, 生师比18; not 师生比, which is also written 0.076 teachers per student).
    bare_names: tuple[str, ...] = ()
    #: Words written before the number (1:17, a ratio read as 17 per 1).
    before: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, str]:
        """Return how an axis or a legend names the unit (zh, en): label, else zh and en plural."""
        return self.label if self.label is not None else (self.zh, self.en[1])


@dataclass(frozen=True, slots=True, kw_only=True)
class ComparatorWords:
    """One comparator: its key (``eduplans.Comparator`` value), symbol, words, zh/en text."""

    key: str
    symbol: str
    prefix: tuple[str, ...]
    suffix: tuple[str, ...]
    zh: str
    en: str
    context: tuple[str, ...] = ()
    label: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DateWords:
    """How dates are written (section ``[dates]``): the parts of "2025年", "2025年底"."""

    year: str
    year_not_before: tuple[str, ...]
    school_year: str
    month: str
    day: str
    month_parts: tuple[str, ...]
    weekday: tuple[str, ...]
    year_span: tuple[str, ...]
    year_span_text: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodWords:
    """A five-year plan period (``[[period]]``): how it is written (十四五) and its years."""

    key: str
    first: int
    last: int
    en: str
    spelled: tuple[str, ...] = ()  # the name written out (第十三个五年)


@dataclass(frozen=True, slots=True, kw_only=True)
class PlotWords:
    """The words of the figures (section ``[plot]``; explained there)."""

    labels: Mapping[str, tuple[str, ...]]
    qualitative_en: Mapping[str, str]
    qualitative_strip: tuple[str, ...]
    down_words: tuple[str, ...]
    up_words: tuple[str, ...]
    up_lead: tuple[str, ...]
    axis_scales: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class TableWords:
    """The words the table reader's rules read (section ``[table]``; explained there)."""

    value_lead: tuple[str, ...]
    qualitative_lead: tuple[str, ...]
    measure_words: tuple[str, ...]
    lone_comparator: tuple[str, ...]
    split_comparator: tuple[str, ...]
    stat_name_header: tuple[str, ...]
    stat_code_header: tuple[str, ...]
    stat_measures: Mapping[str, str]
    stat_count_suffix: tuple[str, ...]
    stat_total_words: tuple[str, ...]
    stat_amount_header: tuple[str, ...]
    stat_growth_header: tuple[str, ...]
    stat_unit_lead: tuple[str, ...]
    stat_target_words: tuple[str, ...]
    stat_region_suffix: tuple[str, ...]
    stat_remark_header: tuple[str, ...]
    stat_part_qualifiers: tuple[str, ...]
    stat_part_of: Mapping[str, tuple[str, ...]]
    other_header: tuple[str, ...]
    achieved_header: tuple[str, ...]
    period_target_header: tuple[str, ...]
    stage_line_filler: tuple[str, ...]
    sub_lead: tuple[str, ...]
    caption_number: tuple[str, ...]
    caption_words: tuple[str, ...]
    name_header: tuple[str, ...]
    name_header_lead: tuple[str, ...]
    no_header: tuple[str, ...]
    binding_header: tuple[str, ...]
    binding_header_lead: tuple[str, ...]
    binding_header_other: tuple[str, ...]
    binding: Mapping[str, str]
    binding_suffix: tuple[str, ...]
    placeholder: tuple[str, ...]
    year_header_tags: tuple[str, ...]
    year_header_labels: tuple[str, ...]
    base_tags: tuple[str, ...]
    target_tags: tuple[str, ...]
    period_end_header: tuple[str, ...]
    period_end_value: tuple[str, ...]
    section_stages: tuple[str, ...]
    sub_name_heads: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DiagWords:
    """The words the diagnostics read (section ``[diag]``; explained there)."""

    relative_lead: tuple[str, ...]
    relative_verbs: tuple[str, ...]
    aspect_classifiers: tuple[str, ...]
    aspect_nouns: tuple[str, ...]
    document_number: tuple[str, ...]
    document_number_text: tuple[str, ...]
    year_after: tuple[str, ...]
    street_ends: tuple[str, ...]
    street_number: tuple[str, ...]
    phone_labels: tuple[str, ...]
    phone_prefix: str
    age: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class NounUnitWords:
    """Nouns that say what a count counts (``[[noun_unit]]``): 学位 -> seat, …教室 -> room.

    ``contains``: words anywhere in the noun; ``ends``: words the noun ends with.
    """

    unit: str
    contains: tuple[str, ...]
    ends: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignWords:
    """The words of alignment's normalisation steps and rules (section ``[align]``)."""

    scope_note: tuple[str, ...]
    age_to: tuple[str, ...]
    age_full: tuple[str, ...]
    age_unit: tuple[str, ...]
    working_age: tuple[str, ...]
    working_age_word: str
    drop: tuple[str, ...]
    share_of: tuple[str, ...]
    kindergarten: tuple[str, ...]
    children_share: tuple[str, ...]
    children: tuple[str, ...]
    share_end: tuple[str, ...]
    kindergarten_share: tuple[str, ...]
    public: tuple[str, ...]
    joints: tuple[str, ...]
    inclusive: tuple[str, ...]
    rate_end: str
    coverage: tuple[str, ...]
    head_count_end: tuple[str, ...]
    stage_student: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class TopicWords:
    """Words of what a text is about (section ``[topic]``; explained there)."""

    education: tuple[str, ...]
    summary_title: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MetaWords:
    """The words the metadata reader reads (section ``[meta]``; explained there)."""

    issued_after: tuple[str, ...]
    following: tuple[str, ...]
    issuer_end: tuple[str, ...]
    signature_end: tuple[str, ...]
    annual_plan: tuple[str, ...]
    period_end: tuple[str, ...]
    dateline_end: tuple[str, ...]
    dateline_label: tuple[str, ...]
    update_stamp: tuple[str, ...]
    speech_opening: tuple[str, ...]
    plan_words: tuple[str, ...]
    title_end: tuple[str, ...]
    draft_bracket_end: tuple[str, ...]
    draft_words: tuple[str, ...]
    title_education: tuple[str, ...]
    reference_verbs: tuple[str, ...]
    implements: tuple[str, ...]
    not_plan_title_end: tuple[str, ...]
    not_plan_title: tuple[str, ...]
    modernisation: tuple[str, ...]
    issue_verbs: tuple[str, ...]
    perfective: tuple[str, ...]
    notice_about: tuple[str, ...]
    notice_verbs: tuple[str, ...]
    notice_issue_verbs: tuple[str, ...]
    notice_forward: tuple[str, ...]
    notice_of: tuple[str, ...]
    notice_nouns: tuple[str, ...]
    news_words: tuple[str, ...]
    report_lead: tuple[str, ...]
    said_verbs: tuple[str, ...]
    work_report: tuple[str, ...]
    summary_words: tuple[str, ...]
    summary_end: tuple[str, ...]
    plan_sections: tuple[str, ...]
    asked_lead: tuple[str, ...]
    asked_verb: tuple[str, ...]
    asked_nouns: tuple[str, ...]
    untitled: str
    signed_verbs: tuple[str, ...]
    issuer_office_end: tuple[str, ...]
    date_labels: tuple[str, ...]
    colon_labels: tuple[str, ...]
    five_year_title: tuple[str, ...]
    period_self: tuple[str, ...]
    annual_title: tuple[str, ...]
    target_by: tuple[str, ...]
    not_target_by: str
    action_plan: tuple[str, ...]
    planned_heads: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PageWords:
    """The words of a web page's furniture (section ``[page]``; explained there)."""

    chrome: tuple[str, ...]
    chrome_labels: tuple[str, ...]
    spam: tuple[str, ...]
    adult: tuple[str, ...]
    adult_schooling: tuple[str, ...]
    footer_labels: tuple[str, ...]
    breadcrumb_home: tuple[str, ...]
    breadcrumb_label: tuple[str, ...]
    counter_verbs: tuple[str, ...]
    counter_nouns: tuple[str, ...]
    index_labels: tuple[str, ...]
    info_verbs: tuple[str, ...]
    info_nouns: tuple[str, ...]
    source_labels: tuple[str, ...]
    page: tuple[str, ...]
    page_total: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class HeadingWords:
    """The words of headings and numbering (section ``[heading]``; explained there)."""

    ordinal: tuple[str, ...]
    numerals: str
    chapter_numerals: str
    list_numerals: str
    part_ends: tuple[str, ...]
    line_part_ends: tuple[str, ...]
    box: tuple[str, ...]
    labels: tuple[str, ...]
    table: tuple[str, ...]
    stems: str
    review: tuple[str, ...]
    forward: tuple[str, ...]
    forward_periods: tuple[str, ...]
    forward_period_not: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionWords:
    """The words of regions' names (section ``[region]``; explained there)."""

    division_ends: tuple[str, ...]
    municipalities: tuple[str, ...]
    province_ends: tuple[str, ...]
    prefecture_ends: tuple[str, ...]
    not_prefecture_ends: tuple[str, ...]
    own_level: tuple[str, ...]
    generic_names: tuple[str, ...]
    word_aliases: tuple[str, ...]
    anonymous: tuple[str, ...]
    anonymous_place: tuple[str, ...]
    autonomous: tuple[str, ...]
    autonomous_ends: tuple[str, ...]
    anonymous_ends: tuple[str, ...]
    anonymous_before: tuple[str, ...]
    issuer_tail: tuple[str, ...]
    media: tuple[str, ...]
    not_before: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True, kw_only=True)
class SettleWords:
    """The words the settling step reads (section ``[settle]``; explained there)."""

    change_verbs: tuple[str, ...]
    compared_ago: tuple[str, ...]
    change_alone: tuple[str, ...]
    band_joints: tuple[str, ...]
    band_nouns: tuple[str, ...]
    higher_than: tuple[str, ...]
    growth: tuple[str, ...]
    growth_verbs: tuple[str, ...]
    not_to_after: str
    change_to: tuple[str, ...]
    change_to_joints: tuple[str, ...]
    achieved: tuple[str, ...]
    seat_nouns: tuple[str, ...]
    changed_by: tuple[str, ...]
    approx: tuple[str, ...]
    population_verbs: tuple[str, ...]
    place_words: tuple[str, ...]
    place_not_after: tuple[str, ...]
    size_verbs: tuple[str, ...]
    national_not_after: str
    national_subjects: tuple[str, ...]
    national_titles: tuple[str, ...]
    national_then: tuple[str, ...]
    to_date: tuple[str, ...]
    progress: tuple[str, ...]
    list_nouns: tuple[str, ...]
    under_way: tuple[str, ...]
    year_measures: tuple[str, ...]
    other_fields: tuple[str, ...]
    other_field_counted: tuple[str, ...]
    schooling_nouns: tuple[str, ...]
    breakdown: tuple[str, ...]
    institution_end: tuple[str, ...]
    institution_category: tuple[str, ...]
    one_facility: tuple[str, ...]
    facility_specs: tuple[str, ...]
    located: tuple[str, ...]
    related_links: tuple[str, ...]
    project_suffixes: tuple[str, ...]
    build_verbs: tuple[str, ...]
    seat_verbs: tuple[str, ...]
    facility_name_after: str
    span_before: tuple[str, ...]
    span_after: tuple[str, ...]
    continues: tuple[str, ...]
    breaks_down: tuple[str, ...]
    not_about_before: str
    not_about_after: tuple[str, ...]
    task_nouns: tuple[str, ...]
    task_is: tuple[str, ...]
    last_year: tuple[str, ...]
    list_marks: tuple[str, ...]
    target_met: tuple[str, ...]
    now: tuple[str, ...]
    disposal_before: str
    programme_before: tuple[str, ...]
    won_objects: tuple[str, ...]
    bulletin_verbs: tuple[str, ...]
    bulletin_titles: tuple[str, ...]
    reference_nouns: tuple[str, ...]
    shown: tuple[str, ...]
    completion_verbs: tuple[str, ...]
    school_year_start: tuple[str, ...]
    yearbooks: tuple[str, ...]
    proposing_nouns: tuple[str, ...]
    proposes: tuple[str, ...]
    according_to: tuple[str, ...]
    required: tuple[str, ...]
    plan_nouns: tuple[str, ...]
    today: tuple[str, ...]
    event_nouns: tuple[str, ...]
    year_conference: tuple[str, ...]
    period_done: tuple[str, ...]
    period_opening: tuple[str, ...]
    listed_into: tuple[str, ...]
    span_lead: tuple[str, ...]
    span_ahead: tuple[str, ...]
    span_starts: tuple[str, ...]
    span_back: tuple[str, ...]
    to_year: tuple[str, ...]
    compare_not_after: Mapping[str, str]
    compare_bases: tuple[str, ...]
    compare_alone: tuple[str, ...]
    negation: tuple[str, ...]
    intent: tuple[str, ...]
    will: tuple[str, ...]
    plan_verb: tuple[str, ...]
    plan_not_after: tuple[str, ...]
    plan_compounds: tuple[str, ...]
    plan_name_after: str
    strive: tuple[str, ...]
    won_before: tuple[str, ...]
    won_verb_end: tuple[str, ...]
    change_from: tuple[str, ...]
    on_base_lead: tuple[str, ...]
    on_base: tuple[str, ...]
    defining: tuple[str, ...]
    aspects: tuple[str, ...]
    population: tuple[str, ...]
    provision_verbs: tuple[str, ...]
    by_standard: tuple[str, ...]
    size: tuple[str, ...]
    rank_verbs: tuple[str, ...]
    rank_top: tuple[str, ...]
    condition_end: tuple[str, ...]
    national: tuple[str, ...]
    national_scope: tuple[str, ...]
    schooling: tuple[str, ...]
    task_after: tuple[str, ...]
    task_not_after: str
    opening_year_lead: tuple[str, ...]
    education_chars: str
    binding: tuple[str, ...]
    this_year: tuple[str, ...]
    that_year: tuple[str, ...]
    next_year: tuple[str, ...]
    ahead: tuple[str, ...]
    ahead_numerals: str
    period_scope: tuple[str, ...]
    since_start: tuple[str, ...]
    section_review: tuple[str, ...]
    section_ahead: tuple[str, ...]
    denominator: tuple[str, ...]
    among: tuple[str, ...]
    among_tail: tuple[str, ...]
    or_words: tuple[str, ...]
    shown_not_before: tuple[str, ...]
    bulletin_lead: tuple[str, ...]
    as_follows: tuple[str, ...]
    compared_with: tuple[str, ...]
    compared_with_end: tuple[str, ...]
    period_span: tuple[str, ...]
    since: tuple[str, ...]
    met_intent: tuple[str, ...]
    event_not_before: tuple[str, ...]
    intends_year: tuple[str, ...]
    at_year: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ProseWords:
    """The words the prose reader's rules read (section ``[prose]``; each key is explained there).

    Comparator, unit and scale words are not repeated here: the rules take those from the
    ``[[comparator]]`` and ``[[unit]]`` blocks.
    """

    not_unit_before: Mapping[str, str]
    not_year_before: str
    list_joints: str
    change_lead: tuple[str, ...]
    change: tuple[str, ...]
    name_end: tuple[str, ...]
    lead_verbs: tuple[str, ...]
    above_below: tuple[str, ...]
    threshold: tuple[str, ...]
    programme_count: str
    duration_after: tuple[str, ...]
    duration_before: tuple[str, ...]
    scaled_person_classifier: tuple[str, ...]
    scaled_persons: tuple[str, ...]
    scaled_persons_before: tuple[str, ...]
    scaled_persons_verb: tuple[str, ...]
    noun_classifiers: tuple[str, ...]
    cn_value_lead: tuple[str, ...]
    cn_value_units: tuple[str, ...]
    cn_value_not_before: tuple[str, ...]
    at_least: tuple[str, ...]
    at_least_before_verb: tuple[str, ...]
    at_least_only: tuple[str, ...]
    percent_suffix: tuple[str, ...]
    all_reached: tuple[str, ...]
    all_done: tuple[str, ...]
    list_head_verbs: tuple[str, ...]
    each: tuple[str, ...]
    joined_units: tuple[str, ...]
    per_unit: Mapping[str, tuple[str, ...]]
    per_slash: tuple[str, ...]
    school_name_end: str
    measure_end: tuple[str, ...]
    each_of_list: tuple[str, ...]
    rate_end: tuple[str, ...]
    list_head_end: str
    name_lead: tuple[str, ...]
    name_lead_not_before: tuple[str, ...]
    share_become: tuple[str, ...]
    share_name: str
    interval_every: str
    interval_verbs: tuple[str, ...]
    interval_after: tuple[str, ...]
    name_after_stop: tuple[str, ...]
    name_filler: tuple[str, ...]
    parts_lead: tuple[str, ...]
    place_end: str
    of: str
    respectively: str
    list_from: tuple[str, ...]
    list_to: tuple[str, ...]
    list_from_head_end: tuple[str, ...]
    range_after_unit: tuple[str, ...]
    hedges: tuple[str, ...]
    clause_lead: tuple[str, ...]
    lead_year_before: str
    year_end: tuple[str, ...]
    year_before: tuple[str, ...]
    scope_end: tuple[str, ...]
    scope_lead: tuple[str, ...]
    since: tuple[str, ...]
    year_lead: tuple[str, ...]
    compare_lead: tuple[str, ...]
    of_place: tuple[str, ...]
    condition: tuple[str, ...]
    percent_numerals: str
    cn_value_not_after: str
    one_not_after: tuple[str, ...]
    cn_years_lead: tuple[str, ...]
    full_cover: str
    full_cover_not_after: str
    full_cover_then: tuple[str, ...]
    full_cover_built: tuple[str, ...]
    covers: str
    cover_all: tuple[str, ...]
    every: str
    every_not_before: tuple[str, ...]
    whole: str
    region_wide: tuple[str, ...]
    each_one: str
    achieve: str
    name_joints: str
    etc: str
    size: str
    name_after_end: str
    from_year: tuple[str, ...]
    at_year: tuple[str, ...]
    per_year: tuple[str, ...]
    cumulative: tuple[str, ...]
    cumulative_years_end: tuple[str, ...]
    existing: tuple[str, ...]
    untitled: str
    open_end: tuple[str, ...]
    generic_after: tuple[str, ...]
    frames: tuple[str, ...]
    given_verbs: tuple[str, ...]
    given_each: tuple[str, ...]
    area: str
    groups: tuple[str, ...]
    group_ends: tuple[str, ...]
    to_level: tuple[str, ...]
    school_names: tuple[str, ...]
    school_not_before: tuple[str, ...]
    shared_joints: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Words:
    """All tables of the words data (compared and hashed by identity)."""

    units: tuple[UnitWords, ...]
    classifiers: Mapping[str, str]
    scales: Mapping[str, int]
    comparators: tuple[ComparatorWords, ...]
    verbs: tuple[str, ...]
    qualitative: tuple[str, ...]
    hedge: tuple[str, ...]
    numerals: str
    digits: str
    zero: str
    percent_words: str
    #: The decimal point of a number in words (五点五), and numerals written for another (两 → 二).
    decimal_point: str
    numeral_variants: Mapping[str, str]
    bare_numbers: Mapping[str, int]
    small_numbers: Mapping[str, int]
    range: tuple[str, ...]
    maintain: tuple[str, str]
    fold_chars: Mapping[int, str]
    fold_work: Mapping[int, str]
    #: Traditional characters that are simplified ones too: never folded ([fold] t2s_keep).
    t2s_keep: str
    header_units: Mapping[str, str]
    prose_ambiguous: tuple[str, ...]

    replace: Mapping[str, str]
    scope: tuple[str, ...]
    time_before: tuple[str, ...]
    time_after: tuple[str, ...]
    goal_hedge: tuple[str, ...]
    filler: tuple[str, ...]
    generic_stage: tuple[str, ...]
    not_stage: tuple[str, ...]
    bracket_units: tuple[str, ...]
    count_of: tuple[str, ...]
    count: tuple[str, ...]
    not_institution: tuple[str, ...]
    people: tuple[str, ...]
    pupils: tuple[str, ...]
    building: tuple[str, ...]
    align: AlignWords
    stages: tuple[StageWords, ...]
    measures: tuple[MeasureWords, ...]
    compounds: Mapping[str, tuple[str, ...]]
    dates: DateWords
    diag: DiagWords
    heading: HeadingWords
    meta: MetaWords
    noun_units: tuple[NounUnitWords, ...]
    page: PageWords
    periods: tuple[PeriodWords, ...]
    plot: PlotWords
    prose: ProseWords
    region: RegionWords
    settle: SettleWords
    table: TableWords
    topic: TopicWords

    @property
    def stage_keys(self) -> frozenset[str]:
        """Keys of all stages."""
        return frozenset(s.key for s in self.stages)

    def unit(self, key: str) -> UnitWords:
        """Return the ``[[unit]]`` block of ``key`` (KeyError when there is none)."""
        for u in self.units:
            if u.key == key:
                return u
        raise KeyError(key)


def alternation(forms: Iterable[str]) -> str:
    """Return a regex alternation of ``forms``, longest first (so 毛入学率 wins over 入学率).

    Parameters
    ----------
    forms
        Literal words.

    Returns
    -------
    str
        A pattern matching any of them; one that never matches when ``forms`` is empty.
    """
    return _alternation(tuple(forms))


@functools.lru_cache(maxsize=1024)
def _alternation(forms: tuple[str, ...]) -> str:
    unique = sorted(set(forms), key=lambda w: (-len(w), w))
    return "|".join(map(re.escape, unique)) or r"(?!x)x"


def chars(text: str) -> str:
    """Return a regex character class body matching any character of ``text``."""
    return "".join(map(re.escape, text)) or r"^\s\S"


def _strs(value: Any, where: str, path: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataError("expected a list of non-empty strings", path=path, field=where)
    return tuple(value)


def _pair(value: Any, where: str, path: str) -> tuple[str, str] | None:
    """Read an optional [zh, en] pair."""
    if value is None:
        return None
    pair = _strs(value, where, path)
    if len(pair) != 2:
        raise DataError("expected [zh, en]", path=path, field=where)
    return (pair[0], pair[1])


def _str(row: Mapping[str, Any], name: str, where: str, path: str) -> str:
    value = row.get(name)
    if not isinstance(value, str) or not value:
        raise DataError(f"expected a non-empty string, got {value!r}", path=path, field=where)
    return value


def _bool(row: Mapping[str, Any], name: str, where: str, path: str) -> bool:
    value = row.get(name, False)
    if not isinstance(value, bool):
        raise DataError(f"expected true or false, got {value!r}", path=path, field=where)
    return value


def _table(cls: Any, doc: Mapping[str, Any], name: str, path: str) -> Any:
    """Fill the dataclass ``cls`` from the TOML table ``doc[name]``: every field, no others."""
    table = doc.get(name)
    if not isinstance(table, dict):
        raise DataError("missing section", path=path, field=name)
    fields = {f.name: str(f.type) for f in dataclasses.fields(cls)}
    extra = set(table) - set(fields)
    if extra:
        raise DataError(f"unknown key(s) {sorted(extra)}", path=path, field=name)
    values: dict[str, Any] = {}
    for key, kind in fields.items():
        where = f"{name}.{key}"
        if key not in table:
            raise DataError("missing key", path=path, field=where)
        value = table[key]
        if kind == "str":
            if not isinstance(value, str) or not value:
                raise DataError("expected a non-empty string", path=path, field=where)
            values[key] = value
        elif kind == "tuple[str, ...]":
            values[key] = _strs(value, where, path) if value != [] else ()
        elif kind == "Mapping[str, str]":
            if not isinstance(value, dict) or not all(
                isinstance(v, str) and v for v in value.values()
            ):
                raise DataError("expected a table of strings", path=path, field=where)
            values[key] = MappingProxyType(dict(value))
        else:  # Mapping[str, tuple[str, ...]]
            if not isinstance(value, dict):
                raise DataError("expected a table of lists", path=path, field=where)
            values[key] = MappingProxyType(
                {k: _strs(v, f"{where}.{k}", path) for k, v in value.items()}
            )
    return cls(**values)


def _table_words(doc: Mapping[str, Any], path: str) -> TableWords:
    """Return ``[table]``; an indicator type's value is one of ``eduplans.Binding``."""
    table: TableWords = _table(TableWords, doc, "table", path)
    known = {b.value for b in Binding}
    for word, value in table.binding.items():
        if value not in known:
            raise DataError(
                f"{value!r} is not one of {sorted(known)}", path=path, field=f"table.binding.{word}"
            )
    return table


def _variants(value: Any, path: str) -> Mapping[str, str]:
    """Return ``[value] numeral_variants``: numerals written for another, one character each."""
    if not isinstance(value, dict) or not all(
        len(k) == 1 and isinstance(v, str) and len(v) == 1 for k, v in value.items()
    ):
        raise DataError("folds one numeral into one", path=path, field="value.numeral_variants")
    return MappingProxyType(dict(value))


def _folds(doc: Mapping[str, Any], path: str) -> tuple[Mapping[int, str], Mapping[int, str]]:
    """Return the ``[fold]`` tables for ``str.translate``: every text, and the working copy."""
    extra = set(doc) - {"fullwidth_ascii", "chars", "space", "t2s_keep"}
    if extra:
        raise DataError(f"unknown key(s) {sorted(extra)}", path=path, field="fold")
    if not isinstance(doc.get("fullwidth_ascii", False), bool):
        raise DataError("takes true or false", path=path, field="fold.fullwidth_ascii")
    table: dict[int, str] = {}
    if doc.get("fullwidth_ascii", False):
        table.update({0xFF01 + i: chr(0x21 + i) for i in range(0x5E)})
    work = dict(table)
    for name, into in (("chars", (table, work)), ("space", (work,))):
        for a, b in doc.get(name, {}).items():
            if len(a) != 1 or not isinstance(b, str) or len(b) != 1:
                raise DataError("folds one character into one", path=path, field=f"fold.{name}.{a}")
            for t in into:
                t[ord(a)] = b
    return MappingProxyType(table), MappingProxyType(work)


def _parse(text: str, path: str) -> Words:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"not valid TOML: {exc}", path=path) from None
    known = {
        "normalise", "stage", "measure", "compound", "unit", "classifier", "scale", "comparator",
        "value", "fold", "header", "dates", "diag", "meta", "noun_unit", "topic",
        "period", "plot", "prose", "settle",
        "table", "page", "heading", "region", "align",
    }  # fmt: skip
    extra = set(doc) - known
    if extra:
        raise DataError(f"unknown section(s) {sorted(extra)}", path=path)
    norm = doc.get("normalise", {})
    replace = norm.get("replace", {})
    if not isinstance(replace, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in replace.items()
    ):
        raise DataError("expected a table of strings", path=path, field="normalise.replace")
    stages = []
    for i, row in enumerate(doc.get("stage", [])):
        where = f"stage[{i}]"
        stages.append(
            StageWords(
                key=_str(row, "key", f"{where}.key", path),
                zh=_str(row, "zh", f"{where}.zh", path),
                en=_str(row, "en", f"{where}.en", path),
                words=_strs(row.get("words"), f"{where}.words", path),
            )
        )
    stage_keys = {s.key for s in stages}
    measures = []
    for i, row in enumerate(doc.get("measure", [])):
        where = f"measure[{i}]"
        implied = row.get("implies_stage")
        if implied is not None and implied not in stage_keys:
            raise DataError(f"unknown stage {implied!r}", path=path, field=f"{where}.implies_stage")
        context = row.get("context", True)
        if not isinstance(context, bool):
            raise DataError("expected true or false", path=path, field=f"{where}.context")
        qualifier = row.get("qualifier", False)
        if not isinstance(qualifier, bool):
            raise DataError("expected true or false", path=path, field=f"{where}.qualifier")
        measures.append(
            MeasureWords(
                key=_str(row, "key", f"{where}.key", path),
                words=_strs(row.get("words"), f"{where}.words", path),
                context=context,
                implies_stage=implied,
                qualifier=qualifier,
            )
        )
    keys = [m.key for m in measures]
    for key in keys:
        if keys.count(key) > 1:
            raise DataError(f"measure {key!r} is defined twice", path=path, field="measure")
    compounds = {}
    for written, parts in doc.get("compound", {}).items():
        compounds[written] = _strs(parts, f"compound.{written}", path) if parts else ()
    units = []
    for i, row in enumerate(doc.get("unit", [])):
        where = f"unit[{i}]"
        en = _strs(row.get("en"), f"{where}.en", path)
        if len(en) != 2:
            raise DataError("en takes [singular, plural]", path=path, field=f"{where}.en")
        words_ = row.get("words", [])
        units.append(
            UnitWords(
                key=_str(row, "key", f"{where}.key", path),
                kind=_str(row, "kind", f"{where}.kind", path),
                pint=_str(row, "pint", f"{where}.pint", path),
                words=_strs(words_, f"{where}.words", path) if words_ else (),
                zh=_str(row, "zh", f"{where}.zh", path),
                en=(en[0], en[1]),
                counted=bool(row.get("counted", False)),
                label=_pair(row.get("label"), f"{where}.label", path),
                bare=_bool(row, "bare", f"{where}.bare", path),
                names=_strs(row["names"], f"{where}.names", path) if row.get("names") else (),
                bare_names=_strs(row["bare_names"], f"{where}.bare_names", path)
                if row.get("bare_names")
                else (),
                before=_strs(row["before"], f"{where}.before", path) if row.get("before") else (),
            )
        )
        if units[-1].bare and units[-1].words:
            raise DataError("a bare unit has no words", path=path, field=f"{where}.words")
        if units[-1].bare and not units[-1].bare_names:
            raise DataError("a bare unit needs the names it goes with", path=path, field=where)
        if not set(units[-1].bare_names) <= set(units[-1].names):
            raise DataError("bare_names are some of names", path=path, field=f"{where}.bare_names")
    unit_keys = {u.key for u in units}
    classifiers = doc.get("classifier", {})
    for word, unit in classifiers.items():
        if unit not in unit_keys:
            raise DataError(f"unknown unit {unit!r}", path=path, field=f"classifier.{word}")
    scales = doc.get("scale", {})
    for word, factor in scales.items():
        if not isinstance(factor, int) or factor <= 1:
            raise DataError("a scale is an integer above 1", path=path, field=f"scale.{word}")
    comparators = []
    for i, row in enumerate(doc.get("comparator", [])):
        where = f"comparator[{i}]"
        comparators.append(
            ComparatorWords(
                key=_str(row, "key", f"{where}.key", path),
                symbol=_str(row, "symbol", f"{where}.symbol", path),
                prefix=_strs(row.get("prefix"), f"{where}.prefix", path),
                suffix=_strs(row["suffix"], f"{where}.suffix", path) if row.get("suffix") else (),
                zh=_str(row, "zh", f"{where}.zh", path),
                en=_str(row, "en", f"{where}.en", path),
                context=_strs(row["context"], f"{where}.context", path)
                if row.get("context")
                else (),
                label=_pair(row.get("label"), f"{where}.label", path),
            )
        )
    periods = []
    for i, row in enumerate(doc.get("period", [])):
        where = f"period[{i}]"
        first, last = row.get("first"), row.get("last")
        if not isinstance(first, int) or not isinstance(last, int) or not first <= last:
            raise DataError("first and last are years, first <= last", path=path, field=where)
        periods.append(
            PeriodWords(
                key=_str(row, "key", f"{where}.key", path),
                first=first,
                last=last,
                en=_str(row, "en", f"{where}.en", path),
                spelled=_strs(row["spelled"], f"{where}.spelled", path)
                if row.get("spelled")
                else (),
            )
        )
    noun_units = []
    for i, row in enumerate(doc.get("noun_unit", [])):
        where = f"noun_unit[{i}]"
        unit = _str(row, "unit", f"{where}.unit", path)
        if unit not in unit_keys:
            raise DataError(f"unknown unit {unit!r}", path=path, field=f"{where}.unit")
        contains, ends = row.get("contains", []), row.get("ends", [])
        noun_units.append(
            NounUnitWords(
                unit=unit,
                contains=_strs(contains, f"{where}.contains", path) if contains else (),
                ends=_strs(ends, f"{where}.ends", path) if ends else (),
            )
        )
    value = doc.get("value", {})
    header = doc.get("header", {})
    for word, unit in header.items():
        if unit not in unit_keys:
            raise DataError(f"unknown unit {unit!r}", path=path, field=f"header.{word}")
    maintain = _strs(value.get("maintain"), "value.maintain", path)
    if len(maintain) != 2:
        raise DataError("maintain takes [zh, en]", path=path, field="value.maintain")
    fold_chars, fold_work = _folds(doc.get("fold", {}), path)
    return Words(
        units=tuple(units),
        classifiers=MappingProxyType(dict(classifiers)),
        scales=MappingProxyType(dict(scales)),
        comparators=tuple(comparators),
        verbs=_strs(value.get("verbs", []), "value.verbs", path),
        qualitative=_strs(value.get("qualitative", []), "value.qualitative", path),
        hedge=_strs(value.get("hedge", []), "value.hedge", path),
        numerals=str(value.get("numerals", "")),
        digits=str(value.get("digits", "")),
        zero=str(value.get("zero", "")),
        percent_words=str(value.get("percent_words", "")),
        decimal_point=_str(value, "decimal_point", "value.decimal_point", path),
        numeral_variants=_variants(value.get("numeral_variants", {}), path),
        bare_numbers=MappingProxyType(dict(value.get("bare_numbers", {}))),
        small_numbers=MappingProxyType(dict(value.get("small_numbers", {}))),
        range=_strs(value.get("range", []), "value.range", path),
        maintain=(maintain[0], maintain[1]),
        fold_chars=fold_chars,
        fold_work=fold_work,
        t2s_keep=_str(doc.get("fold", {}), "t2s_keep", "fold.t2s_keep", path),
        header_units=MappingProxyType(dict(header)),
        prose_ambiguous=_strs(value.get("prose_ambiguous", []), "value.prose_ambiguous", path),
        replace=MappingProxyType(dict(replace)),
        scope=_strs(norm.get("scope", []), "normalise.scope", path),
        time_before=_strs(norm.get("time_before", []), "normalise.time_before", path),
        time_after=_strs(norm.get("time_after", []), "normalise.time_after", path),
        goal_hedge=_strs(norm.get("goal_hedge", []), "normalise.goal_hedge", path),
        filler=_strs(norm.get("filler", []), "normalise.filler", path),
        generic_stage=_strs(norm.get("generic_stage", []), "normalise.generic_stage", path),
        not_stage=_strs(norm.get("not_stage", []), "normalise.not_stage", path),
        bracket_units=_strs(norm.get("bracket_units", []), "normalise.bracket_units", path),
        count_of=_strs(norm.get("count_of", []), "normalise.count_of", path),
        count=_strs(norm.get("count", []), "normalise.count", path),
        not_institution=_strs(norm.get("not_institution", []), "normalise.not_institution", path),
        people=_strs(norm.get("people", []), "normalise.people", path),
        pupils=_strs(norm.get("pupils", []), "normalise.pupils", path),
        building=_strs(norm.get("building", []), "normalise.building", path),
        align=_table(AlignWords, doc, "align", path),
        stages=tuple(stages),
        measures=tuple(measures),
        compounds=MappingProxyType(compounds),
        dates=_table(DateWords, doc, "dates", path),
        diag=_table(DiagWords, doc, "diag", path),
        heading=_table(HeadingWords, doc, "heading", path),
        meta=_table(MetaWords, doc, "meta", path),
        noun_units=tuple(noun_units),
        page=_table(PageWords, doc, "page", path),
        periods=tuple(periods),
        plot=_table(PlotWords, doc, "plot", path),
        prose=_table(ProseWords, doc, "prose", path),
        region=_table(RegionWords, doc, "region", path),
        settle=_table(SettleWords, doc, "settle", path),
        table=_table_words(doc, path),
        topic=_table(TopicWords, doc, "topic", path),
    )


@once
def _bundled() -> Words:
    text = files("eduplans").joinpath("data/words.toml").read_text(encoding="utf-8")
    return _parse(text, _BUNDLED)


_active: list[Words] = []  # the words in use when not the bundled ones (use_words)
_listeners: list[Callable[[], None]] = []
_patterns: list[WordPattern] = []  # forgotten when the words change (use_words)


class WordPattern:
    """A regex built from the words data on first use, and again after :func:`use_words`.

    It answers ``match``, ``fullmatch``, ``search``, ``finditer``, ``sub`` and ``pattern`` like
    the compiled pattern it holds; the pattern is built once (under a lock, also when many
    threads ask at once) and kept until the words change.
    """

    __slots__ = ("_compiled", "_flags", "_lock", "_make")

    def __init__(self, make: Callable[[Words], str], flags: int = 0) -> None:
        self._make = make
        self._flags = flags
        self._lock = threading.Lock()
        self._compiled: re.Pattern[str] | None = None
        _patterns.append(self)

    def forget(self) -> None:
        """Drop the compiled pattern (the words changed)."""
        with self._lock:
            self._compiled = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern for the words in use."""
        compiled = self._compiled
        if compiled is None:
            with self._lock:
                compiled = self._compiled
                if compiled is None:
                    compiled = re.compile(self._make(words()), self._flags)
                    self._compiled = compiled
        return compiled

    @property
    def pattern(self) -> str:
        """The pattern's source text."""
        return self.compiled.pattern

    def match(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        """As :meth:`re.Pattern.match`."""
        return self.compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        """As :meth:`re.Pattern.fullmatch`."""
        return self.compiled.fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        """As :meth:`re.Pattern.search`."""
        return self.compiled.search(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = 2**63 - 1
    ) -> Iterator[re.Match[str]]:
        """As :meth:`re.Pattern.finditer`."""
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> list[Any]:
        """As :meth:`re.Pattern.findall`."""
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        """As :meth:`re.Pattern.sub`."""
        return self.compiled.sub(repl, string, count)


def pattern(make: Callable[[Words], str], flags: int = 0) -> WordPattern:
    """Return a regex that ``make`` writes from the words in use (see :class:`WordPattern`).

    Parameters
    ----------
    make
        Writes the pattern's source from the words data.
    flags
        ``re`` flags.

    Returns
    -------
    WordPattern
        Built on first use, rebuilt after :func:`use_words`.
    """
    return WordPattern(make, flags)


def on_change(listener: Callable[[], None]) -> None:
    """Register a function that rebuilds what a module made from the words (see use_words)."""
    _listeners.append(listener)


def use_words(source: Words | str | Path | None) -> Words:
    """Make every module read its words from ``source`` (None: the bundled words again).

    Parameters
    ----------
    source
        Tables from :func:`load_words`, the path of a words file, or None.

    Returns
    -------
    Words
        The words now in use.

    Raises
    ------
    DataError
        If the file cannot be read or is malformed; the words in use stay as they were.
    """
    new = load_words(source) if isinstance(source, str | Path) else source
    _active.clear()
    if new is not None:
        _active.append(new)
    for compiled in _patterns:
        compiled.forget()
    for listener in _listeners:
        listener()
    return words()


def words() -> Words:
    """Return the words data in use: the bundled file unless :func:`use_words` chose another.

    Returns
    -------
    Words
        Frozen tables.

    Raises
    ------
    DataError
        If ``data/words.toml`` is malformed (names the section and field).
    """
    return _active[0] if _active else _bundled()


def load_words(path: str | Path) -> Words:
    """Read a words file (a copy of the bundled one, with blocks added or changed).

    Parameters
    ----------
    path
        A TOML file in the format of ``data/words.toml``.

    Returns
    -------
    Words
        Frozen tables.

    Raises
    ------
    DataError
        If the file cannot be read or is malformed.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read words file: {exc}", path=str(path)) from None
    return _parse(text, str(path))

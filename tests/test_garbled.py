"""garbled-phrase: the lexicon, the detector, the config switch, the science pack and fixes end to end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, lint

from checker.config import Config
from checker.engine import Engine
from checker.findings import Diagnostic
from checker.garbled.expressions import swaps_in
from checker.garbled.model import render_model
from checker.packs import builtin_rules_dir

RULE = "garbled-phrase"
SEED = ROOT / "examples" / "kabul-police-attacks.txt"  # the seed article, kept among the examples
CLEAN = ROOT / "bench" / "clean-copy"

_engines: dict[str, Engine] = {}


def lint_with(text: str, rule: str = RULE, **params: object) -> list[Diagnostic]:
    """Lint with rule parameters overridden, as ``[rules.<rule>]`` in a config file would."""
    key = f"{rule}:{sorted(params.items())}"
    if key not in _engines:
        _engines[key] = Engine(Config(select=[rule], rules={rule: dict(params)}))
    results = _engines[key].check_path("draft.txt", data=text.encode("utf-8"))
    return [d for r in results for d in r.result.diagnostics]


def spans(diagnostics: list[Diagnostic]) -> list[tuple[int, int, int, str]]:
    return [(d.line, d.column, d.end_column, d.excerpt) for d in diagnostics]


# -- lexicon -------------------------------------------------------------------


def test_lexicon_hit_has_exact_span_message_and_safe_fix() -> None:
    text = "Clashes in the north\n\nThe rebels killed 10 safety forces near the border.\n"
    (d,) = lint(text, RULE)
    assert (d.line, d.column, d.end_line, d.end_column) == (3, 22, 3, 35)
    assert "'safety forces'" in d.message and "'security forces'" in d.message and "lexicon" in d.message
    assert d.fix is not None and d.fix.replacement == "security forces" and d.fix.applicability == "safe"


def test_lexicon_matches_case_and_number() -> None:
    text = "Headline\n\nSafety Forces moved in. A safety force was sent. SAFETY FORCES left.\n"
    found = lint(text, RULE)
    assert [d.excerpt for d in found] == ["Safety Forces", "safety force", "SAFETY FORCES"]
    assert [d.fix.replacement for d in found if d.fix] == ["Security Forces", "security force", "SECURITY FORCES"]


def test_lexicon_accepts_hyphen_or_space_and_curly_apostrophes() -> None:
    text = "Headline\n\nThe non public sector grew. Non-public sector jobs fell.\n"
    assert [d.excerpt for d in lint(text, RULE)] == ["non public sector", "Non-public sector"]


def test_correct_expressions_and_legitimate_uses_are_not_flagged() -> None:
    text = (
        "Headline\n\n"
        "Security forces said the fighting was still underway.\n\n"
        "The plant failed safety standards, and road safety officials closed the junction.\n\n"
        "She took a supporting role in the film and held a supporting position in the polls.\n\n"
        "The army took control of the district and still holds the compound.\n\n"
        "The report lists the components of the country's power grid.\n\n"
        "A local council said the heavy rain had flooded the high school.\n"
    )
    assert spans(lint(text, RULE)) == []


def test_longest_match_wins_and_nothing_overlaps() -> None:
    text = "Headline\n\nThe preventing continues to be underway, he said.\n"
    (d,) = lint(text, RULE)
    assert d.excerpt == "The preventing continues to be underway"
    assert d.fix is not None and d.fix.replacement == "The fighting is still underway"


def test_uncertain_entry_is_only_a_suggestion() -> None:
    text = "Headline\n\nThe army shifted to a supporting position last year.\n"
    (d,) = lint(text, RULE)
    assert d.fix is not None and d.fix.replacement == "to a supporting role"
    assert d.fix.applicability == "suggestion"


# -- detector --------------------------------------------------------------------


def test_collocation_evidence_without_lexicon() -> None:
    text = "Headline\n\nHe was charged with barbed robbery on Monday.\n"
    (d,) = lint_with(text, lexicon=False, typical=False)
    assert (d.line, d.column, d.end_column) == (3, 21, 35)
    assert "'armed robbery'" in d.message and "collocation" in d.message
    assert d.fix is not None and d.fix.applicability == "suggestion"


def test_an_article_needs_one_swap_typical_of_spinning() -> None:
    # "barbed" is a thesaurus synonym of "armed" that no spinner is known to pick: alone it could be a
    # writer's choice; beside "safety forces", a spinner's typical swap, the copy was spun
    alone = "Headline\n\nHe was charged with barbed robbery on Monday.\n"
    assert lint_with(alone, lexicon=False) == []
    spun = alone + "\nSafety forces sealed off the road.\n"
    assert [d.excerpt for d in lint_with(spun, lexicon=False)] == ["barbed robbery", "Safety forces"]


def test_a_lone_collocation_in_clean_copy_shows_nothing() -> None:
    # "commanders" is a spinner's pick for "leaders", and "opposition leaders" a fixed expression; but a
    # writer says "opposition commanders" of a rebel army, and one odd pair in clean copy is no spun article
    text = "Rebels close in on city\n\nOpposition commanders said on Sunday that the airport would fall within days.\n"
    assert lint_with(text, lexicon=False) == []
    spun = text + "\nSafety forces sealed off the road to the airport.\n"
    assert [d.excerpt for d in lint_with(spun, lexicon=False)] == ["Opposition commanders", "Safety forces"]


def test_two_wordings_of_one_expression_are_one_sign() -> None:
    # "interim cabinet" and "interim authority" are both a spinner's "interim government", and a writer's
    # two ways of naming one body: together they are one sign of spinning, not two
    text = (
        "Leaders agree on new government\n\n"
        "Delegates meeting in the capital agreed on an interim cabinet late on Wednesday after nine days of talks.\n\n"
        "The agreement names a chairman for an interim authority that will run the country for six months.\n"
    )
    assert lint_with(text, lexicon=False) == []


def test_two_readings_of_the_same_words_are_one_sign() -> None:
    # "local command station" is "local government station" or "local command post", never both: the two
    # findings count once, and with "security post" make two weak signs, not three
    text = (
        "Missiles hit guard building\n\n"
        "Helicopters fired four missiles into a security post on the edge of the town before dawn.\n\n"
        "The single-storey building was a local command station for the president's guard, officials said.\n"
    )
    assert lint_with(text, lexicon=False) == []


def test_two_neighbouring_words_swapped_are_shown_only_beside_stronger_evidence() -> None:
    double = "Headline\n\nDrivers ignored the velocity restriction near the school.\n"
    assert lint_with(double, lexicon=False) == []
    (d,) = lint_with(double + "\nSafety forces closed the road.\n", lexicon=False)[:1]
    assert d.excerpt == "velocity restriction" and "'speed limit'" in d.message
    assert "two words swapped" in d.message


def test_compound_evidence_is_opt_in() -> None:
    text = "Headline\n\nFire paladins battled the blaze overnight.\n"
    assert lint_with(text, lexicon=False, typical=False) == []
    (d,) = lint_with(text, lexicon=False, compounds=True, typical=False)
    assert d.excerpt == "Fire paladins" and "'Firefighters'" in d.message and "compound" in d.message


def test_grammar_evidence_without_lexicon() -> None:
    text = (
        "Headline\n\n"
        "The group said they management the district.\n\n"
        "Officials said the preventing continued for hours.\n"
    )
    found = lint_with(text, lexicon=False)
    assert [d.excerpt for d in found] == ["they management", "the preventing continued"]
    assert all("grammar" in d.message for d in found)
    assert "'they manage'" in found[0].message
    assert found[1].fix is None  # no certain wording to put in its place


def test_web_collocation_pairs_are_weaker_evidence(tmp_path: Path) -> None:
    # a model built with --pairs: a pair one swap from a web collocation counts only beside stronger
    # evidence, or several together if asked
    model = tmp_path / "model.tsv"
    model.write_text(
        render_model({"heart assault": ("heart attack", 4.5), "death punishment": ("death penalty", 5.0)}, {}, []),
        encoding="utf-8",
    )
    text = "Headline\n\nHe suffered a heart assault in the dock. He now faces the death punishment.\n"
    alone = {"lexicon": False, "expressions": "none.tsv", "frozen": "", "model": str(model), "typical": False}
    assert lint_with(text, **alone) == []
    found = lint_with(text, together=2, **alone)
    assert spans(found) == [(3, 15, 28, "heart assault"), (3, 59, 75, "death punishment")]
    assert [d.fix.replacement for d in found if d.fix] == ["heart attack", "death penalty"]
    assert all("evidence: collocation" in d.message for d in found)


def test_a_swap_in_a_fixed_news_expression_gives_weaker_evidence_company() -> None:
    text = "Headline\n\nHe suffered a heart assault in the dock. He now faces the death punishment.\n"
    found = lint_with(text, lexicon=False, frozen="")
    assert [d.excerpt for d in found] == ["heart assault", "death punishment"]
    # "suffered a heart attack" is frozen too, and its swap already found as the swap it is: reported once, as it was
    assert [d.excerpt for d in lint_with(text, lexicon=False)] == ["heart assault", "death punishment"]
    assert "fixed expression 'death penalty'" in found[1].message


def test_pairs_the_language_model_knows_are_not_flagged() -> None:
    # each is one broad-thesaurus swap from a stronger expression ("rural areas", "heavy rain"), but ordinary
    text = (
        "Storm report\n\nRural districts saw heavy precipitation. Local doctors treated minor burns, and a pilot "
        "scheme supplies generic medicines.\n"
    )
    assert lint_with(text, lexicon=False) == []


def test_another_adjective_before_the_same_noun_is_not_a_swap() -> None:
    # one broad-thesaurus swap from "a great deal", but an ordinary description
    assert lint_with("Headline\n\nThe firm called it a significant deal and an official deal.\n", lexicon=False) == []


def test_lexicon_knows_swaps_across_beats() -> None:
    text = "Headline\n\nThe attorney widespread said fireplace fighters were sentenced to existence.\n"
    found = lint_with(text, detector=False)
    assert spans(found) == [
        (3, 5, 24, "attorney widespread"),
        (3, 30, 48, "fireplace fighters"),
        (3, 54, 76, "sentenced to existence"),
    ]
    assert [d.fix.replacement for d in found if d.fix] == ["attorney general", "firefighters", "sentenced to life"]


def test_modal_before_a_noun_is_a_grammar_break() -> None:
    found = lint_with("Headline\n\nThe rebels said they will management the district.\n", lexicon=False)
    assert spans(found) == [(3, 22, 37, "will management")]
    assert found[0].fix is not None and found[0].fix.replacement == "will manage"
    assert "evidence: grammar" in found[0].message


def test_to_before_a_noun_is_english() -> None:
    assert lint_with("Headline\n\nShe moved from sales to management the following year.\n", lexicon=False) == []


def test_detector_ignores_names_and_attested_pairs() -> None:
    text = (
        "Headline\n\n"
        "Officials at Actual Estate Partners declined to comment.\n\n"
        "The death toll rose, and mental health services were stretched.\n"
    )
    assert lint_with(text, lexicon=False) == []


def test_detector_switched_off_leaves_only_the_lexicon() -> None:
    text = "Headline\n\nThe barbed robbery ended. Safety forces arrived.\n"
    assert [d.excerpt for d in lint_with(text, detector=False)] == ["Safety forces"]


def test_lexicon_switch_from_a_config_file(tmp_path: Path) -> None:
    from checker.config import load_config

    config = tmp_path / "newslint.toml"
    config.write_text("select = ['garbled-phrase']\n\n[rules.garbled-phrase]\nlexicon = false\n", encoding="utf-8")
    engine = Engine(load_config(config))
    # a phrase only the lexicon knows: the detector judges word pairs
    results = engine.check_path("draft.txt", data=b"Headline\n\nSatellite tv for pc images arrived.\n")
    assert results[0].result.diagnostics == []


# -- the seed and clean copy ---------------------------------------------------


@pytest.mark.skipif(not SEED.is_file(), reason="the seed article is missing from examples")
def test_seed_flags_lines_27_31_33_only_with_sensible_suggestions() -> None:
    found = lint(SEED.read_text(encoding="utf-8"), RULE)
    assert {d.line for d in found} == {27, 31, 33}
    suggestions = {d.excerpt: d.fix.replacement for d in found if d.fix}
    assert suggestions["authorities forces"] == "government forces"
    assert suggestions["numerous components of the nation"] == "various parts of the country"
    assert suggestions["they management the"] == "they control the"
    assert suggestions["safety forces"] == "security forces"
    assert suggestions["fight mission"] == "combat mission"


def test_clean_copy_has_no_findings() -> None:
    for path in sorted(CLEAN.glob("*.txt")):
        assert lint(path.read_text(encoding="utf-8"), RULE, path=path.name) == [], path.name


# -- the opt-in science pack -----------------------------------------------------


def test_tortured_phrase_is_off_by_default_and_only_suggests() -> None:
    text = "Headline\n\nThe lab used counterfeit consciousness to sort the samples.\n"
    assert lint(text, RULE) == []
    (d,) = lint(text, "tortured-phrase")
    assert d.excerpt == "counterfeit consciousness"
    assert d.fix is not None and d.fix.replacement == "artificial intelligence"
    assert d.fix.applicability == "suggestion"
    assert "Problematic Paper Screener" in d.message


# -- fixes end to end --------------------------------------------------------------


def _newslint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", "--no-config", "--select", RULE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_diff_then_fix_on_a_temporary_copy(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    original = "Clashes\n\nThe rebels killed 10 safety forces.\n\nThe barbed robbery failed.\n"
    draft.write_text(original, encoding="utf-8")

    shown = _newslint("--diff", str(draft))
    assert "-The rebels killed 10 safety forces." in shown.stdout
    assert "+The rebels killed 10 security forces." in shown.stdout
    assert "+The armed robbery failed." not in shown.stdout  # a detector suggestion is never applied
    assert draft.read_text(encoding="utf-8") == original  # --diff writes nothing

    _newslint("--fix", str(draft))
    fixed = draft.read_text(encoding="utf-8")
    # the safe lexicon fix is applied; the detector's suggestion is left for an editor
    assert fixed == "Clashes\n\nThe rebels killed 10 security forces.\n\nThe barbed robbery failed.\n"

    again = _newslint("--diff", str(draft))
    assert "security forces" not in again.stdout  # nothing left to apply: fixing converges


def test_allow_list_silences_ordinary_expressions(tmp_path: Path) -> None:
    text = "Headline\n\nThe council faces a budget shortfall, and Nadal saved a break point.\n"
    assert lint(text, RULE) == []
    # a newsroom's own list works the same way
    house = tmp_path / "house.yaml"
    (tmp_path / "ours.txt").write_text("barbed robbery\n", encoding="utf-8")
    house.write_text(
        "rules:\n  house-garbled:\n    kind: garbled-phrase\n    summary: s\n    message: m\n"
        "    params: {allow: [ours.txt]}\n",
        encoding="utf-8",
    )
    engine = Engine(Config(select=["house-garbled"], rule_packs=[str(house)]))
    results = engine.check_path("draft.txt", data=b"Headline\n\nThe barbed robbery failed.\n")
    assert results[0].result.diagnostics == []

    # in either number: the list's "barbed robbery" allows "barbed robberies", which is flagged without it
    def plural_found(allow: str) -> int:
        house.write_text(
            "rules:\n  house-garbled:\n    kind: garbled-phrase\n    summary: s\n    message: m\n"
            f"    params: {{allow: [{allow}], typical: false}}\n",
            encoding="utf-8",
        )
        engine = Engine(Config(select=["house-garbled"], rule_packs=[str(house)]))
        found = engine.check_path("draft.txt", data=b"Headline\n\nThe barbed robberies failed.\n")
        return len(found[0].result.diagnostics)

    (tmp_path / "none.txt").write_text("", encoding="utf-8")
    assert plural_found("none.txt") == 1
    assert plural_found("ours.txt") == 0


SPUN = (
    "The mayor gave an approval speech to supporters on Tuesday night. Doctors said flock immunity "
    "had not been reached. Lawyers filed a category action lawsuit against the company."
)


def test_several_weaker_findings_together_show_that_copy_was_spun() -> None:
    found = lint_with(f"Headline\n\n{SPUN}\n", lexicon=False)
    assert [d.excerpt for d in found] == ["approval speech", "flock immunity", "category action"]


def test_weaker_findings_spread_through_a_long_document_are_not_enough() -> None:
    clean = "The council met on Monday and agreed the budget for the coming year after a long debate. " * 60
    assert lint_with(f"Headline\n\n{SPUN}\n\n{clean}\n", lexicon=False, frozen="") == []
    # (a spinner's pick in an expression the pick leaves no English reading is garbled alone, however long the copy)
    found = [d.excerpt for d in lint_with(f"Headline\n\n{SPUN}\n\n{clean}\n", lexicon=False)]
    assert found == ["category action lawsuit"]


def test_a_headline_is_no_company_for_weaker_findings() -> None:
    text = "Approval speech draws crowd\n\nThe mayor gave an approval speech. Doctors said flock immunity was near.\n"
    assert lint_with(text, lexicon=False, typical_together=0) == []
    # nor for a swap spinners are known to make: one in the copy is not two
    text = "Flock immunity near\n\nThe mayor gave an approval speech on Tuesday night to his supporters.\n"
    assert lint_with(text, lexicon=False) == []


def test_two_swaps_spinners_are_known_to_make_show_that_copy_was_spun() -> None:
    text = "Headline\n\nThe mayor gave an approval speech. Doctors said flock immunity was near.\n"
    assert [d.excerpt for d in lint_with(text, lexicon=False)] == ["approval speech", "flock immunity"]
    assert lint_with(text, lexicon=False, typical_together=0) == []
    # but only as densely as a spinner leaves them
    clean = "The council met on Monday and agreed the budget for the coming year after a long debate. " * 30
    assert lint_with(f"Headline\n\n{clean}\n\n{text.split(chr(10))[2]}\n", lexicon=False) == []


def test_the_weakest_findings_count_beside_a_weaker_one() -> None:
    # one grade-1 finding and two grade-2 ones, close together: the copy was spun
    text = (
        "Headline\n\n"
        "She won the final in direct sets and saved all five break factors she faced. "
        "The crowd on the central court cheered every point.\n"
    )
    tiers = sorted(d.excerpt for d in lint_with(text, lexicon=False))
    assert "in direct sets" in tiers and "break factors" in tiers


def test_a_suggestion_keeps_an_irregular_plural() -> None:
    from checker.garbled.detector import _inflected

    assert _inflected("hit man", "persons") == "hit men"
    assert _inflected("chairman", "chairs") == "chairmen"
    assert _inflected("grandchild", "kids") == "grandchildren"


def test_a_verb_after_its_subject_is_no_swapped_modifier() -> None:
    # "hit persons" is one swap from "hit men", but here "hit" is what the officers did
    text = (
        "Headline\n\n"
        "Safety forces moved in at dawn and the demise toll rose. Observers said police officers hit persons who "
        "were lying on the ground.\n"
    )
    assert [d.excerpt for d in lint_with(text, lexicon=False)] == ["Safety forces", "demise toll"]


def test_a_noun_made_from_a_verb_where_the_verb_must_stand() -> None:
    text = "Headline\n\nThe upper house will discussion the bill next week. The company will trial the scheme.\n"
    assert [d.excerpt for d in lint_with(text, lexicon=False)] == ["will discussion"]


def test_a_lexicon_phrase_at_the_end_of_a_name_is_the_name() -> None:
    text = (
        "Headline\n\n"
        'Thousands left their homes, the Civil Protection Ministry said. "Houses can be rebuilt," Civil '
        "Protection Minister Eleni Markou said. Safety forces closed the road.\n"
    )
    assert [d.excerpt for d in lint_with(text)] == ["Safety forces"]


def test_a_swap_at_the_head_of_an_x_of_y_expression_but_not_after_its_function_word() -> None:
    text = "Headline\n\nSafety forces moved in. The governor declared a nation of emergency after a series of blasts.\n"
    assert [d.excerpt for d in lint_with(text, lexicon=False)] == ["Safety forces", "nation of emergency"]


def test_a_swap_of_a_word_the_language_model_fixes_beside_function_words() -> None:
    # "custody" after "taken into" and "rest" after "laid to" are fixed (the language model's word
    # triples make them likely there); "explosions" after "series of" is not, so "blasts" passes
    text = (
        "Headline\n\n"
        "Safety forces moved in. Two men were taken into guardianship after a series of blasts. The victims were "
        "laid to relaxation on Friday.\n"
    )
    assert [d.excerpt for d in lint_with(text, lexicon=False)] == [
        "Safety forces",
        "taken into guardianship",
        "laid to relaxation",
    ]


def test_a_fixed_word_beside_function_words_alone_is_weak_evidence() -> None:
    # "freed on bail" is English the word triples do not hold: alone in clean copy it is not reported
    text = "Headline\n\nThe two men were freed on bail on Friday and will appear in court next month.\n"
    assert lint_with(text, lexicon=False) == []


def test_a_longer_idiom_with_a_spinners_swap_is_garbled_on_its_own() -> None:
    # alone in clean copy: the idiom's other words leave the swap no English reading
    text = "Headline\n\nThe president declared a state of urgency on Monday as the river kept rising.\n"
    found = lint_with(text, lexicon=False)
    assert [d.excerpt for d in found] == ["state of urgency"]
    assert "'state of emergency'" in found[0].message
    assert lint_with(text, lexicon=False, idioms=False) == []
    # a pair is a writer's choice until other evidence says the copy was spun
    assert lint_with("Headline\n\nWeighty snowfall closed the mountain pass.\n", lexicon=False) == []


def test_a_loose_synonym_of_a_fixed_word_beside_function_words() -> None:
    # "weight" is only a loose synonym of "burden", but "proof" after "weight of" is what the language
    # model finds unlikely; "set to vote" (a loose swap of "right to vote") is English it knows
    text = (
        "Headline\n\n"
        "Safety forces moved in. The prosecution bears the weight of proof, the judge said. The council is set "
        "to vote on the plan.\n"
    )
    assert [d.excerpt for d in lint_with(text, lexicon=False)] == ["Safety forces", "weight of proof"]


def test_a_swapped_word_with_an_object_after_it_is_a_verb() -> None:
    # "drone hit" is one swap from "drone attack" and "town mean" from "town centre", but each is a
    # subject and its verb: an object follows; "on the campaign path that they ..." is no verb
    text = (
        "Headline\n\n"
        "Safety forces moved in and the demise toll rose. On Sunday a drone hit an electrical substation. Falling "
        "birth rates in the town mean both schools have empty places.\n"
    )
    assert [d.excerpt for d in lint_with(text, lexicon=False)] == ["Safety forces", "demise toll"]


def test_a_noun_after_an_infinitive_to() -> None:
    text = (
        "Headline\n\n"
        "Health teams began to vaccination residents on Monday. The mayor agreed to arbitration, and the director "
        "moved from sales to management the next year.\n"
    )
    found = lint_with(text, lexicon=False)
    assert [d.excerpt for d in found] == ["to vaccination"]
    assert found[0].fix is not None and found[0].fix.replacement == "to vaccinate"


def test_a_swapped_word_that_belongs_with_a_neighbour_outside_the_phrase() -> None:
    # "think tank" is an expression of its own, and "return-to-work" a hyphenated modifier: "health think"
    # is no "health care", "work agreements" no "trade agreements"
    text = (
        "Headline\n\n"
        "Safety forces moved in and the demise toll rose. A study by a local health think tank said so. The union "
        "signed return-to-work agreements.\n"
    )
    assert [d.excerpt for d in lint_with(text, lexicon=False)] == ["Safety forces", "demise toll"]


def test_a_swapped_word_after_a_modal_is_a_verb() -> None:
    # "report breaches" is one swap from "data breaches", but after "must" it is a verb and its object
    text = (
        "Headline\n\nSafety forces moved in and the demise toll rose. Under the law, companies must report "
        "breaches within 72 hours.\n"
    )
    assert [d.excerpt for d in lint_with(text, lexicon=False)] == ["Safety forces", "demise toll"]


def test_the_spun_forms_of_news_expressions_are_a_lexicon_of_suggestions() -> None:
    text = "Headline\n\nThe verdict was an abortion of justice, the family said.\n"
    (d,) = lint_with(text)
    assert d.excerpt == "abortion of justice" and "'miscarriage of justice'" in d.message
    assert "evidence: lexicon" in d.message
    assert d.fix is not None and d.fix.applicability == "suggestion"


def test_an_expression_of_the_longer_list_counts_a_spinner_swap_beside_stronger_evidence() -> None:
    # "heavy snowfall" is in the longer list: "weighty" is what spinners write for "heavy", but alone it
    # is no proof that the copy was spun
    alone = "Headline\n\nWeighty snowfall closed the mountain pass.\n"
    assert lint_with(alone, lexicon=False) == []
    found = lint_with(alone + "\nSafety forces sealed off the road.\n", lexicon=False)
    assert [d.excerpt for d in found] == ["Weighty snowfall", "Safety forces"]
    assert "'Heavy snowfall'" in found[0].message
    # a synonym spinners are not known to pick counts for nothing in the longer list
    other = (
        "Headline\n\nPonderous snowfall closed the pass.\n\nSafety forces sealed the road as the demise toll rose.\n"
    )
    assert [d.excerpt for d in lint_with(other, lexicon=False)] == ["Safety forces", "demise toll"]


def test_the_listed_swaps_are_found_without_the_index() -> None:
    # a data file edited by hand loses its index: the doubles' bit set is then made from the section itself
    from checker.garbled.expressions import parse

    text = Path(builtin_rules_dir() / "data" / "garbled-expressions.tsv").read_text(encoding="utf-8")
    exprs = parse(text[: text.index("\n[index]\n") + 1])
    assert exprs.doubling_at == (0, 0)
    toks = "drivers ignored the velocity restriction near the school".split()
    (swap,) = swaps_in(exprs, toks, [" "] * (len(toks) - 1), doubles=True)
    assert swap.double and swap.expression.written == "speed limit"


def test_several_different_listed_swaps_show_spinning_when_asked() -> None:
    # no finding of the first pass is typical of spinning; three different listed swaps are, in 100 words
    text = (
        "Outbreak\n\n"
        "Five more people have examined constructive for the infection, health officials said on Monday, as "
        "doctors at the hospital's crisis division treated patients with underlying well being situations. "
        "Officials asked anyone who ate at the restaurant last week to call the county helpline, which is "
        "open every day until the end of the month, and to keep their children at home if they feel unwell.\n"
    )
    assert lint_with(text, lexicon=False) == []
    found = lint_with(text, lexicon=False, listed_together=3)
    assert [d.excerpt for d in found] == [
        "examined constructive",
        "crisis division",
        "underlying well being situations",
    ]
    # two are not enough
    assert lint_with(text.replace("crisis division", "emergency department"), lexicon=False, listed_together=3) == []


def test_of_two_expressions_a_spinner_s_swap_is_preferred() -> None:
    # "profit caution" is one swap from "profit margin" and from "profit warning"; only "caution" for
    # "warning" is a swap spinners make, and that is the reading given
    text = "Headline\n\nThe company issued a profit caution as the demise toll rose and safety forces moved in.\n"
    found = {d.excerpt: d.message for d in lint_with(text, lexicon=False)}
    assert "'profit warning'" in found["profit caution"]


def test_a_swapped_first_word_that_ends_an_expression_with_the_word_before_is_no_swap() -> None:
    # "civil protection ministry" is the ministry of civil protection, not a garbled "defence ministry";
    # "the protection ministry" still is
    spun = "Headline\n\nSafety forces sealed the road as the demise toll rose.\n\n"
    clean = lint_with(spun + "Greece's civil protection ministry sent text alerts.\n", lexicon=False)
    assert [d.excerpt for d in clean] == ["Safety forces", "demise toll"]
    garbled = lint_with(spun + "The protection ministry sent text alerts.\n", lexicon=False)
    assert [d.excerpt for d in garbled] == ["Safety forces", "demise toll", "protection ministry"]


def test_ordinary_wording_among_spun_phrases_is_not_flagged() -> None:
    text = (
        f"Headline\n\n{SPUN}\n\nThe provincial authorities and the state ministry said a similar crossing nearby "
        "had been closed. The general prosecutor and the county director met on Friday, before the coach left. "
        "Exchange shops shut, a swollen stream cut the road and railway operators urged special caution. "
        "The electoral registry of the rural zone was checked. Water trucks reached the worst-affected districts "
        "and the conflict zones of the north. Two detention officers were hurt, and the jail administrator said "
        "charter fees had risen. Tankers queued at the fuel terminal. In his closing address the lawyer spoke of "
        "the overturned vehicles.\n"
    )
    flagged = [d.excerpt for d in lint_with(text, lexicon=False)]
    assert flagged == ["approval speech", "flock immunity", "category action"]


def test_a_possessive_idiom_s_possessor_swapped_is_garbled_on_its_own() -> None:
    text = "Headline\n\nThe pier is a pebble's throw from the market, the council said on Monday.\n"
    assert [d.excerpt for d in lint_with(text)] == ["pebble's throw"]
    curly = "Headline\n\nThe camp lies a rock’s throw from the border, officials said.\n"
    assert [d.excerpt for d in lint_with(curly)] == ["rock’s throw"]
    # the idiom as it stands, a possessive that is no idiom's, and the switch that turns it off
    clean = "Headline\n\nThe pier is a stone's throw from the fisherman's market, the council said.\n"
    assert lint_with(clean) == []
    assert lint_with(text, idioms=False) == []


def test_a_frozen_expression_with_a_synonym_is_garbled_on_its_own() -> None:
    text = (
        "Headline\n\n"
        "The derby will be played behind shut doors, the league said on Monday.\n\n"
        "Police said they would leave no rock unturned in the search for the driver.\n\n"
        "The jury must be sure of his guilt beyond sensible doubt, the judge said.\n"
    )
    flagged = lint_with(text, lexicon=False)
    assert [d.excerpt for d in flagged] == ["behind shut doors", "leave no rock unturned", "beyond sensible doubt"]
    assert flagged[0].fix is not None and flagged[0].fix.replacement == "behind closed doors"
    assert "fixed expression" in flagged[1].message
    # the expressions as they stand, and the switches that turn the check off
    clean = (
        "Headline\n\n"
        "The derby will be played behind closed doors, the league said.\n\n"
        "Police said they would leave no stone unturned. Guilt must be proven beyond reasonable doubt.\n"
    )
    assert lint_with(clean) == []
    alone = "Headline\n\nPolice said they would leave no rock unturned in the search for the driver.\n"
    assert [d.excerpt for d in lint_with(alone)] == ["leave no rock unturned"]
    assert lint_with(alone, idioms=False) == []
    assert lint_with(alone, frozen="") == []


def test_a_frozen_expression_s_open_readings_are_english() -> None:
    text = (
        "Headline\n\n"
        # two words coordinated, read word by word ("bricks and mortar")
        "Many older homes, built of mud brick and stone, cannot withstand strong shaking.\n\n"
        # the same word in another form ("crossed the finish line")
        "She crossed the finishing line in tears, officials said.\n\n"
        # the expression's other words in another number ("economies of scale")
        "For economy of space, the table is printed in two columns.\n\n"
        # a verb's subject ("the boat capsized")
        "Eleven people died when the vessel capsized off the island, police said.\n\n"
        # a verb's object, however likely the model finds the expression's own ("draw the line")
        "The script will draw the column in blue on the chart, the council said.\n\n"
        # a name of which the swapped word is part
        "The two men met behind Shut Doors, a bar in the old town, police said.\n"
    )
    assert lint_with(text) == []

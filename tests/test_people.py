"""The person registry (the ``mentions`` layer)."""

from __future__ import annotations

from checker.analysis import Facts
from checker.analysis.people import Registry
from checker.readers import read_bytes


def registry(text: str) -> tuple[str, Registry]:
    doc = read_bytes(text.encode("utf-8"), "draft.txt")[0]
    return doc.text, Facts(doc).get("mentions")


def test_full_name_then_surname_and_title() -> None:
    text, reg = registry("Headline\n\nTom Jennings owns the shop. Mr Jennings said so. Jennings agreed. Tom laughed.\n")
    (person,) = [p for p in reg.people if p.full_name == "Tom Jennings"]
    assert [(m.text, m.form) for m in person.mentions] == [
        ("Tom Jennings", "full-name"),
        ("Jennings", "honorific"),
        ("Jennings", "bare"),
        ("Tom", "bare"),
    ]
    assert person.how_introduced == "full-name"
    assert person.gender == "male"
    assert [text[m.start : m.end] for m in person.mentions][:2] == ["Tom Jennings", "Jennings"]
    assert reg.person_named("Jennings") is person


def test_introduction_forms() -> None:
    _, reg = registry(
        "Headline\n\n"
        "Interior Minister Wais Ahmad Barmak spoke. police spokesman Hashmat Stanekzai spoke.\n\n"
        "Asam, the head of the Kabul ambulance service, who only has one name, spoke.\n\n"
        "Tolib, 41, spoke. Adaeze, who uses only one name, spoke. Zhang, a teacher, spoke.\n"
    )
    forms = {p.full_name: p.how_introduced for p in reg.people}
    assert forms["Wais Ahmad Barmak"] == "title-name"
    assert forms["Hashmat Stanekzai"] == "title-name"
    assert forms["Asam"] == "appositive"
    assert forms["Tolib"] == "age"
    assert forms["Adaeze"] == "who-clause"
    assert forms["Zhang"] == "appositive"


def test_bare_mention_then_full_name_is_one_person() -> None:
    _, reg = registry('Headline\n\n"Quote here," said Novak.\n\nThe union leader, Jana Novak, will meet them.\n')
    (person,) = [p for p in reg.people if "Novak" in p.full_name]
    assert person.full_name == "Jana Novak"
    assert [m.form for m in person.mentions] == ["bare", "full-name"]
    assert person.introduction is not None and person.introduction.text == "Jana Novak"


def test_organisations_and_common_words() -> None:
    _, reg = registry(
        "Headline\n\nNorland Energy lost data. Norland said it was sorry.\n\n"
        "Police said the Taliban attacked. Officials said Medora, which employs 500 people, was safe.\n"
    )
    assert reg.is_organisation_word("Norland")
    assert reg.is_organisation_word("Taliban")
    assert reg.is_organisation_word("Medora")
    names = {p.full_name for p in reg.people}
    assert not names & {"Police", "Officials", "Norland", "Taliban", "Medora"}


def test_accents_and_possessives_link() -> None:
    _, reg = registry("Headline\n\nPetra Vasić spoke. Vasic's speech was long. Vasić said more.\n")
    (person,) = [p for p in reg.people if "Vasi" in p.full_name]
    assert len(person.mentions) == 3

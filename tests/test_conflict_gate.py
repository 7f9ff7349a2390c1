"""The learned conflict gate: its constants match its features, the rules decide on cased
and lower-cased text alike (the model decided lower-cased text until the c1 packet)."""

from newsweave.analyze import conflict_gate as cg
from newsweave.analyze.conflicts import shown


def test_weights_match_the_features() -> None:
    feats = cg.features("Two people were killed.", "Two people",
                        "Three people were killed.", "Three people", "loose")
    assert len(feats) == len(cg.NAMES) == len(cg.WEIGHTS)
    assert 0.0 <= cg.score(feats) <= 1.0
    assert 0.5 <= cg.THRESHOLD < 1.0


def test_cased_text_is_decided_by_the_rules() -> None:
    # judged true (Sikkim earthquake toll): the rules pass it, so the gate shows it
    a = "The epicentre of the earthquake was in India's Sikkim state, where at least 18 people were killed."
    b = "At least four people in India's Sikkim state were killed, the state police chief said."
    assert shown(a, "at least 18 people", b, "At least four people")
    # another kind of count: the rules refuse it
    assert not shown("Ten people were killed in the storm.", "Ten people",
                     "Twelve people were injured in the storm.", "Twelve people")


def test_lower_cased_text_is_decided_by_the_rules_too() -> None:
    # judged true on a lower-cased train cluster (cand-c2): one crash's toll (similarity 0.4,
    # above the floor)
    a, b = "the crash killed three and injured dozens.", "two people were killed and dozens of others..."
    assert cg._lower(a) and cg._lower(b)
    assert cg.passes(a, "killed three", b, "two people", "loose")
    # the dead against the injured stays out whatever the case
    x, y = "ten people were killed in the storm.", "twelve people were injured in the storm."
    assert not cg.passes(x, "ten people", y, "twelve people", "loose")
    # judged false in the c1 packet, passed by the model of 9a754a7 (score >= its threshold):
    # six killed on the bus are a part of the eight the crash killed
    c = ("authorities say a tire on a church bus blew out and the bus hit a tractor-trailer "
         "and sport utility vehicle in northeastern tennessee, killing eight people.")
    d = ("six people on the eastbound bus were killed, along with one of three occupants of the "
         "suv and the tractor-trailer driver, the tennessee highway patrol said in a statement.")
    assert not cg.passes(c, "eight people", d, "six people", "loose")


def test_readings_memo_reads_each_figure_once(monkeypatch) -> None:
    """A figure compared with many others (a table of counts) is read once per analysis, not
    once per pair: number-heavy input took minutes before the memo."""
    from newsweave.analyze import conflict_gate

    calls: list[tuple[str, str]] = []
    real = conflict_gate.reading

    def counting(text: str, value: str):
        calls.append((text, value))
        return real(text, value)

    monkeypatch.setattr(conflict_gate, "reading", counting)
    memo = conflict_gate.Readings()
    a = "At least 12 people were killed in the blast on Monday, police said."
    b = "At least 14 people were killed in the blast on Monday, officials said."
    first = conflict_gate.passes(a, "12 people", b, "14 people", memo=memo)
    for _ in range(5):
        assert conflict_gate.passes(a, "12 people", b, "14 people", memo=memo) == first
    assert len(calls) == 2
    assert conflict_gate.passes(a, "12 people", b, "14 people") == first  # no memo: same verdict

"""Reposts: a copy with another header, footer or caption is found; another report on the same event is not."""

from __future__ import annotations

import pytest

from wiretrace.link.reposts import RepostIndex, RepostOptions, shingles, signature

BODY = (
    "Flood waters rose overnight in the river valley, and the regional governor said on Tuesday that two "
    "bridges had been closed. Rescue teams moved more than three hundred residents to schools on higher "
    "ground, and the weather service warned that more rain would fall before the weekend. Farmers in the "
    "lower valley said their fields had been under water since Sunday."
)
OTHER = (
    "The regional governor visited the flooded valley on Tuesday and promised money for the farmers whose "
    "fields were lost. Opposition deputies said the dams had not been repaired for a decade and demanded an "
    "inquiry. Schools on higher ground will stay closed to pupils while they shelter residents."
)


@pytest.mark.parametrize(
    "copy, is_repost",
    [
        (BODY, True),
        ("Valley Courier\n\n" + BODY + "\n\nShare this: Facebook Twitter\n(C) Valley Courier 2024", True),
        (BODY.replace("Tuesday", "Wednesday"), True),
        (OTHER, False),
        (BODY[: len(BODY) // 3], False),
    ],
)
def test_a_copy_is_found_and_another_report_is_not(copy, is_repost):
    index = RepostIndex()
    index.add(1, signature(BODY))
    found = index.original_of(signature(copy))
    assert (found is not None) == is_repost
    if found:
        assert found[0] == 1 and found[1] >= RepostOptions().threshold


def test_the_original_is_the_earliest_copy_before_the_article():
    index = RepostIndex()
    for article in (3, 5, 8):
        index.add(article, signature(BODY))
    assert index.original_of(signature(BODY))[0] == 3
    assert index.original_of(signature(BODY), before=3) is None
    assert len(index) == 3


def test_shingles_of_short_and_empty_texts():
    assert shingles("", 5) == set()
    assert shingles("Two words", 5) == {b"two words"}
    assert len(shingles("one two three four five six", 5)) == 2


def test_the_bands_find_what_datasketch_lsh_finds():
    """The index's buckets against datasketch's own MinHashLSH over the same signatures: same candidates."""
    from datasketch import MinHash, MinHashLSH

    from wiretrace.link.reposts import SCHEME

    words = (BODY + " " + OTHER).split()
    texts = [" ".join(words[i : i + 40 + i % 17]) for i in range(0, len(words) - 40)]
    texts += [t.replace("the", "a", i % 3) for i, t in enumerate(texts)]
    options = RepostOptions()
    ours, theirs = RepostIndex(options), MinHashLSH(threshold=options.threshold, num_perm=options.num_perm)
    signatures = [signature(t, options) for t in texts]
    for article, hashvalues in enumerate(signatures):
        ours.add(article, hashvalues.astype("<u8") if article % 2 else hashvalues)  # as stored, and as made
        theirs.insert(article, MinHash(num_perm=options.num_perm, hashvalues=hashvalues, scheme=SCHEME))
    found = [ours.candidates(h) for h in signatures]
    assert found == [set(theirs.query(MinHash(num_perm=options.num_perm, hashvalues=h, scheme=SCHEME)))
                     for h in signatures]
    assert sum(len(f) > 1 for f in found) > len(texts) // 4  # near-copies share buckets: the check has teeth


def test_a_signature_of_another_length_is_refused_with_the_option_to_check():
    from wiretrace.errors import WiretraceError

    index = RepostIndex()
    with pytest.raises(WiretraceError, match="num_perm"):
        index.add(1, signature(BODY, RepostOptions(num_perm=32)))
    assert len(index) == 0

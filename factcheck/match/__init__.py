"""Matching claims against sources and the verdict on each."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.model import Claim, Source, Verdict

__all__ = ["judge_claim", "judge_quote"]

# Verdicts that found the words: no need to look beyond the sources a claim links to.
_FOUND = ("verified", "altered", "misattributed", "supported")


def judge_claim(claim: Claim, sources: Sequence[Source], preferred: Sequence[str] = ()) -> Verdict:
    """The verdict on one claim. ``preferred`` are ids of sources the claim links to.

    Quotes are matched word for word (``quoted_text``, else ``text``); paraphrases by content.
    The linked sources are searched first; the others only if the words are not there.
    """
    speaker = claim.speaker.name if claim.speaker else None
    linked = [s for s in sources if s.id in set(preferred)]
    order = [linked, list(sources)] if linked and len(linked) < len(sources) else [list(sources)]
    verdict: Verdict | None = None
    for group in order:
        if claim.kind == "paraphrase":
            from factcheck.match.paraphrase import judge_paraphrase

            verdict = judge_paraphrase(claim.text, speaker, group)
        else:
            verdict = judge_quote(claim.quoted_text or claim.text, speaker, group)
        if verdict.label in _FOUND:
            break
    assert verdict is not None
    if claim.vague and claim.speaker is None:
        verdict.flags.append("vague_attribution")
    return verdict


def judge_quote(text: str, speaker: str | None, sources: Sequence[Source]) -> Verdict:
    """The verdict on a bare quote attributed to ``speaker``."""
    from factcheck.match.verdict import judge_quote as judge

    return judge(text, speaker, sources)

"""Matching claims against sources and the verdict on each."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.model import Claim, Source, Verdict

__all__ = ["judge_claim", "judge_quote"]

# Verdicts that found the words: no need to look beyond the sources a claim links to.
_FOUND = ("verified", "altered", "misattributed", "supported")
# Verdicts that found the claimed speaker saying it (or nearly): the search can stop.
_SAID = ("verified", "altered", "supported")


def judge_claim(claim: Claim, sources: Sequence[Source], preferred: Sequence[str] = ()) -> Verdict:
    """The verdict on one claim. ``preferred`` are ids of sources the claim links to.

    Quotes are matched word for word (``quoted_text``, else ``text``); paraphrases by content.
    The linked sources are searched first; the others when the claimed speaker is not found
    saying it there. A misattribution found in a linked source stands unless another source
    has the speaker saying it; otherwise the verdict over all sources is kept.
    """
    speaker = claim.speaker.name if claim.speaker else None
    linked = [s for s in sources if s.id in set(preferred)]
    order = [linked, list(sources)] if linked and len(linked) < len(sources) else [list(sources)]
    verdict: Verdict | None = None
    for group in order:
        if claim.kind == "paraphrase":
            from factcheck.match.paraphrase import judge_paraphrase

            found = judge_paraphrase(claim.text, speaker, group)
        else:
            found = judge_quote(claim.quoted_text or claim.text, speaker, group)
        # Someone else saying it in the linked source does not stop the search: the claimed
        # speaker may have said it in another source (the interviewer's question in the
        # linked transcript, the speaker's own statement elsewhere).
        if verdict is None or found.label in _SAID or verdict.label not in _FOUND:
            verdict = found
        if verdict.label in _SAID:
            break
    assert verdict is not None
    if claim.vague and claim.speaker is None:
        verdict.flags.append("vague_attribution")
    return verdict


def judge_quote(text: str, speaker: str | None, sources: Sequence[Source]) -> Verdict:
    """The verdict on a bare quote attributed to ``speaker``."""
    from factcheck.match.verdict import judge_quote as judge

    return judge(text, speaker, sources)

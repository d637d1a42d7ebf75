"""Token accounting: per-call records, totals, estimated cost for known models, and the session budget."""

from __future__ import annotations

import pytest

from assistant.llm.errors import BudgetExceeded
from assistant.llm.usage import UsageMeter, approx_tokens, price_for


def test_approx_tokens_is_ceil_of_quarter_characters() -> None:
    assert [approx_tokens(t) for t in ("", "a", "abcd", "abcde", "x" * 400)] == [0, 1, 1, 2, 100]


def test_totals_and_cost_for_a_known_model() -> None:
    meter = UsageMeter(10_000)
    meter.record(1_000, 200, "gpt-4o-mini")
    meter.record(500, 100, "gpt-4o-mini-2024-07-18")
    assert (meter.calls, meter.prompt_tokens, meter.completion_tokens, meter.total_tokens) == (2, 1500, 300, 1800)
    assert meter.estimated_cost_usd == pytest.approx((1500 * 0.15 + 300 * 0.60) / 1_000_000)
    assert meter.remaining_tokens == 8_200
    assert price_for("gpt-4o") != price_for("gpt-4o-mini")


def test_local_models_have_no_cost() -> None:
    meter = UsageMeter(10_000)
    meter.record(100, 10, "llama3.1:8b", approximate=True)
    assert meter.estimated_cost_usd is None
    assert meter.summary()["approximate"] is True


def test_budget_exceeded_has_a_clear_message() -> None:
    meter = UsageMeter(1_000)
    meter.check()
    meter.record(900, 150, "gpt-4o-mini")
    with pytest.raises(BudgetExceeded, match="1,050 of its 1,000-token budget") as caught:
        meter.check()
    assert "SESSION_TOKEN_BUDGET" in caught.value.message


def test_once_the_budget_refuses_a_call_the_session_stays_offline_and_says_so() -> None:
    meter = UsageMeter(1_000)
    meter.record(600, 100, "gpt-4o-mini")
    assert meter.budget_notice() is None and meter.summary()["budget_exhausted"] is False
    with pytest.raises(BudgetExceeded):
        meter.check(upcoming=400)  # too big for what is left: not sent
    with pytest.raises(BudgetExceeded, match="used up"):
        meter.check(upcoming=10)  # a smaller request would fit, but the user was told the LLM stopped
    notice = meter.budget_notice("answers are scored offline")
    assert notice is not None and "700 of 1,000 tokens" in notice and "answers are scored offline" in notice
    assert "SESSION_TOKEN_BUDGET" in notice and meter.summary()["budget_exhausted"] is True

"""Token accounting for one session: every call is recorded, totals and an estimated cost are kept, and a budget
stops a runaway interview before it spends more than the user agreed to.

The meter belongs to one session (one interview, one resume review); it is never shared between users.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from assistant.llm.errors import BudgetExceeded

# USD per 1M tokens (input, output), from OpenAI's public price list as checked on 2025-06-01. Used only for an
# *estimate* shown to the user; unknown models (local servers) have no cost.
PRICES_PER_MILLION: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "o4-mini": (1.10, 4.40),
    "o3-mini": (1.10, 4.40),
    "gpt-3.5-turbo": (0.50, 1.50),
}
PRICES_CHECKED_ON = "2025-06-01"


def approx_tokens(text: str) -> int:
    """Approximate token count: ceil(characters / 4), OpenAI's rule of thumb for English text.

    Used when a server reports no usage, and by the interview to show that prompt size stays flat. It is an
    estimate (within about 25% for English prose), not a tokenizer.
    """
    return math.ceil(len(text) / 4) if text else 0


def price_for(model: str | None) -> tuple[float, float] | None:
    """Price of a known OpenAI model; dated snapshots (`gpt-4o-mini-2024-07-18`) match their family."""
    if not model:
        return None
    name = model.lower().removeprefix("openai/")
    for known in sorted(PRICES_PER_MILLION, key=len, reverse=True):  # longest first: gpt-4o-mini before gpt-4o
        if name == known or name.startswith(known + "-"):
            return PRICES_PER_MILLION[known]
    return None


@dataclass(frozen=True)
class UsageRecord:
    """One model call."""

    prompt_tokens: int
    completion_tokens: int
    model: str | None
    approximate: bool = False

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def estimated_cost_usd(self) -> float | None:
        price = price_for(self.model)
        if price is None:
            return None
        return (self.prompt_tokens * price[0] + self.completion_tokens * price[1]) / 1_000_000


class UsageMeter:
    """Per-session usage: records, totals, estimated cost and the token budget."""

    def __init__(self, budget_tokens: int) -> None:
        self.budget_tokens = budget_tokens
        self._records: list[UsageRecord] = []
        self._lock = threading.Lock()
        self._exhausted = False

    def record(
        self, prompt_tokens: int, completion_tokens: int, model: str | None, *, approximate: bool = False
    ) -> UsageRecord:
        record = UsageRecord(max(0, prompt_tokens), max(0, completion_tokens), model, approximate)
        with self._lock:
            self._records.append(record)
        return record

    @property
    def records(self) -> list[UsageRecord]:
        with self._lock:
            return list(self._records)

    @property
    def calls(self) -> int:
        return len(self.records)

    @property
    def prompt_tokens(self) -> int:
        return sum(r.prompt_tokens for r in self.records)

    @property
    def completion_tokens(self) -> int:
        return sum(r.completion_tokens for r in self.records)

    @property
    def total_tokens(self) -> int:
        return sum(r.total_tokens for r in self.records)

    @property
    def remaining_tokens(self) -> int:
        return max(0, self.budget_tokens - self.total_tokens)

    @property
    def approximate(self) -> bool:
        """True when any call's usage was estimated rather than reported by the server."""
        return any(r.approximate for r in self.records)

    @property
    def estimated_cost_usd(self) -> float | None:
        """Sum over calls to known OpenAI models; None when no call has a known price (e.g. a local server)."""
        costs = [c for c in (r.estimated_cost_usd for r in self.records) if c is not None]
        return sum(costs) if costs else None

    def check(self, upcoming: int = 0) -> None:
        """Raise `BudgetExceeded` once the session has spent its budget, or when the request about to be sent
        (`upcoming` prompt tokens, estimated) would take it past the budget: checked before the call, so an
        oversized prompt is never sent and paid for.

        Once a call has been refused, every later one is too (`budget_exhausted`): the session stays with the
        offline coach for the rest of it, as the user was told, rather than flipping back to the LLM for a
        smaller request."""
        spent = self.total_tokens
        if self._exhausted:
            raise BudgetExceeded(
                f"This session's LLM token budget is used up ({spent:,} of {self.budget_tokens:,} tokens); the "
                "offline coach answers instead."
            )
        if upcoming and spent < self.budget_tokens and spent + upcoming > self.budget_tokens:
            self._exhausted = True
            raise BudgetExceeded(
                f"The next LLM request needs about {upcoming:,} tokens, and this session has {self.remaining_tokens:,} "
                f"of its {self.budget_tokens:,}-token budget left, so it was not sent. The offline coach answers "
                "instead; start a new session or raise SESSION_TOKEN_BUDGET in .env."
            )
        if spent >= self.budget_tokens:
            self._exhausted = True
            raise BudgetExceeded(
                f"This session has used {spent:,} of its {self.budget_tokens:,}-token budget, so the coach stopped "
                "calling the LLM. Finish with the offline coach, start a new session, or raise "
                "SESSION_TOKEN_BUDGET in .env."
            )

    @property
    def budget_exhausted(self) -> bool:
        """True once the budget has refused a call: from then on this session runs on the offline coach."""
        return self._exhausted

    def budget_notice(self, what: str = "", *, restart: str = "start a new session") -> str | None:
        """What to tell the user once the budget ran out (None before), so the switch to the offline coach is
        never silent. `what` says what the offline coach does from here and `restart` how to get a fresh budget,
        in the feature's own words."""
        if not self._exhausted:
            return None
        return (
            f"The LLM token budget of this session ran out ({self.total_tokens:,} of {self.budget_tokens:,} tokens "
            f"used), so the offline coach took over{': ' + what if what else ''}. For more LLM turns, {restart} "
            "(each has its own budget) or raise SESSION_TOKEN_BUDGET in .env."
        )

    def summary(self) -> dict[str, object]:
        """Totals for display and JSON output."""
        cost = self.estimated_cost_usd
        return {
            "calls": self.calls,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.total_tokens,
            "budget_tokens": self.budget_tokens,
            "budget_exhausted": self._exhausted,
            "approximate": self.approximate,
            "estimated_cost_usd": round(cost, 6) if cost is not None else None,
        }

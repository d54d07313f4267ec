"""The LLM planner: a ChartPlan from any OpenAI-compatible chat-completions endpoint.

One request, and when the answer is not a valid plan exactly one correction round that sends the error
back; after that, or when the endpoint times out, is unreachable or answers an error status, the rule
planner answers instead. The model may refuse a question it cannot chart (UnchartableQuestion). Only the
validated plan is taken from the model (worker.planner.llm.prompt); token counts, latency, rounds and
the reason for a fallback are returned for the task run record.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx
import structlog
from pydantic import SecretStr

from shared.settings import Settings
from worker.plan import ChartPlan
from worker.planner.llm.prompt import (
    AnswerError,
    Refusal,
    ValueFinder,
    correction_prompt,
    echoed_answer,
    read_answer,
    system_prompt,
    user_prompt,
)
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import SemanticModel

log = structlog.get_logger("chartq.llm")

# A plan is a few hundred bytes; an endpoint streaming megabytes is broken, not thorough.
MAX_RESPONSE_BYTES = 1_000_000
CORRECTION_ROUNDS = 1

FallbackReason = Literal["timeout", "connection_error", "http_error", "bad_response", "invalid_plan"]


class _Unusable(Exception):
    """The endpoint gave no answer to read (timeout, network, status, envelope): fall back at once."""

    def __init__(self, reason: FallbackReason, detail: str) -> None:
        super().__init__(detail)
        self.reason, self.detail = reason, detail


@dataclass
class LLMAttempt:
    """What the model answered: a validated plan, or None with the reason the caller must fall back."""

    plan: ChartPlan | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: int = 0
    rounds: int = 0
    fallback_reason: FallbackReason | None = None
    # Said to operators (logs), never to users: which status, which validation error.
    fallback_detail: str | None = None
    model: str = ""

    def details(self) -> dict[str, Any]:
        """The task run record's view (worker.planner.choose.PlanOutcome.details)."""
        details: dict[str, Any] = {
            "llm_model": self.model,
            "llm_prompt_tokens": self.prompt_tokens,
            "llm_completion_tokens": self.completion_tokens,
            "llm_latency_ms": self.latency_ms,
            "llm_rounds": self.rounds,
        }
        if self.fallback_reason is not None:
            details["fallback_reason"] = self.fallback_reason
        return details


class LLMRefusal(UnchartableQuestion):
    """The model says the question cannot be charted; `attempt` holds what the asking cost."""

    def __init__(self, message: str, attempt: LLMAttempt) -> None:
        super().__init__(message)
        self.attempt = attempt

    @property
    def plan_details(self) -> dict[str, Any]:
        """What a task run records for a refused question (TaskRunState.plan_details)."""
        return {"source": "llm", **self.attempt.details()}


class LLMPlanner:
    def __init__(
        self,
        model: SemanticModel,
        rules: RulePlanner,
        *,
        base_url: str,
        model_name: str,
        api_key: SecretStr | None = None,
        timeout_s: float = 20.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.model, self.rules, self.model_name, self.timeout_s = model, rules, model_name, timeout_s
        headers = {"Accept": "application/json"}
        if api_key is not None and api_key.get_secret_value():
            headers["Authorization"] = f"Bearer {api_key.get_secret_value()}"
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout_s),
            transport=transport,
            follow_redirects=False,
        )
        self._system = system_prompt(model)
        self._values = ValueFinder(model)

    @classmethod
    def from_settings(cls, settings: Settings, model: SemanticModel, rules: RulePlanner) -> LLMPlanner:
        host = urlsplit(settings.llm_base_url).hostname
        log.info(
            "llm planner on", host=host, model=settings.llm_model, timeout_s=settings.llm_timeout_seconds
        )
        return cls(
            model,
            rules,
            base_url=settings.llm_base_url,
            model_name=settings.llm_model,
            api_key=settings.llm_api_key,
            timeout_s=settings.llm_timeout_seconds,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def attempt(
        self,
        question: str,
        *,
        adjustment: str | None = None,
        previous: ChartPlan | None = None,
        earlier: ChartPlan | None = None,
    ) -> LLMAttempt:
        """Asks the model, correcting once; a plan, or none and why. Raises LLMRefusal on a refusal.

        `previous` is the plan an adjustment changes; `earlier` the session's last plan, which a
        follow-up question may change."""
        attempt = LLMAttempt(model=self.model_name)
        named = self._values.find(f"{question} {adjustment or ''}")
        messages = [
            {"role": "system", "content": self._system},
            {"role": "user", "content": user_prompt(question, adjustment, previous, named, earlier)},
        ]
        started = time.monotonic()
        try:
            for round_ in range(1 + CORRECTION_ROUNDS):
                content = await self._complete(messages, attempt)
                try:
                    answer = read_answer(content, self.model)
                except AnswerError as exc:
                    if round_ == CORRECTION_ROUNDS:
                        attempt.fallback_reason, attempt.fallback_detail = "invalid_plan", str(exc)
                        break
                    messages += [
                        {"role": "assistant", "content": echoed_answer(content)},
                        {"role": "user", "content": correction_prompt(exc)},
                    ]
                    continue
                attempt.latency_ms = _elapsed_ms(started)
                if isinstance(answer, Refusal):
                    self._log(attempt, refused=True)
                    raise LLMRefusal(self.rules.help(answer.reason), attempt)
                attempt.plan = answer
                break
        except _Unusable as exc:
            attempt.fallback_reason, attempt.fallback_detail = exc.reason, exc.detail
        attempt.latency_ms = _elapsed_ms(started)
        self._log(attempt)
        return attempt

    async def _complete(self, messages: list[dict[str, str]], attempt: LLMAttempt) -> str:
        """One chat completion's text; usage is added to `attempt` even when the text is unusable."""
        body = {
            "model": self.model_name,
            "messages": messages,
            "temperature": 0,
            "response_format": {"type": "json_object"},
        }
        attempt.rounds += 1
        try:
            # httpx's timeout bounds each read; this bounds the whole exchange, a trickle included.
            async with asyncio.timeout(self.timeout_s):
                raw = await self._post(body)
        except (TimeoutError, httpx.TimeoutException) as exc:
            raise _Unusable("timeout", f"no answer within {self.timeout_s:g} s") from exc
        except httpx.HTTPError as exc:
            raise _Unusable("connection_error", f"{type(exc).__name__}: {exc}") from exc
        return _read_envelope(raw, attempt)

    async def _post(self, body: dict[str, Any]) -> bytes:
        async with self._client.stream("POST", "chat/completions", json=body) as response:
            if not response.is_success:
                raise _Unusable("http_error", f"HTTP {response.status_code} from the chat completions API")
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_RESPONSE_BYTES:
                    raise _Unusable("bad_response", f"response larger than {MAX_RESPONSE_BYTES} bytes")
                chunks.append(chunk)
            return b"".join(chunks)

    def _log(self, attempt: LLMAttempt, *, refused: bool = False) -> None:
        fields = {
            "model": attempt.model,
            "rounds": attempt.rounds,
            "prompt_tokens": attempt.prompt_tokens,
            "completion_tokens": attempt.completion_tokens,
            "latency_ms": attempt.latency_ms,
        }
        if refused:
            log.info("llm planner refused the question", **fields)
        elif attempt.plan is not None:
            log.info("llm planner answered", **fields)
        else:
            log.warning(
                "llm planner fell back to the rule planner",
                reason=attempt.fallback_reason,
                detail=attempt.fallback_detail,
                **fields,
            )


def _read_envelope(raw: bytes, attempt: LLMAttempt) -> str:
    """The message text of an OpenAI chat completion, counting its usage into `attempt`."""
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise _Unusable("bad_response", "the response body is not JSON") from exc
    if not isinstance(data, dict):
        raise _Unusable("bad_response", "the response body is not a JSON object")
    usage = data.get("usage")
    if isinstance(usage, dict):
        attempt.prompt_tokens += _count(usage.get("prompt_tokens"))
        attempt.completion_tokens += _count(usage.get("completion_tokens"))
    try:
        message = data["choices"][0]["message"]
        content = message.get("content")
        refusal = message.get("refusal")
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise _Unusable("bad_response", "the response has no choices[0].message") from exc
    if isinstance(refusal, str) and refusal.strip() and not content:
        # OpenAI's structured-output refusal field: the same as answering {"refuse": ...}.
        return json.dumps({"refuse": refusal})
    if not isinstance(content, str):
        raise _Unusable("bad_response", "the response message has no text content")
    return content


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def _elapsed_ms(started: float) -> int:
    return round((time.monotonic() - started) * 1000)

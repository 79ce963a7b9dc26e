"""Optional generative answers through any OpenAI-compatible chat-completions endpoint.

The model sees only the numbered passages and must cite them; an answer that cites nothing, an
error or a time-out leaves the extractive answer in place, so the LLM can only add fluency,
never remove the sources.
"""

from __future__ import annotations

import logging
import re

import httpx

from bot.answering.models import Answer
from index.search import SearchHit

logger = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You answer questions about the OAS Inter-American Program for the human rights of migrants. "
    "Use ONLY the numbered passages. Cite every statement with its passage number in brackets, like [1]. "
    "If the passages do not answer the question, reply exactly: NOT IN DOCUMENTS. "
    "Answer in {language}, in at most three sentences."
)
_citation_marker = re.compile(r"\[(\d+)\]")
# The model is told the reader's language in English, whatever that language is.
LANGUAGE_FOR_PROMPT = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese"}


class LLMClient:
    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 20.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.model = model
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"), headers=headers, timeout=timeout, transport=transport
        )

    def rewrite(self, answer: Answer, hits: list[SearchHit]) -> Answer | None:
        """A cited generative answer over the same sources, or None to keep the extractive one."""
        citations = answer.citations
        passages = "\n\n".join(f"[{c.n}] ({c.section})\n{c.text}" for c in citations)
        language = LANGUAGE_FOR_PROMPT.get(answer.lang, "English")
        payload = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT.format(language=language)},
                {"role": "user", "content": f"Passages:\n{passages}\n\nQuestion: {answer.question}"},
            ],
        }
        try:
            response = self._client.post("/chat/completions", json=payload)
            response.raise_for_status()
            content = response.json()["choices"][0]["message"]["content"].strip()
        except (httpx.HTTPError, KeyError, IndexError, ValueError, TypeError) as error:
            logger.warning("LLM endpoint failed (%s); keeping the extractive answer", error)
            return None
        cited = {int(n) for n in _citation_marker.findall(content)}
        valid = {c.n for c in citations}
        if not cited or not cited <= valid or "NOT IN DOCUMENTS" in content:
            logger.info("LLM answer cited nothing usable; keeping the extractive answer")
            return None
        return answer.model_copy(update={"generated_text": content, "kind": "generative"})

    def close(self) -> None:
        self._client.close()

"""Fixtures for the rescheduling tests: a clean LLM environment and the scripted OpenAI-compatible server."""

from tests.llm.fixtures import clean_llm_env, llm_config, llm_server

__all__ = ["clean_llm_env", "llm_config", "llm_server"]

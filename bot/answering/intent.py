"""What a message asks for, decided before any search: small talk, a personal case, a listing, or a question.

A greeting is not a question the documents fail to answer, and "how do I apply for asylum?" is
not answered by quoting a resolution: those get a short reply in the user's language. "What must
the IIN do?", "what are the general objectives?" or "what is the purpose of the Program?" have
one complete answer, the list in the Program, which the catalogue gives whole. Everything else is
a question for retrieval, with the kind of answer it wants (bot/answering/answer_type.py).

The patterns are general vocabulary of the four languages (greetings, first-person words, the
words of a mandate), never the wording of particular questions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bot.actors import Actor, find_actors
from bot.answering.answer_type import expected_types
from index.query import Query
from index.text import fold

# -- small talk --------------------------------------------------------------------------------

# Small talk by kind and language ("any": the same in several languages, so the user's language decides).
_SMALL_TALK_PHRASES: dict[str, dict[str, str]] = {
    "identity": {
        "en": """who are you|what are you|what is your name|whats your name|what can you do|what do you do|
            what can i ask|what can i ask you|how can you help|how can you help me|how do you work|are you a bot|
            are you a robot|are you human|are you a person|who made you|who built you|what is this bot|what is this|
            what is migrantsbot|who is migrantsbot|are you an ai|are you a chatbot|are you a machine|can you help me|
            can you help|how does this work|how does it work|help""",
        "es": """quien eres|quien es usted|que eres|como te llamas|que puedes hacer|que sabes hacer|que puedo preguntar|
            que puedo preguntarte|como me puedes ayudar|como puedes ayudarme|eres un bot|eres un robot|eres humano|
            que es este bot|eres una ia|me puedes ayudar|puedes ayudarme|ayuda""",
        "fr": """qui es tu|qui es-tu|qui etes vous|qui etes-vous|que peux tu faire|que peux-tu faire|que pouvez vous faire|
            que pouvez-vous faire|comment tu t'appelles|comment vous appelez vous|tu es un robot|es tu un robot|
            qu'est-ce que ce bot|peux-tu m'aider|pouvez-vous m'aider|aide""",
        "pt": """quem e voce|quem es tu|quem e vc|o que voce faz|o que voce pode fazer|o que podes fazer|
            como voce pode me ajudar|voce e um robo|voce e um bot|o que e este bot|voce pode me ajudar|pode me ajudar|
            ajuda""",
    },
    "thanks": {
        "en": """thanks|thank you|thank you very much|thank you so much|thank u|thanks so much|thanks a lot|many thanks|
            thx|ty|tks|cheers|great|perfect|excellent|good|very good|nice|got it|okay""",
        "es": "gracias|muchas gracias|mil gracias|muy amable|perfecto|excelente|vale|genial|de acuerdo|muy bien",
        "fr": "merci|merci beaucoup|merci bien|parfait|tres bien|d'accord",
        "pt": "obrigado|obrigada|muito obrigado|muito obrigada|valeu|perfeito|otimo|muito bem",
        "any": "ok|super",
    },
    "bye": {
        "en": "bye|goodbye|bye bye|see you|see you later",
        "es": "adios|hasta luego|hasta pronto|chao|chau",
        "fr": "au revoir|a bientot|a plus",
        "pt": "tchau|ate logo|ate mais|adeus",
    },
    "greeting": {
        "en": """hello|hi|hey|hiya|greetings|good morning|good afternoon|good evening|how are you|hello there|
            hi there""",
        "es": "hola|buenos dias|buenas tardes|buenas noches|buenas|saludos|que tal|como estas|como esta",
        "fr": "bonjour|bonsoir|salut|coucou|ca va|comment ca va|comment allez vous|comment allez-vous",
        "pt": "ola|oi|bom dia|boa tarde|boa noite|tudo bem|como vai",
    },
}
# Words that may stand around small talk without making it a question.
_FILLERS = {
    "there",
    "bot",
    "migrantsbot",
    "again",
    "so",
    "much",
    "very",
    "a",
    "lot",
    "please",
    "you",
    "friend",
    "amigo",
    "amiga",
    "ami",
    "por",
    "favor",
    "s'il",
    "vous",
    "plait",
    "and",
    "y",
    "et",
    "e",
    "mr",
    "sir",
    "senor",
    "everyone",
    "all",
    "todos",
    "tous",
    "for",
    "your",
    "the",
    "help",
    "answer",
    "la",
    "respuesta",
    "reponse",
    "resposta",
    "pela",
    "por la",
    "pour",
    "tu",
}
_PHRASES = sorted(
    (
        (" ".join(phrase.split()), kind, lang)
        for kind, by_lang in _SMALL_TALK_PHRASES.items()
        for lang, phrases in by_lang.items()
        for phrase in phrases.split("|")
    ),
    key=lambda item: -len(item[0]),
)
_NON_WORD = re.compile(r"[^\w'’ -]+")


def _plain(text: str) -> str:
    folded = fold(text).replace("’", "'")
    return re.sub(r"\s+", " ", _NON_WORD.sub(" ", folded)).strip(" -")


def small_talk(text: str) -> tuple[str | None, str, str | None]:
    """(kind, rest, language): the small talk the message opens with, what follows it, and its language.

    "hello" → ("greeting", "", "en"); "hi, what must the IIN do?" → (None, "what must the IIN do?", None);
    a message with no small talk at its start → (None, text, None). The language is None when the
    words are the same in several languages ("ok").
    """
    plain = _plain(text)
    if not re.search(r"\w", plain):  # no word at all: "👍" is an acknowledgement, "?" is nothing
        return ("thanks", "", None) if any(unicodedata.category(c) == "So" for c in text) else (None, text, None)
    found: list[tuple[str, str]] = []
    position = 0
    while position < len(plain):
        rest = plain[position:].lstrip(" ,-")
        position = len(plain) - len(rest)
        for phrase, kind, lang in _PHRASES:
            if rest == phrase or rest.startswith(phrase + " "):
                found.append((kind, lang))
                position += len(phrase)
                break
        else:
            word = rest.split(" ", 1)[0]
            if found and word in _FILLERS:
                position += len(word)
                continue
            break
    if not found:
        return None, text, None
    # What the message is about: the first thing said that is not a greeting ("thanks for your help" is thanks)
    kind = next((k for k, _ in found if k != "greeting"), found[0][0])
    languages = {lang for _, lang in found if lang != "any"}
    remainder = plain[position:].strip(" ,-")
    if not remainder:
        return kind, "", languages.pop() if len(languages) == 1 else None
    # Greeting + question: answer the question (from the original text, after the greeting's words).
    words_used = len(plain[:position].split())
    original_words = re.split(r"(\s+)", text.strip())
    rest_text = "".join(original_words[2 * words_used :]).lstrip(" ,!.¡-")
    return (None, rest_text, None) if kind in {"greeting", "thanks"} else (None, text, None)


# -- personal cases ----------------------------------------------------------------------------

_FIRST_PERSON = re.compile(
    r"\b(i|i'm|im|i've|ive|i'd|my|me|mine|myself|yo|mi|mis|me|conmigo|estoy|tengo|necesito|quiero|puedo|"
    r"je|j'|j|mon|ma|mes|moi|suis|eu|meu|minha|meus|minhas|comigo|preciso|posso|tenho)\b"
)
_CASE_WORDS = re.compile(
    r"\b(asylum|refugee status|refuge|visa|visas|deport|deported|deporting|deportation|detained|detention center|arrested|"
    r"jail|jailed|prison|custody|papers|passport|residence permit|residency|green card|work permit|permit|"
    r"citizenship|naturali[sz]ation|lawyer|attorney|my case|my application|my status|regulari[sz]e|sponsor|"
    r"family reunification|asilo|refugio|visado|deportar|deportado|deportada|deportacion|detenido|detenida|"
    r"arrestado|arrestada|carcel|preso|presa|papeles|pasaporte|residencia|permiso de trabajo|ciudadania|"
    r"abogado|abogada|mi caso|mi solicitud|regularizar|asile|refugie|expulse|expulsee|expulsion|detenu|detenue|"
    r"arrete|arretee|papiers|passeport|titre de sejour|carte de sejour|permis de travail|naturalisation|avocat|"
    r"mon dossier|ma demande|regulariser|visto|vistos|deportacao|detido|detida|prisao|papeis|passaporte|"
    r"autorizacao de residencia|cidadania|naturalizacao|advogado|advogada|meu caso|meu pedido)\b"
)
_RELATIVES = re.compile(
    r"\b(my|mi|mis|mon|ma|mes|meu|minha|meus|minhas) (brother|sister|mother|father|son|daughter|husband|wife|partner|"
    r"family|relative|cousin|uncle|aunt|child|children|kids|parents|friend|hermano|hermana|madre|padre|hijo|hija|"
    r"hijos|esposo|esposa|marido|mujer|familia|familiar|primo|prima|tio|tia|amigo|amiga|padres|frere|soeur|mere|"
    r"pere|fils|fille|enfants|epoux|epouse|mari|femme|famille|cousin|cousine|oncle|tante|parents|irmao|irma|mae|"
    r"pai|filho|filha|filhos|esposo|esposa|marido|mulher|familia|primo|prima|tio|tia|pais)\b"
)
_HOW_DO_I = re.compile(
    r"\b(how (do|can|could|should|would) (i|we)|how to|where (do|can) i|can i|could i|do i need|"
    r"como (puedo|hago|solicito|pido|consigo|obtengo|tramito)|donde (puedo|solicito)|puedo|necesito|"
    r"comment (puis-je|puis je|faire pour|je peux|demander|obtenir)|ou (puis-je|puis je)|est-ce que je peux|"
    r"como (posso|faco|peco|solicito|consigo|obtenho)|onde (posso|peco)|preciso)\b"
)


def personal_case(folded: str) -> bool:
    """A question about one person's situation (asylum, a visa, a detained relative): not the Program's."""
    folded = folded.replace("’", "'")
    if not _CASE_WORDS.search(folded) and not _RELATIVES.search(folded):
        return False
    return bool(_FIRST_PERSON.search(folded) or _HOW_DO_I.search(folded) or _RELATIVES.search(folded))


# -- listings and mandates ----------------------------------------------------------------------


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that, around an actor's name, ask for its whole mandate rather than one fact about it.
_MANDATE_CUES = _vocabulary(
    """must should expected expect expects supposed required ask asks asked request requests requested do does did
    role roles mandate mandates mandated task tasks responsibilities responsibility responsible duties duty functions
    function activities activity assign assigns assigned suggest suggests suggested entrust entrusted obligations
    commitments charged
    debe deben deberia deberian debera tiene tienen pide piden pidio solicita encarga encomienda corresponde
    espera hacer papel rol mandato mandatos tareas tarea funciones funcion responsabilidades responsabilidad
    actividades actividad asigna asignan asignadas sugiere sugeridas obligaciones compromisos
    doit doivent devrait devraient demande demandent attend faire role mandat mandats taches tache fonctions
    responsabilites responsabilite activites activite attribue confie obligations engagements
    deve devem deveria deveriam pede pedem espera fazer papel mandato mandatos tarefas tarefa funcoes funcao
    responsabilidades responsabilidade atividades atividade atribui sugere obrigacoes compromissos"""
)
_ROLE_CUES = _vocabulary(
    """role roles mandate mandates mandated responsibilities responsibility responsible functions function duties
    papel rol mandato mandatos funciones funcion responsabilidades responsabilidad mandat mandats fonctions
    responsabilites funcoes funcao"""
)
_FRAME_WORDS = _vocabulary(
    """who whom what which whats is are was were the a an of from for to in under by on according does do did has have
    program programme programa programme's program's its their it they this these all list give me tell show
    please main key specific specifically say says exactly
    quien quienes que qué cual cuales cuál cuáles es son el la los las lo le les un una de del al a en por para segun sus su
    se nos me dime muestra lista todas todos programa
    qui quel quelle quels quelles qu'est-ce est sont le la les l' un une de du des d' au aux a en par pour selon
    ses son sa il elle ils elles que qu' qu l d programme
    quem qual quais o os as um uma de do da dos das ao aos a em no na nos nas por para segundo seu sua seus suas
    programa e sao"""
)
_PURPOSE_CUES = _vocabulary(
    """purpose purposes aim aims goal goals objective objectives object mission for why
    proposito propositos finalidad fin objetivo objetivos meta metas mision sirve
    but buts objectif objectifs finalite mission sert
    proposito finalidade objetivo objetivos meta metas missao serve"""
)
# "What does the Program ask / expect / suggest of X…", in the four languages: the Program is the asker.
_ASK_VERBS = (
    r"(ask|asks|expect|expects|request|requests|suggest|suggests|urge|urges|call on|calls on|recommend|recommends|"
    r"want|wants|require|requires|assign|assigns|pide|solicita|sugiere|recomienda|espera|exige|asigna|encomienda|"
    r"demande|suggere|recommande|attend|exige|confie|attribue|pede|solicita|sugere|recomenda|espera|exige|atribui)"
)
_ASKS_OF = re.compile(
    rf"\b(program|programme|programa)\s+(\w+\s+){{0,2}}{_ASK_VERBS}\b|\b{_ASK_VERBS}\s+(\w+\s+){{0,1}}"
    r"(le |el |o )?(program|programme|programa)\b"
)
# "Which activity…?", "¿Qué objetivo…?", "Quelle activité…?", "Qual atividade…?"
_WHICH_ITEM = [
    (
        re.compile(
            r"\b(which|what|que|cual|cuales|quel|quelle|quels|quelles|qual|quais)\s+(\w+\s+)?"
            r"(activity|activities|actividad|actividades|activite|activites|atividade|atividades)\b"
        ),
        "activity",
    ),
    (
        re.compile(
            r"\b(which|what|que|cual|cuales|quel|quelle|quels|quelles|qual|quais)\s+(\w+\s+)?"
            r"(objective|objectives|objetivo|objetivos|objectif|objectifs)\b"
        ),
        "objective",
    ),
]
_SUMMARY = re.compile(
    r"\b(summari[sz]e|summary|overview|outline|main points|resume|resumen|resumir|resumo|resuma|sintesis|sintetiza|"
    r"synthese|resumer|resumez|apercu|panorama|contents|contenido|contenu|conteudo|about|trata)\b"
)
_SUMMARY_WORDS = _vocabulary(
    """summarize summarise summary overview outline main points resume resumen resumir resumo resuma sintesis
    sintetiza synthese resumer resumez apercu panorama contents contenido contenu conteudo about trata de que
    quoi parle give brief briefly short"""
)
_GENERAL = re.compile(r"\b(general|generales|generaux|generaux|gerais|generale|generales)\b")
_SPECIFIC = re.compile(r"\b(specific|especificos?|especificas?|specifiques?|especificos?)\b")
_OBJECTIVES = re.compile(r"\b(objectives?|objetivos?|objectifs?|goals?)\b")
_ACTORS_WORD = re.compile(r"\b(actors|actores|acteurs|atores)\b")
_ACTIVITIES_WORD = re.compile(r"\b(activities|actividades|activites|atividades)\b")


@dataclass(frozen=True)
class Intent:
    """What to do with a message. `kind` is one of:

    small_talk · referral · mandate (an actor's mandate) · objectives (general/specific/both) ·
    activities (all of the Program's) · actors (the Program's list) · summary (of a named
    document) · question (retrieval).
    """

    kind: str
    detail: str = ""  # small talk: greeting/thanks/bye/identity; objectives: general/specific/all
    actor: Actor | None = None
    role: bool = False  # a mandate question that asks for the actor's role, not only its activities
    answer_types: tuple[str, ...] = ()  # the kinds of answer asked for, in order ("where", "when")
    numbered: str | None = None  # "activity" / "objective" when the question asks which one
    rest: str | None = None  # the question after a greeting ("hi, what must the IIN do?")
    documents: tuple[str, ...] = field(default_factory=tuple)  # documents the question names
    lang: str | None = None  # small talk: the language of its words, when they tell
    topic: bool = False  # a mandate question that also names a topic ("…the member states on health?")

    @property
    def answer_type(self) -> str | None:
        return self.answer_types[0] if self.answer_types else None


def _words(folded: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9']+", folded.replace("’", "'")) if w not in {"s", "'s"}]


def _without_names(folded: str, actor: Actor | None, document_words: set[str]) -> list[str]:
    if actor is not None:
        for alias in sorted(actor.aliases, key=len, reverse=True):
            folded = re.sub(rf"(?<![\w/-]){re.escape(fold(alias))}(?![\w/-])", " ", folded)
    return [w.strip("'") for w in _words(folded) if w.strip("'") and w.strip("'") not in document_words]


def classify(query: Query, *, document_words: set[str] | frozenset[str] = frozenset()) -> Intent:
    """The intent of one message; `document_words` are the words that name documents (see DocumentCues)."""
    folded = query.folded
    kind, rest, lang = small_talk(query.text)
    if kind is not None:
        return Intent("small_talk", detail=kind, lang=lang)
    if rest != query.text and rest.strip():
        return Intent("question", rest=rest)
    if personal_case(folded):
        return Intent("referral")
    types = expected_types(query.text, folded)
    numbered = next((kind for pattern, kind in _WHICH_ITEM if pattern.search(folded)), None)
    if query.references:
        return Intent("question", answer_types=types, numbered=numbered)

    actors = find_actors(folded)
    program_actors = [a for a in actors if a.program] or [a for a in actors if a.group == "multilateral"]
    if len(program_actors) == 1 and len(actors) == 1:
        remaining = _without_names(folded, program_actors[0], set(document_words))
        cues = [w for w in remaining if w in _MANDATE_CUES]
        if cues and all(w in _MANDATE_CUES or w in _FRAME_WORDS for w in remaining):
            role = any(w in _ROLE_CUES for w in remaining)
            return Intent("mandate", actor=program_actors[0], role=role)
        if _ASKS_OF.search(folded) and not types:
            # "What does the Program ask of the member states on health?": the actor's activities on that topic
            return Intent("question", actor=program_actors[0], topic=True, numbered="activity")

    remaining = _without_names(folded, None, set(document_words))
    content = [w for w in remaining if w not in _FRAME_WORDS]
    if _OBJECTIVES.search(folded) and all(
        _OBJECTIVES.match(w) or _GENERAL.match(w) or _SPECIFIC.match(w) for w in content
    ):
        general, specific = bool(_GENERAL.search(folded)), bool(_SPECIFIC.search(folded))
        detail = "general" if general and not specific else "specific" if specific and not general else "all"
        return Intent("objectives", detail=detail)
    if _SUMMARY.search(folded) and content and all(w in _SUMMARY_WORDS or w.isdigit() for w in content):
        return Intent("summary")  # "summarize the 2009 annual report": the answerer checks a document is named
    if content and all(w in _PURPOSE_CUES for w in content) and not actors:
        return Intent("objectives", detail="general")
    if not actors and _ACTORS_WORD.search(folded) and all(_ACTORS_WORD.match(w) for w in content):
        return Intent("actors")
    if (
        not actors
        and _ACTIVITIES_WORD.search(folded)
        and all(_ACTIVITIES_WORD.match(w) or w in _MANDATE_CUES for w in content)
    ):
        return Intent("activities")
    return Intent("question", answer_types=types, numbered=numbered, actor=actors[0] if len(actors) == 1 else None)

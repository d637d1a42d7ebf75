"""Hand-written Typst resume templates (no rendercv): the shapes people write themselves in Typst -- a two-column
grid with a sidebar, dates in a left column, a one-column layout with the dates after the title. The content
comes in as JSON (`data.json` beside the template), so nothing in it needs escaping.

Their headings use vocabularies that were NOT added to the parser's lexicon when this set was made, so these
files also show how the heading reader does on wording it was not given.
"""

from __future__ import annotations

from typing import Any

COMMON = r"""
#let data = json("data.json")
#let bullets(items) = if items.len() > 0 { list(..items.map(b => [#b])) }
"""

SIDEBAR = COMMON + r"""
#set page(paper: "a4", margin: (x: 1.3cm, y: 1.4cm))
#set text(font: "Lato", size: 9.5pt, lang: data.lang)
#let title(t) = block(above: 12pt, below: 5pt, text(size: 11.5pt, weight: "bold", fill: rgb("#1f4e79"), upper(t)))
#text(size: 24pt, weight: "bold")[#data.name] \
#text(size: 12pt, fill: rgb("#555555"))[#data.headline]
#v(6pt)
#grid(columns: (5.0cm, 1fr), column-gutter: 0.7cm,
  [
    #title(data.contact_label)
    #data.email \ #data.phone \ #data.city
    #for s in data.side [
      #title(s.heading)
      #for item in s.items [#item \ ]
    ]
  ],
  [
    #for s in data.main [
      #title(s.heading)
      #if s.kind == "text" [#s.text]
      #if s.kind == "entries" {
        for e in s.entries [
          #block(below: 8pt)[
            #text(weight: "bold")[#e.title] #h(1fr) #text(size: 8.5pt)[#e.dates] \
            #text(style: "italic")[#e.org]#if e.place != "" [, #e.place]
            #bullets(e.bullets)
          ]
        ]
      }
      #if s.kind == "items" { for item in s.items [#item \ ] }
    ]
  ],
)
"""

LEFT_DATES = COMMON + r"""
#set page(paper: "us-letter", margin: (x: 1.8cm, y: 1.6cm))
#set text(font: "Libertinus Serif", size: 10.5pt, lang: data.lang)
#align(center)[
  #text(size: 20pt)[#smallcaps(data.name)] \
  #data.email #sym.dot.c #data.phone #sym.dot.c #data.city
]
#let title(t) = block(above: 12pt, below: 6pt)[#text(size: 12.5pt)[#smallcaps(t)] #v(-8pt) #line(length: 100%, stroke: 0.5pt)]
#for s in data.main [
  #title(s.heading)
  #if s.kind == "text" [#s.text]
  #if s.kind == "entries" {
    for e in s.entries [
      #grid(columns: (3.3cm, 1fr), column-gutter: 0.4cm, row-gutter: 0pt,
        text(size: 9.5pt)[#e.dates],
        [*#e.title*, #e.org#if e.place != "" [, #e.place] #bullets(e.bullets)],
      )
      #v(3pt)
    ]
  }
  #if s.kind == "items" { for item in s.items [- #item] }
]
"""

ONE_COLUMN = COMMON + r"""
#set page(paper: "a4", margin: (x: 1.6cm, y: 1.5cm))
#set text(font: "Source Sans 3", size: 10pt, lang: data.lang)
#text(size: 26pt, weight: "light")[#data.name]
#h(1fr) #text(size: 9pt)[#data.email | #data.phone | #data.city]
#let title(t) = block(above: 12pt, below: 6pt)[#box(width: 3pt, height: 11pt, fill: rgb("#c0392b")) #h(4pt) #text(size: 12pt, weight: "semibold")[#t]]
#for s in data.main [
  #title(s.heading)
  #if s.kind == "text" [#s.text]
  #if s.kind == "entries" {
    for e in s.entries [
      #block(below: 7pt)[
        #text(weight: "semibold")[#e.title] · #e.org #h(1fr) #e.dates
        #bullets(e.bullets)
      ]
    ]
  }
  #if s.kind == "items" [#s.items.join(" · ")]
]
"""

TEMPLATES: dict[str, str] = {"sidebar": SIDEBAR, "left-dates": LEFT_DATES, "one-column": ONE_COLUMN}

# Heading vocabularies per language in KINDS order (summary, experience, teaching, education, skills, languages,
# publications, volunteering, awards) and the contact block's label.
HEADINGS: dict[str, tuple[tuple[str, ...], str]] = {
    "en": (("In Brief", "Professional Journey", "Classroom", "Schooling", "Stack", "Languages Spoken",
            "Selected Writing", "Pro Bono", "Distinctions"), "Contact"),
    "de": (("Über mich", "Stationen", "Lehraufträge", "Bildungsweg", "Know-how", "Sprachen",
            "Veröffentlichungen", "Soziales Engagement", "Auszeichnungen"), "Kontakt"),
    "fr": (("Synthèse", "Expériences", "Interventions pédagogiques", "Études", "Savoir-faire", "Langues",
            "Articles", "Vie associative", "Récompenses"), "Contact"),
    "es": (("Sobre mí", "Experiencia laboral", "Clases impartidas", "Estudios", "Conocimientos", "Idiomas",
            "Artículos", "Labor social", "Logros"), "Contacto"),
    "pt": (("Sobre mim", "Trajetória profissional", "Atividades docentes", "Escolaridade", "Conhecimentos",
            "Idiomas", "Artigos", "Ações voluntárias", "Conquistas"), "Contato"),
}

HAND_LAYOUTS: list[tuple[str, str, list[str]]] = [  # (file stem, template, people keys)
    ("typst-sidebar", "sidebar", ["ml_director", "head_ai_de", "principal_pt"]),
    ("typst-left-dates", "left-dates", ["staff_ml", "research_fr", "manager_es"]),
    ("typst-one-column", "one-column", ["ml_director", "research_fr", "principal_pt"]),
]

SIDE_KINDS = ("skills", "languages", "awards")


def data_for(template: str, lang: str, person: Any, contents: dict[str, list[dict[str, Any]] | str],
             kinds: tuple[str, ...]) -> tuple[dict[str, Any], list[str]]:
    """The template's JSON and the section kinds in reading order (sidebar first, as the conventions read a
    left column before the right one)."""
    vocab, contact_label = HEADINGS[lang]
    title = dict(zip(kinds, vocab, strict=True))

    def section(kind: str) -> dict[str, Any]:
        value = contents[kind]
        if isinstance(value, str):
            return {"kind": "text", "heading": title[kind], "text": value}
        if value and "title" in value[0]:
            return {"kind": "entries", "heading": title[kind], "entries": value}
        return {"kind": "items", "heading": title[kind], "items": [v["text"] for v in value]}

    present = [k for k in kinds if contents[k]]
    side = [k for k in present if k in SIDE_KINDS] if template == "sidebar" else []
    main = [k for k in present if k not in side]
    data = {"lang": lang, "name": person.name, "headline": person.headline, "email": person.email,
            "phone": person.phone, "city": person.city, "contact_label": contact_label,
            "headings": title, "side": [section(k) | {"items": section(k).get("items", [])} for k in side],
            "main": [section(k) for k in main]}
    return data, side + main

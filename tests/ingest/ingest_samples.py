"""Paragraph-length texts in several scripts, for encoding tests (long enough for detection)."""

RUSSIAN = (
    "Городские власти сообщили, что движение транспорта в центре будет перекрыто до вечера. "
    "По словам очевидцев, на площади собрались несколько сотен человек, полиция призвала их разойтись."
)
FRENCH = (
    "Selon la préfecture, la manifestation s'est déroulée dans le calme jusqu'à la fin de l'après-midi. "
    "Des témoins évoquent néanmoins des échauffourées près de la gare, démenties par la police."
)
JAPANESE = (
    "市当局によると、中心部の交通は夕方まで規制される。"
    "目撃者の話では、広場には数百人が集まり、警察が解散を呼びかけた。"
)

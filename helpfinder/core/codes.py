"""Every problem code the validator can give, with what it means, in French.

Codes are stable: tools and tests rely on them, and the contributors' page lists them all
(tests/test_docs.py fails if one is missing there). A Problem with a code not listed here is
a programming error.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # reading the file
    "fichier-manquant": "un fichier ou un dossier attendu dans data/ n'existe pas",
    "dossier-manquant": "le dossier des fiches (actors/ ou pathways/) n'existe pas",
    "fichier-illisible": "le fichier ne peut pas être ouvert",
    "fichier-lien": "le fichier est un lien symbolique : le générateur ne suit pas les liens",
    "fichier-ignore": "un fichier qui n'est pas une fiche .yml est dans un dossier de fiches",
    "fichier-vide": "le fichier ne contient rien",
    "fichier-trop-gros": "le fichier est bien trop gros pour une fiche (1 Mo au plus)",
    "fichier-binaire": "le fichier n'est pas du texte",
    "encodage": "le fichier n'est pas enregistré en UTF-8",
    "csv-syntaxe": "un guillemet mal fermé ou une cellule géante : le CSV ne se lit pas",
    "separateur": "un fichier CSV utilise « ; » au lieu de la virgule",
    "schema": "un schéma de data/schemas/ est illisible",
    "geojson": "le fichier des contours de communes est mal formé",
    # YAML syntax
    "yaml-syntaxe": "le YAML est mal écrit (deux-points, guillemets, indentation)",
    "yaml-tabulation": "une tabulation sert d'indentation : il faut des espaces",
    "yaml-cle-dupliquee": "un champ est écrit deux fois dans la même fiche",
    "yaml-alias": "un alias YAML (&nom / *nom) est utilisé : écrivez la valeur en entier",
    "yaml-etiquette": "une étiquette YAML (!quelquechose) est utilisée",
    "imbrication": "la structure est imbriquée trop profondément",
    "structure": "une valeur n'a pas la forme attendue (une liste au lieu de champs…)",
    # fields
    "champ-inconnu": "ce champ n'existe pas dans le schéma (faute de frappe ?)",
    "champ-requis": "un champ obligatoire manque ou est vide",
    "type": "la valeur n'est pas du bon type (texte, nombre, date, true/false, liste)",
    "valeur-non-autorisee": "la valeur n'est pas dans la liste des valeurs possibles",
    "valeur-vide": "une liste contient une valeur vide",
    "valeur-en-double": "une liste contient deux fois la même valeur",
    "nombre-valeurs": "une liste n'a pas assez de valeurs",
    "longueur": "le texte est trop long",
    "caractere-interdit": "le texte contient un caractère invisible (contrôle, sens d'écriture)",
    "valeur-hors-limites": "le nombre est trop petit ou trop grand (latitude, population…)",
    "format": "la valeur n'a pas le format attendu",
    "format-identifiant": "l'identifiant doit être en minuscules sans accent, avec des tirets",
    "format-telephone": "le téléphone doit être au format +33 suivi de 9 chiffres",
    "format-courriel": "l'adresse électronique est mal écrite",
    "format-url": "l'adresse web doit commencer par http:// ou https://",
    "format-insee": "le code INSEE doit avoir 5 caractères",
    "format-code-postal": "le code postal doit avoir 5 chiffres",
    "format-langue": "la langue doit être un code ISO 639-1 (fr, en, ar…)",
    "horaires-format": "les horaires doivent être écrits HH:MM-HH:MM",
    "horaires-ordre": "une plage finit avant de commencer, ou les plages sont dans le désordre",
    "horaires-chevauchement": "deux plages horaires du même jour se chevauchent",
    "horaires-osm": "avertissement : à l'import, des horaires OSM n'ont pas pu être mis en table",
    # the place and its territory
    "id-fichier": "l'identifiant n'est pas le nom du fichier",
    "id-duplique": "deux fiches (ou deux nœuds d'un parcours) ont le même identifiant",
    "id-reserve": "un nœud de parcours porte un nom réservé aux pages du parcours (index, arbre)",
    "commune-inconnue": "la commune n'est pas une commune du territoire",
    "commune-nom": "le nom de la commune ne correspond pas au code INSEE",
    "code-postal-commune": "le code postal n'est pas celui de la commune",
    "coordonnees-incompletes": "la latitude est donnée sans la longitude, ou l'inverse",
    "coordonnees-hors-commune": "le point est loin de la commune indiquée",
    "date-future": "la date de vérification est dans le futur",
    "fermeture-dates": "une fermeture finit avant de commencer",
    "enquete-communes": "avertissement : un fichier de l'enquête liste d'autres communes",
    "section-manquante": "il manque une partie (## Contexte…) à une fiche du benchmark",
    "fiche-ancienne": "avertissement : la fiche n'a pas été vérifiée depuis plus de 12 mois",
    "donnee-personnelle": "avertissement : le contact d'une personne, qui serait publié",
    # tables
    "colonne-inconnue": "un fichier CSV a une colonne que le schéma ne connaît pas",
    "colonne-manquante": "il manque une colonne à un fichier CSV",
    "colonnes-nombre": "une ligne d'un fichier CSV n'a pas le bon nombre de valeurs",
    "valeur-dupliquee": "une valeur qui doit être unique (code INSEE, code IRIS) est en double",
    "contour-manquant": "avertissement : une commune n'a pas de contour dans communes.geojson",
    "departement-sans-nom": "avertissement : un département du territoire n'a pas de nom",
    "departement-sans-commune": "avertissement : un département nommé n'a aucune commune",
    "centre-hors-contour": "avertissement : le centre d'une commune n'est pas dans son contour",
    # pathways
    "reference-inconnue": "un choix mène à une question ou un résultat qui n'existe pas",
    "cycle": "un choix ramène à une question déjà posée : le parcours tourne en rond",
    "noeud-inaccessible": "une question ou un résultat ne peut pas être atteint",
    "resultat-sans-lieu": "avertissement : aucun lieu ne correspond à un résultat",
}

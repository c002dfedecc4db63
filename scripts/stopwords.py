#!/usr/bin/env python3
"""Writes src/lexicon/stopwords/<code>.txt, the stopword list of each language but English
(whose list, src/lexicon/stopwords_en.txt, is the project's own).

Sources:
* the Snowball project's stopword lists (BSD-3-Clause, snowballstem.org), as NLTK's
  stopwords corpus carries them (taken from PostgreSQL's copy of Snowball): da de es fi
  fr hu it nl no pt ru sv tr;
* Polish, which Snowball lacks: Stopwords ISO (MIT licence, github.com/stopwords-iso);
* ADDITIONS below, written for this project: elisions, and the frequent function words
  the Snowball lists leave out, which made key phrases such as "cette année" or
  "según el" on the French and Spanish texts tried; then the words English keeps in
  its noise list (src/keywords/noise_en.txt) that the texts tried made key phrases of:
  "new", "first", "last", "today", "approximately" and their kin ("rund", "ongeveer",
  "nuove", "également"; "pasado" of "el pasado enero", "scorso", "afgelopen"), and its greetings and sign-offs of letters and e-mails
  ("bonjour", "cordialement", "saludos", "groeten", "abraço", the "Dank" of "vielen
  Dank", the "espero" and "queria" that open a message), German's adverbs that start a
  sentence with a capital ("Abends", "Oben", "Leider"), and the plural units of time
  ("ans", "años", "Jahren"), which English's word ranks make too common to matter, and
  the "partir" of "à partir de" and its kin, a preposition as English's "from" is;
  and Dutch's modal and auxiliary verbs in the forms Snowball's short list leaves out
  ("konden", "moeten", "zouden"), with "alle", "daarom", "zei" and their kin; and the
  present-tense verbs of Italian and Portuguese headlines that open, close, arrive and
  return ("Il nuovo ponte apre sabato", "Biblioteca municipal reabre em Braga"), whose
  endings are those of nouns, and Spanish's alike ("La biblioteca abre de lunes a
  viernes"). For a user's second text, a post or a web page rather than news (tested in
  tests/languages.rs): Dutch's pronouns "we" and "wij", which Snowball's list leaves
  out ("we" had been a post's first key phrase), and the adverbs of posts ("erg",
  "franchement", "vraiment"); a page's welcome ("bienvenue", "bienvenidos",
  "benvenuti") and the imperatives that ask a reader to write, call or click
  ("escriba", "llame", "cliquez", "contactez"); German "nächstes" and its kin beside
  the forms already listed. None moved a dev figure of `make eval`. The verbs of
  reported speech that no article or ending marks as verbs: German's ("sagte
  Bahnchef Richard Lutz" had been a key phrase, "sagte" passing for an adjective by
  its ending), Spanish "dijo" and Dutch "zegt", "aldus"; and the forms of German's
  modal verbs Snowball's list leaves out ("sollen Gleise" had been one).

Both come packaged in the crates.io crate `stop-words` (0.10, MIT/Apache-2.0), whose
src/nltk/<language> and src/iso/stopwords-iso.json this script reads (the lists, not
the code). Regenerate with:

    python3 scripts/stopwords.py --crate ~/.cargo/registry/src/*/stop-words-0.10.1

(`cargo add stop-words@0.10.1` in a scratch crate, then `cargo fetch`, puts the crate
there; it is not a dependency of textlens.)
"""
import argparse
import json
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "lexicon" / "stopwords"

SNOWBALL = {
    "da": "danish", "de": "german", "es": "spanish", "fi": "finnish", "fr": "french",
    "hu": "hungarian", "it": "italian", "nl": "dutch", "no": "norwegian", "pt": "portuguese",
    "ru": "russian", "sv": "swedish", "tr": "turkish",
}
ISO = {"pl": "pl"}

ADDITIONS = {
    "de": "sei seien seit seitdem sowie wurde wurden worden bereits beim ab laut mehr schon immer "
          "sowohl weder dabei dafür darauf daher deshalb etwa jedoch je bzw usw dr nr ca z.b "
          "zwei drei vier fünf sechs sieben acht neun zehn erst erste ersten ersten erster neue neuen "
          "denen deren wer wem wen wegen trotz innerhalb außerhalb statt"
          " rund weitere weiteren weiterer weiteres bisher bislang derzeit heute gestern morgen jetzt nun zudem außerdem allerdings inzwischen mittlerweile damals später früher bald fast knapp insgesamt zunächst lediglich viele vielen wenige wenigen letzte letzten letzter neu neuer neues hallo danke gruß grüße grüßen geehrte geehrter geehrten herzliche herzlichen freundliche freundlichen tschüss dank hiermit bitte abends morgens mittags nachts oben unten vorne hinten leider trotzdem vielleicht unbedingt natürlich eigentlich wirklich ziemlich gerne gern endlich plötzlich sofort danach zurück nächste nächsten nächster kommende kommenden vorige vorigen damen herren per jahr jahre jahren jahres monat monate monaten wochen tage tagen vergangene vergangenen vergangener"
          " angaben"
          " nächstes letztes kommendes vergangenes ganz"
          " sagte sagten sagt erklärte erklärten betonte betonten teilte teilten meinte meinten berichtete berichteten hieß kündigte kündigten"
          " sollen sollten sollst müssen mussten konnte konnten wollten darf dürfen durfte mag mögen möchte möchten",
    "fr": "l' d' j' qu' n' s' c' m' t' jusqu' lorsqu' puisqu' quelqu' presqu' "
          "plus moins cette cet ceci cela ça tout tous toute toutes aussi très si dont où ainsi "
          "lors après avant sans sous entre depuis selon vers chez contre pendant comme alors "
          "donc car ni quand encore déjà peu beaucoup trop bien autre autres même mêmes chaque "
          "quel quelle quels quelles lequel laquelle lesquels lesquelles deux trois quatre cinq "
          "six sept huit neuf dix fait faire peut peuvent doit doivent celui celle ceux celles "
          "leurs afin près hors parmi aucun aucune plusieurs certains certaines tandis toujours "
          "aujourd'hui hier demain"
          " également environ dernier dernière derniers dernières premier première premiers premières nouveau nouvel nouvelle nouveaux nouvelles désormais notamment actuellement seulement surtout souvent jamais ensuite enfin puis près bonjour bonsoir salut merci cordialement amicalement salutations bises espère chers chères prochain prochaine prochains prochaines précédent précédente an ans année années mois semaines jours partir"
          " quelque quelques"
          " cependant toutefois néanmoins pourtant"
          " franchement vraiment simplement évidemment justement finalement plutôt bienvenue"
          " cliquez contactez écrivez appelez consultez découvrez",
    "es": "según tras bajo cada así aunque mientras sino pues donde dónde cómo cuál cuáles cuánto "
          "hacia mediante dos tres cuatro cinco seis siete ocho nueve diez ayer hoy mañana "
          "aquí allí ahí puede pueden debe deben ser haber tener hacer hace hizo sido además "
          "luego solo sólo aún todavía cualquier mismo misma mismos mismas tal tales varios "
          "varias ningún ninguna ninguno otros alguna alguno algún"
          " último última últimos últimas primer primero primera primeros primeras nuevo nueva nuevos nuevas casi ya siempre nunca ahora unos unas hola gracias saludos saludo estimado estimada estimados estimadas querido querida queridos atentamente cordialmente abrazo abrazos espero quería bien próximo próxima próximos próximas anterior año años meses semanas días partir cerca lejos pasado pasada pasados pasadas"
          " frente"
          " asimismo entretanto incluso"
          " bienvenido bienvenida bienvenidos bienvenidas"
          " abre reabre cierra llega escriba llame consulte"
          " dijo dijeron dice",
    "it": "l' d' un' c' dell' all' nell' sull' dall' quest' quell' po' "
          "più già dopo prima anche ancora però quindi mentre secondo verso contro sotto sopra "
          "senza presso circa oltre tutto tutti tutta tutte ogni due tre quattro cinque sei "
          "sette otto nove dieci ieri oggi domani qui può possono deve devono essere stato stata "
          "stati state fare fatto così quale quali cui"
          " ora nuovo nuova nuovi nuove ultimo ultima ultimi ultime primo primi prime sempre spesso quasi solo circa ciao salve grazie saluto saluti abbraccio spero cordiali distinti gentile gentili prossimo prossima prossimi prossime precedente anno anni mesi settimane giorni partire"
          " apre riapre chiude arriva torna scorso scorsa scorsi scorse"
          " intanto inoltre tuttavia comunque infine invece infatti"
          " benvenuto benvenuta benvenuti benvenute",
    "pt": "pelo pela pelos pelas também ainda sobre sob após antes depois desde durante contra "
          "entre segundo cada todo toda todos todas outro outra outros outras dois duas três "
          "quatro cinco seis sete oito nove dez ontem hoje amanhã aqui ali lá pode podem deve "
          "devem ser estar ter fazer feito sido assim porque porém onde qual quais cujo cuja "
          "ao aos num numa neste nesta nesse nessa naquele naquela deste desta desse dessa "
          "daquele daquela disse diz vai vão"
          " novo nova novos novas último última últimos últimas primeiro primeira primeiros primeiras cerca quase sempre já apenas agora olá obrigado obrigada prezado prezada prezados prezadas querido querida cumprimentos atenciosamente abraço abraços beijinhos espero queria estás estejas bem saudações próximo próxima próximos próximas anterior ano anos meses semanas dias partir perto longe"
          " abre reabre fecha chega passado passada passados passadas frente"
          " entretanto contudo todavia inclusive",
    "nl": "al alles als andere anders bij daar dan dat deze die dit doch doen door dus echter "
          "een eens geen geweest haar had heb hebben heeft hier hij hoe hun iemand iets ik "
          "kan kon kunnen maar meer men met mij mijn moet na naar niet niets nog nu of om omdat "
          "ons ook op over reeds sinds te tegen toch toen tot twee drie vier vijf zes zeven "
          "acht negen tien uit van veel voor want waren was wat werd wordt worden zal ze zelf "
          "zich zij zijn zo zonder zou volgens tijdens onder tussen binnen buiten"
          " ongeveer zo'n dagelijks nieuw nieuwe eerste laatste vandaag gisteren morgen inmiddels bijna circa ruim zowel hallo hoi beste geachte groeten groet bedankt hartelijke vriendelijke terwijl zoals volgende komende vorige jaar jaren maanden weken dagen alle daarom zei zeggen konden moeten moest moesten wilde wilden willen mogen mocht mochten hadden zouden zullen kunt wil elk elke ieder iedere welke wel alleen bijvoorbeeld steeds afgelopen"
          " we wij jullie erg heel zeer echt vaak even gewoon daarna"
          " zegt verklaarde aldus",
}


def snowball_words(crate, language):
    return (Path(crate) / "src" / "nltk" / language).read_text(encoding="utf-8").split()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--crate", required=True, help="the unpacked crates.io crate stop-words 0.10")
    args = parser.parse_args()
    iso = json.loads((Path(args.crate) / "src" / "iso" / "stopwords-iso.json").read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    for code in sorted({*SNOWBALL, *ISO}):
        if code in SNOWBALL:
            words = snowball_words(args.crate, SNOWBALL[code])
            source = ("# Snowball stopword list (snowballstem.org), BSD-3-Clause licence, as NLTK's\n"
                      "# stopwords corpus carries it (the crates.io crate stop-words 0.10, src/nltk/"
                      f"{SNOWBALL[code]}).")
        else:
            words = iso[ISO[code]]
            source = ("# Stopwords ISO (github.com/stopwords-iso), MIT licence, as the crates.io crate\n"
                      "# stop-words 0.10 carries it (src/iso/stopwords-iso.json).")
        extra = ADDITIONS.get(code, "").split()
        seen, listed = set(), []
        for word in [w.lower().replace("’", "'") for w in words + extra]:
            if word not in seen:
                seen.add(word)
                listed.append(word)
        header = (f"# Stopwords of language `{code}`, lower case, apostrophes as '.\n{source}\n"
                  + ("# Then the project's additions (scripts/stopwords.py, ADDITIONS).\n" if extra else "")
                  + "# Generated by scripts/stopwords.py: edit that, not this file.\n")
        # Sorted: the wasm front-codes the lists (lexicon/list.rs, coded_list!), and sorted
        # words share their beginnings with the word before.
        body = textwrap.fill(" ".join(sorted(listed)), width=100, break_long_words=False, break_on_hyphens=False)
        (OUT / f"{code}.txt").write_text(header + body + "\n", encoding="utf-8")
        print(f"{code}: {len(listed)} words")


if __name__ == "__main__":
    main()

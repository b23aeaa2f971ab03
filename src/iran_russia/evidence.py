"""What counts as evidence in data/: which web hosts are copies, and which rows stand on what.

A source names a work at its home. Copies of works (mirrors, proxies, machine summaries, fan
wikis, document-sharing sites, reposts, bare IP addresses) are never cited; Wikipedia may support
a row but never carry it alone. The data checks in tests/test_evidence.py use these rules.
"""

import ipaddress
import re
from urllib.parse import urlparse

import pandas as pd

# Hosts that serve copies of other people's work, each with the reason it is not a home.
COPY_HOSTS = {
    "1host2u.ir": "mirror of a popular history site",
    "absoluteastronomy.com": "Wikipedia mirror",
    "askwikinow.com": "Wikipedia mirror",
    "atozwiki.com": "Wikipedia mirror",
    "blackseatrans.com": "unlicensed repost of newspaper articles",
    "centurionpartnersgroup.com": "unlicensed repost of a trade-press article",
    "classicistranieri.com": "old Wikipedia dump",
    "cloudflare-ipfs.com": "IPFS gateway to a Wikipedia snapshot",
    "cloudfront.net": "content-delivery copy, not the publisher's address",
    "conciseb2b.com": "repost of trade-press items",
    "country-studies.com": "copy of the Library of Congress Country Studies",
    "countrycoordinate.com": "coordinate aggregator",
    "cryer.org.uk": "Wikipedia copy",
    "cupdf.com": "document-sharing site",
    "daily8.com": "aggregator repost of other outlets' articles",
    "dailynewsbrief.com": "aggregator repost of wire stories",
    "devdiscourse.com": "aggregator repost of wire stories",
    "docslib.org": "document-sharing site",
    "dweb.link": "IPFS gateway to a Wikipedia snapshot",
    "eastsideinsights.live": "aggregator blog",
    "en-academic.com": "Wikipedia and dictionary mirror",
    "encyclopedia2.thefreedictionary.com": "copy of the Great Soviet Encyclopedia",
    "enwikipedia.net": "Wikipedia mirror",
    "eymaps.com": "gazetteer aggregator",
    "fandom.com": "fan wiki",
    "foreigndesknews.com": "aggregator repost of wire stories",
    "fouman.com": "popular history summary site",
    "friendlywiki.com": "Wikipedia mirror",
    "gateway.ipfs.io": "IPFS gateway to a Wikipedia snapshot",
    "history-maps.com": "machine-written history summaries",
    "hotbot.com": "search-engine answer page",
    "hyperhistory.com": "popular history summary site",
    "iiab.me": "offline Wikipedia mirror",
    "initialnews.com": "aggregator repost of other outlets' articles",
    "interbellumnews.com": "aggregator blog",
    "issuhub.com": "document-sharing site (copies of books)",
    "kiwix.campusafrica.gos.orange.com": "offline Wikipedia mirror",
    "kiwix.haohe.fun": "offline Wikipedia mirror",
    "lawglobalhub.com": "summary site reposting legal texts",
    "liquisearch.com": "Wikipedia mirror",
    "mashruteh.org": "partisan wiki",
    "mdict.net": "dictionary mirror of Wikipedia",
    "menafn.com": "aggregator repost of press releases and wire stories",
    "mikescrafton.com": "personal blog",
    "movatter.jp": "web proxy",
    "nearbywiki.org": "Wikipedia mirror",
    "newser.com": "aggregator of other outlets' articles",
    "newsroomamerica.com": "feed copy of official transcripts",
    "owiki.org": "Wikipedia mirror",
    "paperzz.com": "document-sharing site",
    "perceptiode.com": "machine translation of Wikipedia",
    "phil-bonus-and-reviews.com": "unlicensed Wikipedia copy",
    "piglix.com": "Wikipedia mirror",
    "politicit.com": "aggregator repost of wire stories",
    "popflock.com": "Wikipedia mirror",
    "primidi.com": "Wikipedia mirror",
    "private.bibliboba.com": "unlicensed copy of a book",
    "qaz.wiki": "machine translation of Wikipedia",
    "riteme.site": "Wikipedia mirror",
    "review.clateway.com": "Wikipedia mirror",
    "sauress.com": "aggregator repost of Arabic newspapers",
    "masress.com": "aggregator repost of Egyptian newspapers",
    "soopervideo.org": "Wikipedia copy",
    "speroforum.com": "repost of another agency's articles",
    "stockhouse.com": "aggregator repost of wire stories",
    "techsciencenews.com": "Wikipedia copy",
    "tellerreport.com": "aggregator repost",
    "the-uncensored-wiki.com": "old Wikipedia dump",
    "thedailyexclusives.com": "unlicensed repost of another outlet's article",
    "tickerdossier.com": "Wikipedia-derived summary",
    "topix.com": "news aggregator",
    "transatlantictoday.com": "aggregator repost of wire stories",
    "translation1.mil-osi.com": "aggregator repost",
    "trendozz.com": "aggregator repost of wire stories",
    "triviaquestions.online": "quiz-site copy",
    "urdupoint.com": "aggregator repost of wire stories",
    "voltairenet.org": "partisan site reposting UN records and press items",
    "websadovod.ru": "unlicensed copy of a textbook",
    "wiki-gateway.eudic.net": "Wikipedia mirror",
    "wiki.av1.space": "Wikipedia mirror",
    "wiki7.org": "Wikipedia mirror",
    "wikia.org": "fan wiki",
    "wikiclassic.com": "Wikipedia mirror",
    "wikide.org": "Wikipedia mirror",
    "wikien4.appspot.com": "Wikipedia proxy",
    "wikimili.com": "Wikipedia mirror",
    "wikipedia-on-ipfs.org": "IPFS snapshot of Wikipedia",
    "wikisum.wiki": "machine-written summaries of Wikipedia",
    "wikivisually.com": "Wikipedia mirror",
    "wikivividly.com": "Wikipedia mirror",
    "wikiwand.com": "Wikipedia front end",
    "wikizero.net": "Wikipedia mirror",
    "worddisk.com": "Wikipedia mirror",
    "worldcdn.net": "content-delivery copy, not the publisher's address",
    "www-labs.iro.umontreal.ca": "old Wikipedia dump",
    "xebersaati.com": "repost of another agency's articles",
    "zproxy.org": "web proxy",
    "zxc.wiki": "machine translation of Wikipedia",
    "6jhxt.group": "unofficial mirror of a magazine archive",
    "jdshdq.com": "unofficial mirror of a news agency",
    "pangea-cms.com": "content-system back end, not the broadcaster's address",
    "cambridgecore.org": "Cambridge Core's staging and back-end servers: cite cambridge.org",
    "nicolasklotz.de": "personal research corpus holding copies of UN texts",
    "newshour.media": "reworded copy of agency stories",
    "worldpopulationreview.com": "summary site",
    "wikimapia.org": "user-edited map wiki",
    "icl.center": "unofficial repost of treaty texts",
    "sozialistischeklassiker2punkt0.de": "repost of texts",
    "cb.kiozk.ru": "magazine aggregator",
    "iranwatch.org": "library of reposted documents and news items",
    "strogosekretno.com": "unlicensed repost of agency news",
    "arabstoday.net": "aggregator repost",
    "pidnews.com": "aggregator repost of agency items",
    "onwar.com": "hobbyist summary of wars",
    "energia.gr": "repost of agency copy",
    "leap.unep.org": "portal copy of FAO's FAOLEX records",
    "wikisource.org": "volunteer transcription: cite the printed work or record it copies",
}
# Parts of mixed sites (host and path) that hold copies of other publishers' items.
COPY_PATHS = {
    "globalsecurity.org/wmd/library/news/": "repost of news agencies' and the UN's items",
    "globalsecurity.org/military/library/news/": "repost of news agencies' items",
    "ifs.tuwien.ac.at/~andi/": "research corpus holding copies of agency items",
}
WIKIPEDIA = "wikipedia.org"

# Hosts whose kind is fixed: a row from one of these with another kind is mislabelled.
KIND_OF_HOST = {
    "tass.com": "state_media",
    "ria.ru": "state_media",
    "rian.ru": "state_media",
    "sputniknews.com": "state_media",
    "sputnikglobe.com": "state_media",
    "rt.com": "state_media",
    "irna.ir": "state_media",
    "tasnimnews.com": "state_media",
    "mehrnews.com": "state_media",
    "presstv.ir": "state_media",
    "alalam.ir": "state_media",
    "xinhuanet.com": "state_media",
    "news.cn": "state_media",
    "people.cn": "state_media",
    "cctv.com": "state_media",
    "azertag.az": "state_media",
    "wikipedia.org": "encyclopedia",
    "iranicaonline.org": "encyclopedia",
    "britannica.com": "encyclopedia",
    "doi.org": "scholarly",
    "hdl.handle.net": "scholarly",
    "history.state.gov": "official",
    "press.un.org": "official",
    "undocs.org": "official",
    "digitallibrary.un.org": "official",
    "kremlin.ru": "official",
    "mid.ru": "official",
    "sipri.org": "research",
}


def host(url: str) -> str:
    """The lower-case host of an address, without port, 'www.' or trailing dot."""
    name = urlparse(str(url)).hostname or ""
    return name.rstrip(".").removeprefix("www.")


def _matches(name: str, domain: str) -> bool:
    return name == domain or name.endswith("." + domain)


def copy_reason(url: str) -> str | None:
    """Why an address is not a work's home (a copy host or a bare IP address), or None."""
    if not isinstance(url, str) or not url:
        return None
    name = host(url)
    try:
        ipaddress.ip_address(name)
        return "bare IP address"
    except ValueError:
        pass
    for domain, reason in COPY_HOSTS.items():
        if _matches(name, domain):
            return reason
    path = name + urlparse(str(url)).path
    for prefix, reason in COPY_PATHS.items():
        if path.startswith(prefix):
            return reason
    return None


def is_wikipedia(url: str) -> bool:
    """True for any language edition of Wikipedia, mobile pages included."""
    return isinstance(url, str) and _matches(host(url), WIKIPEDIA)


def expected_kind(url: str) -> str | None:
    """The kind a source at this address must have, where the host fixes it."""
    if not isinstance(url, str):
        return None
    name = host(url)
    for domain, kind in KIND_OF_HOST.items():
        if _matches(name, domain):
            return kind
    if name.endswith(".gov") or _matches(name, "un.org"):
        return "official"
    return None


def carries_a_row(source: pd.Series) -> bool:
    """A source that can carry a fact alone: no copy, Wikipedia page, state medium, commentary
    or seed."""
    return (
        copy_reason(source.url) is None
        and not is_wikipedia(source.url)
        and source.kind not in ("state_media", "commentary", "seed")
    )


def citation_shares(sources: pd.DataFrame, cited: pd.Series) -> pd.Series:
    """Share of citations (one per row and source id) by kind, copies and Wikipedia apart."""
    by_id = sources.set_index("source_id")
    labels = []
    for source_id in cited:
        row = by_id.loc[source_id]
        if copy_reason(row.url):
            labels.append("copy")
        elif is_wikipedia(row.url):
            labels.append("wikipedia")
        else:
            labels.append(row.kind)
    return pd.Series(labels, dtype="string").value_counts(normalize=True).round(3)


# Works and outlets a row's text may credit ("Sykes gives ...", "Reuters reported ..."), each with
# the words that name it in a cited source's id, author, publisher, title or address. A name that
# also means something else (Fars the province, Mehr the month) is matched only as an outlet.
NAMED_WORKS = {
    r"Reuters": ["reuters"],
    r"AP": ["associated press", "ap news", "(ap)", "ap-"],
    r"AFP": ["afp", "agence france"],
    r"TASS": ["tass"],
    r"IRNA": ["irna"],
    r"Tasnim": ["tasnim"],
    r"Mehr(?= (?:agency|news))": ["mehr"],
    r"Fars(?= (?:agency|news))": ["fars"],
    r"Interfax": ["interfax"],
    r"RIA Novosti": ["ria novosti", "ria-"],
    r"Sputnik": ["sputnik"],
    r"Xinhua": ["xinhua"],
    r"BBC": ["bbc"],
    r"CNN": ["cnn"],
    r"Al Jazeera": ["al jazeera", "aljazeera"],
    r"Iranica": ["iranica"],
    r"Britannica": ["britannica"],
    r"Wikipedia": ["wikipedia"],
    r"FRUS": ["frus", "foreign relations of the united states"],
    r"(?:The )?New York Times": ["new york times", "nytimes", "nyt-"],
    r"(?:The )?Washington Post": ["washington post", "washingtonpost"],
    r"(?:The )?Wall Street Journal": ["wall street journal", "wsj"],
    r"Financial Times": ["financial times"],
    r"Kommersant": ["kommersant"],
    r"SIPRI": ["sipri"],
    r"Sykes": ["sykes"],
    r"Atkin": ["atkin"],
    r"Lenczowski": ["lenczowski"],
    r"Gibler": ["gibler"],
    r"Nenashev": ["nenashev"],
}
# A name within three words after these is a relay ("Reuters, citing Iran's Tasnim agency"),
# which the cited work reports.
RELAYED = r"(?:citing|quoting|quoted by|via|relayed by|relayed from)(?:\s+[\w'’-]+){0,3}\s+$"


def uncited_names(text: str, cited: str) -> list[str]:
    """Works `text` credits that nothing in `cited` (the cited sources' records) names."""
    missing = []
    for name, words in NAMED_WORKS.items():
        for found in re.finditer(rf"(?<![\w-]){name}(?![\w-])", text):
            relayed = re.search(RELAYED, text[: found.start()], flags=re.IGNORECASE)
            if not relayed and not any(word in cited.lower() for word in words):
                missing.append(found.group(0))
    return missing

/*
 * Lotse search: the browser half of the offline full-text search (the index is built by
 * src/search/ into suche/). Plain script, no dependencies, no network: it loads the
 * index files with <script> tags, which work from a web server and from file:// alike.
 *
 * Page markup (suche/index.html) and set-up:
 *
 *   <form id="search-form" role="search" action="" method="get">
 *     <label for="search-input">Suchbegriff</label>
 *     <input id="search-input" name="q" type="search" autocomplete="off">
 *     <button type="submit">Suchen</button>
 *   </form>
 *   <p id="search-status"></p>         (made role="status" aria-live="polite")
 *   <div id="search-results"></div>    (receives an <ol> of results)
 *   <script src="../static/search/search.js"></script>
 *   <script>
 *     lotseSearch.init({form: "#search-form", input: "#search-input",
 *                       results: "#search-results", status: "#search-status", base: "../"});
 *   </script>
 *
 * init(options): form, input, results, status are elements or CSS selectors (form and
 *   status are optional). base: the site root relative to the page ("../" for
 *   suche/index.html); result links are base + the document's path. index: the folder of
 *   the index files (default base + "suche/"). pageSize: results shown at a time (20).
 *   delay: milliseconds after the last keystroke before searching (200).
 *   The query in ?q=… is searched at once, so every page's header form can submit to
 *   suche/index.html with GET; typing searches as you go and keeps ?q= up to date.
 *
 * Results: <ol class="lotse-search-results"> of <li class="lotse-search-result"> with
 *   <a class="lotse-search-link"> (the title), <span class="lotse-search-section"> and
 *   <p class="lotse-search-excerpt"> (the passage with the query words); query words in
 *   <mark>; a <button class="lotse-search-more"> shows the next page. The status says
 *   "N Treffer für „…“" or "Keine Treffer für „…“".
 *
 * Also exposed: search(query) -> Promise of {query, terms, mode: "all"|"any"|"none",
 *   complete (hits with every word), hits: [{doc, score, all}]};
 *   documents(hits) -> Promise of [{url, title, section, excerpt, text}];
 *   snippet(text, result.terms) -> {text, before, after}, the passage with the most
 *   query words, or null; words(text), stem(word), terms(text): the same analysis as
 *   the Rust side; addManifest/addDoc/addShard, which the index files call.
 *
 * Matching: a query word matches its stem (German Snowball, identical to rust-stemmers)
 * and, at half weight, longer stems starting with it ("Bedarf" finds "Bedarfsmeldung",
 * and typing "Stellenpl" already finds "Stellenplan"). Results matching every word come
 * first; with fewer than five of them, pages matching some words follow (most words
 * first), marked with the class lotse-search-result--partial. Ranking is BM25
 * over field-weighted term frequencies (title > headings > section > body), plus a bonus
 * for query words in the title or a heading.
 */
(function (root) {
  "use strict";

  var FORMAT = 1;
  var K1 = 1.2;
  var B = 0.75;
  // Bonuses (in units of a saturated term frequency) for a query word in the title or a
  // heading: unlike frequency they do not saturate, so the page named like the query leads.
  var TITLE_BONUS = 1.5;
  var HEADING_BONUS = 0.75;
  // Added to a page whose title consists of exactly the query's words: it names the page
  // (a unit called by its short name), so it comes first, whatever other pages say.
  var NAMED_BONUS = 100;
  var PREFIX_FACTOR = 0.5;
  var MIN_PREFIX_CHARS = 3;
  var MAX_PREFIX_TERMS = 60;
  // With fewer pages than this containing every query word, pages with some of them follow.
  var FILL_BELOW = 5;
  var MIN_WORD_CHARS = 2;
  var SNIPPET_CHARS = 200;
  var SNIPPET_LEAD = 60;

  // --- Text analysis: twin of src/search/text.rs -------------------------------------

  var STOP = set([
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "auch", "auf", "aus", "bei", "beim",
    "bis", "bzw", "da", "damit", "dann", "das", "dass", "dem", "den", "denen", "der", "deren", "des", "dessen", "die",
    "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "durch", "ein", "eine", "einem", "einen", "einer",
    "eines", "er", "es", "für", "gegen", "hat", "hatte", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "ins",
    "ist", "jede", "jedem", "jeden", "jeder", "jedes", "kann", "man", "mit", "nach", "nicht", "noch", "nur", "ob",
    "oder", "ohne", "sich", "sie", "sind", "so", "sowie", "um", "und", "vom", "von", "vor", "war", "was", "wenn",
    "werden", "wie", "wird", "wo", "wurde", "wurden", "zu", "zum", "zur", "über"
  ]);
  var WORD = /[\p{Alphabetic}0-9]+/gu;
  var UMLAUT = { a: "ä", o: "ö", u: "ü", A: "Ä", O: "Ö", U: "Ü" };

  function set(list) {
    var out = Object.create(null);
    for (var i = 0; i < list.length; i++) out[list[i]] = true;
    return out;
  }

  function composeUmlauts(text) {
    if (text.indexOf("\u0308") < 0) return text;
    return text.replace(/([aouAOU])\u0308/g, function (_, vowel) { return UMLAUT[vowel]; });
  }

  // Calls each(word, start, length) for every searchable word: lowercase, at least two
  // characters, no stop word. start/length refer to composeUmlauts(text).
  function forEachWord(text, each) {
    var re = new RegExp(WORD.source, "gu");
    var composed = composeUmlauts(String(text));
    var match;
    while ((match = re.exec(composed))) {
      var word = match[0].toLowerCase();
      if (Array.from(word).length >= MIN_WORD_CHARS && !STOP[word]) each(word, match.index, match[0].length);
    }
  }

  function words(text) {
    var out = [];
    forEachWord(text, function (word) { out.push(word); });
    return out;
  }

  function terms(text) {
    return words(text).map(stem);
  }

  // --- German Snowball stemmer: port of rust-stemmers 1.2 (algorithms/german.rs) -----

  var VOWEL = set(["a", "e", "i", "o", "u", "y", "ä", "ö", "ü"]);
  var S_ENDING = set("bdfghklmnrt".split(""));
  var ST_ENDING = set("bdfghklmnt".split(""));
  var POSTLUDE = { Y: "y", U: "u", "ä": "a", "ö": "o", "ü": "u" };
  // Suffix lists ("among"), longest first; no two of equal length can both match.
  var SUFFIX_1 = ["ern", "em", "en", "er", "es", "e", "s"];
  var SUFFIX_2 = ["est", "en", "er", "st"];
  var SUFFIX_3 = ["lich", "ig"];
  var SUFFIX_4 = ["lich", "isch", "heit", "keit", "end", "ung", "ig", "ik"];

  function isVowel(c) { return c !== undefined && VOWEL[c] === true; }

  function endsWith(s, suffix) {
    var n = s.length, k = suffix.length;
    if (k > n) return false;
    for (var i = 0; i < k; i++) if (s[n - k + i] !== suffix[i]) return false;
    return true;
  }

  function longest(s, suffixes) {
    for (var i = 0; i < suffixes.length; i++) if (endsWith(s, suffixes[i])) return suffixes[i];
    return null;
  }

  // R1 and R2 as character positions (the string is an array of code points).
  function regions(s) {
    var n = s.length, p1 = n, p2 = n, c = 0;
    if (n < 3) return [p1, p2];
    while (c < n && !isVowel(s[c])) c++;
    if (c >= n) return [p1, p2];
    c++;
    while (c < n && isVowel(s[c])) c++;
    if (c >= n) return [p1, p2];
    c++;
    p1 = c < 3 ? 3 : c;
    while (c < n && !isVowel(s[c])) c++;
    if (c >= n) return [p1, p2];
    c++;
    while (c < n && isVowel(s[c])) c++;
    if (c >= n) return [p1, p2];
    p2 = c + 1;
    return [p1, p2];
  }

  function stem(word) {
    var s = Array.from(String(word).replace(/ß/g, "ss"));
    var i;
    // Prelude: u and y between vowels are consonants.
    for (i = 0; i + 2 < s.length; i++) {
      if (isVowel(s[i]) && isVowel(s[i + 2])) {
        if (s[i + 1] === "u") s[i + 1] = "U";
        else if (s[i + 1] === "y") s[i + 1] = "Y";
      }
    }
    var r = regions(s), p1 = r[0], p2 = r[1];
    standardSuffix(s, p1, p2);
    for (i = 0; i < s.length; i++) if (POSTLUDE[s[i]] !== undefined) s[i] = POSTLUDE[s[i]];
    return s.join("");
  }

  function standardSuffix(s, p1, p2) {
    var suffix = longest(s, SUFFIX_1);
    if (suffix && p1 <= s.length - suffix.length) {
      if (suffix === "s") {
        if (s.length >= 2 && S_ENDING[s[s.length - 2]]) s.length -= 1;
      } else if (suffix === "e" || suffix === "en" || suffix === "es") {
        s.length -= suffix.length;
        if (endsWith(s, "niss")) s.length -= 1;
      } else {
        s.length -= suffix.length;
      }
    }
    suffix = longest(s, SUFFIX_2);
    if (suffix && p1 <= s.length - suffix.length) {
      if (suffix === "st") {
        var before = s.length - 3;
        if (before >= 3 && ST_ENDING[s[before]]) s.length -= 2;
      } else {
        s.length -= suffix.length;
      }
    }
    suffix = longest(s, SUFFIX_4);
    if (!suffix || p2 > s.length - suffix.length) return;
    var start = s.length - suffix.length;
    if (suffix === "ig" || suffix === "ik" || suffix === "isch") {
      if (!(start >= 1 && s[start - 1] === "e")) s.length = start;
      return;
    }
    s.length = start;
    if (suffix === "end" || suffix === "ung") {
      if (endsWith(s, "ig") && !(s.length >= 3 && s[s.length - 3] === "e") && p2 <= s.length - 2) s.length -= 2;
    } else if (suffix === "lich" || suffix === "heit") {
      if ((endsWith(s, "er") || endsWith(s, "en")) && p1 <= s.length - 2) s.length -= 2;
    } else {
      var inner = longest(s, SUFFIX_3);
      if (inner && p2 <= s.length - inner.length) s.length -= inner.length;
    }
  }

  // --- Index data and loading --------------------------------------------------------

  var store = {
    manifest: null,
    error: null,
    keys: [],          // shard keys, sorted
    shards: Object.create(null),  // key -> {data, stems (sorted)}
    docs: Object.create(null),    // document number -> [url, title, section, excerpt, text]
    loads: Object.create(null),   // src -> Promise
    indexBase: "suche/",
    averageLength: 1
  };

  function addManifest(format, manifest) {
    if (format !== FORMAT || !manifest || manifest.format !== FORMAT) {
      store.error = "Der Suchindex hat ein unbekanntes Format.";
      return;
    }
    store.manifest = manifest;
    store.keys = Object.keys(manifest.shards).sort();
    var total = 0;
    for (var i = 0; i < manifest.lengths.length; i++) total += manifest.lengths[i];
    store.averageLength = Math.max(1, total / Math.max(1, manifest.lengths.length));
  }

  function addShard(key, data) {
    store.shards[key] = { data: data, stems: Object.keys(data).sort() };
  }

  function addDoc(number, row) {
    store.docs[number] = row;
  }

  function loadScript(src) {
    if (store.loads[src]) return store.loads[src];
    var promise = new Promise(function (resolve, reject) {
      var doc = root.document;
      if (!doc) {
        reject(new Error("Kein Dokument zum Laden von " + src));
        return;
      }
      var script = doc.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = function () {
        if (script.parentNode) script.parentNode.removeChild(script);
        resolve();
      };
      script.onerror = function () {
        delete store.loads[src];
        if (script.parentNode) script.parentNode.removeChild(script);
        reject(new Error("Nicht ladbar: " + src));
      };
      (doc.head || doc.documentElement).appendChild(script);
    });
    store.loads[src] = promise;
    return promise;
  }

  function versioned(file) {
    return store.indexBase + file + "?v=" + encodeURIComponent(store.manifest.version);
  }

  function ensureManifest() {
    if (store.manifest) return Promise.resolve(store.manifest);
    return loadScript(store.indexBase + "manifest.js").then(function () {
      if (!store.manifest) throw new Error(store.error || "Der Suchindex ist leer.");
      return store.manifest;
    });
  }

  function ensureShards(keys) {
    return Promise.all(keys.map(function (key) {
      if (store.shards[key]) return null;
      return loadScript(versioned(store.manifest.shards[key]));
    }));
  }

  function ensureDocs(docs) {
    return Promise.all(docs.map(function (doc) {
      if (store.docs[doc]) return null;
      return loadScript(versioned("docs/" + Math.floor(doc / (store.manifest.docs_per_file || 1)) + ".js"));
    }));
  }

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // The shard that holds `stem`: the longest shard key it starts with.
  function shardKeyFor(stem) {
    var chars = Array.from(stem);
    for (var k = chars.length; k > 0; k--) {
      var key = chars.slice(0, k).join("");
      if (own(store.manifest.shards, key)) return key;
    }
    return null;
  }

  // Shards a query term needs: its own, and for prefix matching all longer keys under it.
  function shardKeysFor(term) {
    var keys = [];
    var home = shardKeyFor(term.stem);
    if (home) keys.push(home);
    if (term.prefix) {
      store.keys.forEach(function (key) {
        if (key !== home && key.length > term.stem.length && key.indexOf(term.stem) === 0) keys.push(key);
      });
    }
    return keys;
  }

  // --- Querying ----------------------------------------------------------------------

  function queryTerms(query) {
    var seen = Object.create(null);
    var out = [];
    words(query).forEach(function (word) {
      var s = stem(word);
      if (seen[s]) return;
      seen[s] = true;
      out.push({ word: word, stem: s, prefix: Array.from(s).length >= MIN_PREFIX_CHARS });
    });
    return out;
  }

  // The index terms a query term matches: [{stem, postings, factor}].
  function matches(term, keys) {
    var found = [];
    var exactKey = shardKeyFor(term.stem);
    var shard = exactKey && store.shards[exactKey];
    if (shard && own(shard.data, term.stem)) found.push({ stem: term.stem, postings: shard.data[term.stem], factor: 1 });
    if (!term.prefix) return found;
    var longer = [];
    keys.forEach(function (key) {
      var shard = store.shards[key];
      if (!shard) return;
      for (var i = lowerBound(shard.stems, term.stem); i < shard.stems.length; i++) {
        var candidate = shard.stems[i];
        if (candidate.indexOf(term.stem) !== 0) break;
        if (candidate !== term.stem) longer.push({ stem: candidate, postings: shard.data[candidate], factor: PREFIX_FACTOR });
      }
    });
    // Many continuations (a short word): keep those in the most documents.
    longer.sort(function (a, b) { return b.postings.length - a.postings.length || (a.stem < b.stem ? -1 : 1); });
    return found.concat(longer.slice(0, MAX_PREFIX_TERMS));
  }

  function lowerBound(sorted, value) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // BM25 score per document for one query term: the best of the index terms it matches;
  // and the documents that have the term itself (not a longer word) in their title.
  function scoreTerm(found) {
    var manifest = store.manifest;
    var best = new Map();
    var titled = new Set();
    found.forEach(function (match) {
      var postings = match.postings;
      var df = postings.length / 2;
      var idf = Math.log(1 + (manifest.count - df + 0.5) / (df + 0.5));
      var doc = 0;
      for (var i = 0; i < postings.length; i += 2) {
        doc += postings[i];
        var fields = postings[i + 1] % 4;
        var tf = Math.floor(postings[i + 1] / 4) / manifest.unit;
        var norm = K1 * (1 - B + B * manifest.lengths[doc] / store.averageLength);
        var bonus = (fields & 2 ? TITLE_BONUS : 0) + (fields & 1 ? HEADING_BONUS : 0);
        var score = match.factor * idf * (tf * (K1 + 1) / (tf + norm) + bonus);
        var previous = best.get(doc);
        if (previous === undefined || score > previous) best.set(doc, score);
        if (fields & 2 && match.factor === 1) titled.add(doc);
      }
    });
    return { scores: best, titled: titled };
  }

  function rank(perTerm) {
    var combined = new Map();
    perTerm.forEach(function (term) {
      term.scores.forEach(function (score, doc) {
        var titled = term.titled.has(doc) ? 1 : 0;
        var entry = combined.get(doc);
        if (!entry) combined.set(doc, { doc: doc, score: score, matched: 1, titled: titled });
        else { entry.score += score; entry.matched += 1; entry.titled += titled; }
      });
    });
    var titles = store.manifest.titles || [];
    combined.forEach(function (entry) {
      if (entry.titled === perTerm.length && titles[entry.doc] === perTerm.length) entry.score += NAMED_BONUS;
    });
    var hits = Array.from(combined.values());
    var complete = hits.filter(function (hit) { return hit.matched === perTerm.length; }).length;
    var mode = complete > 0 ? "all" : hits.length > 0 ? "any" : "none";
    if (complete >= FILL_BELOW) hits = hits.filter(function (hit) { return hit.matched === perTerm.length; });
    hits.sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.doc - b.doc; });
    return {
      mode: mode,
      complete: complete,
      hits: hits.map(function (hit) { return { doc: hit.doc, score: hit.score, all: hit.matched === perTerm.length }; })
    };
  }

  function search(query) {
    var list = queryTerms(query);
    return ensureManifest().then(function () {
      var keys = list.map(shardKeysFor);
      var needed = [];
      keys.forEach(function (some) { needed = needed.concat(some); });
      return ensureShards(needed).then(function () {
        var perTerm = list.map(function (term, i) { return scoreTerm(matches(term, keys[i])); });
        var ranked = list.length ? rank(perTerm) : { mode: "none", complete: 0, hits: [] };
        return { query: query, terms: list, mode: ranked.mode, complete: ranked.complete, hits: ranked.hits };
      });
    });
  }

  function documents(hits) {
    var docs = hits.map(function (hit) { return typeof hit === "number" ? hit : hit.doc; });
    return ensureManifest().then(function () { return ensureDocs(docs); }).then(function () {
      return docs.map(function (doc) {
        var row = store.docs[doc];
        return { doc: doc, url: row[0], title: row[1], section: row[2], excerpt: row[3], text: row[4] };
      });
    });
  }

  // --- The search page ---------------------------------------------------------------

  function element(target) {
    if (!target) return null;
    return typeof target === "string" ? root.document.querySelector(target) : target;
  }

  // Appends text to parent, with the words whose stems the query matches in <mark>.
  function appendMarked(parent, text, list) {
    var doc = root.document;
    var composed = composeUmlauts(text);
    var last = 0;
    forEachWord(composed, function (word, start, length) {
      var s = stem(word);
      if (matchesTerm(s, list) < 0) return;
      parent.appendChild(doc.createTextNode(composed.slice(last, start)));
      var mark = doc.createElement("mark");
      mark.textContent = composed.slice(start, start + length);
      parent.appendChild(mark);
      last = start + length;
    });
    parent.appendChild(doc.createTextNode(composed.slice(last)));
  }

  function matchesTerm(s, list) {
    for (var i = 0; i < list.length; i++) {
      if (s === list[i].stem || (list[i].prefix && s.indexOf(list[i].stem) === 0)) return i;
    }
    return -1;
  }

  // The passage of about SNIPPET_CHARS characters of `text` with the most different query
  // words (the first such): {text, before, after} (whether text was cut there), or null.
  function snippet(text, list) {
    var composed = composeUmlauts(String(text));
    var hits = [];
    forEachWord(composed, function (word, start) {
      var term = matchesTerm(stem(word), list);
      if (term >= 0) hits.push({ start: start, term: term });
    });
    if (!hits.length) return null;
    var best = 0, bestCount = 0;
    for (var i = 0; i < hits.length; i++) {
      var seen = {}, count = 0;
      for (var j = i; j < hits.length && hits[j].start < hits[i].start + SNIPPET_CHARS - SNIPPET_LEAD; j++) {
        if (!seen[hits[j].term]) { seen[hits[j].term] = true; count++; }
      }
      if (count > bestCount) { best = i; bestCount = count; }
    }
    var from = Math.max(0, hits[best].start - SNIPPET_LEAD);
    if (from > 0) {
      var space = composed.indexOf(" ", from);
      from = space >= 0 && space < hits[best].start ? space + 1 : hits[best].start;
    }
    var to = Math.min(composed.length, from + SNIPPET_CHARS);
    if (to < composed.length) {
      var back = composed.lastIndexOf(" ", to);
      if (back > from) to = back;
    }
    return { text: composed.slice(from, to), before: from > 0, after: to < composed.length };
  }

  function resultItem(entry, list, base) {
    var doc = root.document;
    var item = doc.createElement("li");
    item.className = "lotse-search-result";
    var link = doc.createElement("a");
    link.className = "lotse-search-link";
    link.href = base + entry.url;
    appendMarked(link, entry.title, list);
    item.appendChild(link);
    if (entry.section) {
      var section = doc.createElement("span");
      section.className = "lotse-search-section";
      section.textContent = entry.section;
      item.appendChild(doc.createTextNode(" "));
      item.appendChild(section);
    }
    var passage = entry.text ? snippet(entry.text, list) : null;
    if (passage || entry.excerpt) {
      var excerpt = doc.createElement("p");
      excerpt.className = "lotse-search-excerpt";
      if (passage) {
        appendMarked(excerpt, (passage.before ? "… " : "") + passage.text + (passage.after ? " …" : ""), list);
      } else {
        appendMarked(excerpt, entry.excerpt, list);
      }
      item.appendChild(excerpt);
    }
    return item;
  }

  function statusText(result) {
    var quoted = "„" + result.query.trim() + "“";
    var count = result.hits.length;
    if (result.mode === "none") return "Keine Treffer für " + quoted;
    if (result.mode === "any") {
      return "Keine Seite enthält alle Wörter. " + count + " Treffer für einzelne Wörter aus " + quoted;
    }
    if (result.complete < count) {
      return result.complete + " Treffer für " + quoted + ", dazu " + (count - result.complete) + " für einzelne Wörter";
    }
    return count + " Treffer für " + quoted;
  }

  function init(options) {
    var opts = options || {};
    var doc = root.document;
    var form = element(opts.form);
    var input = element(opts.input);
    var results = element(opts.results);
    var status = element(opts.status) || statusBefore(results);
    var base = opts.base === undefined ? "../" : opts.base;
    var pageSize = opts.pageSize || 20;
    var delay = opts.delay === undefined ? 200 : opts.delay;
    store.indexBase = opts.index || base + "suche/";
    if (!input || !results) throw new Error("lotseSearch.init: input und results werden gebraucht");
    if (status) {
      if (!status.hasAttribute("role")) status.setAttribute("role", "status");
      if (!status.hasAttribute("aria-live")) status.setAttribute("aria-live", "polite");
      status.setAttribute("aria-atomic", "true");
    }
    var sequence = 0;
    var timer = null;

    function say(text) {
      status.textContent = text;
    }

    function showPage(result, list, from) {
      var page = result.hits.slice(from, from + pageSize);
      return documents(page).then(function (entries) {
        var old = results.querySelector(".lotse-search-more");
        if (old) old.parentNode.removeChild(old);
        entries.forEach(function (entry, i) {
          var item = resultItem(entry, result.terms, base);
          if (!page[i].all) item.className += " lotse-search-result--partial";
          list.appendChild(item);
        });
        var next = from + page.length;
        if (next < result.hits.length) {
          var more = doc.createElement("button");
          more.type = "button";
          more.className = "lotse-search-more";
          more.textContent = "Weitere Treffer anzeigen (" + (result.hits.length - next) + ")";
          more.addEventListener("click", function () {
            showPage(result, list, next).then(function () {
              var first = list.children[next] && list.children[next].querySelector("a");
              if (first) first.focus();
            });
          });
          results.appendChild(more);
        }
      });
    }

    function run(query, updateUrl) {
      var mine = ++sequence;
      if (updateUrl) rememberQuery(query);
      if (!query.trim()) {
        results.textContent = "";
        say("");
        return Promise.resolve();
      }
      results.setAttribute("aria-busy", "true");
      return search(query).then(function (result) {
        if (mine !== sequence) return null;
        results.textContent = "";
        if (result.hits.length === 0) {
          say(statusText(result));
          return null;
        }
        var list = doc.createElement("ol");
        list.className = "lotse-search-results";
        results.appendChild(list);
        return showPage(result, list, 0).then(function () {
          if (mine === sequence) say(statusText(result));
        });
      }).catch(function () {
        if (mine === sequence) say("Die Suche ist gerade nicht verfügbar: der Suchindex konnte nicht geladen werden.");
      }).then(function () {
        if (mine === sequence) results.removeAttribute("aria-busy");
      });
    }

    input.addEventListener("input", function () {
      if (timer) root.clearTimeout(timer);
      timer = root.setTimeout(function () { run(input.value, true); }, delay);
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (timer) root.clearTimeout(timer);
        run(input.value, true);
      });
    }
    var initial = queryFromUrl();
    if (initial) {
      input.value = initial;
      return run(initial, false);
    }
    return Promise.resolve();
  }

  // Without a status element of the page's own, one is put before the results.
  function statusBefore(results) {
    if (!results) return null;
    var status = root.document.createElement("p");
    status.className = "lotse-search-status";
    results.parentNode.insertBefore(status, results);
    return status;
  }

  function queryFromUrl() {
    try {
      return new URLSearchParams(root.location.search).get("q") || "";
    } catch (e) {
      return "";
    }
  }

  // Keeps ?q= current, so the back button returns to the same results. Some browsers
  // refuse history changes on file://; the search works without it.
  function rememberQuery(query) {
    try {
      var url = root.location.pathname + (query.trim() ? "?q=" + encodeURIComponent(query) : "") + root.location.hash;
      root.history.replaceState(null, "", url);
    } catch (e) {
      return;
    }
  }

  root.lotseSearch = {
    init: init,
    search: search,
    documents: documents,
    words: words,
    stem: stem,
    terms: terms,
    addManifest: addManifest,
    addShard: addShard,
    addDoc: addDoc,
    snippet: snippet
  };
})(typeof window !== "undefined" ? window : globalThis);

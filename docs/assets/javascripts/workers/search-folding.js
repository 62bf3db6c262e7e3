// Material's search worker, taught to ignore diacritics and script and to know the readers' words.
// Every word in the index and in a query is compared in plain letters: Вучић, Vučić and Vucic alike
// (the letters come from search-words.js, which the build makes from serbia_nato/script.py). A query
// word with synonyms (serbia_nato/search_words.yml) also looks for them. Highlighting is unchanged:
// Material marks each hit at its place in the original text.
var params = new URL(self.location.href).searchParams;
importScripts(params.get("words"));

var QUERY = 2;  // Material's SearchMessageType.QUERY

function plain(text) {
  var out = "";
  for (var i = 0; i < text.length; i++) {
    var char = text[i].toLowerCase();
    out += Object.prototype.hasOwnProperty.call(self.searchLetters, char) ? self.searchLetters[char] : char;
  }
  return out;
}

function withSynonyms(query) {
  return query.split(/(\s+)/).map(function (part) {
    var bare = part.replace(/^[+\-]/, "").replace(/[*~^\d]*$/, "");
    var others = self.searchSynonyms[bare];
    return others && part === bare ? [part].concat(others).join(" ") : part;
  }).join("");
}

// Before Material's own listener: the query, in plain letters and with its synonyms.
addEventListener("message", function (event) {
  var message = event.data;
  if (message && message.type === QUERY && typeof message.data === "string") {
    message.data = withSynonyms(plain(message.data));
  }
});

importScripts(params.get("material"));

// Every token Material indexes (and any query word it runs through the pipeline), in plain letters.
var run = lunr.Pipeline.prototype.run;
lunr.Pipeline.prototype.run = function (tokens) {
  return run.call(this, tokens).map(function (token) {
    return token.update(plain);
  });
};

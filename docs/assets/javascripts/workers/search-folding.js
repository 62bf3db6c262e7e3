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

// A word's synonyms: those of the group whose word (or stem: bombardovan) it begins with.
function synonymsOf(word) {
  var keys = Object.keys(self.searchSynonyms);
  for (var i = 0; i < keys.length; i++) {
    if (word.length >= 4 && word.indexOf(keys[i]) === 0) return self.searchSynonyms[keys[i]];
  }
  return null;
}

function withSynonyms(query) {
  return query.split(/(\s+)/).map(function (part) {
    var others = /^[\p{L}\p{N}]+$/u.test(part) ? synonymsOf(part) : null;
    return others ? [part].concat(others).join(" ") : part;
  }).join("");
}

// An indexed word without the punctuation around it: „bombardovanje“ is bombardovanje.
function bare(word) {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
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
    return token.update(function (word) { return bare(plain(word)); });
  });
};

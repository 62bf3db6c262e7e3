// Lighthouse (mobile, its default settings) on each URL given, in one headless Chromium; one JSON line per page.
// Run by bench/lighthouse.py with the pinned Lighthouse it installs into .bench/lighthouse/.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const url of process.argv.slice(2)) {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error",
                                           onlyCategories: CATEGORIES });
    const lhr = result.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score]));
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative"
                     && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
      .map((a) => a.id);
    const metric = (id) => lhr.audits[id] ? lhr.audits[id].numericValue : null;
    console.log(JSON.stringify({ url, scores, failed, cls: metric("cumulative-layout-shift"),
                                 lcp: metric("largest-contentful-paint"), tbt: metric("total-blocking-time"),
                                 error: lhr.runtimeError ? lhr.runtimeError.message : null }));
  }
} finally {
  await chrome.kill();
}

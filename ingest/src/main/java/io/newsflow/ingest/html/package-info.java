/**
 * Article extraction from HTML pages.
 *
 * <p>{@link io.newsflow.ingest.html.HtmlArticleExtractor} is the entry point: it returns an
 * {@link io.newsflow.ingest.html.ExtractedArticle} with the page's metadata and its main text.
 *
 * <ul>
 *   <li>Metadata, first source that states a field wins: schema.org JSON-LD (article kinds, also inside
 *       {@code @graph} arrays; {@link io.newsflow.ingest.html.JsonLd}), OpenGraph and {@code article:*},
 *       Twitter cards, standard and Dublin Core meta tags ({@link io.newsflow.ingest.html.MetaTags}).
 *       Dates go to UTC ({@link io.newsflow.ingest.html.Timestamps}); countries are only those the page
 *       declares ({@link io.newsflow.ingest.html.Countries}).</li>
 *   <li>Main text ({@link io.newsflow.ingest.html.BodyExtractor}): paragraph blocks are scored by length
 *       and commas, scores flow to ancestors and are discounted by link density and by class/id names;
 *       the best container and its matching siblings are cleaned of link-heavy, form-like and
 *       negatively named parts, rendered as paragraphs ({@link io.newsflow.ingest.html.PlainText}),
 *       and stripped of furniture lines ({@link io.newsflow.ingest.html.BoilerplateLines}). Up to four
 *       passes relax the cleaning when too little text survives. A JSON-LD {@code articleBody} picks
 *       between the passes but is never copied into the result.</li>
 *   <li>Cost is linear in the page: text measures come from one walk
 *       ({@link io.newsflow.ingest.html.TextStats}) and nodes are removed in bulk; input beyond
 *       {@link io.newsflow.ingest.html.HtmlArticleExtractor#MAX_HTML_CHARS} is not read.</li>
 * </ul>
 *
 * <p>Quality is measured outside the build with the test-scope runner
 * {@code io.newsflow.ingest.html.ExtractionEvalMain} against an article-extraction benchmark directory
 * passed on the command line (it writes {@code {id: {"articleBody": ...}}} for an external scorer).
 */
package io.newsflow.ingest.html;

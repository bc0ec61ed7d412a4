import Foundation
import Testing
@testable import ScrutinyKit

@Suite struct HTMLReaderTests {
    let outline = MarkupFixtures.outline

    @Test func keepsTheMainContentAndDropsPageFurniture() throws {
        let blocks = try MarkupFixtures.html("""
            <html><head><title>Report | Council</title><style>p { color: red }</style>
            <script>var tracker = "SCRIPTTEXT";</script></head>
            <body><header><p>Site banner</p></header><nav><ul><li>Home</li><li>Bins</li></ul></nav>
            <div role="search"><p>Search the site</p></div>
            <main><header><h1>Annual report</h1></header>
            <p>Opening paragraph.</p><form><p>Rate this page</p></form>
            <div hidden><p>Hidden text</p></div><p style="display: none">Invisible</p>
            <aside>Related pages</aside><noscript>Enable scripts</noscript></main>
            <footer>Copyright</footer></body></html>
            """)
        #expect(outline(blocks) == ["h1 Annual report", "p Opening paragraph."])
    }

    /// A footnote's marker in a superscript is no part of the word before it ("policy<sup>2</sup>"
    /// read "policy2": session 37's third audit), in HTML and in stray tags of a text file; an
    /// ordinal's "nd" stays.
    @Test func footnoteMarkersLeaveTheirWordsAlone() throws {
        let blocks = try MarkupFixtures.html("""
            <body><p>Review the escalation policy<sup>2</sup> by March 2024.<sup>[1]</sup> Meet on the 2<sup>nd</sup> Monday.</p></body>
            """)
        #expect(outline(blocks) == ["p Review the escalation policy by March 2024. Meet on the 2nd Monday."], "\(outline(blocks))")
        #expect(InlineMarkup.stripHTML("Review the policy<sup>2</sup> now; the 2<sup>nd</sup> one; a note<sup>*</sup>.")
            == "Review the policy now; the 2nd one; a note.")
    }

    /// A page's footnotes are left out as a Word document's are: under "Recommendations" their list
    /// read as two more recommendations (session 37's third audit). Pandoc's, kramdown's and a
    /// hand-written page's ways of marking them; an ordinary list of the same shape stays.
    @Test func footnoteListsAreLeftOut() throws {
        let recommendations = "<h2>Recommendations</h2><ol><li>Partners should review the policy.<sup><a href=\"#fn1\">1</a></sup></li></ol><hr>"
        for notes in [
            "<ol class=\"footnotes\"><li id=\"fn1\">See chapter 3.</li><li>The policy dated 2019.</li></ol>",
            "<section class=\"footnotes\" role=\"doc-endnotes\"><ol><li id=\"fn1\"><p>See chapter 3.</p></li></ol></section>",
            "<div class=\"footnotes\"><ol><li id=\"fn:1\">See chapter 3.</li></ol></div>",
            "<aside id=\"endnotes\"><p>See chapter 3.</p></aside>",
        ] {
            let blocks = try MarkupFixtures.html("<body>\(recommendations)\(notes)</body>")
            #expect(outline(blocks) == ["h2 Recommendations", "li0 1. #1 Partners should review the policy."], "\(notes): \(outline(blocks))")
        }
        let kept = try MarkupFixtures.html("<body>\(recommendations)<ol class=\"notes-list\"><li>Partners should publish it.</li></ol></body>")
        #expect(outline(kept).last == "li0 1. #1 Partners should publish it.", "\(outline(kept))")
    }

    @Test func readsTheOnlyArticleOrElseTheBodyWithoutFurniture() throws {
        let article = try MarkupFixtures.html("""
            <body><header>Banner</header><div><article><h2>Minutes</h2><p>Item one.</p></article></div>
            <footer>Footer</footer></body>
            """)
        #expect(outline(article) == ["h2 Minutes", "p Item one."])
        let body = try MarkupFixtures.html("""
            <body><nav>Menu</nav><article><p>First story.</p></article><article><p>Second story.</p></article>
            <footer>Footer</footer></body>
            """)
        #expect(outline(body) == ["p First story.", "p Second story."])
    }

    @Test func numbersOrderedListsAsABrowserWould() throws {
        let blocks = try MarkupFixtures.html("""
            <main><ol><li>One</li><li>Two<ul><li>nested bullet</li>
            <li>with <ol type="a"><li>a lettered sub-item</li></ol></li></ul></li><li value="7">Seven</li><li>Eight</li></ol>
            <ol start="3" type="I"><li>Roman three</li></ol>
            <ol reversed><li>Two down</li><li>One down</li></ol>
            <ol style="list-style-type: lower-roman"><li>css roman</li></ol></main>
            """)
        #expect(outline(blocks) == [
            "li0 1. #1 One", "li0 2. #2 Two", "li1 • nested bullet", "li1 • with", "li2 a. #a a lettered sub-item",
            "li0 7. #7 Seven", "li0 8. #8 Eight", "li0 III. #iii Roman three", "li0 2. #2 Two down", "li0 1. #1 One down",
            "li0 i. #i css roman",
        ])
    }

    @Test func typedNumbersWinWhereTheListShowsNoneAndMakeParagraphsItems() throws {
        let blocks = try MarkupFixtures.html("""
            <h2>2.2 Outcome of the JTAI</h2><h2>3. CONSULTATION</h2>
            <ol style="list-style: none"><li><b>1.4</b> The JTAI evaluated:<ul><li>the front door</li></ul></li></ol>
            <p><span class="num">2.3</span> In summary, inspectors found</p>
            <p>(a) the first point</p><p>2022 was a busy year.</p>
            """)
        #expect(outline(blocks) == [
            "h2 2.2 Outcome of the JTAI", "h2 3 CONSULTATION", "li0 1.4 #1.4 The JTAI evaluated:", "li1 • the front door",
            "li0 2.3 #2.3 In summary, inspectors found", "li0 (a) #a the first point", "p 2022 was a busy year.",
        ])
    }

    @Test func readsDataTablesAsRowsAndLayoutTablesAsContent() throws {
        let blocks = try MarkupFixtures.html("""
            <table><caption>Ratings</caption><thead><tr><th>Area</th><th>Rating</th></tr></thead>
            <tbody><tr><td>Leadership <br>and accountability</td><td></td></tr><tr><td></td><td></td></tr></tbody></table>
            <table><tr><td><h2>Layout heading</h2><ul><li>Layout item</li></ul></td><td><p>Side text.</p></td></tr></table>
            """)
        #expect(outline(blocks) == [
            "p Ratings", "tr Area | Rating", "tr Leadership and accountability | ", "h2 Layout heading", "li0 • Layout item",
            "p Side text.",
        ])
    }

    @Test func boldLinesReadAsHeadingsAndPreformattedTextAsText() throws {
        let blocks = try MarkupFixtures.html("""
            <p><strong>Annual report</strong></p><p><b>Recommendations</b></p>
            <p><b>The partnership should act.</b></p><p><b>1.4</b> The JTAI evaluated:</p>
            <pre>Areas for improvement:
            1) Timeliness of strategy discussions.
            Key decision	No</pre>
            """)
        #expect(outline(blocks) == [
            "h1 Annual report", "h3 Recommendations", "p The partnership should act.",
            "li0 1.4 #1.4 The JTAI evaluated:", "p Areas for improvement:",
            "li0 1) #1 Timeliness of strategy discussions.", "tr Key decision | No",
        ])
    }

    @Test func decodesEntitiesAndSplitsParagraphsAtDoubleLineBreaks() throws {
        let blocks = try MarkupFixtures.html("""
            <p>Budget &pound;486,000 &ndash; agreed&nbsp;by &ldquo;partners&rdquo; &amp; the chair&#8217;s office&#x2026;
            <br>same paragraph<br><br>New paragraph</p>
            """)
        #expect(outline(blocks) == [
            "p Budget £486,000 - agreed by \"partners\" & the chair's office... same paragraph", "p New paragraph",
        ])
    }

    @Test(arguments: [
        // Declared in a meta charset; declared with http-equiv; an XML declaration; undeclared Windows-1252;
        // a page that claims UTF-8 but is Windows-1252.
        ("<meta charset=\"windows-1252\">", true),
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">", true),
        ("", true),
        ("<meta charset=\"utf-8\">", true),
        ("<meta charset=\"utf-8\">", false),
    ])
    func readsTheDeclaredCharset(declaration: String, windows1252: Bool) throws {
        let text = "The partner\u{2019}s budget \u{2013} \u{00A3}5"
        let body: [UInt8] = windows1252 ? [0x54, 0x68, 0x65, 0x20, 0x70, 0x61, 0x72, 0x74, 0x6E, 0x65, 0x72, 0x92, 0x73,
                                           0x20, 0x62, 0x75, 0x64, 0x67, 0x65, 0x74, 0x20, 0x96, 0x20, 0xA3, 0x35]
            : Array(text.utf8)
        let bytes = Array("<html><head>\(declaration)</head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
        let blocks = try HTMLReader().read(bytes: bytes, path: "page.html").blocks
        #expect(blocks.map(\.text) == ["The partner's budget - £5"])
    }

    @Test func readsUTF16WithAByteOrderMark() throws {
        let page = "<html><body><h1>Caf\u{00E9} report</h1></body></html>"
        let bytes: [UInt8] = [0xFF, 0xFE] + page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let blocks = try HTMLReader().read(bytes: bytes, path: "page.html").blocks
        #expect(outline(blocks) == ["h1 Caf\u{00E9} report"])
    }

    @Test func recoversFromBrokenMarkup() throws {
        let blocks = try MarkupFixtures.html("<h1>Report<p>First <b>bold <i>and</b> italic</i><li>stray item<p>Last")
        // The unclosed item holds the paragraph after it, as a browser would show it.
        #expect(outline(blocks) == ["h1 Report", "p First bold and italic", "li0 • stray item Last"])
    }

    @Test func deeplyNestedMarkupIsReadWithinTheParserDepthLimit() throws {
        let lists = try MarkupFixtures.html(String(repeating: "<ul><li>item", count: 20_000))
        #expect(lists.count > 100)
        #expect(lists.allSatisfy { $0.kind == .listItem && $0.text == "item" })
        let divs = try MarkupFixtures.html(String(repeating: "<div>", count: 100_000) + "deep" + "<p>shallow</p>")
        #expect(divs.count <= 1)
    }

    @Test func takesTheTitleAndAuthorFromTheHead() throws {
        let contents = try HTMLReader().read(bytes: Array("""
            <html><head><title> Scrutiny  report </title><meta name="author" content="Jane Smith"></head>
            <body><p>x</p></body></html>
            """.utf8), path: "page.html")
        #expect(contents.metadata.title == "Scrutiny report")
        #expect(contents.metadata.authors == ["Jane Smith"])
    }
}

import Foundation
import Testing

@testable import PeerConsultKit

@Suite struct HTMLEscapingTests {
  /// A session whose title, names and note try to break out of the page.
  private func hostile() throws -> SessionRecord {
    let store = try AppDatabase.inMemory()
    let setup = SessionSetup(
      title: "\"><script>alert('title')</script>", programme: "<b>P</b>",
      consultingProtocol: Fixtures.consultingProtocol,
      participants: [
        Participant(name: "<img src=x onerror=alert(1)>", organisation: "A&B", level: .senior)
      ],
      presenters: [0])
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock())
    try live.start()
    try live.addNote(
      .init(text: "<script>alert(1)</script> &lt;b&gt; &amp; \u{1B}[31m", kind: .other, speaker: 0))
    return try SessionRecord(id: live.id, events: store.events(of: live.id))
  }

  @Test func markupInTextStaysText() throws {
    for anonymise in [false, true] {
      let html = try SessionExport.render(
        [try hostile()], as: .html, options: ShareOptions(anonymise: anonymise))
      #expect(!html.contains("<script"), "\(html)")
      #expect(!html.contains("<img"))
      #expect(!html.contains("<b>"))
      #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      // An entity typed into a note shows as typed, not as the character it names.
      #expect(html.contains("&amp;lt;b&amp;gt; &amp;amp;"))
      #expect(!html.contains("\u{1B}"))
    }
  }

  @Test func theTitleIsEscapedInTheHeadToo() throws {
    let html = try SessionExport.render([try hostile()], as: .html)
    #expect(html.contains("<title>\"&gt;&lt;script&gt;alert('title')&lt;/script&gt;</title>"))
    #expect(!html.contains("content=\"\"><script"))
  }

  @Test func markdownKeepsMarkupAsText() throws {
    let markdown = try SessionExport.render([try hostile()], as: .markdown)
    #expect(markdown.contains("\\<script>alert(1)\\</script>"))
    // Every < that could open a tag or an autolink is escaped.
    #expect(markdown.range(of: #"(?<!\\)<[A-Za-z/!?]"#, options: .regularExpression) == nil)
    #expect(!markdown.contains("\u{1B}"))
  }

  @Test func thePlainTextForTheTerminalCarriesNoEscapeSequences() throws {
    let text = SessionExport.plainText([try hostile()])
    #expect(text.contains("<script>alert(1)</script>"))
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("\u{FFFD}[31m"))
  }

  /// A right-to-left name is isolated from the text around it (`<bdi>`; a speaker's span by
  /// its style): otherwise a browser puts the rating after "فاطمة الزهراء" on its other side,
  /// and the names of a list run into each other. Markup in a name stays text inside it.
  @Test func namesAreIsolatedFromTheTextAroundThem() throws {
    let store = try AppDatabase.inMemory()
    let setup = SessionSetup(
      title: "Mixed", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
      participants: [
        Participant(name: "Priya Patel", organisation: "Council", level: .senior),
        Participant(name: "فاطمة الزهراء", organisation: "NHS", level: .middle),
        Participant(name: "<i>Ben</i>", organisation: "Police", level: .frontline),
      ],
      presenters: [0])
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock())
    try live.start()
    try live.rateProcess(participant: 0, rating: 3)
    try live.rateProcess(participant: 1, rating: 4)
    try live.rateProcess(participant: 2, rating: 5)
    let record = try SessionRecord(id: live.id, events: store.events(of: live.id))
    // The page's indentation left out, as a browser collapses it.
    let html = try SessionExport.render([record], as: .html).replacingOccurrences(
      of: #"\n *"#, with: "", options: .regularExpression)
    #expect(
      html.contains(
        "<bdi>Priya Patel</bdi> 3, <bdi>فاطمة الزهراء</bdi> 4, <bdi>&lt;i&gt;Ben&lt;/i&gt;</bdi> 5; "
          + "average 4.0"), "\(html)")
    #expect(html.contains("<li><bdi>فاطمة الزهراء</bdi> <span class=\"detail\">"), "\(html)")
    #expect(
      html.contains(".speaker { font-weight: 600; margin-right: .2rem; unicode-bidi: isolate; }"))
    // Anonymised, only the count and the average, as before.
    let anonymised = try SessionExport.render(
      [record], as: .html, options: ShareOptions(anonymise: true))
    #expect(anonymised.contains("3 ratings; average 4.0"))
    #expect(!anonymised.contains("<bdi>فاطمة"))
  }
}

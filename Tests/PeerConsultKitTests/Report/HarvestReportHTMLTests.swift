import Foundation
import Testing

@testable import PeerConsultKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The report's HTML over sessions whose every text is hostile, parsed as a browser's strict
/// cousin would: it is well-formed, the only elements are the page's own, no attribute carries
/// what a person typed, and the hostile text comes back as text, in the tables and the chart.
@Suite struct HarvestReportHTMLTests {
  /// The hostile session of ``HostileTextTests`` and a later one of the same programme whose
  /// notes carry `#tags` next to markup, with a theme written twice and ratings.
  static func records() throws -> [SessionRecord] {
    let first = try HostileTextTests.record()
    var setup = first.state.setup
    setup.title = HostileTextTests.hostile("second <title>")
    let start = first.state.createdAt.addingTimeInterval(7 * 86_400)
    let texts: [(String, NoteKind)] = [
      ("#licensing<script>alert(1)</script> and #night-time-economy\u{1B}[2J", .theme),
      ("#licensing<script>alert(1)</script> and #night-time-economy\u{1B}[2J", .theme),
      ("<img src=x onerror=alert(1)> #Données", .blockage),
    ]
    var events: [SessionEvent] = [.created(setup: setup), .phaseStarted(slot: 0)]
    for (id, (text, kind)) in texts.enumerated() {
      events.append(.noteAdded(id: id + 1, slot: 0, content: NoteContent(text: text, kind: kind)))
    }
    events += [
      .processRating(participant: 0, rating: 5), .processRating(participant: 1, rating: 3),
      .finished,
    ]
    let recorded = events.enumerated().map {
      RecordedEvent(sequence: $0 + 1, at: start.addingTimeInterval(Double($0) * 5), event: $1)
    }
    let id = SessionID(rawValue: "00112233445566778899aabbccddee00")!
    return [first, try SessionRecord(id: id, events: recorded)]
  }

  /// What an XML parser saw of a page.
  final class Page: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [String] = []
    var text = ""
    /// The text inside each `<title>` within the chart.
    var chartTitles: [String] = []
    private var stack: [String] = []
    private var current = ""

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String]
    ) {
      elements.append(name)
      self.attributes += attributes.values
      stack.append(name)
      current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      text += string
      current += string
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      stack.removeLast()
      if name == "title", stack.contains("svg") { chartTitles.append(current) }
    }
  }

  static func parse(_ html: String) throws -> Page {
    let parser = XMLParser(data: Data(html.utf8))
    let page = Page()
    parser.delegate = page
    let parsed = parser.parse()
    #expect(parsed, "not well-formed: \(String(describing: parser.parserError))")
    return page
  }

  /// The elements the page builds itself; anything else came from someone's text.
  static let ownElements: Set<String> = [
    "html", "head", "meta", "title", "style", "body", "article", "header", "h1", "h2", "h3", "h4",
    "p", "ul", "li", "span", "strong", "table", "thead", "tbody", "tr", "th", "td", "section",
    "svg", "line", "text", "polyline", "circle",
  ]

  @Test func hostileTextStaysTextInTablesAndChart() throws {
    let records = try Self.records()
    let programme = records[0].state.setup.programme
    for anonymise in [false, true] {
      let html = try HarvestExport.render(
        records, programme: programme, as: .html,
        options: ShareOptions(anonymise: anonymise, timeZone: TimeZone(identifier: "UTC")!))
      let page = try Self.parse(html)
      #expect(Set(page.elements).subtracting(Self.ownElements).isEmpty, "\(Set(page.elements))")
      #expect(!page.attributes.contains { $0.contains("<") || $0.contains("alert") })
      #expect(!html.unicodeScalars.contains { $0 == "\u{1B}" || (0x80...0x9F).contains($0.value) })
      // Read back, the typed markup is there as text.
      #expect(page.text.contains("#licensing<script>alert(1)</script>"))
      #expect(page.text.contains("<img src=x onerror=alert(1)>"))
      // Tags are cut where markup starts, and counted.
      #expect(page.text.contains("#licensing"))
      #expect(page.text.contains("#Données"))
      // One point per rated session, each titled with its session's title, as text.
      #expect(page.elements.count { $0 == "circle" } == 2)
      #expect(page.chartTitles.count == 3)
      #expect(page.chartTitles.contains { $0.contains("second <title>") && $0.contains("4.0") })
    }
  }

  /// The page is written a piece at a time around its long lists, cut where a mark of control
  /// characters stands: a note that spells the mark out is cleaned like any text, and the
  /// page is whole, well-formed, with every list in its place.
  @Test func aNoteSpellingOutTheListMarkLeavesThePageWhole() throws {
    var records = try Self.records()
    let last = records[1]
    let mark = "\u{1}list\u{1}"
    let events =
      last.events.dropLast().map(\.event) + [
        .noteAdded(id: 4, slot: 0, content: NoteContent(text: "\(mark) theme", kind: .theme)),
        .noteAdded(id: 5, slot: 0, content: NoteContent(text: "works \(mark)", kind: .worksWell)),
        .finished,
      ]
    records[1] = try SessionRecord(
      id: last.id,
      events: events.enumerated().map {
        RecordedEvent(
          sequence: $0 + 1, at: last.state.createdAt.addingTimeInterval(Double($0)), event: $1)
      })
    let html = try HarvestExport.render(
      records, programme: records[0].state.setup.programme, as: .html,
      options: ShareOptions(timeZone: TimeZone(identifier: "UTC")!))
    let page = try Self.parse(html)
    #expect(page.text.contains("\u{FFFD}list\u{FFFD} theme"))
    #expect(page.text.contains("works \u{FFFD}list\u{FFFD}"))
    #expect(!html.unicodeScalars.contains("\u{1}"))
    // The lists stand under their headings, in order.
    let headings = ["Every theme note", "What works well", "Blockages", "Every action"]
    let places = headings.compactMap { html.range(of: ">\($0)</")?.lowerBound }
    #expect(places.count == 4 && places == places.sorted())
    let theme = try #require(html.range(of: "list\u{FFFD} theme"))
    #expect(places[0] < theme.lowerBound && theme.lowerBound < places[1])
    let works = try #require(html.range(of: "works \u{FFFD}list"))
    #expect(places[1] < works.lowerBound && works.lowerBound < places[2])
    #expect(html.hasSuffix("</html>\n"))
  }

  @Test func theRecurringThemeAndTagsAreCountedAcrossTheSessions() throws {
    let records = try Self.records()
    let report = ProgrammeReport(digests: records.map(SessionDigest.init))
    #expect(report.tags.first { $0.key == "licensing" }?.notes == 2)
    #expect(report.tags.first { $0.key == "donnees" }?.tag == "Données")
    #expect(report.themes.first?.notes == 2)
    #expect(report.ratedSessions.count == 2)
  }
}

import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// A session taken from a shared store is marked with the store's name on its review row, on
/// its search hits and in its transcript's header; sessions written here are not.
@Suite struct ReviewOriginTests {
  @Test func theSessionListMarksAPulledSessionAt80x24() throws {
    let f = try ReviewFixture(pulledFrom: "office")
    expectGolden(f.screen, "review-list-origin-80x24")
    #expect(f.review?.sessions.map(\.origin) == [nil, nil, "office"])
  }

  @Test func theSessionListMarksAPulledSessionAt120x40() throws {
    let f = try ReviewFixture(width: 120, height: 40, pulledFrom: "office")
    f.press(.down, .down)
    expectGolden(f.screen, "review-list-origin-120x40")
  }

  @Test func searchHitsOfAPulledSessionAreMarked() throws {
    let f = try ReviewFixture(pulledFrom: "office")
    f.press(.tab)
    f.type("licen*")
    expectGolden(f.screen, "review-search-origin-80x24")
    let hits = try #require(f.review?.hits)
    #expect(hits.contains { $0.origin == "office" })
    #expect(
      hits.allSatisfy { $0.origin == ($0.session == ReviewFixture.nightTime ? "office" : nil) })
  }

  @Test func theTranscriptsHeaderNamesTheStore() throws {
    let f = try ReviewFixture(pulledFrom: "office")
    f.press(.down, .down, .enter)
    #expect(f.screen.line(1).contains("finished · from office"), "\(f.screen.line(1))")
    expectGolden(f.screen, "transcript-origin-80x24")
    // Opened from a search hit, whose session may not be on the list's first page.
    let g = try ReviewFixture(pulledFrom: "office")
    g.press(.tab)
    g.type("licen*")
    let hit = try #require(g.review?.hits.firstIndex { $0.session == ReviewFixture.nightTime })
    for _ in 0..<hit { g.press(.down) }
    g.press(.enter)
    #expect(g.transcript?.origin == "office")
    let local = try ReviewFixture(pulledFrom: "office")
    local.press(.enter)
    #expect(local.transcript != nil && local.transcript?.origin == nil)
    #expect(!local.screen.line(1).contains("from"))
  }
}

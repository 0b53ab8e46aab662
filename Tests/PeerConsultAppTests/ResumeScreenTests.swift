import Foundation
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit
@testable import TerminalKit

/// The list of unfinished sessions counts each one's notes in words that agree with the
/// count ("1 note", not "1 notes").
@Suite struct ResumeScreenTests {
  @Test func eachSessionsNotesAreCountedInWordsThatAgree() {
    let listings = [0, 1, 2].map { n in
      SessionListing(
        id: SessionID(rawValue: String(format: "%032x", n + 1))!,
        createdAt: Date(timeIntervalSince1970: 1_800_000_000),
        updatedAt: Date(timeIntervalSince1970: 1_800_000_000 - Double(n) * 60), finishedAt: nil,
        title: "Session \(n)", programme: "P", protocolName: "Drill", presenters: [],
        noteCount: n, actionCount: 0, actionsDone: 0)
    }
    var grid = Grid(width: 80, height: 10)
    ResumeScreen.render(
      ResumeState(sessions: listings), timeZone: TimeZone(identifier: "UTC")!, into: &grid,
      area: Rect(x: 0, y: 0, width: 80, height: 10))
    let text = grid.lines.joined(separator: "\n")
    #expect(text.contains("Session 0 · P · 0 notes"))
    #expect(text.contains("Session 1 · P · 1 note "))
    #expect(text.contains("Session 2 · P · 2 notes"))
  }
}

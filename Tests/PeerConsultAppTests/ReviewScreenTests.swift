import Foundation
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit
@testable import TerminalKit

@Suite struct ReviewScreenRenderTests {
  @Test func sessionListAt80x24() throws {
    let f = try ReviewFixture()
    expectGolden(f.screen, "review-list-80x24")
  }

  @Test func sessionListAt120x40() throws {
    let f = try ReviewFixture(width: 120, height: 40)
    f.press(.down)
    expectGolden(f.screen, "review-list-120x40")
  }

  @Test func searchResultsWithHighlightsAt80x24() throws {
    let f = try ReviewFixture()
    f.press(.tab)
    f.type("licen*")
    expectGolden(f.screen, "review-search-80x24")
    expectHighlighted(f.screen, word: "licensing")
  }

  @Test func searchResultsWithHighlightsAt120x40() throws {
    let f = try ReviewFixture(width: 120, height: 40)
    f.press(.tab)
    f.type("\"joint licensing\"")
    expectGolden(f.screen, "review-search-120x40")
    expectHighlighted(f.screen, word: "joint licensing")
  }

  @Test func emptyDataFolderSaysSoAndCreatesNothing() throws {
    let f = try ReviewFixture(seed: false)
    expectGolden(f.screen, "review-empty-80x24")
    f.press(.tab)
    f.type("anything")
    #expect(f.text.contains("No sessions yet, so nothing to search."))
    #expect(try !AppDatabase.exists(in: f.dataFolder))
  }

  @Test func helpOpensWithF1AndListsTheTypingKeys() throws {
    let f = try ReviewFixture(width: 120, height: 40)
    f.press(.function(1))
    #expect(f.runner.state.overlay == .help(scroll: 0))
    for binding in Keymap.bindings(for: .review) {
      #expect(f.text.contains(binding.help), "help lacks \(binding.help)")
    }
    #expect(f.text.contains("Narrows the list"))
    f.press(.function(1))
    #expect(f.runner.state.overlay == nil)
  }

  /// Every cell of each occurrence of `word` on a snippet row is highlighted, and the cells
  /// just around it are not.
  private func expectHighlighted(
    _ grid: Grid, word: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var found = 0
    for y in 0..<grid.height {
      let line = grid.line(y)
      guard line.hasPrefix("      "), let range = line.range(of: word, options: .caseInsensitive)
      else { continue }
      // Snippet rows are ASCII here, so character offsets are columns.
      let start = line.distance(from: line.startIndex, to: range.lowerBound)
      for x in start..<start + word.count where grid[x, y].character != " " {
        #expect(grid[x, y].style == Theme.highlight, "(\(x),\(y)) not highlighted")
      }
      #expect(grid[start - 1, y].style != Theme.highlight, sourceLocation: sourceLocation)
      found += 1
    }
    #expect(found > 0, "no snippet shows \(word)", sourceLocation: sourceLocation)
  }
}

@Suite struct ReviewScreenBehaviourTests {
  private func titles(_ f: ReviewFixture) -> [String] {
    f.review?.shown.map(\.title) ?? []
  }

  @Test func listsNewestFirstWithCountsAndState() throws {
    let f = try ReviewFixture()
    #expect(titles(f) == ["Hospital discharge", "Street drinking", "Night-time economy"])
    let text = f.text
    #expect(text.contains("2027-01-15 08:00  Night-time economy"))
    #expect(text.contains("Alcohol Plan · 8 notes · actions 1/2 done"))
    #expect(text.contains("unfinished"))
  }

  @Test func typedTextFiltersIgnoringCaseAndAccents() throws {
    let f = try ReviewFixture()
    f.type("ZOE")
    #expect(titles(f) == ["Night-time economy"])
    f.press(.control("u"))
    f.type("alcohol drinking")
    #expect(titles(f) == ["Street drinking"])
    f.press(.control("u"))
    f.type("2027-01-17")
    #expect(titles(f) == ["Hospital discharge"])
    f.press(.control("u"))
    f.type("nothing like this")
    #expect(titles(f).isEmpty)
    #expect(f.text.contains("No session matches"))
  }

  @Test func printableKeysAreTextNeverCommands() throws {
    let f = try ReviewFixture()
    f.type("q?jk")
    #expect(f.review?.filter.string == "q?jk")
    #expect(f.runner.state.overlay == nil)
    #expect(f.review != nil)
  }

  @Test func ctrlPCyclesProgrammesThenAll() throws {
    let f = try ReviewFixture()
    #expect(f.review?.programmes == ["Winter Pressures", "Alcohol Plan"])
    f.press(.control("p"))
    #expect(titles(f) == ["Hospital discharge"])
    #expect(f.text.contains("Programme: Winter Pressures"))
    f.press(.control("p"))
    #expect(titles(f) == ["Street drinking", "Night-time economy"])
    f.type("night")
    #expect(titles(f) == ["Night-time economy"])
    f.press(.control("p"))
    #expect(f.review?.programme == nil)
    #expect(titles(f) == ["Night-time economy"])
  }

  @Test func selectionFollowsTheSessionThroughFilters() throws {
    let f = try ReviewFixture()
    f.press(.down, .down)
    #expect(f.review?.selectedSession?.title == "Night-time economy")
    f.type("alcohol")
    #expect(f.review?.selectedSession?.title == "Night-time economy")
    f.press(.up, .up)
    #expect(f.review?.selectedSession?.title == "Night-time economy")
  }

  @Test func escClearsTheFilterThenGoesHome() throws {
    let f = try ReviewFixture()
    f.type("street")
    f.press(.escape)
    #expect(f.review?.filter.string == "")
    #expect(titles(f).count == 3)
    f.press(.escape)
    guard let home = f.runner.state.screen as? HomeState else {
      Issue.record("did not go home")
      return
    }
    #expect(home.selection == HomeScreen.Entry.review.rawValue)
  }

  @Test func leavingExitsWhenStartedForReview() throws {
    let f = try ReviewFixture(leavesProgram: true)
    f.type("q")
    #expect(f.press(.escape) == nil)
    #expect(f.press(.escape) == 0)
  }

  @Test func homeOpensTheReview() throws {
    let f = try ReviewFixture()
    f.press(.escape)
    f.press(.enter)
    #expect(f.review?.sessions.count == 3)
  }

  @Test func searchFindsAcrossSessionsAndNarrowsByProgramme() throws {
    let f = try ReviewFixture()
    f.press(.tab)
    #expect(f.text.contains("Type words"))
    f.type("CAFÉ")
    #expect(f.review?.hits.map(\.sessionTitle) == ["Street drinking"])
    f.press(.control("u"))
    f.type("licen*")
    #expect(Set(f.review?.hits.map(\.session) ?? []) == [Self.night, Self.street])
    f.press(.control("p"), .control("p"))
    #expect(f.review?.programme == "Alcohol Plan")
    #expect(f.review?.hits.count == 4)
    f.press(.control("p"))
    f.press(.control("p"))
    #expect(f.review?.programme == "Winter Pressures")
    #expect(f.review?.hits.isEmpty == true)
    #expect(f.text.contains("No notes match “licen*” in Winter Pressures."))
  }

  @Test func escInSearchClearsTheQueryThenReturnsToTheList() throws {
    let f = try ReviewFixture()
    f.press(.tab)
    f.type("levy")
    #expect(f.review?.hits.count == 1)
    f.press(.escape)
    #expect(f.review?.query.string == "")
    #expect(f.review?.hits.isEmpty == true)
    #expect(f.review?.mode == .search)
    f.press(.escape)
    #expect(f.review?.mode == .sessions)
  }

  @Test func openingAHitLandsOnTheNoteHighlighted() throws {
    let f = try ReviewFixture()
    f.press(.tab)
    f.type("levy")
    let hit = try #require(f.review?.selectedHit)
    #expect(hit.noteID == 7)
    f.press(.enter)
    let transcript = try #require(f.transcript)
    #expect(transcript.sessionID == Self.night)
    #expect(transcript.focusNote == 7)
    let grid = f.screen
    let row = try #require(
      (0..<grid.height).first { grid.line($0).contains("Who owns the late-night levy?") })
    #expect(grid[6, row].style == Theme.selected)
    #expect(grid[6, row + 1].style != Theme.selected)
    // Back to the same search, the same hit selected.
    f.press(.escape)
    #expect(f.review?.mode == .search)
    #expect(f.review?.selectedHit?.noteID == 7)
  }

  @Test func enterOpensTheSelectedSession() throws {
    let f = try ReviewFixture()
    f.press(.down, .enter)
    #expect(f.transcript?.sessionID == Self.street)
    #expect(f.text.contains("Amira O'Neill: Cafe owners feel unheard"))
    f.press(.character("q"))
    #expect(f.review?.selectedSession?.id == Self.street)
  }

  @Test func longListsMoveAPageAtATime() {
    #expect(ReviewScreen.page(selection: 0, count: 3, listHeight: 16) == 0..<3)
    #expect(ReviewScreen.page(selection: 9, count: 20, listHeight: 16) == 8..<16)
    #expect(ReviewScreen.page(selection: 19, count: 20, listHeight: 16) == 16..<20)
    let listings = (1...20).map { n in
      SessionListing(
        id: SessionID(rawValue: String(format: "%032x", n))!,
        createdAt: Date(timeIntervalSince1970: 1_800_000_000 - Double(n) * 86_400),
        updatedAt: Date(timeIntervalSince1970: 1_800_000_000), finishedAt: nil,
        title: "Session \(n)", programme: "P", protocolName: "Drill", presenters: [],
        noteCount: n, actionCount: 0, actionsDone: 0)
    }
    var state = AppState(screen: ReviewState(sessions: listings, programmes: ["P"]))
    for _ in 0..<9 { _ = App.update(&state, .key(.down)) }
    var text = App.render(state).grid.lines.joined(separator: "\n")
    #expect(
      text.split(separator: "\n").first { $0.contains("▸ 20") }?.contains("Session 10 ") == true)
    #expect(!text.contains("Session 8 ") && text.contains("Session 16 "))
    _ = App.update(&state, .key(.pageDown))
    _ = App.update(&state, .key(.pageDown))
    text = App.render(state).grid.lines.joined(separator: "\n")
    #expect(text.contains("Session 20 ") && !text.contains("Session 16 "))
  }

  private static let night = ReviewFixture.nightTime
  private static let street = ReviewFixture.streetDrinking
}

import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

@Suite struct SetupWiringTests {
  private func type(_ runner: AppRunner, _ text: String) {
    for c in text { runner.handle(.key(.character(c))) }
  }

  /// The New-session form opened from home, titled `title`, its focus on the line that adds
  /// a person.
  private func formAtItsPeople(title: String) throws -> AppRunner {
    let runner = AppRunner(
      terminal: MemoryTerminal(), services: try testServices(), state: AppState())
    runner.handle(.key(.enter))
    type(runner, title)
    for _ in 0..<3 { runner.handle(.key(.tab)) }
    try #require((runner.state.screen as? SetupState)?.focus == .newParticipant)
    return runner
  }

  @Test func homeNewSessionFormStartsALiveSession() throws {
    let runner = AppRunner(
      terminal: MemoryTerminal(), services: try testServices(), state: AppState())
    runner.handle(.key(.enter))
    guard runner.state.screen is SetupState else {
      Issue.record("New session did not open the form")
      return
    }
    type(runner, "SLG 4")
    runner.handle(.key(.tab))
    type(runner, "Alcohol Plan")
    runner.handle(.key(.tab))
    runner.handle(.key(.tab))
    runner.handle(.paste("Zoë Müller; City Council; senior\nAmira O'Neill; NHS Trust; frontline\n"))
    runner.handle(.key(.control("g")))
    guard let live = runner.state.screen as? LiveState else {
      Issue.record("Start did not go live: \(String(describing: runner.state.notice))")
      return
    }
    #expect(live.session.setup.title == "SLG 4")
    #expect(live.session.setup.programme == "Alcohol Plan")
    #expect(live.session.participants.map(\.name) == ["Zoë Müller", "Amira O'Neill"])
    #expect(live.session.setup.presenters == [0, 1])
    // Ready, not running: the first phase waits for Space.
    #expect(!live.session.isStarted)
    runner.handle(.key(.character(" ")))
    let started = try #require(runner.state.screen as? LiveState)
    #expect(started.session.current?.phase.name == BuiltInProtocols.all[0].opening.first?.name)
    #expect(!runner.state.leavesProgram)
  }

  /// A pasted list with lines that cannot be added: each good line is added on its own, and
  /// the first bad one is given back in the field with what is wrong, the others named.
  /// Before, the next line was typed onto the end of a bad one and the two added as one
  /// person ("Bad Line Without LevelLi Jing").
  @Test func aPastedListAddsEachGoodLineAndGivesBackTheBadOnes() throws {
    let runner = try formAtItsPeople(title: "SLG 4")
    runner.handle(
      .paste(
        "Asha Kaur; City Council; senior\nBad Line Without Level\nLi Jing; NHS; middle\n"
          + "Also bad\nTom Reed; Police; frontline\n"))
    var setup = try #require(runner.state.screen as? SetupState)
    #expect(setup.members.map(\.participant.name) == ["Asha Kaur", "Li Jing", "Tom Reed"])
    #expect(setup.newParticipant.string == "Bad Line Without Level")
    let error = try #require(setup.addError)
    #expect(error.hasPrefix("'Bad Line Without Level' has 1 part, not 3"), "\(error)")
    #expect(error.hasSuffix("; not added either: 'Also bad'"), "\(error)")
    // Blank lines (a list copied with CR LF has one after every person) add nobody and do
    // not move on from the field; before, the next person went into the group list, the one
    // after into a focus question, and enough lines started the session.
    runner.handle(.key(.control("u")))
    runner.handle(.paste("Bob Ng; NHS; senior\n\nCarl Ode; NHS; middle\n\n\n\n\n\n\n\n"))
    setup = try #require(runner.state.screen as? SetupState)
    #expect(setup.focus == .newParticipant)
    #expect(setup.members.map(\.participant.name).suffix(2) == ["Bob Ng", "Carl Ode"])
    #expect(setup.members.allSatisfy { $0.focusQuestion.string.isEmpty })
    // A list whose last line is typed but not ended keeps that line in the field.
    runner.handle(.key(.control("u")))
    runner.handle(.paste("Nope\nSam Okafor; NHS; frontline\nZoë Müller; City"))
    setup = try #require(runner.state.screen as? SetupState)
    #expect(setup.members.map(\.participant.name).last == "Sam Okafor")
    #expect(setup.newParticipant.string == "Zoë Müller; City")
    #expect(setup.addError?.hasPrefix("not added: 'Nope'; 'Nope' has 1 part") == true)
  }

  /// The form refuses the 101st person as they are added, not only at Start.
  @Test func theFormTakesAHundredPeople() throws {
    let runner = try formAtItsPeople(title: "Crowd")
    runner.handle(
      .paste((1...101).map { "Person \($0); Org; middle" }.joined(separator: "\n") + "\n"))
    let setup = try #require(runner.state.screen as? SetupState)
    #expect(setup.members.count == SessionSetup.maximumParticipants)
    #expect(setup.newParticipant.string == "Person 101; Org; middle")
    #expect(setup.addError == "a session takes at most 100 people")
  }

  @Test func escapeFromAnEmptyFormGoesHome() throws {
    let runner = AppRunner(
      terminal: MemoryTerminal(), services: try testServices(), state: AppState())
    runner.handle(.key(.enter))
    runner.handle(.key(.escape))
    guard let home = runner.state.screen as? HomeState else {
      Issue.record("Esc did not go home")
      return
    }
    #expect(home.selection == HomeScreen.Entry.newSession.rawValue)
  }
}

@Suite struct ReviewPasteTests {
  @Test func aPasteIntoTheReviewFilterTypesAndNeverActs() throws {
    let runner = AppRunner(
      terminal: MemoryTerminal(), services: try testServices(), state: AppState())
    for _ in 0..<2 { runner.handle(.key(.down)) }
    runner.handle(.key(.enter))
    guard runner.state.screen is ReviewState else {
      Issue.record("Review did not open")
      return
    }
    runner.handle(.paste("crème\nq"))
    guard runner.state.screen is ReviewState else {
      Issue.record("the pasted q acted as a key")
      return
    }
    runner.drawFrame()
    #expect(App.render(runner.state).grid.lines.contains { $0.contains("crème q") })
  }
}

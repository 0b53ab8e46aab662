import Foundation
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

@Suite struct HomeScreenTests {
  private func state(width: Int = 80, height: Int = 24) -> AppState {
    AppState(width: width, height: height, dataDirectory: "/home/zoë/.local/share/peerconsult")
  }

  @Test func rendersAt80x24() {
    expectGolden(App.render(state()).grid, "home-80x24")
  }

  @Test func rendersAt120x40() {
    expectGolden(App.render(state(width: 120, height: 40)).grid, "home-120x40")
  }

  @Test func tooSmallWindowSaysWhatItNeeds() {
    expectGolden(App.render(state(width: 40, height: 10)).grid, "too-small-40x10")
    let wide = App.render(state(width: 79, height: 24)).grid
    #expect(wide.lines.contains { $0.contains("terminal too small: need 80x24, have 79x24") })
  }

  @Test func tinyAndEmptyWindowsDoNotCrash() {
    for (w, h) in [(0, 0), (1, 1), (3, 2), (80, 1), (1, 40)] {
      let grid = App.render(state(width: w, height: h)).grid
      #expect(grid.width == w && grid.height == h)
    }
  }

  @Test func helpOverlayListsTheKeymap() {
    var s = state()
    _ = App.update(&s, .key(.character("?")))
    let grid = App.render(s).grid
    expectGolden(grid, "home-help-80x24")
    for binding in Keymap.bindings(for: .home) {
      #expect(grid.lines.contains { $0.contains(binding.help) }, "help lacks '\(binding.help)'")
    }
    _ = App.update(&s, .key(.escape))
    #expect(s.overlay == nil)
  }

  @Test func localeWarningIsShown() {
    var s = state()
    s.localeWarning = "Locale is not UTF-8 (set LANG=C.UTF-8): accented text may show wrongly."
    #expect(App.render(s).grid.line(1).contains("Locale is not UTF-8"))
  }

  @Test func movingAndQuitting() {
    var s = state()
    _ = App.update(&s, .key(.down))
    _ = App.update(&s, .key(.character("j")))
    guard let home = s.screen as? HomeState else {
      Issue.record("left home")
      return
    }
    #expect(home.selection == 2)
    _ = App.update(&s, .key(.up))
    _ = App.update(&s, .key(.up))
    _ = App.update(&s, .key(.up))
    guard let wrapped = s.screen as? HomeState else { return }
    #expect(wrapped.selection == HomeScreen.Entry.allCases.count - 1)
    #expect(App.update(&s, .key(.enter)) == [.exit(0)])
    #expect(App.update(&s, .key(.character("q"))) == [.exit(0)])
  }

  @Test func keysDoNothingUnseenWhenTooSmall() {
    var s = state(width: 40, height: 10)
    #expect(App.update(&s, .key(.enter)).isEmpty)
    #expect(App.update(&s, .key(.character("q"))) == [.exit(0)])
  }
}

@Suite struct KeymapTests {
  @Test func everyFooterKeyDispatchesToItsAction() {
    for context in KeyContext.allCases {
      for binding in Keymap.footer(for: context) {
        #expect(Keymap.action(for: binding.keys[0], in: context) == binding.action)
      }
    }
  }

  @Test func noKeyIsBoundTwiceInOneContext() {
    for context in KeyContext.allCases {
      var seen: [Key: Action] = [:]
      for binding in Keymap.bindings(for: context) {
        for key in binding.keys {
          #expect(seen[key] == nil, "\(key) bound twice in \(context)")
          seen[key] = binding.action
        }
      }
    }
  }

  @Test func theEditorBindsNoPrintableKey() {
    for binding in Keymap.bindings(for: .editor) {
      for key in binding.keys {
        if case .character = key { Issue.record("editor binds printable \(key)") }
      }
    }
  }

  @Test func footerFitsAndOffersHelp() {
    let grid = App.render(AppState()).grid
    #expect(grid.line(23).contains("? help"))
  }
}

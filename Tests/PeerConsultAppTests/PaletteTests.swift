import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// Every style reads on the terminal's background: the palette it reports, or one that reads
/// on any.
@Suite struct PaletteTests {
  @Test func colorFGBGNamesTheBackground() {
    #expect(Palette(colorFGBG: "15;0") == .darkBackground)
    #expect(Palette(colorFGBG: "0;15") == .lightBackground)
    #expect(Palette(colorFGBG: "0;default;7") == .lightBackground)
    #expect(Palette(colorFGBG: "7;8") == .darkBackground)
    #expect(Palette(colorFGBG: "15;default") == nil)
    #expect(Palette(colorFGBG: "") == nil)
    #expect(Palette(colorFGBG: nil) == nil)
    #expect(Palette(colorFGBG: "0;99") == nil)
  }

  /// A live screen with everything coloured on it: rules, "Speaks now", an amber timer, a
  /// saved note's notice, the note line with its kind and the advice flag, the footer.
  private func busyScreen(_ palette: Palette) throws -> LiveFixture {
    let f = try LiveFixture(palette: palette)
    f.press(.character("n"), .character("n"), .enter)
    f.type("What would help?")
    f.press(.enter)
    f.advance(490)
    f.press(.enter)
    f.type("You should try a joint panel")
    return f
  }

  @Test(arguments: Palette.allCases)
  func goldenScreensInEveryPalette(palette: Palette) throws {
    let f = try busyScreen(palette)
    expectGolden(f.screen, "live-palette-\(palette.rawValue)-80x24")
  }

  @Test func onALightBackgroundNoPaleColourStandsOnItsOwn() throws {
    let screen = try busyScreen(.lightBackground).screen
    for cell in screen.cells where cell.style.background == .default && !cell.style.reverse {
      #expect(![.yellow, .cyan, .green, .white].contains(cell.style.foreground), "\(cell)")
    }
  }

  @Test func onAnUnknownBackgroundEveryColourBringsItsOwnBackground() throws {
    let screen = try busyScreen(.anyBackground).screen
    for cell in screen.cells where cell.style.foreground != .default {
      #expect(cell.style.background != .default || cell.style.reverse, "\(cell)")
    }
  }

  @Test func theDarkPaletteIsTheOneScreensAlwaysHad() throws {
    let dark = try busyScreen(.darkBackground).screen
    #expect(dark.cells.contains { $0.style == Style(foreground: .cyan, bold: true) })
    #expect(dark.cells.contains { $0.style == Style(foreground: .yellow, bold: true) })
  }
}

import Foundation
import PeerConsultKit

/// Everything the screen shows, as a value: `App.render` draws it, `App.update` changes it.
public struct AppState: Sendable {
  /// The screen showing, with its own state.
  public var screen: any Screen
  public var overlay: Overlay?
  public var width: Int
  public var height: Int
  /// The time the frame is drawn for; timers are computed from it, never counted down.
  public var now: Date
  /// A one-line message under the body (saved, failed, coming soon).
  public var notice: Notice?
  /// Shown when the locale is not UTF-8, because non-ASCII text would then be garbled.
  public var localeWarning: String?
  /// Where the data lives, shown on the home screen so nobody has to guess.
  public var dataDirectory: String
  /// The zone note times are shown in.
  public var timeZone: TimeZone = .current
  /// The colours that read on the terminal's background. The program sets what the terminal
  /// says (`COLORFGBG`), else `.anyBackground`; the dark palette, the one every screen had
  /// before palettes, is the default for tests.
  public var palette: Palette = .darkBackground
  /// Leaving a screen for home leaves the program instead: it was started for one task
  /// (`peerconsult run`, `resume`, `review`).
  public var leavesProgram = false
  /// What a shared store's background push has not sent yet (`↑ 3 waiting` in the title bar).
  public var pushStatus: PushStatus = .idle

  public init(
    screen: any Screen = HomeState(), width: Int = 80, height: Int = 24, now: Date = Date(),
    dataDirectory: String = "", localeWarning: String? = nil
  ) {
    self.screen = screen
    self.width = width
    self.height = height
    self.now = now
    self.dataDirectory = dataDirectory
    self.localeWarning = localeWarning
  }

  /// The smallest size screens are laid out for.
  public static let minimumSize = (width: 80, height: 24)

  public var isTooSmall: Bool {
    width < Self.minimumSize.width || height < Self.minimumSize.height
  }

  /// Rows the body has between the title bar and the notice and footer rows.
  public var bodyHeight: Int { max(0, height - 3 - (localeWarning == nil ? 0 : 1)) }

  /// What the screen may know of the app around it.
  public var environment: ScreenEnvironment {
    ScreenEnvironment(
      now: now, timeZone: timeZone, dataDirectory: dataDirectory, width: width, height: height,
      bodyHeight: bodyHeight)
  }
}

/// Something drawn over the screen that takes the keys until dismissed.
public enum Overlay: Equatable, Sendable {
  case help(scroll: Int)
  /// A yes/no question; `onYes` is what `y` does, or Enter when `byEnter` (a letter typed on
  /// can then never say yes). `askedBy`, the character typed that asked it on a screen where
  /// typing starts a note (set by `App` as the key asks), begins the note with a small letter
  /// that answers no: "question" typed with no note open asked at `q` whether to leave, and
  /// the note began "uestion".
  case confirm(question: String, onYes: [Effect], askedBy: Character? = nil, byEnter: Bool = false)
}

/// A one-line message with its tone.
public struct Notice: Equatable, Sendable {
  public enum Tone: Sendable { case info, success, warning, error }
  public var text: String
  public var tone: Tone
  public init(_ text: String, tone: Tone = .info) {
    self.text = text
    self.tone = tone
  }
}

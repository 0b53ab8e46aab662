import Foundation

/// Everything the screen shows, as a value: `App.render` draws it, `App.update` changes it.
public struct AppState: Sendable {
  public var route: Route
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

  public init(
    route: Route = .home(HomeState()), width: Int = 80, height: Int = 24, now: Date = Date(),
    dataDirectory: String = "", localeWarning: String? = nil
  ) {
    self.route = route
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
}

/// Which screen is showing, with its own state.
public enum Route: Sendable {
  case home(HomeState)
  case protocols(ProtocolBrowserState)
  case setup(SetupState)
  case resume(ResumeState)
  case live(LiveState)
  case summary(SummaryState)
  /// Past sessions: the list and the search.
  case review(ReviewState)
  /// One past session's transcript and actions.
  case transcript(TranscriptState)
}

/// Something drawn over the screen that takes the keys until dismissed.
public enum Overlay: Equatable, Sendable {
  case help(scroll: Int)
  /// A yes/no question; `action` is what `y` does.
  case confirm(question: String, action: ConfirmedAction)
}

/// What a confirmation leads to.
public enum ConfirmedAction: Equatable, Sendable {
  case quitProgram
  /// Leave the live session; it stays unfinished.
  case leaveSession
  /// Delete a note of the live session (its text stays in the history).
  case deleteNote(Int)
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

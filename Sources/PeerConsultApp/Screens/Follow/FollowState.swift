import Foundation
import PeerConsultKit
import TerminalKit

extension KeyContext {
  public static let follow = KeyContext("follow", title: "Room display")
  /// The room display started with `--notes`: `f` shows or hides the shared notes.
  public static let followWithNotes = KeyContext("followWithNotes", title: "Room display")
}

extension Action {
  public static let blank = Action("blank")
  public static let toggleRoomNotes = Action("toggleRoomNotes")
}

/// The room display's state: a session another program runs, as last committed, and what
/// this display shows of it. It only reads: no key here changes the session, so a
/// participant at the projector's laptop cannot change anything.
public struct FollowState: Equatable, Sendable {
  /// The followed session; nil while the display waits for a first session to start.
  public var sessionID: SessionID?
  /// The followed session as last committed; nil while waiting for one.
  public var session: SessionState?
  /// Whether a program holds the session's lock, that is, runs it now.
  public var isLive: Bool
  /// Whether no session was named: then the display moves on to the next session run once
  /// the one it shows is finished, and says so.
  public let followsLatest: Bool
  /// Whether `--notes` allowed the notes panel; only then does `f` work.
  public let notesAllowed: Bool
  /// Whether the notes panel shows.
  public var showsNotes: Bool
  /// The screen is blank (`b`, for breaks).
  public var isBlank = false
  /// Why the last look at the store failed; the last state stays on screen meanwhile.
  public var problem: String?

  public init(
    sessionID: SessionID, session: SessionState, isLive: Bool, notesAllowed: Bool = false,
    followsLatest: Bool = false
  ) {
    self.sessionID = sessionID
    self.session = session
    self.isLive = isLive
    self.notesAllowed = notesAllowed
    self.followsLatest = followsLatest
    showsNotes = notesAllowed
  }

  /// A display of the latest session in a data folder that has none yet: it waits for the
  /// first to start.
  public init(waitingWithNotes notesAllowed: Bool) {
    isLive = false
    self.notesAllowed = notesAllowed
    followsLatest = true
    showsNotes = notesAllowed
  }
}

extension FollowState: Screen {
  public static let keyBindings = [
    KeyBinding(
      [.character("b")], .blank, "blank", "Blank the screen, or show it again (for breaks)",
      in: [.follow, .followWithNotes]),
    KeyBinding(
      [.character("f")], .toggleRoomNotes, "notes", "Show or hide the notes shared with the room",
      in: [.followWithNotes]),
    KeyBinding.help(in: [.follow, .followWithNotes]),
    KeyBinding(
      [.character("q")], .quit, "quit", "Leave the room display (the session carries on)",
      in: [.follow, .followWithNotes]),
  ]

  public var keyContext: KeyContext { notesAllowed ? .followWithNotes : .follow }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    guard let session else {
      return ("Room display", isBlank ? "blank · b shows it" : "waiting for a session")
    }
    let state: String
    if isBlank {
      state = "blank · b shows it"
    } else if session.isFinished {
      state = "finished"
    } else {
      state = isLive ? "live" : "not running"
    }
    return ("Room display · " + session.setup.title, state)
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    guard !isBlank else { return nil }
    FollowScreen.render(self, now: environment.now, into: &grid, area: area)
    return nil
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    switch input {
    case .action(.blank): isBlank.toggle()
    case .action(.toggleRoomNotes): if notesAllowed { showsNotes.toggle() }
    case .action(.quit): return [.command(.stopFollowing), .leave(to: .roomDisplay)]
    case .tick: return [.command(.refreshFollowed)]
    case .result(.followed(let id, let stored, let isLive)):
      sessionID = id
      session = stored
      self.isLive = isLive
      problem = nil
    case .result(.followWaiting):
      problem = nil
    case .result(.failed(.refreshFollowed, let error, _)):
      problem = error
    default: break
    }
    return []
  }

  /// The timer's next second or band when it runs, and at least once a second the lock and
  /// the store's version, which a change notification may not cover (a program dying), or
  /// while waiting, a data folder that did not exist to be watched.
  public func nextDeadline(now: Date) -> Date? {
    let second = now.addingTimeInterval(1)
    guard let timer = session?.nextDeadline(after: now) else { return second }
    return min(timer, second)
  }
}

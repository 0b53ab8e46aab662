import Foundation

/// What a shared store does beside the sessions this program runs: claims a session for this
/// machine before it is run or written, and sends each committed event in the background.
///
/// The app (`AppServices`) calls it and the executable supplies it, so the model, the
/// terminal layer and the screens never see the network library. Every call but
/// ``claim(_:in:)`` returns at once: a commit or a keystroke never waits on a network.
public protocol LiveSync: AnyObject, Sendable {
  /// Claims `sessions` (stored in `database`) for this machine before they are run or
  /// written: throws, with one line naming the holder, when another machine holds one, and
  /// then holds none of them. Waits at most a few seconds for the server, for all of them
  /// together; when it cannot be reached, returns and they are written offline (a conflict
  /// then shows as a divergence at the next sync). A claim is let go of by ``ended(_:)``
  /// after ``began(_:in:)``, or by ``release(_:)``.
  func claim(_ sessions: [SessionID], in database: AppDatabase) throws
  /// Lets go at once of the claims on `sessions` taken for a write the background push does
  /// not send (a deletion, an erasure: `sync` carries them). Waits at most a few seconds; a
  /// claim not let go of expires by itself.
  func release(_ sessions: [SessionID])
  /// `session` is being run or written here: hold its claim and send its events as they are
  /// committed, until ``ended(_:)``.
  func began(_ session: SessionID, in database: AppDatabase)
  /// An event of `session` was committed here: send it soon.
  func committed(_ session: SessionID)
  /// `session` is no longer run here: send what is left, then let go of the claim.
  func ended(_ session: SessionID)
  /// What waits to be sent, for the title bar.
  var status: PushStatus { get }
  /// Readable when ``status`` changed, so the event loop wakes to show it; emptied by
  /// ``takeStatusChange()``.
  var statusDescriptor: Int32? { get }
  /// Empties ``statusDescriptor``.
  func takeStatusChange()
}

/// What the background push has not sent yet, as the title bar shows it.
public struct PushStatus: Hashable, Sendable {
  /// Events committed here that the store does not have yet.
  public var waiting: Int
  /// Why they wait, when not only because the server cannot be reached now: another machine
  /// holds the session, or its copy on the server differs.
  public var blocked: String?

  public init(waiting: Int = 0, blocked: String? = nil) {
    self.waiting = waiting
    self.blocked = blocked
  }

  /// Nothing waits.
  public static let idle = PushStatus()

  /// `↑ 3 waiting`, or `↑ 3 held elsewhere`; empty when nothing waits.
  public var titleText: String {
    guard waiting > 0 || blocked != nil else { return "" }
    return "↑ \(waiting) " + (blocked.map { "not sent: \($0)" } ?? "waiting")
  }
}

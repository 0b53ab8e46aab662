import Foundation
import PeerConsultKit
import TerminalKit

#if canImport(Glibc)
  import Glibc
#endif

/// `peerconsult follow --plain`: the room display as lines, for screen readers, captioning
/// and logs. No cursor movement and no terminal needed: it works with standard output a pipe.
///
/// It waits as the screen does, on the data folder's change notification and at most a
/// second (the timer's next second, or the lock and the store's version), and writes what
/// ``RoomAnnouncer`` says. It ends once the session is finished and no program runs it.
public enum PlainRoomDisplay {

  /// What `follow --plain` says while the data folder holds no session to follow.
  public static let waitingLine = "Waiting for a session to start"

  /// Waits until `find` gives a session to follow (`follow --plain` of the latest, in a data
  /// folder with none yet), having said so once: it looks when the data folder is written and
  /// at least once a second (the folder may not exist yet to be watched).
  public static func waitForSession(
    in directory: URL, write: (String) throws -> Void, find: () throws -> SessionFollower?
  ) throws -> SessionFollower {
    if let found = try find() { return found }
    try write(waitingLine)
    var changes: FileChangeWatch?
    while true {
      if changes == nil {
        changes = FileChangeWatch(
          folders: [directory], matching: { $0.hasPrefix(AppDatabase.fileName) })
      }
      if let changes {
        changes.wait(timeoutMilliseconds: 1000)
      } else {
        usleep(1_000_000)
      }
      if let found = try find() { return found }
    }
  }

  /// Follows until the session is finished and let go; returns the exit status. `write`
  /// writes one line (and throws when it cannot, ending the display).
  public static func run(
    _ follower: SessionFollower, clock: any WallClock, notes: Bool,
    write: (String) throws -> Void
  ) throws -> Int32 {
    var announcer = RoomAnnouncer(readsNotes: notes)
    // A display of the latest may move to another session: its lines begin anew, with its
    // title, so that a listener hears which session they now are about.
    var announced = follower.session
    let directory = follower.dataDirectory
    let changes = FileChangeWatch(
      folders: [directory, directory.appendingPathComponent("locks")],
      matching: { $0.hasPrefix(AppDatabase.fileName) || $0.hasSuffix(".lock") })
    // After a wake-up, the commit may not be visible yet (`SessionFollower.commitWait`).
    var recheckUntil: Date?
    // What the source's last failure said, if it still fails.
    var problem: String?
    while true {
      let now = clock.now()
      if follower.session != announced {
        announcer = RoomAnnouncer(readsNotes: notes)
        announced = follower.session
      }
      if let view = RoomView(follower.state, at: now) {
        for line in announcer.lines(for: view, isLive: follower.isLive) { try write(line) }
      }
      if follower.state.isFinished && !follower.isLive { return 0 }
      let second = now.addingTimeInterval(1)
      let deadline = min(follower.state.nextDeadline(after: now) ?? second, second)
      var wait = max(0, Int((deadline.timeIntervalSince(clock.now()) * 1000).rounded(.up)))
      if let until = recheckUntil, until > now {
        wait = min(wait, SessionFollower.commitPollMilliseconds)
      }
      if let changes {
        if changes.wait(timeoutMilliseconds: wait) {
          recheckUntil = clock.now().addingTimeInterval(SessionFollower.commitWait)
        }
      } else {
        usleep(useconds_t(wait) * 1000)
      }
      do {
        if try follower.refresh() { recheckUntil = nil }
        problem = nil
      } catch let error as FollowSourceProblem {
        // Said once, not every second, until the source is back.
        if problem != error.description { try write(error.description) }
        problem = error.description
      }
    }
  }
}

import Foundation
import Synchronization
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit
@testable import TerminalKit

/// A shared store's claims in memory: another machine holds the sessions in `heldElsewhere`,
/// and every call is written down, so a test sees what the app claimed, began and let go.
final class RecordingLiveSync: LiveSync {
  private let state = Mutex<(held: Set<SessionID>, calls: [String])>(([], []))
  /// Whether each commit handed over is written down too (`committed d4000000`).
  private let recordsCommits: Bool

  init(recordingCommits: Bool = false) {
    recordsCommits = recordingCommits
  }

  /// Sessions another machine holds: a claim of one is refused.
  func holdElsewhere(_ sessions: Set<SessionID>) { state.withLock { $0.held = sessions } }

  /// What was asked, in order: `claim d4000000,e5000000`, `began d4000000`, …
  var calls: [String] { state.withLock(\.calls) }

  private func record(_ call: String, _ sessions: [SessionID]) {
    state.withLock { $0.calls.append(call + " " + sessions.map(\.short).joined(separator: ",")) }
  }

  func claim(_ sessions: [SessionID], in database: AppDatabase) throws {
    record("claim", sessions)
    if let held = state.withLock({ state in sessions.first { state.held.contains($0) } }) {
      throw Refused(session: held)
    }
  }

  func release(_ sessions: [SessionID]) { record("release", sessions) }
  func began(_ session: SessionID, in database: AppDatabase) { record("began", [session]) }
  func committed(_ session: SessionID) {
    if recordsCommits { record("committed", [session]) }
  }
  func ended(_ session: SessionID) { record("ended", [session]) }
  var status: PushStatus { .idle }
  var statusDescriptor: Int32? { nil }
  func takeStatusChange() {}

  struct Refused: Error, CustomStringConvertible {
    let session: SessionID
    var description: String {
      "Session \(session.short) is held by dan@laptop-2 since 2027-01-15 08:00; nothing was changed."
    }
  }
}

/// Later writes to stored sessions of a programme shared with a store take the store's claim
/// for that write, through the same `LiveSync.claim` as a review edit: a choice for sharing,
/// deleting a session (Ctrl-X) and erasing a person (`w`, `e`). Another machine's claim
/// refuses each in one line, changing nothing.
@Suite struct StoreClaimTests {
  private static let night = ShareReviewFixture.withSuspects
  private static let discharge = ShareReviewFixture.plain

  private func fixture() throws -> (ShareReviewFixture, RecordingLiveSync) {
    let f = try ShareReviewFixture()
    let sync = RecordingLiveSync()
    f.services.liveSync = sync
    return (f, sync)
  }

  @Test func aSharingChoiceTakesTheClaimAndIsRefusedWhileAnotherMachineHoldsIt() throws {
    let (f, sync) = try fixture()
    sync.holdElsewhere([Self.night])
    f.press(.control("s"), .character("r"))
    #expect(
      f.runner.state.notice?.text
        == "Choice not saved: Session d4000000 is held by dan@laptop-2 since 2027-01-15 08:00; "
        + "nothing was changed.")
    #expect(try f.stored().shareChoices.isEmpty)
    #expect(sync.calls == ["claim d4000000"])

    sync.holdElsewhere([])
    f.press(.character("r"))
    #expect(try f.stored().shareChoices == ["will": true])
    // Held for the write, sent in the background, then let go.
    #expect(sync.calls.suffix(3) == ["claim d4000000", "began d4000000", "ended d4000000"])
  }

  @Test func deletingTakesTheClaimAndIsRefusedWhileAnotherMachineHoldsIt() throws {
    let (f, sync) = try fixture()
    sync.holdElsewhere([Self.night])
    f.press(.control("x"), .character("y"))
    #expect(
      f.runner.state.notice?.text
        == "Not deleted: Session d4000000 is held by dan@laptop-2 since 2027-01-15 08:00; "
        + "nothing was changed.")
    #expect(try f.stored().setup.title == "Night-time economy")
    #expect(sync.calls == ["claim d4000000"])

    sync.holdElsewhere([])
    f.press(.control("x"), .character("y"))
    #expect(throws: StoreError.noSuchSession(Self.night.rawValue)) { try f.stored() }
    // Nothing to send (`sync` carries the deletion): the claim is let go of at once.
    #expect(sync.calls.suffix(2) == ["claim d4000000", "release d4000000"])
  }

  @Test func erasingTakesTheClaimsOfEveryOneOfTheirSessionsAndIsRefusedIfOneIsHeld() throws {
    let (f, sync) = try fixture()
    sync.holdElsewhere([Self.discharge])
    f.press(.enter, .character("w"), .down, .character("e"), .character("y"))
    #expect(
      f.runner.state.notice?.text
        == "Not erased: Session e5000000 is held by dan@laptop-2 since 2027-01-15 08:00; "
        + "nothing was changed.")
    #expect(try f.stored().participants[1].name == "Amira O'Neill")
    #expect(sync.calls == ["claim e5000000,d4000000"])

    sync.holdElsewhere([])
    f.press(.character("e"), .character("y"))
    #expect(try f.stored().participants[1].name == "[Erased person 1]")
    #expect(sync.calls.suffix(2) == ["claim e5000000,d4000000", "release e5000000,d4000000"])
  }
}

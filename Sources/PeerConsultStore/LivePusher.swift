import Foundation
import PeerConsultKit
import Synchronization

/// Sends the events of the sessions run here to the shared store their programme is attached
/// to, in the background, and holds their leases (``StoreLease``) while they run.
///
/// The app's calls only leave a message and wake a task on Swift's concurrency pool: the
/// commit has happened already and nothing waits on the network. The task connects (again and
/// again while the server cannot be reached), renews each lease, checks once that the
/// server's copy of a session is the start of this folder's, then sends what it lacks with
/// the same guarded write as `sync` (the server's last sequence number must be the one
/// expected), so every event arrives exactly once. What waits is ``status``; a byte on
/// ``statusDescriptor`` wakes the event loop to show it.
public final class LivePusher: LiveSync {
  public let holder: LeaseHolder
  public let leaseSeconds: Int
  /// Whether the first claim may replace another holder's expired lease (`--take-over`).
  private let takeOver: Bool
  /// How long ``claim(_:in:)`` waits for the server before running the session offline.
  private let claimSeconds: Int
  private let shared = Mailbox()
  /// The leases ``claim(_:in:)`` took, until ``release(_:)`` or the background push lets go.
  private let claimed = Mutex<[SessionID: Claim]>([:])
  private let wake: AsyncStream<Void>.Continuation
  private let pipe: (read: Int32, write: Int32)?
  private let tasks: [Task<Void, Never>]

  /// What the app's calls leave for the task, and what the task reports back.
  /// The messages and the status the app's calls and the task share, under one lock.
  final class Mailbox: Sendable {
    private let state = Mutex(Shared())
    func withLock<Result>(_ body: (inout Shared) -> Result) -> Result {
      state.withLock { body(&$0) }
    }
  }

  struct Shared {
    var messages: [Message] = []
    var status = PushStatus.idle
    /// Sessions the task still works for.
    var busy = 0
    /// Whether the last attempt to reach a server failed.
    var offline = false
    /// Events the servers acknowledged since the program started.
    var sent = 0
  }

  enum Message {
    case began(SessionID, AppDatabase)
    case ended(SessionID)
    /// The program is ending: every session is let go.
    case endAll
  }

  /// - Parameters:
  ///   - holder: the name and id this data folder holds leases under.
  ///   - takeOver: whether the first claim may replace an expired lease of another holder.
  public init(
    holder: LeaseHolder, leaseSeconds: Int = StoreLease.seconds(), takeOver: Bool = false,
    claimSeconds: Int = 3
  ) {
    self.holder = holder
    self.leaseSeconds = leaseSeconds
    self.takeOver = takeOver
    self.claimSeconds = claimSeconds
    var descriptors: [Int32] = [0, 0]
    if Foundation.pipe(&descriptors) == 0 {
      for descriptor in descriptors {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
      }
      pipe = (descriptors[0], descriptors[1])
    } else {
      pipe = nil
    }
    let (stream, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    self.wake = wake
    let worker = Worker(
      holder: holder, leaseSeconds: leaseSeconds, shared: shared, report: pipe?.write)
    // A tick renews leases and retries an unreachable server without anyone typing.
    let tick = Duration.seconds(max(1, min(3, leaseSeconds / 3)))
    tasks = [
      Task.detached { await worker.run(stream) },
      Task.detached {
        while !Task.isCancelled {
          try? await Task.sleep(for: tick)
          wake.yield()
        }
      },
    ]
  }

  deinit {
    for task in tasks { task.cancel() }
    wake.finish()
    if let pipe {
      close(pipe.read)
      close(pipe.write)
    }
  }

  public func claim(_ sessions: [SessionID], in database: AppDatabase) throws {
    let claims = try Self.claims(of: sessions, in: database)
    guard !claims.isEmpty else { return }
    let holder = holder
    let (seconds, takeOver) = (leaseSeconds, takeOver)
    do {
      // Waits at most `claimSeconds` on this thread, for every session together, whatever
      // the network does (a connect into a network that drops packets lasts the address's
      // connect_timeout, 10 s by default); a claim still under way then ends in the
      // background and is dropped.
      _ = try waitFor(atMost: Double(claimSeconds)) { [claimSeconds] in
        try await withDeadline(seconds: claimSeconds) {
          var taken: [Claim] = []
          for group in claims.values {
            let connection = try await group[0].store.connect()
            var refused: (session: SessionID, holding: StoreLease.Holding)?
            do {
              for claim in group {
                if let holding = try await StoreLease.take(
                  claim.session, programme: claim.programme, holder: holder, seconds: seconds,
                  takeOver: takeOver, on: connection)
                {
                  refused = (claim.session, holding)
                  break
                }
                taken.append(claim)
              }
            } catch {
              await connection.close()
              throw error
            }
            await connection.close()
            if let refused {
              // All or nothing: the leases this call took go again.
              await Self.release(taken, holder: holder)
              throw LeaseRefused(
                description: StoreLease.refusal(
                  session: refused.session.short, holding: refused.holding, takeOver: takeOver))
            }
          }
        }
      }
      // Taken: ``release(_:)`` can let go of them without reading the sessions again (a
      // deleted one has no programme left to look up).
      claimed.withLock { held in
        for claim in claims.values.joined() { held[claim.session] = claim }
      }
    } catch let refusal as LeaseRefused {
      throw refusal
    } catch {
      // Only a holder refuses; anything else is the network or the server, and the sessions
      // are written offline (a conflict then shows as a divergence at the next sync).
    }
  }

  public func release(_ sessions: [SessionID]) {
    let claims = claimed.withLock { held in sessions.compactMap { held.removeValue(forKey: $0) } }
    guard !claims.isEmpty else { return }
    let holder = holder
    // Best effort, bounded like a claim: a lease not let go expires by itself.
    _ = try? waitFor(atMost: Double(claimSeconds)) { [claimSeconds] in
      try await withDeadline(seconds: claimSeconds) {
        await Self.release(claims, holder: holder)
      }
    }
  }

  /// A session to claim: the store its programme is attached to, and the programme's id there.
  struct Claim: Sendable {
    let session: SessionID
    let store: SharedStore
    let programme: String
  }

  /// The claims `sessions` need, by store name: none for a session of a programme shared with
  /// no store. The attachments and each store are read once.
  static func claims(of sessions: [SessionID], in database: AppDatabase) throws
    -> [String: [Claim]]
  {
    let attachments = Dictionary(
      try database.attachments().map { ($0.programme, $0) }, uniquingKeysWith: { first, _ in first }
    )
    guard !attachments.isEmpty else { return [:] }
    var stores: [String: SharedStore] = [:]
    var claims: [String: [Claim]] = [:]
    for session in sessions {
      guard let attachment = attachments[try database.setup(of: session).programme] else {
        continue
      }
      let store = try stores[attachment.store] ?? SharedStore.named(attachment.store, in: database)
      stores[attachment.store] = store
      claims[attachment.store, default: []].append(
        Claim(session: session, store: store, programme: attachment.serverID))
    }
    return claims
  }

  /// Lets go of `claims`' leases, one connection per store; a store that cannot be reached is
  /// left alone (its leases expire).
  static func release(_ claims: [Claim], holder: LeaseHolder) async {
    for group in Dictionary(grouping: claims, by: \.store.name).values {
      guard let connection = try? await group[0].store.connect() else { continue }
      for claim in group {
        try? await StoreLease.release(claim.session, holder: holder, on: connection)
      }
      await connection.close()
    }
  }

  /// Another machine holds the session: the one line that says who and since when.
  public struct LeaseRefused: Error, CustomStringConvertible {
    public let description: String
  }

  public func began(_ session: SessionID, in database: AppDatabase) {
    shared.withLock { $0.messages.append(.began(session, database)) }
    wake.yield()
  }

  public func committed(_ session: SessionID) { wake.yield() }

  public func ended(_ session: SessionID) {
    // The background push lets go of its lease now, not ``release(_:)``.
    _ = claimed.withLock { $0.removeValue(forKey: session) }
    shared.withLock { $0.messages.append(.ended(session)) }
    wake.yield()
  }

  public var status: PushStatus { shared.withLock { $0.status } }

  /// Events the store acknowledged since this program started.
  public var sentEvents: Int { shared.withLock { $0.sent } }

  public var statusDescriptor: Int32? { pipe?.read }

  public func takeStatusChange() {
    guard let pipe else { return }
    var buffer = [UInt8](repeating: 0, count: 64)
    while read(pipe.read, &buffer, buffer.count) > 0 {}
  }

  /// Lets every session go and waits, at most `seconds`, until what waits is sent and the
  /// leases are let go: the program's last step. Offline it returns at once; the backlog stays
  /// for `peerconsult sync`.
  public func finish(waitingAtMost seconds: Double) {
    let deadline = Date().addingTimeInterval(seconds)
    shared.withLock { $0.messages.append(.endAll) }
    wake.yield()
    while Date() < deadline {
      let done = shared.withLock {
        // Nothing more to do, or nothing that can be done now.
        $0.messages.isEmpty && ($0.busy == 0 || $0.offline || $0.status.blocked != nil)
      }
      if done { return }
      usleep(10_000)
    }
  }

  /// The store `session`'s programme is attached to, and the programme's id there; nil when
  /// the programme is shared with none.
  static func store(of session: SessionID, in database: AppDatabase) throws -> (
    SharedStore, String
  )? {
    try claims(of: [session], in: database).values.first?.first.map { ($0.store, $0.programme) }
  }
}

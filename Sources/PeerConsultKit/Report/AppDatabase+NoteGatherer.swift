import Foundation

extension AppDatabase {
  /// The notes of a programme's sessions, gathered as their rows are read.
  ///
  /// Rows come a session at a time, each session's in the order written, through the index
  /// by session and number, so they are gathered a session at a time and almost never sorted
  /// again; SQL promises neither, so both are checked. With `handOver`, every session is
  /// handed over as it is gathered, ``batchSize`` sessions at a time (``NoteBatches``), so
  /// that their notes can be worked on while the next are read; a session whose rows came
  /// apart comes again, whole and in order, in the last batch, and replaces what came before.
  struct NoteGatherer {
    /// A session's notes: their numbers, the quoted ones and, when handed over, every one.
    struct SessionNotes {
      var numbers: [Int] = []
      var quoted: [QuotedNote] = []
      var visible: [Anonymiser.VisibleNote] = []

      mutating func append(_ more: SessionNotes) {
        numbers += more.numbers
        quoted += more.quoted
        visible += more.visible
      }

      /// Whether the notes were read in the order written.
      var isInOrder: Bool { !zip(numbers, numbers.dropFirst()).contains { $0 > $1 } }

      /// The same notes in the order written.
      func inOrder() -> SessionNotes {
        let order = numbers.indices.sorted { numbers[$0] < numbers[$1] }
        return SessionNotes(
          numbers: order.map { numbers[$0] }, quoted: quoted.sorted { $0.id < $1.id },
          visible: visible.isEmpty ? [] : order.map { visible[$0] })
      }
    }

    /// Sessions (by row id) with their notes, as handed over.
    typealias Batch = [(session: Int64, notes: SessionNotes)]

    private let batchSize: Int
    private let handOver: ((Batch) -> Void)?
    private var gathered: [Int64: SessionNotes] = [:]
    private var session: Int64?
    private var current = SessionNotes()
    /// The sessions gathered and not yet handed over, those handed over, and those met again
    /// after they were.
    private var pending: [Int64] = []
    private var handed = Set<Int64>()
    private var again: [Int64] = []

    init(batchSize: Int, handOver: ((Batch) -> Void)?) {
      self.batchSize = batchSize
      self.handOver = handOver
    }

    /// Adds the note `number` of `session`: `visible` when every note is handed over,
    /// `quoted` when the harvest quotes it.
    mutating func add(
      session id: Int64, number: Int, visible: Anonymiser.VisibleNote?, quoted: QuotedNote?
    ) {
      if id != session {
        gather()
        session = id
      }
      current.numbers.append(number)
      if let visible { current.visible.append(visible) }
      if let quoted { current.quoted.append(quoted) }
    }

    /// Every session's notes in the order written, once every row is added; what is not
    /// handed over yet is handed over.
    mutating func finish() -> [Int64: SessionNotes] {
      gather()
      hand(pending + Set(again).sorted())
      pending = []
      again = []
      for (id, notes) in gathered where !notes.isInOrder { gathered[id] = notes.inOrder() }
      return gathered
    }

    /// Keeps the current session's notes with any gathered before.
    private mutating func gather() {
      guard let session, !current.numbers.isEmpty else { return }
      if gathered[session] == nil {
        pending.append(session)
      } else if handed.contains(session) {
        again.append(session)
      }
      gathered[session, default: SessionNotes()].append(current)
      current = SessionNotes()
      if pending.count == batchSize {
        hand(pending)
        pending = []
      }
    }

    private mutating func hand(_ sessions: [Int64]) {
      guard let handOver, !sessions.isEmpty else { return }
      var batch: Batch = []
      for id in sessions {
        guard var notes = gathered[id] else { continue }
        if !notes.isInOrder {
          notes = notes.inOrder()
          gathered[id] = notes
        }
        batch.append((id, notes))
      }
      handed.formUnion(sessions)
      handOver(batch)
    }
  }
}

import Foundation
import Testing

@testable import PeerConsultKit

/// The notes of a report's sessions as their rows are read. SQLite hands each session's rows
/// together and in order, so these cases are made here: a session whose rows come apart, and
/// rows out of order.
@Suite struct NoteGathererTests {
  private typealias Gatherer = AppDatabase.NoteGatherer

  private func note(_ number: Int) -> Anonymiser.VisibleNote {
    .init(id: number, text: "note \(number)", createdAt: Date(timeIntervalSince1970: 0))
  }

  private func quoted(_ number: Int) -> AppDatabase.QuotedNote {
    .init(
      id: number, kind: .theme, text: "note \(number)", createdAt: Date(timeIntervalSince1970: 0),
      isClosing: false, owner: nil, doneAt: nil, due: nil)
  }

  /// Sessions handed over two at a time; the first comes apart after its batch was handed
  /// over, and the third's rows are out of order. What the handler keeps (a later batch's
  /// session replacing the earlier) is every note of every session in the order written.
  @Test func aSessionWhoseRowsComeApartComesAgainWholeInTheLastBatch() {
    var batches: [[(Int64, [Int])]] = []
    var gatherer = Gatherer(batchSize: 2) { batch in
      batches.append(batch.map { ($0.session, $0.notes.visible.map(\.id)) })
    }
    let rows: [(Int64, Int)] = [(1, 1), (1, 2), (2, 1), (1, 3), (3, 2), (3, 1)]
    for (session, number) in rows {
      gatherer.add(
        session: session, number: number, visible: note(number),
        quoted: number == 2 ? nil : quoted(number))
    }
    let gathered = gatherer.finish()
    #expect(batches.count == 2)
    #expect(batches.first?.map(\.0) == [1, 2])
    #expect(batches.first?.map(\.1) == [[1, 2], [1]])
    #expect(batches.last?.map(\.0) == [3, 1])
    #expect(batches.last?.map(\.1) == [[1, 2], [1, 2, 3]])
    var kept: [Int64: [Int]] = [:]
    for batch in batches { for (session, numbers) in batch { kept[session] = numbers } }
    #expect(kept == [1: [1, 2, 3], 2: [1], 3: [1, 2]])
    #expect(gathered.mapValues(\.numbers) == [1: [1, 2, 3], 2: [1], 3: [1, 2]])
    #expect(gathered.mapValues { $0.quoted.map(\.id) } == [1: [1, 3], 2: [1], 3: [1]])
  }

  /// Without a handler nothing is handed over, and the sessions still come back whole and in
  /// order.
  @Test func withoutAHandlerTheSessionsComeBackInOrder() {
    var gatherer = Gatherer(batchSize: 1, handOver: nil)
    for (session, number) in [(5, 2), (6, 1), (5, 1)] as [(Int64, Int)] {
      gatherer.add(session: session, number: number, visible: nil, quoted: quoted(number))
    }
    let gathered = gatherer.finish()
    #expect(gathered.mapValues(\.numbers) == [5: [1, 2], 6: [1]])
    #expect(gathered.mapValues { $0.quoted.map(\.id) } == [5: [1, 2], 6: [1]])
    #expect(gathered.values.allSatisfy { $0.visible.isEmpty })
  }
}

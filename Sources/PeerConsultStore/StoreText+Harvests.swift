import Foundation
import PeerConsultKit

extension StoreText {
  /// `store harvests`: one line per published harvest, newest first, its id's start first.
  public static func harvests(
    _ harvests: [PublishedHarvest], store: String, time: ReadableTime = ReadableTime()
  ) -> String {
    guard !harvests.isEmpty else {
      return "Store \(store) has no published harvest you may read.\n"
    }
    let lines = harvests.map { harvest in
      "\(harvest.id.prefix(8))  \(time.dayAndTime(harvest.publishedAt))  \"\(harvest.programme)\" "
        + "by \(harvest.publishedBy), \(harvest.size / 1024 + 1) KB "
        + "· `peerconsult store harvests \(store) --show \(harvest.id.prefix(8))`"
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

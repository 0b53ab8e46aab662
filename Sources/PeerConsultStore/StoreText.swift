import Foundation
import PeerConsultKit

/// The command line's words for the shared store: what `store status` and `sync` print.
/// Every text from the store or the folder passes through `CommandText.printable` when written.
public enum StoreText {
  /// `store status`: one store's address, programmes, and what is sent and waiting.
  public static func status(_ status: StoreStatus, time: ReadableTime = ReadableTime()) -> String {
    var lines = ["Store \(status.store): \(status.address)"]
    lines.append(
      status.programmes.isEmpty
        ? "  Shares nothing yet: `peerconsult store attach \(status.store) PROGRAMME`."
        : "  Shares: " + status.programmes.map { "\"\($0)\"" }.joined(separator: ", "))
    lines.append("  In the store: \(count(status.synced, "event")) of this folder's logs.")
    var waiting = "  Waiting to be sent: \(count(status.pending, "event"))"
    if status.pendingLogs > 0 { waiting += " in \(count(status.pendingLogs, "log"))" }
    if status.pendingDeletions > 0 {
      waiting += ", \(count(status.pendingDeletions, "deletion"))"
    }
    lines.append(waiting + ".")
    if status.fromStore > 0 {
      lines.append("  From the store: \(count(status.fromStore, "session")).")
    }
    if let last = status.lastSync {
      lines.append(
        "  Last sync: \(time.dayAndTime(last.at)) (sent \(count(last.pushed, "event")), "
          + "took \(count(last.pulled, "event"))).")
    } else {
      lines.append("  Never synced: `peerconsult sync \(status.store)`.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `sync`: what moved, in one line, then one line for each log left alone.
  public static func report(_ report: SyncReport, store: String) -> String {
    var parts: [String] = []
    if report.pushedEvents > 0 || report.pushedStreams > 0 {
      parts.append(
        "sent \(count(report.pushedEvents, "event")) of \(count(report.pushedStreams, "log"))")
    }
    if report.pulledStreams > 0 {
      parts.append(
        "took \(count(report.pulledEvents, "event")) of \(count(report.pulledStreams, "log"))")
    }
    if report.deletedThere > 0 {
      parts.append("removed \(count(report.deletedThere, "deleted session")) from the store")
    }
    if report.deletedHere > 0 {
      parts.append("deleted \(count(report.deletedHere, "session")) removed from the store")
    }
    if report.erasedThere > 0 {
      parts.append("carried \(count(report.erasedThere, "erasure")) to the store")
    }
    if report.erasedHere > 0 {
      parts.append("took \(count(report.erasedHere, "erasure")) from the store")
    }
    let summary =
      parts.isEmpty
      ? "Store \(store) and this folder already agree; nothing was sent or taken."
      : "Synced with store \(store): " + parts.joined(separator: "; ") + "."
    return ([summary] + report.refused).joined(separator: "\n") + "\n"
  }

  /// `n thing` or `n things`.
  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}

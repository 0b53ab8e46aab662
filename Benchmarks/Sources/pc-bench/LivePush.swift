import Foundation
import PeerConsultApp
import PeerConsultKit
import PeerConsultStore
import SyntheticData

/// `--live-push`: a live note's commit with the store's background push on (a data folder
/// attached to a running store, the pusher sending each event) beside the same commit with it
/// off (a folder sharing nothing), in process through `AppServices` as the live screen saves a
/// note, alternating one note on each so that both see the same load.
///
/// The folders are made by `live-push.sh`: `on` shares "Alcohol Plan" with its store, `off`
/// shares nothing.
func livePushRows(on: URL, off: URL, notes: Int) throws -> [Row] {
  let (servicesOn, pusher) = try liveServices(on, pushing: true)
  let (servicesOff, _) = try liveServices(off, pushing: false)
  var rng = SeededGenerator(seed: 7)
  for services in [servicesOn, servicesOff] {
    _ = services.perform(
      .startSession(SyntheticData.setup(programme: "Alcohol Plan", number: 1, using: &rng)))
    _ = services.perform(.session(.start))
  }
  var latencies: [Bool: [Double]] = [true: [], false: []]
  for _ in 0..<notes {
    let content = SyntheticData.note(kind: .insight, participants: 3, using: &rng)
    for (pushing, services) in [(true, servicesOn), (false, servicesOff)] {
      let started = DispatchTime.now().uptimeNanoseconds
      guard case .noteSaved = services.perform(.session(.addNote(content))) else {
        throw BenchError("a note was not saved")
      }
      latencies[pushing]?.append(
        Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000)
    }
  }
  // Everything committed with the push on reached the server.
  let deadline = Date().addingTimeInterval(30)
  while pusher?.sentEvents ?? 0 < notes + 2 && Date() < deadline { usleep(10_000) }
  let sent = pusher?.sentEvents ?? 0
  _ = servicesOn.perform(.leaveSession())
  _ = servicesOff.perform(.leaveSession())
  pusher?.finish(waitingAtMost: 10)
  servicesOn.closeStore()
  servicesOff.closeStore()
  let on = latencies[true] ?? []
  let off = latencies[false] ?? []
  func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
  return [
    Row(
      figure: "live note commit, push on (p50 / p99; \(sent) of \(notes + 2) events sent)",
      ours: "\(ms(percentile(on, 0.5))) / \(ms(percentile(on, 0.99)))",
      baseline: "\(ms(percentile(off, 0.5))) / \(ms(percentile(off, 0.99))) push off",
      ratio: Row.ratio(percentile(on, 0.99), percentile(off, 0.99)), goal: "p99 ≤ 1.1x",
      met: percentile(on, 0.99) <= 1.1 * percentile(off, 0.99))
  ]
}

/// The services the live screen uses on `folder`, with the store's pusher when `pushing`.
private func liveServices(_ folder: URL, pushing: Bool) throws -> (AppServices, LivePusher?) {
  let services = AppServices(
    location: DataLocation(
      dataDirectory: folder, protocolsDirectory: folder.appendingPathComponent("protocols")),
    clock: SystemClock(), openStore: { try AppDatabase(directory: folder) },
    openReader: { try AppDatabase.openForReading(directory: folder) })
  let pusher = pushing ? LivePusher(holder: .current(dataDirectory: folder)) : nil
  services.liveSync = pusher
  return (services, pusher)
}

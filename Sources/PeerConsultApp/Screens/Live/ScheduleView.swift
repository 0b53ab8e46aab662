import Foundation
import PeerConsultKit
import TerminalKit

/// Every phase of the session with planned and actual times, the projected end, and each
/// presenter's airtime.
public enum ScheduleView {
  public static func render(
    _ state: LiveState, now: Date, timeZone: TimeZone, into grid: inout Grid, area: Rect
  ) {
    let session = state.session
    let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
    let end = LiveScreen.time(session.projectedEnd(at: now), timeZone)
    grid.put("Schedule · projected end \(end)", x: inner.x, y: inner.y, style: Theme.heading)
    let header = "    start  phase".padded(toWidth: inner.width - 16) + "plan   used"
    grid.put(header, x: inner.x, y: inner.y + 1, style: Theme.muted, maxWidth: inner.width)
    var lines: [(String, Style)] = []
    for report in session.scheduleReport(at: now) {
      let mark: String
      let style: Style
      switch report.status {
      case .done: (mark, style) = ("✓", Theme.muted)
      case .current: (mark, style) = ("▸", Theme.selected)
      case .upcoming: (mark, style) = (" ", .plain)
      }
      let start = report.start.map { LiveScreen.time($0, timeZone) } ?? "     "
      var name = report.slot.phase.name
      if let presenter = report.slot.presenter {
        name =
          "R\((report.slot.round ?? 0) + 1) \(name) · \(LiveScreen.name(presenter, in: session))"
      }
      let used =
        report.status == .upcoming ? "     " : LiveScreen.clock(Int(report.usedSeconds.rounded()))
      let left = " \(mark)  \(start)  \(name)"
      let right = "\(LiveScreen.clock(report.adjustedSeconds))  \(used)  "
      lines.append((left.padded(toWidth: inner.width - 16) + right.padded(toWidth: 16), style))
    }
    let airtime = session.airtime(at: now)
    if !airtime.isEmpty {
      lines.append(("", .plain))
      lines.append(("Airtime per presenter (used / planned)", Theme.heading))
      for entry in airtime {
        let text =
          "  \(LiveScreen.name(entry.presenter, in: session)): \(LiveScreen.clock(Int(entry.usedSeconds.rounded()))) / \(LiveScreen.clock(entry.plannedSeconds))"
        lines.append((text, .plain))
      }
    }
    let body = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
    let scroll = min(state.scheduleScroll, max(0, lines.count - body.height))
    for (i, line) in lines.dropFirst(scroll).prefix(body.height).enumerated() {
      grid.put(line.0, x: body.x, y: body.y + i, style: line.1, maxWidth: body.width)
    }
  }
}

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
    // "plan" is the protocol's; "now" the plan with the facilitator's minutes, shown only
    // when they differ, so an adjusted phase never passes for its plan.
    let header = "    start  phase".padded(toWidth: inner.width - 24) + "plan   now    used"
    grid.put(header, x: inner.x, y: inner.y + 1, style: Theme.muted, maxWidth: inner.width)
    var lines: [(String, Style)] = []
    for report in session.scheduleReport(at: now) {
      let mark: String
      let style: Style
      let over =
        report.status != .upcoming && Int(report.usedSeconds.rounded()) > report.adjustedSeconds
      switch report.status {
      case .done: (mark, style) = (over ? "!" : "✓", over ? Theme.amber : Theme.muted)
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
      let adjusted =
        report.adjustedSeconds == report.plannedSeconds
        ? "     " : LiveScreen.clock(report.adjustedSeconds)
      var right = "\(LiveScreen.clock(report.plannedSeconds))  \(adjusted)  \(used)"
      right += over ? " over" : ""
      // A column to spare, so that a name cut short never runs into the plan ("…15:00").
      lines.append(
        (left.padded(toWidth: inner.width - 25) + " " + right.padded(toWidth: 24), style))
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
    var body = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
    // What does not fit is announced on the last row, so the airtime is never silently cut.
    let overflows = lines.count > body.height
    if overflows { body.height -= 1 }
    let scroll = min(state.scheduleScroll, max(0, lines.count - body.height))
    for (i, line) in lines.dropFirst(scroll).prefix(body.height).enumerated() {
      grid.put(line.0, x: body.x, y: body.y + i, style: line.1, maxWidth: body.width)
    }
    if overflows {
      let below = max(0, lines.count - scroll - body.height)
      let text =
        below > 0
        ? "↓ \(below) more row\(below == 1 ? "" : "s") below (airtime per presenter at the end) · ↑↓ PgUp PgDn scroll"
        : "↑↓ PgUp PgDn scroll"
      grid.put(text, x: body.x, y: body.maxY, style: Theme.muted, maxWidth: body.width)
    }
  }
}

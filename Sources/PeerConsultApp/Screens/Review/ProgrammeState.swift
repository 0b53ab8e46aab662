import Foundation
import PeerConsultKit
import TerminalKit

/// The programme view, opened from review with Ctrl-O: a programme at a glance, for a lead
/// looking across months of sessions. The process ratings over time as a sparkline, the
/// recurring tags with how often and whether they are rising or fading, the actions (open and
/// overdue, for the programme and each standing group), and the sessions in order. Esc goes back to the review list as it was left.
public struct ProgrammeState: Equatable, Sendable {
  public let overview: ProgrammeOverview
  public var scroll = 0
  /// The review screen to go back to.
  public var back: ReviewState

  public init(overview: ProgrammeOverview, back: ReviewState) {
    self.overview = overview
    self.back = back
  }

  /// Rows a page key scrolls.
  static let pageStep = 10

  /// The view as styled lines, so scrolling is a slice: the first `limit` or a few more, and
  /// how many there are in all. Only the sessions' lines, one per session, are left unbuilt
  /// past `limit`: a frame lays out the rows it shows, not a thousand sessions' dates and
  /// titles (twice, for the update before it and for itself).
  func lines(width: Int, timeZone: TimeZone, limit: Int = .max) -> (
    lines: [(String, Style)], count: Int
  ) {
    let time = ReadableTime(timeZone: timeZone)
    let sessions = overview.sessions
    var lines: [(String, Style)] = []
    if let first = sessions.first, let last = sessions.last {
      let unfinished = sessions.count { !$0.isFinished }
      lines.append(
        (
          "\(time.day(first.createdAt)) to \(time.day(last.createdAt))"
            + (unfinished > 0 ? " · \(unfinished) unfinished" : ""), Theme.title
        ))
    }
    if !overview.groups.isEmpty {
      lines.append(("", .plain))
      lines.append(("Standing groups (\(overview.groups.count))", Theme.heading))
      for group in overview.groups {
        // Open and overdue actions first, so a narrow window cuts the dates, not them; a long
        // name gives way to them (it pushed every count off the row at 80 columns).
        var counts = ""
        let actions = overview.groupActions[group.id] ?? .init()
        if actions.open > 0 {
          counts += "\(actions.open) open"
          if actions.overdue > 0 { counts += ", \(actions.overdue) overdue" }
          counts += " · "
        }
        counts += CommandText.counted(group.sessionCount, "meeting")
        if let last = group.lastMet { counts += " · last met \(time.day(last))" }
        let name = group.name.truncated(toWidth: max(16, width - 5 - counts.displayWidth))
        let text = "  \(name) · \(counts)"
        // A group with overdue actions stands out, as late work does on the follow-up step.
        lines.append((text, actions.overdue > 0 ? Theme.warning : .plain))
      }
    }

    lines.append(("", .plain))
    lines.append(("Process ratings over time (average per rated session, 1 to 5)", Theme.heading))
    let ratings = overview.ratings
    if ratings.isEmpty {
      lines.append(("  no ratings given yet", Theme.muted))
    } else {
      let spark = Sparkline.line(ratings, range: 1...5, width: max(1, width - 24))
      let shown = ratings.suffix(spark.count)
      let change =
        shown.count > 1
        ? "\(Self.rating(shown.first ?? 0)) → \(Self.rating(shown.last ?? 0))"
        : Self.rating(shown.last ?? 0)
      lines.append(("  \(spark)  \(change)", .plain))
      if shown.count < ratings.count {
        lines.append(
          ("  the latest \(shown.count) of \(ratings.count) rated sessions", Theme.muted))
      }
    }

    lines.append(("", .plain))
    lines.append(("Recurring tags (\(overview.tags.count))", Theme.heading))
    if overview.tags.isEmpty {
      lines.append(
        ("  none yet: a #tag in a note (#licensing) marks a theme to follow", Theme.muted))
    } else {
      // The counts, dates and trend take 61 columns; the name gets what is left, within reason.
      let longest = overview.tags.map { $0.tag.displayWidth + 1 }.max() ?? 0
      let nameWidth = max(8, min(28, longest, width - 61))
      let header =
        "  " + "tag".padded(toWidth: nameWidth) + "  sessions  groups  notes  "
        + "first".padded(toWidth: 10)
        + "  " + "last".padded(toWidth: 10) + "  trend"
      lines.append((header, Theme.muted))
      for tag in overview.tags {
        let name = ("#" + tag.tag).padded(toWidth: nameWidth)
        let counts =
          Self.right(tag.sessions, 10) + Self.right(tag.groups, 8) + Self.right(tag.notes, 7)
        lines.append(
          (
            "  \(name)\(counts)  \(time.day(tag.firstSeen))  \(time.day(tag.lastSeen))  "
              + Self.label(tag.trend),
            tag.trend == .rising || tag.trend == .new ? Theme.key : .plain
          ))
      }
    }

    lines.append(("", .plain))
    let actions = overview.actions
    lines.append(("Actions", Theme.heading))
    lines.append(
      (
        "  \(actions.agreed) agreed · \(actions.done) done · \(actions.dropped) dropped · "
          + "\(actions.open) open", .plain
      ))
    if actions.open > 0 {
      lines.append(
        (
          "  of those open: \(actions.carried) carried from a meeting to the next, "
            + "\(actions.overdue) overdue", actions.overdue > 0 ? Theme.warning : .plain
        ))
    }

    lines.append(("", .plain))
    lines.append(("Sessions, oldest first", Theme.heading))
    let shown = sessions.prefix(max(0, limit - lines.count))
    for session in shown {
      var text = "  \(time.day(session.createdAt))  \(session.title)"
      if let group = session.group { text += " · \(group)" }
      text += " · " + CommandText.counted(session.notes, "note")
      if let rating = session.averageRating { text += " · rated \(Self.rating(rating))" }
      text += session.isFinished ? "" : " · unfinished"
      lines.append((text, .plain))
    }
    return (lines, lines.count + sessions.count - shown.count)
  }

  /// `value` right-aligned in `width` columns.
  static func right(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: " ", count: max(0, width - text.count)) + text
  }

  /// A rating to one decimal place.
  static func rating(_ value: Double) -> String { SessionDigest.oneDecimal(value) }

  static func label(_ trend: TagTrend) -> String {
    switch trend {
    case .new: "new ↑"
    case .rising: "rising ↑"
    case .steady: "steady"
    case .fading: "fading ↓"
    }
  }
}

extension KeyContext {
  public static let programme = KeyContext("programme", title: "Programme view")
}

extension Action {
  /// Open the programme view from review.
  public static let programmeView = Action("programmeView")
}

extension ProgrammeState: Screen {
  public static let keyBindings = [
    KeyBinding([.up], .scrollUp, "scroll", "Scroll up", in: [.programme], footer: false),
    KeyBinding([.down], .scrollDown, "scroll", "Scroll down", in: [.programme], footer: false),
    KeyBinding(
      [.pageUp], .pageUp, "page up", "Scroll a page up", in: [.programme], footer: false),
    KeyBinding(
      [.pageDown], .pageDown, "page down", "Scroll a page down", in: [.programme], footer: false),
    KeyBinding([.escape], .back, "back", "Back to the review list", in: [.programme]),
    KeyBinding.help(in: [.programme]),
  ]

  public var keyContext: KeyContext { .programme }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    ("Programme · \(overview.programme)", CommandText.counted(overview.sessions.count, "session"))
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    let view = lines(
      width: area.width - 4, timeZone: environment.timeZone, limit: scroll + area.height)
    ScrolledLines.render(view.lines, count: view.count, scroll: scroll, into: &grid, area: area)
    return nil
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    switch input {
    case .action(.scrollDown): scroll += 1
    case .action(.scrollUp): scroll = max(0, scroll - 1)
    case .action(.pageDown): scroll += Self.pageStep
    case .action(.pageUp): scroll = max(0, scroll - Self.pageStep)
    case .action(.back): return [.show(back)]
    default: break
    }
    // Never further than the last page, so ↑ answers at once after holding ↓.
    let rows = lines(width: environment.width - 4, timeZone: environment.timeZone, limit: 0).count
    scroll = min(scroll, max(0, rows - environment.bodyHeight + 1))
    return []
  }
}

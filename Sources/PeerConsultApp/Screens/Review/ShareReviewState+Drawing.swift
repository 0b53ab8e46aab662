import Foundation
import PeerConsultKit
import TerminalKit

/// How the review before sharing is drawn: a status line, the replacements and the suspects
/// (two rows each, the selected one reversed), and the format and file at the foot.
extension ShareReviewState {
  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    let inner = area.inset(dx: 2, dy: 0)
    let list = Rect(
      x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - Self.chromeRows)
    if let loadError {
      grid.put(
        "Cannot read the sessions: \(loadError)", x: inner.x, y: inner.y, style: Theme.error,
        maxWidth: inner.width)
    } else if let review {
      drawStatus(review, into: &grid, area: inner.row(0))
      drawList(review, into: &grid, area: list)
    } else {
      grid.put("Reading the sessions…", x: inner.x, y: inner.y, style: Theme.muted)
    }
    return drawOutput(
      into: &grid, area: Rect(x: inner.x, y: inner.maxY - 2, width: inner.width, height: 2))
  }

  /// Counts, and what is left to decide.
  private func drawStatus(_ review: ShareReview, into grid: inout Grid, area: Rect) {
    let replacements = review.replacements.count
    let unresolved = review.unresolved.count
    var parts = [
      "\(replacements) replacement\(replacements == 1 ? "" : "s")",
      "\(review.suspects.count) suspect\(review.suspects.count == 1 ? "" : "s")",
    ]
    if skipped > 0 { parts.append("\(skipped) damaged session\(skipped == 1 ? "" : "s") left out") }
    parts.append(unresolved == 0 ? "nothing left to decide" : "\(unresolved) without a choice")
    // The file is the one on the path row unless the path was changed since.
    if let written, written == path.string { parts.append("✓ written") }
    grid.put(
      parts.joined(separator: " · "), x: area.x, y: area.y,
      style: unresolved == 0 && skipped == 0 ? Theme.muted : Theme.warning, maxWidth: area.width)
  }

  private func drawList(_ review: ShareReview, into grid: inout Grid, area: Rect) {
    let lines = Self.lines(review)
    let top = max(0, min(scroll, lines.count - area.height))
    for (offset, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
      let y = area.y + offset
      switch line {
      case .heading(let text): grid.put(text, x: area.x, y: y, style: Theme.heading)
      case .none: grid.put("  none", x: area.x, y: y, style: Theme.muted)
      case .gap: break
      case .item(let index, let second):
        drawItem(
          review.items[index], second: second, selected: index == selection, into: &grid,
          area: Rect(x: area.x, y: y, width: area.width, height: 1))
      }
    }
  }

  /// One row of an item: what becomes what, and its state; or where it first stands and why
  /// it is a suspect.
  private func drawItem(
    _ item: ShareReview.Item, second: Bool, selected: Bool, into grid: inout Grid, area: Rect
  ) {
    let base = selected ? Theme.selected : Style.plain
    if second {
      // The reason first: a narrow window cuts the context rather than why it is listed.
      let reason = Self.reason(item.kind)
      let text = "    " + (reason.isEmpty ? "" : reason + ": ") + "“\(item.context)”"
      grid.put(
        text.truncated(toWidth: area.width).padded(toWidth: area.width), x: area.x, y: area.y,
        style: selected ? base : Theme.muted)
      return
    }
    let (state, stateStyle) = Self.state(of: item)
    let times = item.count == 1 ? "" : " ×\(item.count)"
    let head = "\(selected ? "▸" : " ") \(item.text) → \(item.replacement)\(times)"
    let room = area.width - state.displayWidth - 2
    grid.put(
      head.truncated(toWidth: room).padded(toWidth: area.width), x: area.x, y: area.y, style: base)
    grid.put(
      state, x: area.maxX - state.displayWidth, y: area.y, style: selected ? base : stateStyle)
  }

  /// The format choice and the file, with the cursor while the path is typed.
  private func drawOutput(into grid: inout Grid, area: Rect) -> (x: Int, y: Int)? {
    var x = area.x + grid.put("Format ▸ ", x: area.x, y: area.y, style: Theme.heading)
    for (index, candidate) in ShareFormat.allCases.enumerated() {
      if index > 0 { x += grid.put(" ", x: x, y: area.y) }
      x += grid.put(
        " \(Self.formatName(candidate)) ", x: x, y: area.y,
        style: candidate == format ? Theme.selected : Theme.muted)
    }
    let label = "Write to ▸ "
    let y = area.y + 1
    grid.put(label, x: area.x, y: y, style: Theme.heading)
    let fieldX = area.x + label.displayWidth
    let cursor = path.render(
      into: &grid, x: fieldX, y: y, width: area.maxX - fieldX,
      style: editingPath ? Theme.field : .plain)
    return editingPath ? (cursor, y) : nil
  }

  static func formatName(_ format: ShareFormat) -> String {
    switch format {
    case .markdown: "Markdown"
    case .html: "HTML"
    case .json: "JSON"
    }
  }

  /// What happens to `item` and whether the facilitator chose it, with its style.
  static func state(of item: ShareReview.Item) -> (String, Style) {
    guard item.isSuspect else { return ("always replaced", Theme.muted) }
    switch item.choice {
    case true?: return ("replace (chosen)", Theme.ok)
    case false?: return ("keep (chosen)", Theme.ok)
    case nil:
      return (item.isReplaced ? "replaced unless kept ?" : "kept unless replaced ?", Theme.warning)
    }
  }

  /// Why a suspect is one, in a few words.
  static func reason(_ kind: ShareReview.Item.Kind) -> String {
    switch kind {
    case .name: ""
    case .ordinaryWord: "also an ordinary word"
    case .insideWord: "a name inside a word"
    case .shortForm: "a guessed short form of an organisation"
    case .unknownName: "a name of nobody in the group"
    case .resemblance: "close to a participant's name"
    case .usualMeaning: "a title, month or day here"
    case .groupWord: "a group's name, also a word"
    }
  }

  /// A row of the list.
  enum Line: Equatable {
    case heading(String)
    case none
    case gap
    /// Item `index`'s first row, or its second.
    case item(Int, second: Bool)
  }

  /// The list as rows: the replacements, then the suspects, each item two rows.
  static func lines(_ review: ShareReview) -> [Line] {
    let replacements = review.replacements.count
    let suspects = review.suspects.count
    var lines: [Line] = [.heading("Replacements (\(replacements))")]
    if replacements == 0 { lines.append(.none) }
    for index in 0..<replacements {
      lines += [.item(index, second: false), .item(index, second: true)]
    }
    lines.append(.gap)
    lines.append(.heading("Suspects (\(suspects), \(review.unresolved.count) without a choice)"))
    if suspects == 0 { lines.append(.none) }
    for index in replacements..<(replacements + suspects) {
      lines += [.item(index, second: false), .item(index, second: true)]
    }
    return lines
  }

  /// The row item `index` starts on.
  static func row(of index: Int, in review: ShareReview) -> Int {
    lines(review).firstIndex(of: .item(index, second: false)) ?? 0
  }
}

import PeerConsultKit
import TerminalKit

/// The protocol browser's state: the library as loaded, the selection and the detail scroll.
public struct ProtocolBrowserState: Equatable, Sendable {
  public var protocols: [ConsultingProtocol]
  /// One line per user file that could not be read.
  public var problems: [String]
  public var selection = 0
  public var detailScroll = 0

  public init(protocols: [ConsultingProtocol], problems: [String] = []) {
    self.protocols = protocols
    self.problems = problems
  }

  public var selected: ConsultingProtocol? {
    protocols.indices.contains(selection) ? protocols[selection] : nil
  }
}

/// Browses the protocol library read-only: a list on the left, the chosen protocol's phases
/// with timings, speakers, guidance, rules and prompts on the right.
public enum ProtocolBrowserScreen {
  public static func render(_ state: ProtocolBrowserState, into grid: inout Grid, area: Rect) {
    let listWidth = min(36, area.width * 2 / 5)
    let (list, detail) = area.splitLeft(listWidth)
    var y = list.y + 1
    grid.put("Library", x: list.x + 2, y: y, style: Theme.heading)
    y += 1
    for (index, item) in state.protocols.enumerated() where y < list.maxY {
      let isSelected = index == state.selection
      let minutes = PhaseDuration.display(item.roundSeconds)
      let line = (isSelected ? "▸ " : "  ") + item.name
      let width = list.width - 3
      let label = line.truncated(toWidth: width - minutes.displayWidth - 1)
      grid.put(
        label.padded(toWidth: width - minutes.displayWidth) + minutes, x: list.x + 1, y: y,
        style: isSelected ? Theme.selected : .plain)
      y += 1
    }
    if !state.problems.isEmpty && y + 2 < list.maxY {
      let count = state.problems.count
      let text =
        "\(count) file\(count == 1 ? "" : "s") not loaded: run `peerconsult protocols check`"
      for (i, line) in TextWrapper.wrap(text, width: list.width - 3).enumerated()
      where y + 1 + i < list.maxY {
        grid.put(line, x: list.x + 2, y: y + 1 + i, style: Theme.warning)
      }
    }
    for row in detail.y..<detail.maxY { grid.put("│", x: detail.x, y: row, style: Theme.muted) }
    guard let selected = state.selected else {
      grid.put("No protocols.", x: detail.x + 2, y: detail.y + 1)
      return
    }
    let inner = Rect(
      x: detail.x + 2, y: detail.y + 1, width: detail.width - 3, height: detail.height - 1)
    let lines = detailLines(selected, width: inner.width)
    let scroll = min(state.detailScroll, max(0, lines.count - inner.height))
    for (i, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
      grid.put(
        line.text, x: inner.x + line.indent, y: inner.y + i, style: line.style,
        maxWidth: inner.width - line.indent)
    }
  }

  struct Line {
    var text: String
    var style: Style = .plain
    var indent = 0
  }

  /// The detail pane as lines, so scrolling is a slice.
  static func detailLines(_ item: ConsultingProtocol, width: Int) -> [Line] {
    var lines = [Line(text: item.name, style: Theme.title)]
    let source: String
    switch item.source {
    case .builtIn: source = "built-in · id \(item.id)"
    case .file(let path): source = "\(path) · id \(item.id)"
    }
    lines.append(Line(text: source, style: Theme.muted))
    lines += TextWrapper.wrap(item.description, width: width).map { Line(text: $0) }
    for part in ConsultingProtocol.Part.allCases {
      let phases = item.phases(in: part)
      guard !phases.isEmpty else { continue }
      lines.append(Line(text: ""))
      let label: String
      switch part {
      case .opening: label = "Opening (once)"
      case .round:
        label = "Each round (once per presenter) · \(PhaseDuration.display(item.roundSeconds))"
      case .closing: label = "Closing (once)"
      }
      lines.append(Line(text: label, style: Theme.heading))
      for phase in phases {
        lines.append(
          Line(
            text:
              "\(phase.name) · \(PhaseDuration.display(phase.durationSeconds)) · \(phase.speaker.rawValue) speaks · notes: \(phase.noteKind.rawValue)",
            style: Theme.key, indent: 1))
        lines += TextWrapper.wrap(phase.guidance, width: width - 3).map {
          Line(text: $0, indent: 3)
        }
        for rule in phase.rules {
          lines += TextWrapper.wrap("rule: " + rule, width: width - 3).map {
            Line(text: $0, style: Theme.warning, indent: 3)
          }
        }
        for prompt in phase.prompts {
          lines += TextWrapper.wrap("“\(prompt)”", width: width - 3).map {
            Line(text: $0, style: Theme.muted, indent: 3)
          }
        }
      }
    }
    return lines
  }
}

extension KeyContext {
  public static let protocols = KeyContext("protocols", title: "Protocols")
}

extension ProtocolBrowserState: Screen {
  public static let keyBindings = [
    KeyBinding([.up, .character("k")], .up, "up", "Move up", in: [.protocols], footer: false),
    KeyBinding(
      [.down, .character("j")], .down, "down", "Move down", in: [.protocols], footer: false),
    KeyBinding(
      [.pageUp], .pageUp, "page up", "Scroll a page up", in: [.protocols],
      footer: false),
    KeyBinding(
      [.pageDown], .pageDown, "page down", "Scroll a page down", in: [.protocols],
      footer: false),
    KeyBinding([.escape], .back, "back", "Go back", in: [.protocols]),
    KeyBinding.help(in: [.protocols]),
    KeyBinding([.character("q")], .back, "back", "Go back", in: [.protocols], footer: false),
  ]

  public var keyContext: KeyContext { .protocols }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    ("PeerConsult · Protocols", "\(protocols.count) protocols")
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    ProtocolBrowserScreen.render(self, into: &grid, area: area)
    return nil
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    guard case .action(let action) = input else { return [] }
    let count = protocols.count
    switch action {
    case .up where count > 0:
      selection = (selection + count - 1) % count
      detailScroll = 0
    case .down where count > 0:
      selection = (selection + 1) % count
      detailScroll = 0
    case .pageDown: detailScroll += 10
    case .pageUp: detailScroll = max(0, detailScroll - 10)
    case .back: return [.leave(to: .protocols)]
    default: break
    }
    return []
  }
}

import Foundation
import Plot

/// The sessions' mean process ratings over time as an inline SVG line chart, built with Plot
/// like the rest of the page: each session a point, evenly spaced oldest to newest, on a scale
/// from 1 to 5. Attributes carry only numbers computed here; the one text a reader wrote, a
/// session's title, goes into a point's `<title>` through ``HTMLPage/text(_:)``, escaped.
struct RatingsChart {
  let time: ReadableTime

  static let width = 640.0
  static let height = 220.0
  private static let left = 36.0
  private static let right = 16.0
  private static let top = 12.0
  private static let bottom = 36.0

  /// The chart of `sessions`, those rated, oldest first.
  func render(_ sessions: [ProgrammeReport.Session]) -> Node<HTML.BodyContext> {
    let points = sessions.enumerated().compactMap { index, session in
      session.averageRating.map { (x: x(index, of: sessions.count), y: y($0), session: session) }
    }
    let line = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
    var nodes: [Node<HTML.BodyContext>] = [
      .attribute(named: "class", value: "chart"),
      .attribute(
        named: "viewBox", value: "0 0 \(Self.number(Self.width)) \(Self.number(Self.height))"),
      .attribute(named: "role", value: "img"),
      .attribute(named: "xmlns", value: "http://www.w3.org/2000/svg"),
      .element(named: "title", nodes: [.text("Mean process rating per session, 1 to 5")]),
    ]
    for rating in 1...5 {
      let level = y(Double(rating))
      nodes.append(
        Self.element(
          "line",
          ["x1": Self.left, "x2": Self.width - Self.right, "y1": level, "y2": level],
          stroke: "#ddd"))
      nodes.append(
        .element(
          named: "text",
          nodes: [
            .attribute(named: "x", value: Self.number(Self.left - 8)),
            .attribute(named: "y", value: Self.number(level + 4)),
            .attribute(named: "text-anchor", value: "end"),
            .attribute(named: "font-size", value: "11"),
            .text("\(rating)"),
          ]))
    }
    if let first = points.first, let last = points.last {
      nodes.append(label(time.day(first.session.createdAt), x: first.x, anchor: "start"))
      if points.count > 1 {
        nodes.append(label(time.day(last.session.createdAt), x: last.x, anchor: "end"))
      }
    }
    if points.count > 1 {
      nodes.append(
        .selfClosedElement(
          named: "polyline",
          attributes: [
            Attribute<HTML.BodyContext>(name: "points", value: line),
            Attribute(name: "fill", value: "none"), Attribute(name: "stroke", value: "#1f5fa8"),
            Attribute(name: "stroke-width", value: "2"),
          ]))
    }
    for point in points {
      let average = SessionDigest.oneDecimal(point.session.averageRating ?? 0)
      nodes.append(
        .element(
          named: "circle",
          nodes: [
            .attribute(named: "cx", value: Self.number(point.x)),
            .attribute(named: "cy", value: Self.number(point.y)),
            .attribute(named: "r", value: "3.5"),
            .attribute(named: "fill", value: "#1f5fa8"),
            .element(
              named: "title",
              nodes: [
                HTMLPage.text(
                  "\(time.day(point.session.createdAt)) · \(point.session.title): \(average) "
                    + "(\(CommandText.counted(point.session.ratings, "rating")))")
              ]),
          ]))
    }
    return .element(named: "svg", nodes: nodes)
  }

  private func x(_ index: Int, of count: Int) -> Double {
    let span = Self.width - Self.left - Self.right - 16
    guard count > 1 else { return Self.left + 8 + span / 2 }
    return Self.left + 8 + span * Double(index) / Double(count - 1)
  }

  private func y(_ rating: Double) -> Double {
    let span = Self.height - Self.top - Self.bottom
    return Self.top + span * (5 - min(max(rating, 1), 5)) / 4
  }

  private func label(_ text: String, x: Double, anchor: String) -> Node<HTML.BodyContext> {
    .element(
      named: "text",
      nodes: [
        .attribute(named: "x", value: Self.number(x)),
        .attribute(named: "y", value: Self.number(Self.height - 12)),
        .attribute(named: "text-anchor", value: anchor),
        .attribute(named: "font-size", value: "11"),
        HTMLPage.text(text),
      ])
  }

  private static func element(
    _ name: String, _ numbers: KeyValuePairs<String, Double>, stroke: String
  )
    -> Node<HTML.BodyContext>
  {
    .selfClosedElement(
      named: name,
      attributes: numbers.map { Attribute<HTML.BodyContext>(name: $0.key, value: number($0.value)) }
        + [Attribute(name: "stroke", value: stroke)])
  }

  /// A coordinate to one decimal, the same on every platform.
  private static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}

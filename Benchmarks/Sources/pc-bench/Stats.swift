import Foundation

/// The value below which `fraction` of `values` fall (nearest rank).
func percentile(_ values: [Double], _ fraction: Double) -> Double {
  guard !values.isEmpty else { return .nan }
  let sorted = values.sorted()
  let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
  return sorted[min(max(0, rank), sorted.count - 1)]
}

func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

/// Milliseconds, with precision to match the size.
func ms(_ seconds: Double) -> String {
  let value = seconds * 1000
  if value >= 100 { return String(format: "%.0f ms", value) }
  if value >= 1 { return String(format: "%.1f ms", value) }
  return String(format: "%.3f ms", value)
}

/// One row of the results table.
struct Row {
  var figure: String
  var ours: String
  var baseline: String
  var ratio: String
  var goal: String
  /// nil when the row has no goal to meet.
  var met: Bool?

  static func ratio(_ ours: Double, _ baseline: Double) -> String {
    guard baseline > 0, ours.isFinite, baseline.isFinite else { return "-" }
    return String(format: "%.2fx", ours / baseline)
  }
}

/// The rows as a Markdown table, the form Docs/PERFORMANCE.md keeps.
func table(_ rows: [Row]) -> String {
  var lines = [
    "| figure | ours | baseline | ratio | goal | met |", "|---|---|---|---|---|---|",
  ]
  for row in rows {
    let met = row.met.map { $0 ? "yes" : "**no**" } ?? "-"
    lines.append(
      "| \(row.figure) | \(row.ours) | \(row.baseline) | \(row.ratio) | \(row.goal) | \(met) |")
  }
  return lines.joined(separator: "\n")
}

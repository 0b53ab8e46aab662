/// Values drawn as one row of block characters (`▁▂▃▄▅▆▇█`), on a fixed scale so that two
/// sparklines of the same measure can be compared by eye.
enum Sparkline {
  static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// One block per value, the lowest for `range.lowerBound` and below, the highest for
  /// `range.upperBound` and above; the last `width` values when there are more.
  static func line(_ values: [Double], range: ClosedRange<Double>, width: Int) -> String {
    guard width > 0 else { return "" }
    let span = range.upperBound - range.lowerBound
    return String(
      values.suffix(width).map { value in
        let share = span > 0 ? (value - range.lowerBound) / span : 0
        let level = Int((min(1, max(0, share)) * Double(blocks.count - 1)).rounded())
        return blocks[level]
      })
  }
}
